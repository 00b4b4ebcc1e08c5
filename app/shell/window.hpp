// The desktop window: GLFW with an OpenGL 3.3 core context loaded through glad, content-scale
// (high-DPI) aware. Errors are values: create() returns nullptr and a message.
#pragma once
#include <memory>
#include <string>

struct GLFWwindow;

namespace divlab::platform {

class Window {
 public:
  // nullptr with *error set when there is no display or no OpenGL 3.3 core context.
  static std::unique_ptr<Window> create(int width, int height, const std::string& title, std::string* error);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return window_; }
  // The monitor's content scale (1 on a 96-dpi screen, 2 on a typical high-DPI laptop).
  float content_scale() const;
  bool should_close() const;
  void request_close() const;
  void set_title(const std::string& title) const;
  // Framebuffer size in pixels; 0×0 while minimised on some platforms.
  void framebuffer_size(int* w, int* h) const;
  // Iconified, or nothing to draw into. X11 keeps reporting the old size while iconified, so the size
  // alone does not tell.
  bool minimised() const;
  // Brings a minimised window back (e.g. to ask about unsaved work before closing).
  void restore() const;
  void swap() const;
  // Full screen on the primary monitor and back to the previous window geometry.
  void toggle_fullscreen();
  bool fullscreen() const;
  // Window size in screen coordinates (what create() takes).
  void size(int* w, int* h) const;
  // Clears a close request (e.g. to ask about unsaved work first).
  void cancel_close() const;

 private:
  explicit Window(GLFWwindow* w) : window_(w) {}
  GLFWwindow* window_;
  int saved_x_ = 100, saved_y_ = 100, saved_w_ = 1600, saved_h_ = 900;
};

}  // namespace divlab::platform

// A headless OpenGL 3.3 core context: EGL on Mesa's surfaceless platform (no X server, no
// display, software rendering when there is no GPU), drawing into a framebuffer object whose
// pixels can be read back. Used by `divlab screenshot` and by GUI tests.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace divlab::platform {

// The pixels of the currently bound read framebuffer (an FBO, or a window's back buffer before
// swapping: the GUI's F12) as RGBA8, top row first. Needs a current GL context loaded by glad.
std::vector<std::uint8_t> read_framebuffer_rgba(int width, int height);

class EglOffscreen {
 public:
  // Creates the context, makes it current, loads GL through glad and binds a width × height FBO.
  // nullptr (and *error) when EGL, the surfaceless platform or GL 3.3 core is unavailable.
  static std::unique_ptr<EglOffscreen> create(int width, int height, std::string* error);
  ~EglOffscreen();
  EglOffscreen(const EglOffscreen&) = delete;
  EglOffscreen& operator=(const EglOffscreen&) = delete;

  int width() const { return width_; }
  int height() const { return height_; }
  // Reallocates the FBO's attachments; false (and *error) on failure.
  bool resize(int width, int height, std::string* error);
  // Binds the FBO as the draw and read framebuffer and sets the viewport to it.
  void bind() const;
  // Finishes rendering and returns the FBO's pixels as RGBA8, top row first.
  std::vector<std::uint8_t> read_rgba() const;
  // GL_RENDERER / GL_VERSION of the context, for messages and logs.
  std::string renderer() const;

 private:
  EglOffscreen() = default;
  void* display_ = nullptr;  // EGLDisplay
  void* context_ = nullptr;  // EGLContext
  unsigned fbo_ = 0, color_ = 0, depth_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace divlab::platform

// One frame driver, backends by name: "glfw" (the desktop window), "egl" (an offscreen EGL
// context: `divlab screenshot`, pixel tests; no display needed) and "none" (no GL at all: the
// in-process GUI tests). The driver owns the ImGui context; each frame it builds the fonts at the
// app's scale, runs draw_frame() and hands the draw data to the backend.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plot/theme.hpp"

namespace divlab::platform {
class Window;
}

namespace divlab::gui {

struct App;

class FrameBackend {
 public:
  virtual ~FrameBackend() = default;
  virtual std::string_view name() const = 0;
  // Starts ImGui's platform and renderer backends in the current context; false (and *error) on failure.
  virtual bool start(std::string* error) = 0;
  virtual void stop() = 0;
  virtual ImVec2 display_size() const = 0;
  // The font atlas was rebuilt: upload it again.
  virtual void fonts_changed() = 0;
  virtual void new_frame() = 0;  // before ImGui::NewFrame()
  // Draws ImGui's draw data over the cleared background (after ImGui::Render()).
  virtual void render(plot::Color clear) = 0;
  // The pixels just rendered, RGBA8, top row first, opaque (empty without GL).
  virtual std::vector<std::uint8_t> read_rgba() = 0;
  // Shows the frame (a window swaps its buffers).
  virtual void show() {}
  // The desktop window of the "glfw" backend, else nullptr.
  virtual platform::Window* window() { return nullptr; }
};

// The names make_frame_backend() knows: "glfw", "egl", "none".
std::vector<std::string_view> frame_backend_names();
// A backend of `width` × `height` pixels; nullptr (and *error) when it cannot start here (no
// display for glfw, no EGL for egl) or the name is unknown.
std::unique_ptr<FrameBackend> make_frame_backend(std::string_view name, int width, int height, std::string* error);

class FrameDriver {
 public:
  // Creates the ImGui context, starts the backend and loads the app's fonts. Check ok().
  FrameDriver(App& app, FrameBackend& backend);
  ~FrameDriver();
  FrameDriver(const FrameDriver&) = delete;
  FrameDriver& operator=(const FrameDriver&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool fonts_found() const { return fonts_found_; }

  // One frame: fonts at the app's scale, draw_frame(), render; F12's window PNG; show.
  void frame();
  // The frame's time step (seconds); the window sets it from the clock, offscreen keeps 1/60.
  void set_delta_time(float seconds);

 private:
  App& app_;
  FrameBackend& backend_;
  ImGuiContext* context_ = nullptr;
  bool started_ = false, fonts_found_ = false;
  float monitor_scale_ = 1.0f;  // the window's content scale (1 offscreen)
  std::string error_;
};

}  // namespace divlab::gui

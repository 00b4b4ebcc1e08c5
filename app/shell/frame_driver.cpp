#include "shell/frame_driver.hpp"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>
#include <GLFW/glfw3.h>

#include <cfloat>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "export/png_writer.hpp"
#include "shell/app.hpp"
#include "shell/egl_offscreen.hpp"
#include "shell/export_menu.hpp"
#include "shell/window.hpp"

namespace divlab::gui {

namespace {

void make_opaque(std::vector<std::uint8_t>& rgba) {
  for (std::size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;  // a window has no transparency
}

void clear_to(plot::Color c) {
  glClearColor(c.r, c.g, c.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
}

// [SECTION] glfw: the desktop window.
class GlfwBackend final : public FrameBackend {
 public:
  explicit GlfwBackend(std::unique_ptr<platform::Window> w) : window_(std::move(w)) {}
  std::string_view name() const override { return "glfw"; }
  bool start(std::string* error) override {
    glfw_ = ImGui_ImplGlfw_InitForOpenGL(window_->handle(), true);
    gl_ = ImGui_ImplOpenGL3_Init("#version 330 core");
    if (!glfw_ || !gl_) *error = "could not start the OpenGL renderer";
    return glfw_ && gl_;
  }
  void stop() override {
    if (gl_) ImGui_ImplOpenGL3_Shutdown();
    if (glfw_) ImGui_ImplGlfw_Shutdown();
    gl_ = glfw_ = false;
  }
  ImVec2 display_size() const override { return ImGui::GetIO().DisplaySize; }  // set by the GLFW backend
  void fonts_changed() override {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  void new_frame() override {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
  }
  void render(plot::Color clear) override {
    window_->framebuffer_size(&fw_, &fh_);
    glViewport(0, 0, fw_, fh_);
    clear_to(clear);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  std::vector<std::uint8_t> read_rgba() override {
    glReadBuffer(GL_BACK);
    auto rgba = platform::read_framebuffer_rgba(fw_, fh_);
    make_opaque(rgba);
    return rgba;
  }
  void show() override { window_->swap(); }
  platform::Window* window() override { return window_.get(); }

 private:
  std::unique_ptr<platform::Window> window_;
  bool glfw_ = false, gl_ = false;
  int fw_ = 0, fh_ = 0;
};

// [SECTION] egl: an offscreen framebuffer, no display.
class EglBackend final : public FrameBackend {
 public:
  explicit EglBackend(std::unique_ptr<platform::EglOffscreen> gl) : gl_(std::move(gl)) {}
  std::string_view name() const override { return "egl"; }
  bool start(std::string* error) override {
    started_ = ImGui_ImplOpenGL3_Init("#version 330 core");
    if (!started_) *error = "ImGui's OpenGL3 backend failed to start";
    return started_;
  }
  void stop() override {
    if (started_) ImGui_ImplOpenGL3_Shutdown();
    started_ = false;
  }
  ImVec2 display_size() const override {
    return {static_cast<float>(gl_->width()), static_cast<float>(gl_->height())};
  }
  void fonts_changed() override {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  void new_frame() override {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display_size();
    io.DisplayFramebufferScale = {1, 1};
    ImGui_ImplOpenGL3_NewFrame();
  }
  void render(plot::Color clear) override {
    gl_->bind();
    clear_to(clear);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  std::vector<std::uint8_t> read_rgba() override {
    auto rgba = gl_->read_rgba();
    make_opaque(rgba);
    return rgba;
  }

 private:
  std::unique_ptr<platform::EglOffscreen> gl_;
  bool started_ = false;
};

// [SECTION] none: ImGui frames with no renderer (draw data is built, nothing is drawn).
class NoneBackend final : public FrameBackend {
 public:
  NoneBackend(int w, int h) : size_{static_cast<float>(w), static_cast<float>(h)} {}
  std::string_view name() const override { return "none"; }
  bool start(std::string*) override {
    ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // large meshes, as the GL3 backend allows
    return true;
  }
  void stop() override {}
  ImVec2 display_size() const override { return size_; }
  void fonts_changed() override {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ImGui::GetIO().Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));  // stands in for a GL upload
  }
  void new_frame() override { ImGui::GetIO().DisplaySize = size_; }
  void render(plot::Color) override {}
  std::vector<std::uint8_t> read_rgba() override { return {}; }

 private:
  ImVec2 size_;
};

// Shift+F12: the window as it is now, as divlab-window-<time>.png in the export folder; the status
// bar and a toast name the file, the error dialog says why not.
void save_window_png(App& app, FrameBackend& backend) {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const auto rgba = backend.read_rgba();
  if (rgba.empty()) return;
  int fw = static_cast<int>(size.x * ImGui::GetIO().DisplayFramebufferScale.x);
  int fh = static_cast<int>(size.y * ImGui::GetIO().DisplayFramebufferScale.y);
  if (static_cast<std::size_t>(fw) * static_cast<std::size_t>(fh) * 4 != rgba.size()) return;
  char name[64];
  const std::time_t now = std::time(nullptr);
  std::strftime(name, sizeof name, "divlab-window-%Y%m%d-%H%M%S.png", std::localtime(&now));
  const std::filesystem::path folder = export_folder(app);
  if (const std::string problem = folder_problem(folder); !problem.empty()) {
    show_error(app.file_error, "The window was not saved. " + problem + " (choose another folder with Ctrl+E)");
    return;
  }
  const std::string path = (folder / name).string();
  std::string error;
  if (!exporting::write_png(path, fw, fh, rgba, &error)) show_error(app.file_error, error);
  else announce_saved(app, path);
}

}  // namespace

std::vector<std::string_view> frame_backend_names() { return {"glfw", "egl", "none"}; }

std::unique_ptr<FrameBackend> make_frame_backend(std::string_view name, int width, int height, std::string* error) {
  if (name == "glfw") {
    auto w = platform::Window::create(width, height, "divlab", error);
    return w ? std::make_unique<GlfwBackend>(std::move(w)) : nullptr;
  }
  if (name == "egl") {
    auto gl = platform::EglOffscreen::create(width, height, error);
    return gl ? std::make_unique<EglBackend>(std::move(gl)) : nullptr;
  }
  if (name == "none") return std::make_unique<NoneBackend>(width, height);
  *error = "unknown frame backend '" + std::string(name) + "' (expected glfw, egl or none)";
  return nullptr;
}

FrameDriver::FrameDriver(App& app, FrameBackend& backend) : app_(app), backend_(backend) {
  IMGUI_CHECKVERSION();
  context_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is computed; nothing to remember
  io.LogFilename = nullptr;
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no pointer until one moves: no hover readouts
  io.DisplaySize = backend.display_size();
  if (!backend_.start(&error_)) return;
  started_ = true;
  monitor_scale_ = backend_.window() ? backend_.window()->content_scale() : 1.0f;  // the monitor's DPI
  app_.content_scale = base_scale(monitor_scale_, io.DisplaySize);
  fonts_found_ = load_fonts(app_, ui_scale(app_));
  backend_.fonts_changed();
}

FrameDriver::~FrameDriver() {
  if (started_) backend_.stop();
  if (context_) ImGui::DestroyContext(context_);
}

void FrameDriver::set_delta_time(float seconds) { ImGui::GetIO().DeltaTime = seconds; }

void FrameDriver::frame() {
  app_.content_scale = base_scale(monitor_scale_, ImGui::GetIO().DisplaySize);  // the window may have grown
  const float scale = ui_scale(app_);
  if (scale != app_.fonts_built_scale) {  // presentation scale changed: rebuild the atlas at the new size
    load_fonts(app_, scale);
    backend_.fonts_changed();
  }
  const auto t0 = std::chrono::steady_clock::now();
  backend_.new_frame();
  ImGui::NewFrame();
  draw_frame(app_, ImGui::GetIO().DisplaySize);
  ImGui::Render();
  const double cpu_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  // Shown in the window's status bar; offscreen frames keep 0 so the same input gives the same picture.
  if (backend_.window()) app_.last_frame_cpu_ms = 0.9 * app_.last_frame_cpu_ms + 0.1 * cpu_ms;
  backend_.render(current_theme(app_).background);
  if (app_.want_window_png) {  // F12: the whole window as it is now
    app_.want_window_png = false;
    save_window_png(app_, backend_);
  }
  backend_.show();
}

}  // namespace divlab::gui

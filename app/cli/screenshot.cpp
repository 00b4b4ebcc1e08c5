// `divlab screenshot FILE -o OUT.png [--size WxH] [--theme NAME] [--frames N]`: the whole GUI,
// built by the same draw_frame() as the window, rendered by ImGui's OpenGL3 backend into an EGL
// surfaceless framebuffer (Mesa; no X server, no display) and written as PNG.
#include <CLI/CLI.hpp>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>

#include <charconv>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "divlab/document/scenario.hpp"
#include "export/png_writer.hpp"
#include "shell/app.hpp"
#include "shell/egl_offscreen.hpp"
#include "plot/theme.hpp"

namespace divlab::cli {

namespace {

std::optional<std::pair<int, int>> parse_size(const std::string& s) {
  const auto x = s.find_first_of("xX");
  if (x == std::string::npos) return std::nullopt;
  int w = 0, h = 0;
  const char* end = s.data() + s.size();
  auto a = std::from_chars(s.data(), s.data() + x, w);
  auto b = std::from_chars(s.data() + x + 1, end, h);
  if (a.ec != std::errc() || a.ptr != s.data() + x || b.ec != std::errc() || b.ptr != end) return std::nullopt;
  return std::pair{w, h};
}

// Owns the ImGui context and its OpenGL3 backend for one offscreen render.
struct ImGuiSession {
  ImGuiContext* context = nullptr;
  bool backend = false;
  ~ImGuiSession() {
    if (backend) ImGui_ImplOpenGL3_Shutdown();
    if (context) ImGui::DestroyContext(context);
  }
};

}  // namespace

int screenshot(const Args& args) {
  CLI::App cli{"Renders the whole GUI offscreen (EGL surfaceless, no display needed) into a PNG.",
               "divlab screenshot"};
  std::string file, out, size_text = "1600x1000", theme;
  int frames = 3;
  cli.add_option("FILE", file, "Scenario file (divlab.scenario JSON)")->required();
  cli.add_option("-o,--output", out, "Output PNG file")->required();
  cli.add_option("--size", size_text, "Window size WxH in pixels")->capture_default_str();
  cli.add_option("--theme", theme, "GUI theme (default: the scenario's view, else light)");
  cli.add_option("--frames", frames, "Frames to run before capturing (layout settles after 2)")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  add_version_flag(cli);
  if (const std::optional<int> done = parse_command_line(cli, "screenshot", args)) return *done;
  const auto size = parse_size(size_text);
  if (!size || size->first < 320 || size->second < 240 || size->first > 8192 || size->second > 8192) {
    print_error("screenshot: --size: expected WxH between 320x240 and 8192x8192, got '" + size_text + "'");
    return 2;
  }
  const bool png = out.size() >= 4 && (out.compare(out.size() - 4, 4, ".png") == 0 ||
                                        out.compare(out.size() - 4, 4, ".PNG") == 0);
  if (!png) {
    print_error("screenshot: -o: expected a .png file, got '" + out + "'");
    return 2;
  }
  if (!theme.empty() && !plot::theme_by_name(theme)) {
    print_error("screenshot: unknown theme '" + theme + "' (expected one of: " + name_list<plot::ThemeId>(", ") + ")");
    return 2;
  }
  std::optional<Scenario> scenario = load_or_report(file);
  if (!scenario) return 2;

  std::string error;
  const auto gl = platform::EglOffscreen::create(size->first, size->second, &error);
  if (!gl) {
    print_error("screenshot: no offscreen OpenGL: " + error);
    return 1;
  }
  auto app = std::make_unique<gui::App>();
  app->doc.reset(std::move(*scenario));
  if (!theme.empty()) app->doc.view().theme = theme;

  ImGuiSession session;
  IMGUI_CHECKVERSION();
  session.context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini: the same input gives the same picture
  io.LogFilename = nullptr;
  io.DisplaySize = ImVec2(static_cast<float>(size->first), static_cast<float>(size->second));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = 1.0f / 60.0f;
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // no pointer: no hover readouts
  gui::load_fonts(*app, gui::ui_scale(*app));
  app->fonts_built_scale = gui::ui_scale(*app);
  if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
    print_error("screenshot: ImGui's OpenGL3 backend failed to start");
    return 1;
  }
  session.backend = true;

  const plot::Color bg = gui::current_theme(*app).background;
  for (int i = 0; i < frames; ++i) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    gui::draw_frame(*app, io.DisplaySize);
    ImGui::Render();
    gl->bind();
    glClearColor(bg.r, bg.g, bg.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  std::vector<std::uint8_t> pixels = gl->read_rgba();
  for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // a window has no transparency
  if (!exporting::write_png(out, gl->width(), gl->height(), pixels, &error)) {
    print_error("screenshot: " + error);
    return 1;
  }
  return 0;
}

}  // namespace divlab::cli

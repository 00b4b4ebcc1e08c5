// `divlab screenshot FILE -o OUT.png [--size WxH] [--lab NAME] [--presentation] [--theme NAME]
// [--frames N]`: the whole GUI, built by the same frame driver as the window on its "egl" backend
// (an EGL surfaceless framebuffer: Mesa, no X server, no display), written as PNG.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <charconv>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "divlab/document/scenario.hpp"
#include "export/png_writer.hpp"
#include "labs/labs.hpp"
#include "shell/app.hpp"
#include "shell/frame_driver.hpp"
#include "plot/theme.hpp"

namespace divlab::cli {

namespace {

// "divergence, fit, joint" for messages and --help.
std::string lab_names() {
  std::string names;
  for (const auto& l : gui::make_labs()) names += (names.empty() ? "" : ", ") + std::string(l->id());
  return names;
}

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

}  // namespace

int screenshot(const Args& args) {
  CLI::App cli{"Renders the whole GUI offscreen (EGL surfaceless, no display needed) into a PNG.",
               "divlab screenshot"};
  std::string file, out, size_text = "1600x1000", theme, lab;
  bool presentation = false;
  std::vector<std::string> runs;
  int frames = 3;
  cli.add_option("FILE", file, "Scenario file (divlab.scenario JSON)")->required();
  cli.add_option("-o,--output", out, "Output PNG file")->required();
  cli.add_option("--size", size_text, "Window size WxH in pixels")->capture_default_str();
  cli.add_option("--lab", lab, "Lab to show (default: the lab of FILE's kind): " + lab_names());
  cli.add_flag("--presentation", presentation, "Presentation mode: 2x scale, high-contrast theme");
  cli.add_option("--run", runs,
                 "Run an action before capturing, after the first frame: ID or ID={JSON arguments} "
                 "(e.g. fit.play, set_theme={\"name\":\"dark\"}; 'divlab actions' lists them); repeatable");
  cli.add_option("--theme", theme,
                 "GUI theme: " + name_list<plot::ThemeId>(", ") + " (default: light, or high_contrast with --presentation)");
  cli.add_option("--frames", frames, "Frames to run before capturing (layout settles after 2; a playing fit moves every frame)")
      ->check(CLI::Range(1, 5000))
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
  auto app = std::make_unique<gui::App>();
  if (!lab.empty() && !app->find_lab(lab)) {
    print_error("screenshot: --lab: unknown lab '" + lab + "' (expected one of: " + lab_names() + ")");
    return 2;
  }
  if (lab.empty())
    for (const auto& l : app->labs)
      if (lab.empty() && l->opens(scenario->kind)) lab = std::string(l->id());
  if (lab.empty()) {  // (a joint scenario until the joint lab comes)
    print_error("screenshot: " + file + ": no lab opens a " + std::string(to_name(scenario->kind)) + " scenario");
    return 2;
  }
  gui::Lab& shown = *app->find_lab(lab);
  if (!shown.opens(scenario->kind)) {
    print_error("screenshot: " + file + ": the " + lab + " lab does not open a " + std::string(to_name(scenario->kind)) +
                " scenario");
    return 2;
  }
  app->switch_lab(lab);
  shown.doc.reset(std::move(*scenario));
  if (presentation) gui::toggle_presentation(*app);
  if (!theme.empty()) app->settings.theme = theme;

  std::string error;
  const auto backend = gui::make_frame_backend("egl", size->first, size->second, &error);
  if (!backend) {
    print_error("screenshot: no offscreen OpenGL: " + error);
    return 1;
  }
  gui::FrameDriver driver(*app, *backend);
  if (!driver.ok()) {
    print_error("screenshot: " + driver.error());
    return 1;
  }
  driver.frame();
  for (const std::string& run : runs) {
    const auto eq = run.find('=');
    const std::string id = run.substr(0, eq);
    nlohmann::json args = nlohmann::json::object();
    if (eq != std::string::npos) {
      args = nlohmann::json::parse(run.substr(eq + 1), nullptr, /*allow_exceptions=*/false);
      if (!args.is_object()) {
        print_error("screenshot: --run " + id + ": expected ID={JSON object of arguments}, got '" + run.substr(eq + 1) + "'");
        return 2;
      }
    }
    if (const std::string error = gui::run_action(*app, id, args); !error.empty()) {
      print_error("screenshot: --run: " + error);
      return 2;
    }
  }
  for (int i = 1; i < frames; ++i) driver.frame();
  const std::vector<std::uint8_t> pixels = backend->read_rgba();
  if (!exporting::write_png(out, size->first, size->second, pixels, &error)) {
    print_error("screenshot: " + error);
    return 1;
  }
  return 0;
}

}  // namespace divlab::cli

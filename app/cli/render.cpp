// `divlab render FILE -o OUT.{png,svg,pdf,csv,tex,json} [--figure NAME] [--size WxH] [--scale S] [--theme NAME]
// [--transparent]`: draws a figure through the same plot layer as the GUI into Cairo, with no display.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "divlab/document/scenario.hpp"
#include "export/render_figure.hpp"
#include "figures/registry.hpp"
#include "plot/theme.hpp"

namespace divlab::cli {

namespace {

// "1200x800" → {1200, 800}; nullopt when it is not two positive integers joined by 'x'.
std::optional<plot::Vec2> parse_size(const std::string& s) {
  const auto x = s.find_first_of("xX");
  if (x == std::string::npos) return std::nullopt;
  int w = 0, h = 0;
  const char* end = s.data() + s.size();
  auto a = std::from_chars(s.data(), s.data() + x, w);
  auto b = std::from_chars(s.data() + x + 1, end, h);
  if (a.ec != std::errc() || a.ptr != s.data() + x || b.ec != std::errc() || b.ptr != end || w <= 0 || h <= 0)
    return std::nullopt;
  return plot::Vec2{static_cast<float>(w), static_cast<float>(h)};
}

}  // namespace

int render(const Args& args) {
  CLI::App app{"Draws a figure of a scenario into PNG, SVG, PDF (or its data into CSV), with no display.",
               "divlab render"};
  std::string file, out, size_text;
  exporting::RenderRequest request;
  app.add_option("FILE", file, "Scenario file (divlab.scenario JSON)")->required();
  app.add_option("-o,--output", out, "Output file: .png, .svg, .pdf; or data: .csv (the figure's curves), .tex (metrics as a booktabs table), .json (metrics)")->required();
  bool figure_given = false;
  app.add_option("--figure", request.figure,
                 "Figure (default: dashboard, or joint_table for a joint scenario): " + plot::figure_list())
      ->each([&](const std::string&) { figure_given = true; });
  app.add_option("--size", size_text, "Canvas size WxH in pixels (default depends on the figure)");
  app.add_option("--scale", request.scale, "PNG pixel density, 1 to 4 (SVG and PDF are vector)")
      ->capture_default_str();
  app.add_option("--theme", request.theme, "Theme: " + name_list<plot::ThemeId>(", "))->capture_default_str();
  app.add_flag("--transparent", request.transparent, "No background fill (PNG gets an alpha channel)");

  add_version_flag(app);
  if (const std::optional<int> done = parse_command_line(app, "render", args)) return *done;
  if (!size_text.empty()) {
    request.size = parse_size(size_text);
    if (!request.size) {
      print_error("render: --size: expected WxH in pixels (e.g. 1200x800), got '" + size_text + "'");
      return 2;
    }
  }
  // Usage errors first, so a typo in --figure is reported before any computation.
  if (exporting::RenderResult bad = exporting::check_request(request, out); !bad.ok()) {
    print_error("render: " + bad.error);
    return bad.usage ? 2 : 1;
  }
  const std::optional<Scenario> scenario = load_or_report(file);
  if (!scenario) return 2;
  if (scenario->kind == Kind::joint && !figure_given) request.figure = "joint_table";
  // A figure draws one kind of scenario: a joint table has no P and Q, a P-vs-Q scenario no table.
  const bool joint_figure = plot::find_figure(request.figure)->lab == "joint";
  if ((scenario->kind == Kind::joint) != joint_figure) {
    print_error("render: " + file + ": figure '" + request.figure +
                (joint_figure ? "' draws a joint table, which this scenario does not have (\"kind\": \"joint\")"
                              : "' draws P and Q, which a joint scenario does not have (its figures: joint_table, "
                                "joint_vs_product, pointwise_mi, information_diagram)"));
    return 2;
  }
  if (plot::find_figure(request.figure)->lab == "coding" && scenario->kind != Kind::discrete) {
    print_error("render: " + file + ": figure '" + request.figure + "' draws codes for discrete P and Q, and this scenario is \"" +
                std::string(to_name(scenario->kind)) + "\"");
    return 2;
  }
  const exporting::RenderResult result = exporting::render_scenario(*scenario, out, request);
  if (!result.ok()) {
    print_error("render: " + result.error);
    return result.usage ? 2 : 1;
  }
  return 0;
}

}  // namespace divlab::cli

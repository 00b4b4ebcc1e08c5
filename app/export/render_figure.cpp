#include "export/render_figure.hpp"

#include <array>
#include <fstream>

#include "export/figure_csv.hpp"
#include "plot/theme.hpp"

namespace divlab::exporting {

namespace {

// Figures the product names (SPEC §3 / issue 6), in display order.
constexpr std::array<std::string_view, 8> kKnownFigures = {
    "densities", "contributions", "cdf", "metrics", "identities", "fit", "landscape", "dashboard"};

bool plot_layer_has(std::string_view name) {
  for (std::string_view n : plot::figure_names())
    if (n == name) return true;
  return false;
}

}  // namespace

bool is_known_figure(std::string_view name) {
  for (std::string_view n : kKnownFigures)
    if (n == name) return true;
  return plot_layer_has(name);
}

bool is_available_figure(std::string_view name) { return plot_layer_has(name); }

std::string figure_list() {
  std::string out;
  for (std::string_view n : kKnownFigures) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  for (std::string_view n : plot::figure_names()) {
    bool listed = false;
    for (std::string_view k : kKnownFigures) listed = listed || k == n;
    if (!listed) out += ", " + std::string(n);
  }
  return out;
}

plot::Vec2 default_figure_size(std::string_view figure) {
  if (figure == "dashboard") return {1400, 900};
  if (figure == "metrics" || figure == "identities") return {900, 520};
  return {800, 480};
}

RenderResult draw_named_figure(plot::Canvas& canvas, const plot::FigureData& data, const RenderRequest& request) {
  if (!is_known_figure(request.figure))
    return {"unknown figure '" + request.figure + "' (expected one of: " + figure_list() + ")", true};
  if (!is_available_figure(request.figure))
    return {"figure '" + request.figure + "' is not available yet (it comes with the fit views)", false};
  std::optional<plot::Theme> theme = plot::theme_by_name(request.theme);
  if (!theme)
    return {"unknown theme '" + request.theme + "' (expected one of: print, light, dark, high_contrast)", true};
  if (request.transparent) {
    theme->background.a = 0;
    theme->plot_bg.a = 0;
  }
  const plot::Vec2 sz = canvas.size();
  const plot::Rect all{0, 0, sz.x, sz.y};
  canvas.fill_rect(all, theme->background);
  if (!plot::draw_figure(request.figure, canvas, *theme, all, data))
    return {"figure '" + request.figure + "' could not be drawn", false};
  return {};
}

RenderResult check_request(const RenderRequest& request, const std::string& out_path) {
  if (!is_known_figure(request.figure))
    return {"unknown figure '" + request.figure + "' (expected one of: " + figure_list() + ")", true};
  if (!is_available_figure(request.figure))
    return {"figure '" + request.figure + "' is not available yet (it comes with the fit views)", false};
  if (!plot::theme_by_name(request.theme))
    return {"unknown theme '" + request.theme + "' (expected one of: print, light, dark, high_contrast)", true};
  const plot::Vec2 size = request.size.value_or(default_figure_size(request.figure));
  if (!(size.x >= 16 && size.y >= 16 && size.x <= 8192 && size.y <= 8192))
    return {"--size must be between 16x16 and 8192x8192", true};
  if (!(request.scale >= 1 && request.scale <= 4)) return {"--scale must be between 1 and 4", true};
  if (!is_csv_path(out_path) && !format_from_path(out_path))
    return {"cannot tell the format of '" + out_path + "' (expected .png, .svg, .pdf or .csv)", true};
  return {};
}

RenderResult render_figure(const plot::FigureData& data, const std::string& out_path, const RenderRequest& request) {
  if (RenderResult bad = check_request(request, out_path); !bad.ok()) return bad;
  const plot::Vec2 size = request.size.value_or(default_figure_size(request.figure));
  if (is_csv_path(out_path)) {
    const std::string csv = figure_csv(request.figure, data);
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    out << csv;
    out.close();
    if (!out) return {"cannot write " + out_path, false};
    return {};
  }
  const std::optional<Format> format = format_from_path(out_path);

  CairoOptions options;
  options.format = *format;
  options.size = size;
  options.scale = *format == Format::png ? request.scale : 1.0;
  CairoCanvas canvas(out_path, options);
  if (!canvas.ok()) return {canvas.error(), false};
  RenderResult drawn = draw_named_figure(canvas, data, request);
  if (!drawn.ok()) return drawn;
  if (std::string err = canvas.finish(); !err.empty()) return {err, false};
  return {};
}

RenderResult render_scenario(const Scenario& scenario, const std::string& out_path, const RenderRequest& request) {
  // Check the cheap things before computing measures (a continuous scenario integrates over ℝ).
  if (RenderResult bad = check_request(request, out_path); !bad.ok()) return bad;
  return render_figure(plot::compute_figure_data(scenario), out_path, request);
}

}  // namespace divlab::exporting

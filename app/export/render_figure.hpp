// Renders a named figure of a scenario into a PNG, SVG or PDF file through CairoCanvas: the same
// plot-layer calls the GUI makes, so the export is the screen figure. Also writes the figure's data
// as CSV. Used by `divlab render` and by the GUI's export menu.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "divlab/document/scenario.hpp"
#include "export/cairo_canvas.hpp"
#include "plot/canvas.hpp"
#include "figures/figures.hpp"
#include "figures/registry.hpp"

namespace divlab::exporting {

struct RenderRequest {
  std::string figure = "dashboard";
  std::optional<plot::Vec2> size;  // default: default_figure_size(figure)
  double scale = 1.0;              // PNG only, 1..4
  std::string theme = "print";
  bool transparent = false;        // PNG/SVG/PDF: no background fill
};

// The registry's default size of a figure (figures/registry.hpp).
plot::Vec2 default_figure_size(std::string_view figure);

// The result of a render: empty error on success. `usage` marks errors the caller should report as
// bad usage (exit 2): unknown figure or theme, bad size or extension; the rest are exit 1.
struct RenderResult {
  std::string error;
  bool usage = false;
  bool ok() const { return error.empty(); }
};

// Checks figure, theme, size, scale and the output extension without drawing anything.
RenderResult check_request(const RenderRequest& request, const std::string& out_path);
// Draws `request.figure` from `source` into `out_path`, format by extension: .png, .svg, .pdf; or
// data (figures with a data export): .csv (the figure's curves, see figure_csv), .tex (the metrics
// as a booktabs table), .json (the metrics as `divlab metrics --json` prints them).
RenderResult render_source(const plot::FigureSource& source, const std::string& out_path, const RenderRequest& request);
// The same from the GUI's precomputed P-vs-Q data (the figure as on screen).
RenderResult render_figure(const plot::FigureData& data, const std::string& out_path, const RenderRequest& request);
// The same from a scenario alone (`divlab render`): measures over the whole real line, curves over
// the view's x window.
RenderResult render_scenario(const Scenario& scenario, const std::string& out_path, const RenderRequest& request);

// Draws a figure onto any Canvas with the request's theme: background, then the figure.
RenderResult draw_named_figure(plot::Canvas& canvas, const plot::FigureSource& source, const RenderRequest& request);

}  // namespace divlab::exporting

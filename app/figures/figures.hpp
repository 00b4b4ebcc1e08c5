// The figures of divlab, each a function of (canvas, theme, rect, data, options). The GUI draws
// them through an ImDrawList canvas; `divlab render` draws exactly the same calls through Cairo.
// Their names, labs and sizes are in the figure registry (figures/registry.hpp).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "divlab/distributions/curves.hpp"
#include "divlab/measures/measures.hpp"
#include "divlab/document/scenario.hpp"
#include "plot/axes.hpp"
#include "plot/canvas.hpp"
#include "plot/theme.hpp"

namespace divlab::plot {

// Everything a figure shows, computed once per edit (core computes, plots draw).
struct FigureData {
  Kind kind = Kind::discrete;
  Base base = Base::e;
  std::vector<std::string> labels;  // discrete bin labels (may be empty)
  Curves curves;                    // per bin (discrete) or sampled on x_window (continuous)
  Measures measures;
  Range x_window;                   // continuous: sampled window; discrete: [−0.5, N − 0.5]
};

// A sensible x window for a continuous scenario: its view.x_range, else the components' bulk.
Range auto_x_window(const Scenario& s);
// Curves and measures of a scenario. `x` overrides the continuous sampling window.
FigureData compute_figure_data(const Scenario& s, int samples = 801, std::optional<Range> x = {},
                               std::optional<Base> base = {});
// Measures only (the expensive part for mixtures) and curves only, for callers that cache them apart.
// In `base` when given, else in the scenario's own.
Measures compute_measures(const Scenario& s, std::optional<Base> base = {});
Curves compute_curves(const Scenario& s, Range x_window, int samples = 801, std::optional<Base> base = {});

struct FigureOptions {
  bool show_m = false;            // M = ½(P+Q) in densities
  bool show_jsd = true;           // JSD integrand in contributions
  std::optional<Range> x;         // zoomed x window (default: data.x_window)
  std::optional<Range> y;         // fixed y range (the GUI's held autoscale); default: fit the data
  // Discrete: bar heights to draw instead of curves.p / curves.q (a paint in progress).
  std::span<const double> p_bars, q_bars;
  int highlight_bin = -1;         // discrete: outline this bin
  bool legend = true;
  bool title = true;
};

// The y range each figure would choose for the data (the GUI eases towards it).
Range densities_y_range(const FigureData& d, const FigureOptions& o = {});
Range contributions_y_range(const FigureData& d, const FigureOptions& o = {});

// P and Q (and M): grouped bars (discrete) or density curves (continuous).
Axes figure_densities(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o = {});
// p·log(p/q) and q·log(q/p), shaded and signed, whose sums/areas are D(P‖Q) and D(Q‖P); JSD integrand.
Axes figure_contributions(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o = {});
// F_P and F_Q with the area between them shaded: that area is W₁.
Axes figure_cdf(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o = {});
// Forward vs reverse KL side by side, and the bounded/symmetric measures.
void figure_metrics(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o = {});
// Stacked bars H(P,Q) = H(P) + D(P‖Q) (both directions) and PPL(P,Q) = PPL(P)·b^D(P‖Q).
void figure_identities(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o = {});
// All of the above on one page.
void figure_dashboard(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o = {});

}  // namespace divlab::plot

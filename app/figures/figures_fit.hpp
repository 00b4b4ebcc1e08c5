// The fit figures (issue 5): P with the forward- and reverse-KL fits overlaid, their loss curves, and
// the objective landscapes over (mean, log sd) with trajectories and local minima. The landscape
// colour map is a small table shared by the CPU path below and shaders/landscape.frag (uploaded as
// a uniform), so the screen (GPU) and the export (CPU) show the same colours.
#pragma once
#include <array>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "divlab/fit/fit.hpp"
#include "divlab/fit/fit_plan.hpp"
#include "divlab/fit/landscape.hpp"
#include "divlab/document/scenario.hpp"
#include "plot/axes.hpp"
#include "plot/canvas.hpp"
#include "plot/theme.hpp"

namespace divlab::plot {

// [SECTION] colour map

// Viridis at 10 evenly spaced stops (perceptually uniform, reads in grayscale and on a projector).
inline constexpr int kColormapStops = 10;
const std::array<std::array<float, 3>, kColormapStops>& colormap_table();
// Linear interpolation of the table at t (clamped to [0, 1]) — what the shader computes.
Color colormap(float t);
// Cells where the objective is +∞.
Color infinite_cell_color();
// Iso-lines per unit of level (the shader's fract-based contours and the CPU ones).
inline constexpr float kContourLevels = 12.0f;
// How much a contour line darkens the colour under it (shader and CPU).
inline constexpr float kContourDarken = 0.45f;

// A landscape value → level in [0, 1]: log-scaled above the minimum, t = ln(1 + v − min) / ln(1 + max − min),
// so the basins near the minima keep their detail. −1 marks +∞ (or a value that is not a number).
float landscape_level(float value, float vmin, float vmax);
// Every cell's level, row-major like Landscape::values (row 0 = lowest log sd).
std::vector<float> landscape_levels(const Landscape& l);

// [SECTION] fit figure data

// Colours of the two fits (distinct from P and from each other in every theme).
Color fwd_color(const Theme& t);
Color rev_color(const Theme& t);

// One fit shown on the figures: its model's natural parameters and its path so far.
struct FitTrace {
  std::vector<double> theta;  // current θ (problem layout)
  double value = 0;           // objective there (nats); +∞ allowed
  std::vector<double> steps, values;     // loss curve (value vs step)
  std::vector<double> means, log_sds;    // path in (mean, log sd) (two-parameter models only)
};

// Curves for the overlay figure, computed from the problems (core computes, this only samples).
struct FitFigureData {
  bool discrete = false;
  std::vector<double> x;                   // samples (continuous) or support positions (discrete)
  std::vector<double> p, q_fwd, q_rev, q_start;
  std::vector<std::vector<double>> q_multi;  // multi-start reverse fits, drawn faint
  double value_fwd = 0, value_rev = 0;
  std::string why_fwd, why_rev;            // FitProblem::why_infinite(), shown when a value is ∞
  double start_mean = 0, start_sd = 1;
  bool has_start_handles = false;          // the start is a (mean, sd) the user can drag
  std::vector<double> optimum_means_fwd;   // x positions of the true optima (markers on the axis)
  std::vector<double> optimum_means_rev;
};
// Samples the target, the two fitted models and the start over `x` (continuous) or the support.
// `forward`/`reverse` share target and model; `start_theta` is θ at the start.
FitFigureData fit_figure_data(const FitProblem& forward, std::span<const double> theta_fwd,
                              std::span<const double> theta_rev, std::span<const double> start_theta,
                              Range x_window, int samples = 401);

// P filled, the forward and reverse fits as lines with a legend, the start dashed with its handles,
// the optima marked under the axis. Returns the axes (the panel hit-tests the handles against it).
Axes figure_fit(Canvas& c, const Theme& t, Rect r, const FitFigureData& d, std::optional<Range> y = {});
// The handle positions (data coordinates) of the start: peak (mean) and shoulder (mean + sd).
Vec2 start_peak_px(const Axes& a, const FitFigureData& d);
Vec2 start_shoulder_px(const Axes& a, const FitFigureData& d);

// Objective value vs step for both fits.
Axes figure_fit_loss(Canvas& c, const Theme& t, Rect r, const FitTrace& fwd, const FitTrace& rev);

// [SECTION] landscapes

struct LandscapeFigure {
  const Landscape* landscape = nullptr;
  std::span<const float> levels;  // landscape_levels(*landscape)
  std::string title;
  Color path_color;
  const FitTrace* trace = nullptr;                 // the main fit's path
  std::span<const FitTrace* const> multi;          // multi-start paths (end points marked)
  std::span<const LocalMinimum> minima;            // marked ○ with value
  std::optional<std::pair<double, double>> closed_form;  // (mean, sd): moment matching, marked ◇
  std::optional<std::pair<double, double>> start;        // (mean, sd)
  std::string why_infinite;  // shown across the heatmap when the objective is ∞ everywhere
};
// The forward (D(P‖Q)) or reverse (D(Q‖P)) landscape figure: title (+ note), path colour, the
// landscape and its levels, the main path, the true minima and why it is ∞. Callers add the start,
// the multi-start paths and the closed-form optimum.
LandscapeFigure landscape_figure(bool forward, const Theme& t, const Landscape* landscape,
                                 std::span<const float> levels, const FitTrace* trace,
                                 std::span<const LocalMinimum> minima, std::string why_infinite,
                                 std::string_view title_note = "");
// Axes over (mean, log sd) with the title and labels; the data area is where the heatmap goes.
Axes landscape_axes(Canvas& c, const Theme& t, Rect r, const LandscapeFigure& f);
// The CPU colour path: one rectangle per cell (nearest), darkened where a contour level crosses.
void landscape_cells(Canvas& c, const Axes& a, const LandscapeFigure& f);
// Trajectories, starts, minima and the closed-form optimum on top of the heatmap, and a colour bar.
void landscape_overlay(Canvas& c, const Theme& t, const Axes& a, const LandscapeFigure& f);
// All three (for export and for the GUI without GL).
Axes figure_landscape(Canvas& c, const Theme& t, Rect r, const LandscapeFigure& f);

// The minima strictly inside the range: a "minimum" on its edge is where descent left the frame (a
// flat valley running off to σ → ∞, e.g. a two-point P), not a local minimum worth marking. Nor is
// a point of a plateau at the landscape's maximum (Q a spike on one bin of a two-point P).
std::vector<LocalMinimum> interior_minima(std::vector<LocalMinimum> minima, const LandscapeRange& r,
                                          double plateau = INFINITY);

// [SECTION] whole figures from a scenario (`divlab render --figure fit|landscape`)

// The fit lab's figures: "fit" (the overlay and the loss curves side by side), "fit_overlay" (P with
// both fits), "fit_loss" (objective vs step), "landscape" (both heatmaps), "landscape_forward" and
// "landscape_reverse" (one each).
bool is_fit_figure(std::string_view name);

// What the fit figures are drawn from: the fits (their overlay data and paths) and the landscapes
// with their minima. The fit lab fills one from its screen (its settings, the runs so far), so an
// export is the figure as on screen; run_fit_figure's runs fill one for `divlab render`.
struct FitScreen {
  FitFigureData overlay;
  const FitTrace* fwd = nullptr;
  const FitTrace* rev = nullptr;
  const Landscape* landscape_fwd = nullptr;  // null or empty: no landscapes
  const Landscape* landscape_rev = nullptr;
  std::span<const float> levels_fwd, levels_rev;
  std::span<const LocalMinimum> minima_fwd, minima_rev;
  std::string why_fwd, why_rev;     // the landscapes' objectives' ∞ reasons
  std::string note;                 // after the landscape titles: " (single Gaussian)"
  bool paths = true;                // draw the fits' paths on the landscapes (two-parameter models)
  std::vector<const FitTrace*> multi_fwd, multi_rev;  // multi-start runs
  std::optional<std::pair<double, double>> closed_form;  // forward optimum (mean, sd) in closed form
  std::optional<std::pair<double, double>> start;        // (mean, sd)
};
// The forward or reverse landscape figure of `f` (title, paths, minima, moment matching, start).
LandscapeFigure landscape_figure_of(const FitScreen& f, bool forward, const Theme& t);
// Draws fit figure `name` (is_fit_figure) from `f`; false for another name or a figure `f` lacks.
bool draw_fit_screen(std::string_view name, Canvas& c, const Theme& t, Rect r, const FitScreen& f);
// The forward and reverse fits of the scenario's `fit` section, planned by FitPlan (its model, start
// and optimiser; else a normal from P's mean and sd with Adam), run to convergence or max_steps with
// their paths. nullopt with *error when the model cannot be fitted to P.
struct FitFigureRuns {
  FitPlan fwd, rev;
  Fitter fitted_fwd, fitted_rev;
};
std::optional<FitFigureRuns> run_fit_figure(const Scenario& s, std::string* error = nullptr);
// Draws a fit figure (is_fit_figure: the fits with their loss curves, the heatmaps with the paths,
// minima and moment matching; CPU colours) from run_fit_figure. False with *error as it.
bool draw_fit_figure(std::string_view name, Canvas& c, const Theme& t, Rect r, const Scenario& s,
                     std::string* error = nullptr);

}  // namespace divlab::plot

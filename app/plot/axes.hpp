// Axes and series on a Canvas: the data → pixel mapping, frame, grid, ticks, legend, and the
// series kinds (lines with gaps at ∞/NaN, fills to zero and between curves, bars, stems, markers).
// Series borrow their data (spans) and never own it.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "divlab/measures/quantities.hpp"
#include "plot/canvas.hpp"
#include "plot/theme.hpp"

namespace divlab::plot {

// A data range; lo < hi after fix_range().
struct Range {
  double lo = 0, hi = 1;
  bool operator==(const Range&) const = default;
};
// Widens an empty or non-finite range to something drawable.
Range fix_range(Range r);

// The mapping from data to pixels inside `plot` (the area within the axes).
struct Axes {
  Rect plot;
  Range x, y;
  float px_x(double v) const;
  float px_y(double v) const;
  Vec2 px(double vx, double vy) const { return {px_x(vx), px_y(vy)}; }
  double data_x(float px) const;
  double data_y(float py) const;
};

struct AxesSpec {
  Range x, y;
  std::string title;
  std::string x_label, y_label;
  // Categorical x: one label per integer position 0..n−1 (shown when they fit), instead of ticks.
  std::vector<std::string> x_categories;
  std::vector<std::string> x_categories_short;  // shown instead when x_categories do not fit (same count)
  bool y_zero_line = true;  // a stronger line at y = 0 when it is in range
  bool y_ticks = true;      // false: no y grid or tick labels (e.g. horizontal bar rows)
  float top_reserve = 0;    // pixels kept free above the plot area (e.g. for a legend row)
};

// Draws background, title, grid, ticks, tick labels and axis labels inside `outer`;
// returns the axes whose plot rect is the area left for data.
Axes draw_axes(Canvas& c, const Theme& t, Rect outer, const AxesSpec& spec);
// A test hook (the GUI's layout test): every axes draw_axes() lays out, by title, with the rect
// left for data.
inline void (*axes_observer)(std::string_view title, Rect plot) = nullptr;

// [SECTION] series. Non-finite values break lines and fills (a gap).
void plot_line(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, const Stroke& s);
// Fill between y and 0 (both signs).
void plot_fill_to_zero(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, Color col);
// Fill only where y > 0 (positive) and only where y < 0 (negative), in two colours.
void plot_fill_signed(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, Color pos,
                      Color neg);
void plot_fill_between(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y1,
                       std::span<const double> y2, Color col);
// Bars centred at x + offset, of width `width` (data units), from 0 to y; outline optional (width 0 = none).
void plot_bars(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, double width,
               double offset, Color fill, const Stroke& outline);
void plot_stems(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, const Stroke& s,
                float marker_radius);
void plot_markers(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, float radius,
                  Color col);
// Where y is +∞ (or −∞): one arrow to the top (bottom) edge with "∞" per run of consecutive infinite
// samples, over a shaded band when the run is wide. Returns how many samples are infinite.
int plot_infinities(Canvas& c, const Axes& a, const Theme& t, std::span<const double> x, std::span<const double> y,
                    Color col);

struct LegendEntry {
  std::string label;
  Color color;
  Dash dash = Dash::solid;
  bool filled = false;  // a swatch instead of a line
};
enum class Corner { top_left, top_right };
// Size {widest row, height} of a legend laid out in rows across `width` (entries flow left to right,
// then wrap). An entry wider than `width` takes a row of its own up to `max_width`, beyond which its
// label wraps at spaces.
Vec2 legend_rows_size(Canvas& c, const Theme& t, std::span<const LegendEntry> entries, float width, float max_width);
float legend_rows_height(Canvas& c, const Theme& t, std::span<const LegendEntry> entries, float width);
// Draws that legend in `band` (typically the strip reserved above the plot by AxesSpec::top_reserve);
// band.width() is the `width` above.
void draw_legend_rows(Canvas& c, const Theme& t, Rect band, std::span<const LegendEntry> entries,
                      float max_width = 0);
void draw_legend(Canvas& c, const Theme& t, const Axes& a, std::span<const LegendEntry> entries,
                 Corner corner = Corner::top_right);

// A hover readout: a vertical line at pixel x and a box of coloured text lines beside it.
void draw_readout(Canvas& c, const Theme& t, const Axes& a, float px, std::span<const std::string> lines,
                  std::span<const Color> colors);

// Values and perplexities for readouts: the one formatting of every panel (measures/quantities.hpp).
using ::divlab::format_perplexity;
using ::divlab::format_value;

}  // namespace divlab::plot

// The fit figures on a recording Canvas: the colour map at known inputs (the table the shader
// uses), the log-scaled levels, the CPU heatmap cells and the overlay's marks, and the fit overlay.
#include "figures/figures_fit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "divlab/fit/optimizer.hpp"

namespace divlab::plot {
namespace {

class RecordingCanvas final : public Canvas {
 public:
  struct RectCall {
    Rect r;
    Color c;
  };
  std::vector<RectCall> rects;
  std::vector<std::string> texts;
  std::vector<std::pair<Vec2, Color>> circles;
  std::vector<std::vector<Vec2>> polylines;
  std::vector<Color> polyline_colors;
  int fills = 0;

  Vec2 size() const override { return {1000, 600}; }
  int lines = 0;
  Color line_color;
  void line(Vec2, Vec2, const Stroke& s) override {
    ++lines;
    line_color = s.color;
  }
  void polyline(std::span<const Vec2> p, const Stroke& s) override {
    polylines.emplace_back(p.begin(), p.end());
    polyline_colors.push_back(s.color);
  }
  void fill_polygon(std::span<const Vec2>, Color) override { ++fills; }
  void fill_between(std::span<const Vec2>, std::span<const Vec2>, Color) override { ++fills; }
  void fill_rect(Rect r, Color c) override { rects.push_back({r, c}); }
  void stroke_rect(Rect, const Stroke&) override {}
  void circle(Vec2 c, float, Color fill) override { circles.emplace_back(c, fill); }
  void text(Vec2, std::string_view s, const TextStyle&) override { texts.emplace_back(s); }
  Vec2 text_size(std::string_view s, const TextStyle& st) override {
    return {0.55f * st.size * static_cast<float>(s.size()), st.size};
  }
  void push_clip(Rect) override {}
  void pop_clip() override {}
};

bool same(Color a, Color b, float tol = 1e-6f) {
  return std::abs(a.r - b.r) < tol && std::abs(a.g - b.g) < tol && std::abs(a.b - b.b) < tol;
}

TEST(Colormap, EndsAndStopsAreViridis) {
  // #440154 at 0, #FDE725 at 1, #26828E (the 5th of 10 stops) at 4/9.
  EXPECT_TRUE(same(colormap(0), {0x44 / 255.f, 0x01 / 255.f, 0x54 / 255.f}));
  EXPECT_TRUE(same(colormap(1), {0xfd / 255.f, 0xe7 / 255.f, 0x25 / 255.f}));
  EXPECT_TRUE(same(colormap(4.0f / 9), {0x26 / 255.f, 0x82 / 255.f, 0x8e / 255.f}, 1e-5f));
  // Halfway between stops 0 and 1: the mean of #440154 and #482878 (linear, as the shader's mix()).
  EXPECT_TRUE(same(colormap(0.5f / 9), {(0x44 + 0x48) / 510.f, (0x01 + 0x28) / 510.f, (0x54 + 0x78) / 510.f}, 1e-5f));
  // Clamped outside [0, 1], and NaN is the low end (never a garbage colour).
  EXPECT_TRUE(same(colormap(-3), colormap(0)));
  EXPECT_TRUE(same(colormap(7), colormap(1)));
  EXPECT_TRUE(same(colormap(NAN), colormap(0)));
  // Perceptual: luminance rises monotonically along the map (reads in grayscale, on a projector).
  float last = -1;
  for (int i = 0; i <= 100; ++i) {
    const Color c = colormap(i / 100.0f);
    const float y = 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
    EXPECT_GT(y, last) << i;
    last = y;
  }
}

TEST(Colormap, LevelsAreLogScaledAndInfinityIsMarked) {
  EXPECT_FLOAT_EQ(landscape_level(1, 1, 11), 0);
  EXPECT_FLOAT_EQ(landscape_level(11, 1, 11), 1);
  EXPECT_NEAR(landscape_level(1 + (std::sqrt(11.0f) - 1), 1, 11), 0.5, 1e-6);  // ln(√11)/ln 11
  EXPECT_FLOAT_EQ(landscape_level(INFINITY, 1, 11), -1);
  EXPECT_FLOAT_EQ(landscape_level(NAN, 1, 11), -1);
  EXPECT_FLOAT_EQ(landscape_level(5, 5, 5), 0);  // a flat landscape
}

Landscape tiny() {
  Landscape l;
  l.width = 3;
  l.height = 2;
  l.range = {-1, 1, -1, 0};
  l.values = {0, 1, 3, 7, INFINITY, 15};
  l.min = 0;
  l.max = 15;
  return l;
}

TEST(LandscapeFigure, CpuCellsUseTheColourMapAndGreyForInfinity) {
  const Landscape l = tiny();
  const std::vector<float> levels = landscape_levels(l);
  EXPECT_FLOAT_EQ(levels[4], -1);
  EXPECT_FLOAT_EQ(levels[5], 1);  // ln 16 / ln 16
  EXPECT_FLOAT_EQ(levels[3], 0.75f);  // ln 8 / ln 16
  RecordingCanvas c;
  LandscapeFigure f;
  f.landscape = &l;
  f.levels = levels;
  const Axes a = landscape_axes(c, light_theme(), {0, 0, 600, 400}, f);
  c.rects.clear();
  c.lines = 0;
  landscape_cells(c, a, f);
  ASSERT_EQ(c.rects.size(), 6u);
  // Cell (row 1, col 2) = 15 → level 1 → the top colour; (row 1, col 1) = ∞ → grey.
  EXPECT_TRUE(same(c.rects[5].c, colormap(1)));
  EXPECT_TRUE(same(c.rects[4].c, infinite_cell_color()));
  EXPECT_TRUE(same(c.rects[0].c, colormap(0)));
  EXPECT_TRUE(same(c.rects[3].c, colormap(0.75f)));
  // Iso-lines by marching squares, black at alpha kContourDarken (= the shader's darkening). The
  // only cell without ∞ corners is (0,0)-(1,1): levels 0, 0.25 | 0.75, ∞ → skipped, so none here;
  // a finite 2 × 2 grid 0 → 1 crosses levels 1..12 along the diagonal.
  EXPECT_EQ(c.lines, 0);
  Landscape g;
  g.width = g.height = 2;
  g.range = {0, 1, 0, 1};
  g.values = {0, 0, 0, 1};
  g.min = 0;
  g.max = 1;
  const std::vector<float> gl = landscape_levels(g);
  f.landscape = &g;
  f.levels = gl;
  c.lines = 0;
  landscape_cells(c, a, f);
  EXPECT_EQ(c.lines, static_cast<int>(kContourLevels));
  EXPECT_FLOAT_EQ(c.line_color.a, kContourDarken);
  // Cells tile the plot: the first starts at the left edge, the last column ends at the right.
  EXPECT_NEAR(c.rects[0].r.x0, a.plot.x0 - a.plot.width() / 4, 1);  // half a cell outside (clipped)
  EXPECT_GT(c.rects[0].r.y1, a.plot.y1);
}

TEST(LandscapeFigure, OverlayMarksMinimaClosedFormStartAndPath) {
  const Landscape l = tiny();
  const std::vector<float> levels = landscape_levels(l);
  FitTrace tr;
  tr.means = {0.5, 0.2, 0.0};
  tr.log_sds = {-0.2, -0.4, -0.5};
  const std::vector<LocalMinimum> minima = {{0.0, std::exp(-0.5), 0.25, 3}, {-0.8, std::exp(-0.9), 1.5, 1}};
  LandscapeFigure f;
  f.landscape = &l;
  f.levels = levels;
  f.title = "Reverse";
  f.path_color = {1, 0, 1, 1};
  f.trace = &tr;
  f.minima = minima;
  f.closed_form = std::make_pair(0.1, 0.7);
  f.start = std::make_pair(0.5, std::exp(-0.2));
  RecordingCanvas c;
  const Axes a = figure_landscape(c, light_theme(), {0, 0, 600, 400}, f);
  // The path in the fit's colour (over a dark outline), through the data points.
  ASSERT_GE(c.polylines.size(), 2u);
  const auto& path = c.polylines.back();
  ASSERT_EQ(path.size(), 3u);
  EXPECT_TRUE(same(c.polyline_colors.back(), f.path_color));
  EXPECT_NEAR(path[2].x, a.px_x(0.0), 1e-3);
  EXPECT_NEAR(path[2].y, a.px_y(-0.5), 1e-3);
  // Each minimum: a ringed marker at (mean, log sd) and its value as text.
  int at_min = 0;
  for (const auto& [p, col] : c.circles)
    if (std::hypot(p.x - a.px_x(-0.8), p.y - a.px_y(-0.9)) < 1e-3) ++at_min;
  EXPECT_EQ(at_min, 3);  // ring, white, dot
  EXPECT_NE(std::find(c.texts.begin(), c.texts.end(), format_value(0.25, 3)), c.texts.end());
  EXPECT_NE(std::find(c.texts.begin(), c.texts.end(), format_value(1.5, 3)), c.texts.end());
  EXPECT_EQ(format_value(0.25, 3).substr(0, 4), "0.25");
  EXPECT_GE(c.fills, 2);  // the closed-form ◇ (outline + inside)
  EXPECT_NE(std::find(c.texts.begin(), c.texts.end(), "Reverse"), c.texts.end());
}

TEST(LandscapeFigure, OnlyInteriorMinimaAreMarked) {
  const LandscapeRange r{-5, 5, -2, 1.5};
  const std::vector<LocalMinimum> all = {
      {2.0, 0.6, 0.69, 4},               // a mode: kept
      {0.0, std::exp(1.5), 1.0, 2},      // on the σ edge: a valley leaving the frame
      {-5.0, 1.0, 0.9, 1},               // on the μ edge
      {1.0, 1.0, 3.0, 1}};               // on a plateau at the landscape's maximum 3
  const auto kept = interior_minima(all, r, 3.0);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_DOUBLE_EQ(kept[0].mean, 2.0);
  EXPECT_EQ(interior_minima(all, r).size(), 2u);  // no plateau given
}

TEST(FitFigure, SamplesTargetAndFitsAndDrawsTheLegend) {
  FitTarget target;
  Component a, b;
  a.mean = -2;
  a.scale = 0.6;
  a.weight = 0.5;
  b = a;
  b.mean = 2;
  target.mixture.components = {a, b};
  const auto fwd = FitProblem::make(target, {ModelKind::normal, 1}, FitObjective::forward_kl);
  ASSERT_TRUE(fwd);
  const std::vector<double> th_f = {0.0, std::log(2.0)}, th_r = {2.0, std::log(0.6)}, th_s = {1.0, 0.0};
  FitFigureData d = fit_figure_data(*fwd, th_f, th_r, th_s, {-5, 5}, 101);
  ASSERT_EQ(d.x.size(), 101u);
  EXPECT_DOUBLE_EQ(d.x[50], 0.0);
  EXPECT_NEAR(d.q_fwd[50], 1 / (2 * std::sqrt(2 * M_PI)), 1e-12);  // N(0, 2²) at 0
  EXPECT_NEAR(d.q_rev[70], 1 / (0.6 * std::sqrt(2 * M_PI)), 1e-12);  // N(2, 0.6²) at 2
  EXPECT_NEAR(d.p[70], 0.5 / (0.6 * std::sqrt(2 * M_PI)), 1e-6);
  EXPECT_DOUBLE_EQ(d.start_mean, 1.0);
  EXPECT_DOUBLE_EQ(d.start_sd, 1.0);
  EXPECT_TRUE(d.has_start_handles);
  d.value_fwd = 0.5552;
  d.value_rev = INFINITY;
  d.optimum_means_rev = {-2, 0, 2};
  RecordingCanvas c;
  const Theme t = light_theme();
  const Axes ax = figure_fit(c, t, {0, 0, 900, 500}, d);
  auto has = [&](const std::string& s) {
    for (const auto& x : c.texts)
      if (x.find(s) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("Q fwd: min D(P‖Q) = 0.5552"));
  EXPECT_TRUE(has("Q rev: min D(Q‖P) = ∞"));  // never NaN
  EXPECT_TRUE(has("true optima"));
  // The two fits in their own colours, distinct from each other and from P.
  int fwd_lines = 0, rev_lines = 0;
  for (const Color& col : c.polyline_colors) {
    fwd_lines += same(col, fwd_color(t));
    rev_lines += same(col, rev_color(t));
  }
  EXPECT_GE(fwd_lines, 1);
  EXPECT_GE(rev_lines, 1);
  EXPECT_FALSE(same(fwd_color(t), rev_color(t)));
  EXPECT_FALSE(same(rev_color(t), t.p));
  // The start handles sit on the start's curve: peak at (1, φ(0)), shoulder at (2, φ(1)).
  const Vec2 peak = start_peak_px(ax, d), sh = start_shoulder_px(ax, d);
  EXPECT_NEAR(peak.x, ax.px_x(1.0), 1e-3);
  EXPECT_NEAR(ax.data_y(peak.y), 1 / std::sqrt(2 * M_PI), 1e-4);
  EXPECT_NEAR(ax.data_y(sh.y), std::exp(-0.5) / std::sqrt(2 * M_PI), 1e-4);
}

TEST(FitFigure, LossCurvesPlotValueAgainstStep) {
  FitTrace f, r;
  f.steps = {0, 1, 2};
  f.values = {2.0, 1.0, 0.5};
  r.steps = {0, 1, 2};
  r.values = {1.5, NAN, 0.7};  // an ∞ step is a gap
  RecordingCanvas c;
  const Theme t = light_theme();
  const Axes a = figure_fit_loss(c, t, {0, 0, 500, 300}, f, r);
  EXPECT_GE(a.y.hi, 2.0);
  int fwd_points = 0, rev_segments = 0;
  for (std::size_t i = 0; i < c.polylines.size(); ++i) {
    if (same(c.polyline_colors[i], fwd_color(t))) fwd_points += static_cast<int>(c.polylines[i].size());
    if (same(c.polyline_colors[i], rev_color(t))) ++rev_segments;
  }
  EXPECT_GE(fwd_points, 3);
  EXPECT_GE(rev_segments, 1);
}

}  // namespace
}  // namespace divlab::plot

// The plot layer against a recording Canvas: mapping, gaps at ∞/NaN, fills split at crossings,
// ∞ markers, legends, and the figures' structure.
#include <gtest/gtest.h>

#include <algorithm>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "plot/axes.hpp"
#include "figures/figures.hpp"
#include "figures/registry.hpp"
#include "plot/theme.hpp"
#include "plot/ticks.hpp"

namespace divlab::plot {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Recorder final : Canvas {
  std::vector<std::vector<Vec2>> polylines;
  std::vector<std::pair<std::vector<Vec2>, std::vector<Vec2>>> bands;
  std::vector<std::pair<Rect, Color>> rects;
  std::vector<std::string> texts;
  int clips = 0, max_clip_depth = 0, polygons = 0, circles = 0;
  Vec2 size() const override { return {800, 600}; }
  void line(Vec2 a, Vec2 b, const Stroke&) override { polylines.push_back({a, b}); }
  void polyline(std::span<const Vec2> p, const Stroke&) override { polylines.emplace_back(p.begin(), p.end()); }
  void fill_polygon(std::span<const Vec2>, Color) override { ++polygons; }
  void fill_between(std::span<const Vec2> t, std::span<const Vec2> b, Color) override {
    bands.emplace_back(std::vector<Vec2>(t.begin(), t.end()), std::vector<Vec2>(b.begin(), b.end()));
  }
  void fill_rect(Rect r, Color c) override { rects.emplace_back(r, c); }
  void stroke_rect(Rect, const Stroke&) override {}
  void circle(Vec2, float, Color) override { ++circles; }
  void text(Vec2, std::string_view s, const TextStyle&) override { texts.emplace_back(s); }
  Vec2 text_size(std::string_view s, const TextStyle& st) override {
    return {0.55f * st.size * static_cast<float>(s.size()), st.size};
  }
  void push_clip(Rect) override { max_clip_depth = std::max(max_clip_depth, ++clips); }
  void pop_clip() override { --clips; }
  bool has_text(const std::string& s) const {
    for (const auto& t : texts)
      if (t.find(s) != std::string::npos) return true;
    return false;
  }
};

Axes unit_axes() { return {{100, 50, 500, 450}, {0, 10}, {-1, 1}}; }

TEST(Axes, MapsDataToPixelsAndBack) {
  const Axes a = unit_axes();
  EXPECT_FLOAT_EQ(a.px_x(0), 100);
  EXPECT_FLOAT_EQ(a.px_x(10), 500);
  EXPECT_FLOAT_EQ(a.px_y(-1), 450);  // y grows upward
  EXPECT_FLOAT_EQ(a.px_y(1), 50);
  EXPECT_NEAR(a.data_x(a.px_x(3.7)), 3.7, 1e-5);
  EXPECT_NEAR(a.data_y(a.px_y(0.25)), 0.25, 1e-6);
}

TEST(Axes, FixRangeWidensDegenerateRanges) {
  EXPECT_EQ(fix_range({kNaN, 1}), (Range{0, 1}));
  const Range r = fix_range({2, 2});
  EXPECT_LT(r.lo, 2);
  EXPECT_GT(r.hi, 2);
  EXPECT_EQ(fix_range({3, 1}), (Range{1, 3}));
}

TEST(Ticks, NiceStepsCoverTheRange) {
  const Ticks t = nice_ticks(0, 1, 5);
  EXPECT_DOUBLE_EQ(t.step, 0.2);
  ASSERT_EQ(t.values.size(), 6u);
  EXPECT_EQ(tick_label(-0.0000001, 0.2), "0.0");
}

TEST(Series, LineBreaksAtInfinityAndNaN) {
  Recorder c;
  const std::vector<double> x{0, 1, 2, 3, 4, 5, 6};
  const std::vector<double> y{0, 0.5, kNaN, 0.2, 0.3, kInf, 0.1};
  plot_line(c, unit_axes(), x, y, {});
  ASSERT_EQ(c.polylines.size(), 3u);  // [0,1], [3,4], [6]
  EXPECT_EQ(c.polylines[0].size(), 2u);
  EXPECT_EQ(c.polylines[1].size(), 2u);
  EXPECT_EQ(c.clips, 0);  // balanced push/pop
  EXPECT_GE(c.max_clip_depth, 1);
}

TEST(Series, FillBetweenSplitsAtCrossingsSoTopStaysAbove) {
  Recorder c;
  const std::vector<double> x{0, 1, 2, 3};
  const std::vector<double> y1{0.5, -0.5, -0.5, 0.5};
  const std::vector<double> y2{0, 0, 0, 0};
  plot_fill_between(c, unit_axes(), x, y1, y2, {});
  ASSERT_EQ(c.bands.size(), 3u);  // + | − | +
  for (const auto& [top, bottom] : c.bands) {
    ASSERT_EQ(top.size(), bottom.size());
    for (std::size_t i = 0; i < top.size(); ++i) {
      EXPECT_FLOAT_EQ(top[i].x, bottom[i].x);
      EXPECT_LE(top[i].y, bottom[i].y + 1e-3f);  // pixel y down: top is above
    }
  }
  // The crossing at x = 0.5 is shared by the first two bands.
  EXPECT_NEAR(c.bands[0].first.back().x, unit_axes().px_x(0.5), 1e-3);
  EXPECT_NEAR(c.bands[1].first.front().x, unit_axes().px_x(0.5), 1e-3);
}

TEST(Series, FillToZeroLeavesAGapAtInfinity) {
  Recorder c;
  const std::vector<double> x{0, 1, 2, 3, 4};
  const std::vector<double> y{0.1, 0.2, kInf, 0.2, 0.1};
  plot_fill_to_zero(c, unit_axes(), x, y, {});
  EXPECT_EQ(c.bands.size(), 2u);
}

TEST(Series, InfinityMarkersAreCountedAndLabelled) {
  Recorder c;
  const std::vector<double> x{1, 5, 9};
  const std::vector<double> y{kInf, 0.3, -kInf};
  EXPECT_EQ(plot_infinities(c, unit_axes(), light_theme(), x, y, {}), 2);
  EXPECT_EQ(c.polygons, 2);  // two arrowheads
  EXPECT_TRUE(c.has_text("∞"));
}

TEST(Series, ARunOfInfiniteSamplesIsOneBandWithOneArrowNotAFence) {
  // 201 samples over [0, 10]; y = +∞ on [2, 4] (41 samples), −∞ at the single sample x = 8.
  std::vector<double> x, y;
  for (int k = 0; k <= 200; ++k) {
    const double xi = k * 0.05;
    x.push_back(xi);
    y.push_back(xi >= 2 - 1e-9 && xi <= 4 + 1e-9 ? kInf : (std::abs(xi - 8) < 1e-9 ? -kInf : 0.1));
  }
  Recorder c;
  EXPECT_EQ(plot_infinities(c, unit_axes(), light_theme(), x, y, {}), 42);
  EXPECT_EQ(c.polygons, 2);  // one arrowhead per run
  EXPECT_EQ(c.polylines.size(), 2u);
  EXPECT_EQ(std::count(c.texts.begin(), c.texts.end(), "∞"), 2);
  ASSERT_EQ(c.rects.size(), 1u);  // the band of the wide run, from x = 1.975 to 4.025
  const Axes a = unit_axes();
  EXPECT_NEAR(c.rects[0].first.x0, a.px_x(1.975), 1e-3);
  EXPECT_NEAR(c.rects[0].first.x1, a.px_x(4.025), 1e-3);
  // Bars a bin apart (here 40 px) are categories: an arrow each, no band across them.
  Recorder bars;
  const std::vector<double> bx{0, 1, 2}, by{kInf, kInf, 0.1};
  EXPECT_EQ(plot_infinities(bars, a, light_theme(), bx, by, {}), 2);
  EXPECT_EQ(bars.polygons, 2);
  EXPECT_TRUE(bars.rects.empty());
}

TEST(Series, BarsSkipNonFiniteValues) {
  Recorder c;
  const std::vector<double> x{0, 1, 2};
  const std::vector<double> y{0.5, kNaN, 0.25};
  plot_bars(c, unit_axes(), x, y, 0.8, 0, {1, 0, 0, 1}, {{}, 0});
  ASSERT_EQ(c.rects.size(), 2u);
  EXPECT_NEAR(c.rects[0].first.y0, unit_axes().px_y(0.5), 1e-3);
  EXPECT_NEAR(c.rects[0].first.y1, unit_axes().px_y(0), 1e-3);
}

TEST(Format, ValuesAndInfinity) {
  EXPECT_EQ(format_value(kInf), "∞");
  EXPECT_EQ(format_value(-kInf), "-∞");
  EXPECT_EQ(format_value(0.42186), "0.4219");
  EXPECT_EQ(format_value(12.345), "12.35");  // 4 significant digits
  EXPECT_EQ(format_value(0), "0.000");
  EXPECT_EQ(format_value(1.5e-5), "1.500e-05");
  EXPECT_EQ(format_value(-0.00001, 2), "-1.0e-05");
}

TEST(Themes, ByNameAndPrintDiffersByLineStyle) {
  for (const char* n : {"light", "dark", "print", "high_contrast", "high-contrast"})
    EXPECT_TRUE(theme_by_name(n).has_value()) << n;
  EXPECT_FALSE(theme_by_name("neon").has_value());
  // Each name gives the theme that carries it (an alias gives the theme's own name).
  for (const std::string_view n : names<ThemeId>()) EXPECT_EQ(std::string_view(theme_by_name(n)->name), n);
  EXPECT_EQ(std::string_view(theme_by_name("high-contrast")->name), "high_contrast");
  const Theme p = print_theme();
  EXPECT_NE(p.p_dash, p.q_dash);
  EXPECT_EQ(p.background.r, 1.0f);
}

FigureData coin_data(Base base = Base::two) {
  FigureData d;
  d.kind = Kind::discrete;
  d.base = base;
  d.labels = {"heads", "tails"};
  const std::vector<double> p{0.5, 0.5}, q{1.0, 0.0};
  d.curves = sample_discrete(p, q, {}, base);
  d.measures = measure_discrete(p, q, {}, d.labels, base);
  d.x_window = {-0.5, 1.5};
  return d;
}

TEST(Figures, DiscreteDensitiesDrawTwoBarsPerBinAndTheLabels) {
  Recorder c;
  const Theme t = light_theme();
  const FigureData d = coin_data();
  figure_densities(c, t, {0, 0, 800, 600}, d);
  int p_bars = 0, q_bars = 0;
  for (const auto& [r, col] : c.rects) {
    // Bars are translucent (the legend swatches are opaque).
    if (col.r == t.p.r && col.g == t.p.g && col.b == t.p.b && col.a < 1) ++p_bars;
    if (col.r == t.q.r && col.g == t.q.g && col.b == t.q.b && col.a < 1 && r.height() > 0.5f) ++q_bars;
  }
  EXPECT_EQ(p_bars, 2);
  EXPECT_EQ(q_bars, 1);  // Q's 'tails' bar has height 0
  EXPECT_TRUE(c.has_text("heads"));
  EXPECT_TRUE(c.has_text("tails"));
  EXPECT_EQ(c.clips, 0);
}

TEST(Figures, ContributionsShowTheSumsAndTheInfiniteBin) {
  Recorder c;
  const FigureData d = coin_data();
  figure_contributions(c, light_theme(), {0, 0, 800, 600}, d);
  EXPECT_TRUE(std::isinf(d.measures.kl_pq));
  EXPECT_TRUE(c.has_text("D(P‖Q) = ∞"));
  EXPECT_TRUE(c.has_text("D(Q‖P) = 1.000 bits"));  // log2(1/0.5)
  EXPECT_TRUE(c.has_text("∞"));
}

TEST(Figures, IdentitiesShowTheDecompositionWithNumbers) {
  Recorder c;
  FigureData d = coin_data();
  figure_identities(c, light_theme(), {0, 0, 800, 400}, d);
  EXPECT_TRUE(c.has_text("H(Q,P) = H(Q) + D(Q‖P)"));
  EXPECT_TRUE(c.has_text("PPL(P,Q) = PPL(P) · 2^D(P‖Q)"));
}

TEST(Figures, EveryPqFigureOfTheRegistryDrawsFromScreenData) {
  const FigureData d = coin_data(Base::e);
  for (const FigureSpec& f : figure_registry()) {
    if (f.lab != "divergence") continue;
    Recorder c;
    EXPECT_EQ(f.draw(c, dark_theme(), {0, 0, 1000, 700}, {nullptr, &d}), "") << f.name;
    EXPECT_GT(c.texts.size(), 3u) << f.name;
    EXPECT_EQ(c.clips, 0) << f.name;
  }
  EXPECT_EQ(find_figure("nope"), nullptr);
}

TEST(Figures, AutoWindowCoversEveryComponent) {
  Scenario s;
  s.kind = Kind::continuous;
  s.p_mix.components = {{Family::normal, 1, -10, 1}};
  s.q_mix.components = {{Family::uniform, 1, 0, 0, 1, 4, 6}};
  const Range r = auto_x_window(s);
  EXPECT_LE(r.lo, -14);
  EXPECT_GE(r.hi, 6);
  s.view = {{"x_range", {-1, 1}}};
  EXPECT_EQ(auto_x_window(s), (Range{-1, 1}));
}

}  // namespace
}  // namespace divlab::plot

// The figure registry: every figure draws from a scenario alone (as `divlab render` draws it),
// names are unique, and a figure that needs what a source lacks says so instead of drawing nothing.
#include <gtest/gtest.h>

#include <set>

#include "figures/registry.hpp"

namespace divlab::plot {
namespace {

// Counts what a figure draws.
class Counter final : public Canvas {
 public:
  Vec2 size() const override { return {1200, 600}; }
  void line(Vec2, Vec2, const Stroke&) override { ++calls; }
  void polyline(std::span<const Vec2>, const Stroke&) override { ++calls; }
  void fill_polygon(std::span<const Vec2>, Color) override { ++calls; }
  void fill_between(std::span<const Vec2>, std::span<const Vec2>, Color) override { ++calls; }
  void fill_rect(Rect, Color) override { ++calls; }
  void stroke_rect(Rect, const Stroke&) override { ++calls; }
  void circle(Vec2, float, Color) override { ++calls; }
  void text(Vec2, std::string_view, const TextStyle&) override { ++calls, ++texts; }
  Vec2 text_size(std::string_view t, const TextStyle& s) override {
    return {0.55f * s.size * static_cast<float>(t.size()), s.size};
  }
  void push_clip(Rect) override {}
  void pop_clip() override {}
  int calls = 0, texts = 0;
};

Scenario bimodal() {
  Scenario s;
  s.kind = Kind::continuous;
  s.p_mix.components = {{Family::normal, 0.5, -2, 0.6}, {Family::normal, 0.5, 2, 0.6}};
  s.q_mix.components = {{Family::normal, 1, 0, 1}};
  s.fit = FitSpec{};
  s.fit->start = {{"mean", 1.0}, {"sd", 1.0}};
  return s;
}

Scenario weather() {
  Scenario s;
  s.kind = Kind::joint;
  s.base = Base::two;
  s.joint.mass = {{30, 10, 5}, {5, 20, 30}};
  return s;
}

// A discrete pair for the coding figures (codes are built for discrete P and Q only).
Scenario coin() {
  Scenario s;
  s.kind = Kind::discrete;
  s.labels = {"heads", "tails", "edge"};
  s.p_mass = {0.5, 0.4, 0.1};
  s.q_mass = {0.8, 0.1, 0.1};
  return s;
}

TEST(FigureRegistry, EveryFigureDrawsFromAScenarioAlone) {
  const Scenario pq = bimodal(), joint = weather(), discrete = coin();
  std::set<std::string_view> names;
  for (const FigureSpec& f : figure_registry()) {
    EXPECT_TRUE(names.insert(f.name).second) << f.name << " twice";
    EXPECT_FALSE(f.lab.empty() || f.title.empty()) << f.name;
    EXPECT_GE(f.size.x, 300) << f.name;
    Counter c;
    const Scenario& s = f.lab == "joint" ? joint : f.lab == "coding" ? discrete : pq;
    EXPECT_EQ(f.draw(c, light_theme(), {0, 0, 1200, 600}, {&s, nullptr}), "") << f.name;
    // A scenario of the other kind is refused with a reason, never drawn wrong.
    Counter other;
    EXPECT_NE(f.draw(other, light_theme(), {0, 0, 1200, 600}, {f.lab == "joint" || f.lab == "coding" ? &pq : &joint, nullptr}), "") << f.name;
    if (f.lab == "coding") {
      EXPECT_NE(f.draw(other, light_theme(), {0, 0, 1200, 600}, {&joint, nullptr}), "") << f.name;
    }
    EXPECT_GT(c.texts, 3) << f.name;
    EXPECT_EQ(find_figure(f.name), &f);
  }
  EXPECT_NE(figure_list().find("densities, contributions"), std::string::npos);
}

TEST(FigureRegistry, AFigureWithoutWhatItNeedsSaysWhy) {
  Counter c;
  EXPECT_NE(find_figure("fit")->draw(c, light_theme(), {0, 0, 800, 400}, {}), "");
  EXPECT_NE(find_figure("densities")->draw(c, light_theme(), {0, 0, 800, 400}, {}), "");
}

}  // namespace
}  // namespace divlab::plot

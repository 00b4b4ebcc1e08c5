// A finite value is never drawn or printed as ∞ (issue 11 §5): a perplexity b^H whose H is finite
// but beyond a double's range is shown as the power "2^1443", in the identities figure and in the
// metrics panel's rows (tests/app/shell/shell_logic_test.cpp).
#include "figures/figures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>


namespace divlab::plot {
namespace {

class TextCanvas final : public Canvas {
 public:
  std::vector<std::string> texts;
  Vec2 size() const override { return {900, 520}; }
  void line(Vec2, Vec2, const Stroke&) override {}
  void polyline(std::span<const Vec2>, const Stroke&) override {}
  void fill_polygon(std::span<const Vec2>, Color) override {}
  void fill_between(std::span<const Vec2>, std::span<const Vec2>, Color) override {}
  void fill_rect(Rect, Color) override {}
  void stroke_rect(Rect, const Stroke&) override {}
  void circle(Vec2, float, Color) override {}
  void text(Vec2, std::string_view s, const TextStyle&) override { texts.emplace_back(s); }
  Vec2 text_size(std::string_view s, const TextStyle& st) override {
    return {0.5f * st.size * static_cast<float>(s.size()), st.size};
  }
  void push_clip(Rect) override {}
  void pop_clip() override {}
};

// P = N(0, 0.05²), Q = ½N(−2, 1) + ½N(2, 1), in bits. H(Q,P) = log2(σ√(2π)) + (1 + 4)/(2σ² ln 2)
// = 1442.5… bits: finite, but 2^H is beyond the largest double (2^1024).
Scenario narrow_p() {
  Scenario s;
  s.kind = Kind::continuous;
  s.base = Base::two;
  s.p_mix.components = {{Family::normal, 1, 0, 0.05}};
  s.q_mix.components = {{Family::normal, 0.5, -2, 1}, {Family::normal, 0.5, 2, 1}};
  return s;
}

TEST(FormatPerplexity, AFiniteExponentIsShownAsAPower) {
  EXPECT_EQ(format_perplexity(INFINITY, 1440, "2"), "2^1440");
  EXPECT_EQ(format_perplexity(INFINITY, 998.25, "e"), "e^998.2");
  EXPECT_EQ(format_perplexity(8, 3, "2"), "8.000");
  EXPECT_EQ(format_perplexity(INFINITY, INFINITY, "2"), "∞");  // truly infinite stays ∞
}

TEST(Figures, TheIdentitiesNeverShowAFinitePerplexityAsInfinity) {
  FigureData d;
  d.kind = Kind::continuous;
  d.base = Base::two;
  d.measures = compute_measures(narrow_p());
  const double h = std::log2(0.05 * std::sqrt(2 * M_PI)) + 5 / (2 * 0.05 * 0.05 * std::log(2.0));
  ASSERT_NEAR(d.measures.cross_entropy_qp, h, 1e-6 * h);
  ASSERT_TRUE(std::isinf(d.measures.perplexity_qp));  // the double overflowed: the value is not ∞
  TextCanvas c;
  figure_identities(c, theme(ThemeId::print), {0, 0, 900, 520}, d, {});
  std::string all;
  for (const auto& t : c.texts) all += t + "\n";
  EXPECT_NE(all.find("2^" + format_value(h)), std::string::npos) << all;
  EXPECT_EQ(all.find("∞ ="), std::string::npos) << all;
}

TEST(Figures, PEqualToQGetsReadableContributionTicks) {
  Scenario s;
  s.kind = Kind::discrete;
  s.p_mass = s.q_mass = {0.2, 0.3, 0.5};
  FigureData d;
  d.kind = Kind::discrete;
  d.measures = compute_measures(s);
  d.curves = compute_curves(s, auto_x_window(s), 3);
  TextCanvas c;
  figure_contributions(c, theme(ThemeId::print), {0, 0, 900, 520}, d, {});
  const Range y = contributions_y_range(d, {});
  EXPECT_GE(y.hi - y.lo, 0.05);
  for (const auto& t : c.texts) EXPECT_EQ(t.find("0.0000"), std::string::npos) << t;
  EXPECT_EQ(fix_range({0, 0}).lo, -1);
  EXPECT_EQ(fix_range({0, 0}).hi, 1);
  EXPECT_EQ(fix_range({5, 5}).lo, 2.5);
}

}  // namespace
}  // namespace divlab::plot

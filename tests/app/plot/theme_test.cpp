// The print theme's colours read as text on white (issue 11 §5): WCAG 2 contrast ≥ 4.5:1, computed
// from the sRGB relative luminance (an independent implementation of the WCAG formula below).
#include "plot/theme.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace divlab::plot {
namespace {

// WCAG 2.x relative luminance: L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels.
double luminance(const Color& c) {
  const auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
// Contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter.
double contrast(const Color& a, const Color& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(Theme, ContrastFormulaMatchesKnownValues) {
  EXPECT_NEAR(contrast({0, 0, 0, 1}, {1, 1, 1, 1}), 21.0, 1e-12);
  EXPECT_NEAR(contrast({1, 1, 1, 1}, {1, 1, 1, 1}), 1.0, 1e-12);
  // #767676 on white is the classic 4.54:1 (the lightest grey that passes AA).
  EXPECT_NEAR(contrast({0x76 / 255.0f, 0x76 / 255.0f, 0x76 / 255.0f, 1}, {1, 1, 1, 1}), 4.54, 0.01);
}

TEST(Theme, EveryPrintColourReadsAsTextOnItsBackground) {
  const Theme t = print_theme();
  const std::pair<const char*, Color> colours[] = {{"text", t.text}, {"text_dim", t.text_dim}, {"p", t.p},
                                                   {"q", t.q},       {"m", t.m},               {"negative", t.negative},
                                                   {"positive", t.positive}, {"infinite", t.infinite}};
  for (const auto& [name, c] : colours) EXPECT_GE(contrast(c, t.background), 4.5) << name;
  EXPECT_GT(luminance(t.q), 2 * luminance(t.p));  // still told apart in grayscale (and by the dash)
}

}  // namespace
}  // namespace divlab::plot

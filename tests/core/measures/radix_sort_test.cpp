// radix_sort_by_x must order exactly as a stable sort by x does (ties keep their order).
#include "measures/radix_sort.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace divlab::detail {
namespace {

std::vector<PositionedValue> reference_sort(std::vector<PositionedValue> v) {
  // −0.0 before +0.0, as the radix sort's bit order has it; otherwise plain <.
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.x < b.x || (a.x == 0 && b.x == 0 && std::signbit(a.x) && !std::signbit(b.x));
  });
  return v;
}

void expect_same_order(std::vector<PositionedValue> v) {
  const std::vector<PositionedValue> want = reference_sort(v);
  radix_sort_by_x(v);
  ASSERT_EQ(v.size(), want.size());
  for (size_t i = 0; i < v.size(); ++i) {
    ASSERT_EQ(std::signbit(v[i].x), std::signbit(want[i].x)) << i;
    ASSERT_EQ(v[i].x, want[i].x) << i;
    ASSERT_EQ(v[i].value, want[i].value) << i;  // value = original index: checks stability
  }
}

TEST(RadixSort, MatchesAStableSortOnEveryKindOfNumber) {
  std::mt19937_64 rng(11);
  const double specials[] = {0.0, -0.0, 4.9e-324, -4.9e-324, 1e-310, 1.0, -1.0, 1e308, -1e308,
                             std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
  for (size_t n : {0, 1, 2, 63, 64, 1000, 65536, 200000}) {  // both sides of the radix threshold
    std::vector<PositionedValue> v(n);
    std::uniform_real_distribution<double> u(-1e6, 1e6);
    std::uniform_int_distribution<int> pick(0, 9);
    for (size_t i = 0; i < n; ++i) {
      const int kind = pick(rng);
      const double x = kind == 0 ? specials[rng() % std::size(specials)]
                       : kind == 1 ? std::round(u(rng) / 1e5)  // many ties
                       : kind == 2 ? std::ldexp(u(rng), static_cast<int>(rng() % 2000) - 1000)
                                   : u(rng);
      v[i] = {x, static_cast<double>(i)};
    }
    expect_same_order(v);
  }
}

TEST(RadixSort, AlreadySortedAndReversedAndAllEqual) {
  std::vector<PositionedValue> up(100000), down(100000), same(100000);
  for (size_t i = 0; i < up.size(); ++i) {
    up[i] = {static_cast<double>(i) * 0.5, static_cast<double>(i)};
    down[i] = {-static_cast<double>(i), static_cast<double>(i)};
    same[i] = {3.25, static_cast<double>(i)};  // every digit pass is skipped
  }
  expect_same_order(up);
  expect_same_order(down);
  expect_same_order(same);
}

}  // namespace
}  // namespace divlab::detail

// The discrete measures' block kernels: the AVX2 and AVX-512 builds must agree with the scalar
// build (which follows measures_detail.hpp line by line) on every kind of bin, and all with the
// definitions.
#include "measures/block_kernels.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <ostream>
#include <random>
#include <vector>

namespace divlab::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Bins {
  std::vector<double> p, q, lp, lq, lm;
  explicit Bins(std::vector<std::pair<double, double>> pq) {
    for (auto [a, b] : pq) {
      p.push_back(a), q.push_back(b);
      lp.push_back(std::log(a)), lq.push_back(std::log(b)), lm.push_back(std::log(0.5 * (a + b)));
    }
  }
  BinBlock block() const { return {p.data(), q.data(), lp.data(), lq.data(), lm.data(), p.size()}; }
};

// Every kind of bin: both zero, one zero, subnormal, tiny, equal, nearly equal (series), around
// the series threshold |d| = 1/8 (p/q = 9/7), far apart.
Bins edge_bins() {
  std::vector<std::pair<double, double>> v = {
      {0, 0},         {0.3, 0},         {0, 0.2},        {4.9e-324, 1e-300}, {1e-300, 1e-300},
      {4.9e-324, 0},  {0, 4.9e-324},    {1e-323, 0},     // one side 0: m = s/2 may round to 0
      {0.25, 0.25},   {0.5 + 1e-9, 0.5}, {0.9, 0.7},      {0.9, 0.7000001},   {0.9, 0.6999999},
      {1e-200, 3e-200}, {0.999, 1e-6},  {2e-310, 1e-310}, {0.125, 0.0625},    {1e-160, 1e-160 * 1.1}};
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 1000; ++i) v.push_back({u(rng), u(rng) < 0.1 ? 0.0 : u(rng)});
  return Bins(v);
}

void expect_close(double got, double want, const char* what) {
  if (std::isinf(want)) {
    EXPECT_EQ(got, want) << what;
    return;
  }
  EXPECT_NEAR(got, want, 1e-14 * std::abs(want) + 1e-300) << what;
}

void expect_same_sums(const TermSums& v, const TermSums& s, double scale = 1) {
  expect_close(v.hp / scale, s.hp, "hp"), expect_close(v.hq / scale, s.hq, "hq");
  expect_close(v.xpq / scale, s.xpq, "xpq"), expect_close(v.xqp / scale, s.xqp, "xqp");
  expect_close(v.kl_pq / scale, s.kl_pq, "kl_pq"), expect_close(v.kl_qp / scale, s.kl_qp, "kl_qp");
  expect_close(v.jsd / scale, s.jsd, "jsd"), expect_close(v.tv / scale, s.tv, "tv");
  expect_close(v.h2 / scale, s.h2, "h2"), expect_close(v.bc / scale, s.bc, "bc");
}

struct Build {
  const char* name;
  bool available;
  TermSums (*sum)(const BinBlock&);
};

void PrintTo(const Build& b, std::ostream* os) { *os << b.name; }

class VectorBuild : public testing::TestWithParam<Build> {};

TEST_P(VectorBuild, MatchesTheScalarBuildOnEveryKindOfBin) {
  const Build build = GetParam();
  if (!build.available) GTEST_SKIP() << "this CPU lacks " << build.name;
  const Bins bins = edge_bins();
  // Every length 0…19 exercises the scalar tail after the vector steps.
  for (size_t n = 0; n < 20; ++n) {
    BinBlock b = bins.block();
    b.n = n;
    expect_same_sums(build.sum(b), sum_terms_scalar(b));
  }
  expect_same_sums(build.sum(bins.block()), sum_terms_scalar(bins.block()));
  // Bin by bin, so that no term can hide behind a larger one: eight copies of one bin go
  // through the vector step, one copy through the scalar build.
  for (size_t i = 0; i < bins.p.size(); ++i) {
    const std::pair<double, double> bin{bins.p[i], bins.q[i]};
    const Bins one({bin}), eight(std::vector<std::pair<double, double>>(8, bin));
    expect_same_sums(build.sum(eight.block()), sum_terms_scalar(one.block()), 8);
  }
}

INSTANTIATE_TEST_SUITE_P(BlockKernels, VectorBuild,
                         testing::Values(Build{"AVX2", cpu_has_avx2(), sum_terms_avx2},
                                         Build{"AVX-512", cpu_has_avx512(), sum_terms_avx512}),
                         [](const auto& info) { return info.index == 0 ? "Avx2" : "Avx512"; });

// The terms against their definitions where those are accurate (|d| not small).
TEST(BlockKernels, TermsFollowTheirDefinitions) {
  const Bins b({{0.6, 0.1}});
  const TermSums s = sum_terms(b.block());
  const double p = 0.6, q = 0.1, m = 0.35;
  EXPECT_NEAR(s.hp, -p * std::log(p), 1e-15);
  EXPECT_NEAR(s.xpq, -p * std::log(q), 1e-15);
  EXPECT_NEAR(s.kl_pq, p * std::log(p / q) - p + q, 1e-15);
  EXPECT_NEAR(s.kl_qp, q * std::log(q / p) - q + p, 1e-15);
  EXPECT_NEAR(s.jsd, 0.5 * (p * std::log(p / m) + q * std::log(q / m)), 1e-15);
  EXPECT_NEAR(s.tv, 0.5, 1e-15);
  EXPECT_NEAR(s.h2, std::pow(std::sqrt(p) - std::sqrt(q), 2), 1e-15);
  EXPECT_NEAR(s.bc, std::sqrt(p * q), 1e-15);
  // √(pq) for masses whose product underflows: 1e-300 · 1e-300 = 1e-600.
  const Bins tiny({{1e-300, 1e-300}, {1e-300, 4e-300}, {1e-300, 1e-300}, {1e-300, 4e-300}, {1, 1}});
  const TermSums u = sum_terms(tiny.block());
  EXPECT_NEAR(u.bc, 1 + 2e-300 + 2 * 2e-300, 1e-15);
  const TermSums u4 = sum_terms({tiny.p.data(), tiny.q.data(), tiny.lp.data(), tiny.lq.data(), tiny.lm.data(), 4});
  EXPECT_NEAR(u4.bc, 6e-300, 1e-14 * 6e-300);
  EXPECT_NEAR(u4.h2, 2e-300, 1e-14 * 2e-300);  // (1e-150 − 2e-150)² twice
  // Nearly equal masses: the series keeps the relative accuracy that the definitions lose.
  const double e = 1e-9;
  const Bins near({{0.5 + e, 0.5 - e}});
  const TermSums t = sum_terms(near.block());
  const double d = near.p[0] - near.q[0];  // (p − q)/(p + q) with p + q = 1, exact
  // Leading terms (s = 1, m = ½): kl = s·d²·(1 + d/3 + …), h2 = s·d²/2, jsd = ¼·s·d²; the next
  // orders are ~1e-9 relative here.
  EXPECT_NEAR(t.kl_pq, d * d, 3e-9 * d * d);
  EXPECT_NEAR(t.kl_qp, d * d, 3e-9 * d * d);
  EXPECT_NEAR(t.h2, d * d / 2, 3e-9 * d * d);
  EXPECT_NEAR(t.jsd, d * d / 4, 3e-9 * d * d);
}

TEST(BlockKernels, OneSidedZerosMakeTheKlInfinite) {
  const Bins b({{0.5, 0}, {0.5, 1}});
  const TermSums s = sum_terms(b.block());
  EXPECT_EQ(s.kl_pq, kInf);
  EXPECT_TRUE(std::isfinite(s.kl_qp));
  EXPECT_NEAR(s.kl_qp, 0.5 + (std::log(2.0) - 0.5), 1e-15);  // q·log(q/p) − q + p summed
}

}  // namespace
}  // namespace divlab::detail

// The discrete measures' block kernels: the AVX2 build must agree with the scalar build (which
// follows measures_detail.hpp line by line) on every kind of bin, and both with direct formulas.
#include "../../core/src/block_kernels.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
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

TEST(BlockKernels, Avx2MatchesScalarOnEveryKindOfBin) {
  if (!cpu_has_avx2()) GTEST_SKIP() << "this CPU has no AVX2: only the scalar build runs";
  const Bins bins = edge_bins();
  // Every length 0…19 exercises the scalar tail after the 4-wide steps.
  for (size_t n = 0; n < 20; ++n) {
    BinBlock b = bins.block();
    b.n = n;
    const TermSums s = sum_terms_scalar(b), v = sum_terms_avx2(b);
    expect_close(v.hp, s.hp, "hp"), expect_close(v.hq, s.hq, "hq");
    expect_close(v.xpq, s.xpq, "xpq"), expect_close(v.xqp, s.xqp, "xqp");
    expect_close(v.kl_pq, s.kl_pq, "kl_pq"), expect_close(v.kl_qp, s.kl_qp, "kl_qp");
    expect_close(v.jsd, s.jsd, "jsd"), expect_close(v.tv, s.tv, "tv");
    expect_close(v.h2, s.h2, "h2"), expect_close(v.bc, s.bc, "bc");
  }
  // Bin by bin, so that no term can hide behind a larger one.
  for (size_t i = 0; i < bins.p.size(); ++i) {
    BinBlock b = bins.block();
    b.p += i, b.q += i, b.lp += i, b.lq += i, b.lm += i, b.n = 1;
    const TermSums s = sum_terms_scalar(b);
    // A lone bin goes through the scalar tail; four copies of it go through the vector step.
    const Bins four({{b.p[0], b.q[0]}, {b.p[0], b.q[0]}, {b.p[0], b.q[0]}, {b.p[0], b.q[0]}});
    const TermSums v = sum_terms_avx2(four.block());
    expect_close(v.kl_pq / 4, s.kl_pq, "kl_pq"), expect_close(v.kl_qp / 4, s.kl_qp, "kl_qp");
    expect_close(v.jsd / 4, s.jsd, "jsd"), expect_close(v.h2 / 4, s.h2, "h2"), expect_close(v.bc / 4, s.bc, "bc");
    expect_close(v.hp / 4, s.hp, "hp"), expect_close(v.xpq / 4, s.xpq, "xpq");
  }
}

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

// curves.hpp: sampled densities, contributions, JSD integrand and CDFs; their sums/integrals
// reproduce the measures, ∞ contributions are marked, uniform jumps are sharp.
#include "divlab/distributions/curves.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "divlab/measures/measures.hpp"

namespace divlab {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Trapezoid rule over the samples (fine grids only).
double trapezoid(const std::vector<double>& x, const std::vector<double>& y) {
  double s = 0;
  for (size_t i = 0; i + 1 < x.size(); ++i) s += 0.5 * (y[i] + y[i + 1]) * (x[i + 1] - x[i]);
  return s;
}

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

TEST(Curves, DiscreteSumsAreTheMeasures) {
  const std::vector<double> p{0.1, 0.4, 0.2, 0.3}, q{0.3, 0.1, 0.5, 0.1}, x{3, -1, 2.5, 10};
  const Curves c = sample_discrete(p, q, x, Base::two);
  const Measures m = measure_discrete(p, q, x, {}, Base::two);
  ASSERT_EQ(c.x.size(), 4u);
  EXPECT_EQ(c.x, x);  // order as given
  EXPECT_NEAR(sum(c.contrib_pq), m.kl_pq, 1e-14);
  EXPECT_NEAR(sum(c.contrib_qp), m.kl_qp, 1e-14);
  EXPECT_NEAR(sum(c.jsd_integrand), m.jsd, 1e-14);
  EXPECT_DOUBLE_EQ(c.m[1], 0.25);
  // Sorted positions: -1 (0.4/0.1), 2.5 (0.2/0.5), 3 (0.1/0.3), 10 (0.3/0.1).
  EXPECT_DOUBLE_EQ(c.cdf_p[1], 0.4);
  EXPECT_DOUBLE_EQ(c.cdf_p[2], 0.6);
  EXPECT_DOUBLE_EQ(c.cdf_p[0], 0.7);
  EXPECT_DOUBLE_EQ(c.cdf_p[3], 1.0);
  EXPECT_DOUBLE_EQ(c.cdf_q[0], 0.9);
  EXPECT_NEAR(c.cdf_absdiff[0], 0.2, 1e-15);
  EXPECT_NEAR(c.cdf_absdiff[2], 0.0, 1e-15);
}

TEST(Curves, DiscreteInfiniteContributionsAndTies) {
  const std::vector<double> p{0.5, 0.5, 0}, q{1, 0, 1}, x{1, 0, 1};
  const Curves c = sample_discrete(p, q, x);
  EXPECT_EQ(c.contrib_pq[1], kInf);  // P > 0 = Q
  EXPECT_EQ(c.contrib_pq[2], 0.0);   // 0·log 0 = 0
  EXPECT_EQ(c.contrib_qp[2], kInf);
  EXPECT_NEAR(c.jsd_integrand[1], 0.25 * std::numbers::ln2, 1e-16);
  // Ties share the CDF value that includes all of them.
  EXPECT_DOUBLE_EQ(c.cdf_p[0], 1.0);
  EXPECT_DOUBLE_EQ(c.cdf_p[2], 1.0);
  EXPECT_DOUBLE_EQ(c.cdf_p[1], 0.5);
  EXPECT_DOUBLE_EQ(c.cdf_q[1], 0.0);
}

TEST(Curves, ContinuousIntegralsApproachTheMeasures) {
  const Mixture p{{{Family::normal, 0.5, -2, 0.6}, {Family::normal, 0.5, 2, 0.6}}};
  const Mixture q{{{Family::normal, 1, 0, 1}}};
  const Curves c = sample_continuous(p, q, -12, 12, 4001);
  const Measures m = measure_continuous(p, q);
  ASSERT_EQ(c.x.size(), 4001u);
  EXPECT_EQ(c.x.front(), -12);
  EXPECT_EQ(c.x.back(), 12);
  EXPECT_NEAR(trapezoid(c.x, c.p), 1.0, 1e-6);
  EXPECT_NEAR(trapezoid(c.x, c.contrib_pq), m.kl_pq, 1e-5);
  EXPECT_NEAR(trapezoid(c.x, c.contrib_qp), m.kl_qp, 1e-5);
  EXPECT_NEAR(trapezoid(c.x, c.jsd_integrand), m.jsd, 1e-5);
  EXPECT_NEAR(trapezoid(c.x, c.cdf_absdiff), m.wasserstein_1, 1e-5);
  for (size_t i = 0; i < c.x.size(); ++i) {
    ASSERT_FALSE(std::isnan(c.contrib_pq[i] + c.contrib_qp[i] + c.jsd_integrand[i] + c.cdf_absdiff[i]));
    EXPECT_NEAR(c.m[i], 0.5 * (c.p[i] + c.q[i]), 1e-17);
    EXPECT_NEAR(c.cdf_absdiff[i], std::abs(c.cdf_p[i] - c.cdf_q[i]), 1e-15);
  }
  EXPECT_NEAR(c.cdf_p[2000], 0.5, 1e-15);  // symmetric P at x = 0
}

TEST(Curves, ContinuousBasesAndFarTails) {
  const Mixture p{{{Family::normal, 1, 0, 1}}}, q{{{Family::laplace, 1, 0, 1}}};
  const Curves e = sample_continuous(p, q, 30, 40, 11);
  const Curves b = sample_continuous(p, q, 30, 40, 11, Base::two);
  for (size_t i = 0; i < e.x.size(); ++i) {
    // At x = 40 the normal density underflows to 0 but q log(q/p) stays finite and exact.
    const double x = e.x[i];
    const double lq = -x - std::log(2.0), lp = -0.5 * x * x - 0.5 * std::log(2 * std::numbers::pi);
    EXPECT_NEAR(e.contrib_qp[i], std::exp(lq) * (lq - lp), 1e-12 * std::exp(lq) * (lq - lp)) << x;
    EXPECT_NEAR(b.contrib_qp[i], e.contrib_qp[i] / std::numbers::ln2, 1e-12 * b.contrib_qp[i]);
    EXPECT_TRUE(std::isfinite(e.contrib_pq[i]));
  }
  // Survival-based |F_P − F_Q| in the right tail: ½e^{-x} − Φ̄(x), not a cancelled 0.
  EXPECT_NEAR(e.cdf_absdiff[10], 0.5 * std::exp(-40.0), 1e-30);
}

TEST(Curves, UniformJumpsAreSharp) {
  const Mixture p{{{Family::uniform, 1, 0, 1, 1, 0, 1}}}, q{{{Family::normal, 1, 0, 1}}};
  const Curves c = sample_continuous(p, q, -2, 2, 5);  // grid -2,-1,0,1,2 plus endpoint limits
  // Just left of 0 the density is 0, at 0 it is 1; same at 1 from the right.
  bool left_zero = false, right_zero = false;
  for (size_t i = 0; i < c.x.size(); ++i) {
    if (c.x[i] < 0 && c.x[i] > -1e-12) left_zero = c.p[i] == 0;
    if (c.x[i] > 1 && c.x[i] < 1 + 1e-12) right_zero = c.p[i] == 0;
    if (c.x[i] >= 0 && c.x[i] <= 1) {
      EXPECT_EQ(c.p[i], 1.0) << c.x[i];
    }
    if (c.p[i] == 0) {
      EXPECT_EQ(c.contrib_pq[i], 0.0);
    }
  }
  EXPECT_TRUE(left_zero);
  EXPECT_TRUE(right_zero);
  EXPECT_GT(c.x.size(), 5u);
}

TEST(Curves, InfiniteContributionWhereQVanishes) {
  const Mixture p{{{Family::normal, 1, 0, 1}}}, q{{{Family::uniform, 1, 0, 1, 1, -1, 1}}};
  const Curves c = sample_continuous(p, q, -3, 3, 7);
  for (size_t i = 0; i < c.x.size(); ++i) {
    if (std::abs(c.x[i]) > 1) {
      EXPECT_EQ(c.contrib_pq[i], kInf) << c.x[i];
      EXPECT_EQ(c.contrib_qp[i], 0.0);
      EXPECT_TRUE(std::isfinite(c.jsd_integrand[i]));
    } else {
      EXPECT_TRUE(std::isfinite(c.contrib_pq[i]));
    }
  }
}

}  // namespace
}  // namespace divlab

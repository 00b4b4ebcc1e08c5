// alpha.hpp: Rényi and Minka α-divergences (SPEC §7) against mpmath (tests/reference/gen_alpha.py), the
// exact limits (α = 1 is KL, α = 0 is reverse KL for Minka), the identities with Bhattacharyya (α = ½)
// and χ² (α = 2), no cancellation next to α = 1, and ∞ decided by analysis with reasons.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numbers>

#include "divlab/measures/alpha.hpp"
#include "divlab/measures/measures.hpp"
#include "core/reference_mixture.hpp"

namespace divlab {
namespace {

using nlohmann::json;
using test_data::reference_component;
using test_data::reference_mixture;
using Cause = WhyInfinite::Cause;
constexpr double kInf = std::numeric_limits<double>::infinity();

json reference() {
  std::ifstream in(std::string(DIVLAB_TEST_DATA_DIR) + "/reference/alpha.json");
  EXPECT_TRUE(in.good());
  return json::parse(in);
}

// One reference value against the computed one: "inf"/"-inf" exactly, "overflow" as the flag, numbers
// within abs + rel·|x|. Returns the relative error (0 for non-numbers).
double check(const json& want, double got, bool overflow, double abs, double rel, const std::string& what) {
  EXPECT_FALSE(std::isnan(got)) << what;
  if (want.is_string()) {
    const std::string s = want;
    if (s == "overflow") {
      EXPECT_TRUE(overflow) << what;
    } else {
      EXPECT_EQ(got, s == "inf" ? kInf : -kInf) << what;
      EXPECT_FALSE(overflow) << what;
    }
    return 0;
  }
  const double w = want.get<double>();
  EXPECT_FALSE(overflow) << what;
  EXPECT_NEAR(got, w, abs + rel * std::abs(w)) << what;
  return std::abs(got - w) / std::max(std::abs(w), 1e-300);
}

// The three values of one reference row; returns the worst relative error.
double check_all(const json& row, const AlphaMeasures& m, double abs, double rel, const std::string& name) {
  const std::string at = name + " at α = " + std::to_string(row.at("alpha").get<double>());
  return std::max({check(row.at("renyi_pq"), m.renyi_pq, false, abs, rel, at + " renyi_pq"),
                   check(row.at("renyi_qp"), m.renyi_qp, false, abs, rel, at + " renyi_qp"),
                   check(row.at("alpha_divergence_pq"), m.alpha_divergence_pq, m.alpha_divergence_overflow, abs, rel,
                         at + " alpha_divergence_pq")});
}

// [SECTION] Discrete

TEST(AlphaDiscrete, MatchesMpmath) {
  const json ref = reference();
  ASSERT_GE(ref.at("discrete").size(), 10u);
  double worst = 0;
  for (const json& c : ref.at("discrete")) {
    const std::vector<double> p = c.at("p"), q = c.at("q");
    for (const json& row : c.at("values")) {
      const double a = row.at("alpha");
      worst = std::max(worst, check_all(row, alpha_discrete(p, q, a), 1e-12, 1e-9, c.at("name")));
      // In bits: Rényi divided by ln 2, Minka unchanged (it has no logarithm).
      const AlphaMeasures bits = alpha_discrete(p, q, a, {}, {}, Base::two);
      const AlphaMeasures nats = alpha_discrete(p, q, a);
      EXPECT_EQ(bits.alpha_divergence_pq, nats.alpha_divergence_pq);
      if (std::isfinite(nats.renyi_pq)) {
        EXPECT_NEAR(bits.renyi_pq, nats.renyi_pq / std::numbers::ln2, 1e-15 * (1 + bits.renyi_pq));
      }
    }
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", worst);
  RecordProperty("worst_relative_error", buf);
}

TEST(AlphaDiscrete, AlphaOneIsKlExactly) {
  const std::vector<double> p{0.1, 0.2, 0.7}, q{0.3, 0.3, 0.4};
  for (const Base b : {Base::e, Base::two}) {
    const Measures kl = measure_discrete(p, q, {}, {}, b);
    const AlphaMeasures m = alpha_discrete(p, q, 1.0, {}, {}, b);
    EXPECT_EQ(m.renyi_pq, kl.kl_pq);
    EXPECT_EQ(m.renyi_qp, kl.kl_qp);
    EXPECT_EQ(m.alpha_divergence_pq, in_base(kl, Base::e).kl_pq);  // nats in every base
  }
  // Minka at α = 0 is the reverse KL, exactly.
  EXPECT_EQ(alpha_discrete(p, q, 0.0).alpha_divergence_pq, measure_discrete(p, q).kl_qp);
}

TEST(AlphaDiscrete, ContinuousAcrossOneAndZero) {
  // No cancellation next to α = 1 and α = 0: the values move smoothly onto the KLs.
  const std::vector<double> p{0.1, 0.2, 0.7}, q{0.3, 0.3, 0.4};
  const Measures kl = measure_discrete(p, q);
  for (double e : {1e-3, 1e-6, 1e-9, 1e-12, 1e-15}) {
    for (double a : {1 - e, 1 + e}) {
      const AlphaMeasures m = alpha_discrete(p, q, a);
      EXPECT_NEAR(m.renyi_pq, kl.kl_pq, 2 * e * kl.kl_pq + 1e-15) << a;
      EXPECT_NEAR(m.renyi_qp, kl.kl_qp, 2 * e * kl.kl_qp + 1e-15) << a;
      EXPECT_NEAR(m.alpha_divergence_pq, kl.kl_pq, 2 * e * kl.kl_pq + 1e-15) << a;
    }
    EXPECT_NEAR(alpha_discrete(p, q, e).alpha_divergence_pq, kl.kl_qp, 2 * e * kl.kl_qp + 1e-15) << e;
    EXPECT_NEAR(alpha_discrete(p, q, -e).alpha_divergence_pq, kl.kl_qp, 2 * e * kl.kl_qp + 1e-15) << e;
  }
}

TEST(AlphaDiscrete, HalfIsBhattacharyyaAndTwoIsChiSquared) {
  const std::vector<double> p{0.05, 0.15, 0.3, 0.5}, q{0.25, 0.25, 0.25, 0.25};
  const Measures m = measure_discrete(p, q);
  // D^R_½ = −2 log BC, symmetric.
  const AlphaMeasures half = alpha_discrete(p, q, 0.5);
  EXPECT_NEAR(half.renyi_pq, -2 * std::log(m.bhattacharyya), 1e-14);
  EXPECT_NEAR(half.renyi_qp, half.renyi_pq, 1e-15);
  // Minka's D_½ = 4(1 − BC) = 4 H².
  EXPECT_NEAR(half.alpha_divergence_pq, 4 * m.hellinger * m.hellinger, 1e-14);
  // D^R_2 = log(1 + χ²(P‖Q)), χ² = Σ (p − q)²/q; Minka's D_2 = χ²/2.
  double chi2 = 0;
  for (size_t i = 0; i < p.size(); ++i) chi2 += (p[i] - q[i]) * (p[i] - q[i]) / q[i];
  const AlphaMeasures two = alpha_discrete(p, q, 2.0);
  EXPECT_NEAR(two.renyi_pq, std::log1p(chi2), 1e-14);
  EXPECT_NEAR(two.alpha_divergence_pq, chi2 / 2, 1e-14);
}

TEST(AlphaDiscrete, InfinityBySupportWithReasons) {
  const std::vector<std::string> labels{"a", "b", "c"};
  // Q = 0 at 'a' where P > 0: ∞ for α > 1 in both Rényi and Minka; finite below 1.
  const std::vector<double> p{0.5, 0.5, 0}, q{0, 0.5, 0.5};
  const AlphaMeasures two = alpha_discrete(p, q, 2.0, {}, labels);
  EXPECT_EQ(two.renyi_pq, kInf);
  EXPECT_EQ(two.alpha_divergence_pq, kInf);
  EXPECT_EQ(two.why_renyi_pq.cause, Cause::support);
  EXPECT_EQ(two.why_renyi_pq.reason, "Q = 0 at 'a' where P > 0");
  EXPECT_EQ(two.why_alpha_divergence_pq.reason, "Q = 0 at 'a' where P > 0");
  EXPECT_EQ(two.renyi_qp, kInf);
  EXPECT_EQ(two.why_renyi_qp.reason, "P = 0 at 'c' where Q > 0");
  const AlphaMeasures half = alpha_discrete(p, q, 0.5, {}, labels);
  EXPECT_TRUE(std::isfinite(half.renyi_pq) && std::isfinite(half.alpha_divergence_pq));
  // Disjoint supports, 0 < α < 1: Rényi ∞, Minka's D_α = 1/(α(1−α)) finite.
  const std::vector<double> a{1, 0}, b{0, 1};
  for (double al : {0.01, 0.25, 0.5, 0.999}) {
    const AlphaMeasures d = alpha_discrete(a, b, al);
    EXPECT_EQ(d.renyi_pq, kInf);
    EXPECT_EQ(d.renyi_qp, kInf);
    EXPECT_EQ(d.why_renyi_pq.cause, Cause::support);
    EXPECT_NEAR(d.alpha_divergence_pq, 1 / (al * (1 - al)), 1e-12 / (al * (1 - al)));
    EXPECT_EQ(d.why_alpha_divergence_pq.cause, Cause::finite);
  }
  // Minka for α < 0: ∞ where P = 0 < Q.
  const AlphaMeasures neg = alpha_discrete(p, q, -1.0, {}, labels);
  EXPECT_EQ(neg.alpha_divergence_pq, kInf);
  EXPECT_EQ(neg.why_alpha_divergence_pq.reason, "P = 0 at 'c' where Q > 0");
}

TEST(AlphaDiscrete, NOneAndUnnormalisedInput) {
  for (double a : {0.01, 0.5, 2.0, 100.0}) {
    const AlphaMeasures one = alpha_discrete(std::vector<double>{3}, std::vector<double>{5}, a);
    EXPECT_EQ(one.renyi_pq, 0);
    EXPECT_EQ(one.alpha_divergence_pq, 0);
    // Scaling the masses changes nothing (they are normalised, as for KL).
    const AlphaMeasures m = alpha_discrete(std::vector<double>{1, 2, 3}, std::vector<double>{3, 2, 1}, a);
    const AlphaMeasures s = alpha_discrete(std::vector<double>{1e-200, 2e-200, 3e-200}, std::vector<double>{3e250, 2e250, 1e250}, a);
    EXPECT_NEAR(m.renyi_pq, s.renyi_pq, 1e-13 * m.renyi_pq);
    EXPECT_NEAR(m.alpha_divergence_pq, s.alpha_divergence_pq, 1e-13 * m.alpha_divergence_pq);
  }
}

TEST(AlphaDiscrete, FiniteBeyondTheDoubleRangeIsOverflowNotInfinity) {
  const std::vector<double> p{1e-300, 1}, q{1, 1e-300};
  const AlphaMeasures m = alpha_discrete(p, q, 100.0);
  EXPECT_TRUE(m.alpha_divergence_overflow);
  EXPECT_TRUE(std::isfinite(m.alpha_divergence_pq));
  EXPECT_NEAR(m.renyi_pq, 99 * 300 * std::numbers::ln10 / 99, 1e-9 * m.renyi_pq);  // log(1e29700)/99
}

// [SECTION] Continuous

TEST(AlphaContinuous, MatchesMpmath) {
  const json ref = reference();
  ASSERT_GE(ref.at("continuous").size(), 8u);
  double worst = 0;
  for (const json& c : ref.at("continuous")) {
    const Mixture p = reference_mixture(c.at("p")), q = reference_mixture(c.at("q"));
    for (const json& row : c.at("values")) {
      worst = std::max(worst, check_all(row, alpha_continuous(p, q, row.at("alpha")), 1e-9, 1e-7, c.at("name")));
    }
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", worst);
  RecordProperty("worst_relative_error", buf);
}

TEST(AlphaContinuous, NormalClosedForm) {
  // D^R_α(N(μP, σP²) ‖ N(μQ, σQ²)) = ln(σQ/σP) + ln(σQ²/σα²)/(2(α−1)) + α(μP−μQ)²/(2σα²), σα² = ασQ² + (1−α)σP²
  // (verified against mpmath.quad in gen_alpha.py); ∞ when σα² ≤ 0.
  auto closed = [](double mp, double sp, double mq, double sq, double a) {
    const double s2 = a * sq * sq + (1 - a) * sp * sp;
    if (!(s2 > 0)) return kInf;
    return std::log(sq / sp) + std::log(sq * sq / s2) / (2 * (a - 1)) + a * (mp - mq) * (mp - mq) / (2 * s2);
  };
  for (const auto& [mp, sp, mq, sq] : {std::array<double, 4>{0, 1, 1, 2}, {-3, 0.5, 2, 0.7}, {0, 2, 0, 1}, {5, 1, 5, 1.2}})
    for (double a : {0.01, 0.3, 0.5, 0.9, 1.5, 2.0, 4.0, 10.0}) {
      const Mixture P{{{.family = Family::normal, .mean = mp, .scale = sp}}};
      const Mixture Q{{{.family = Family::normal, .mean = mq, .scale = sq}}};
      const AlphaMeasures m = alpha_continuous(P, Q, a);
      const double want = closed(mp, sp, mq, sq, a), want_qp = closed(mq, sq, mp, sp, a);
      if (std::isinf(want)) {
        EXPECT_EQ(m.renyi_pq, kInf) << mp << " " << sp << " " << a;
        EXPECT_EQ(m.why_renyi_pq.cause, Cause::tails);
      } else {
        EXPECT_NEAR(m.renyi_pq, want, 1e-9 + 1e-7 * want) << mp << " " << sp << " " << a;
      }
      if (std::isinf(want_qp)) {
        EXPECT_EQ(m.renyi_qp, kInf);
      } else {
        EXPECT_NEAR(m.renyi_qp, want_qp, 1e-9 + 1e-7 * want_qp) << mq << " " << sq << " " << a;
      }
    }
}

TEST(AlphaContinuous, HeavyTailsDecidedByAnalysis) {
  const Mixture t2{{{.family = Family::student_t, .scale = 1, .df = 2}}};
  const Mixture n{{{.family = Family::normal, .scale = 1}}};
  const Mixture lap{{{.family = Family::laplace, .scale = 1}}};
  // t vs normal at α = 2: ∞ by tails; normal vs t at α = 2: finite.
  const AlphaMeasures m = alpha_continuous(t2, n, 2.0);
  EXPECT_EQ(m.renyi_pq, kInf);
  EXPECT_EQ(m.alpha_divergence_pq, kInf);
  EXPECT_EQ(m.why_renyi_pq.cause, Cause::tails);
  EXPECT_NE(m.why_renyi_pq.reason.find("student_t tails (df = 2) are too heavy for Q's normal tails"), std::string::npos)
      << m.why_renyi_pq.reason;
  EXPECT_TRUE(std::isfinite(m.renyi_qp));
  EXPECT_GT(m.renyi_qp, 0);
  // Laplace vs normal at α = 2: ∞; at α = ½: finite both ways.
  EXPECT_EQ(alpha_continuous(lap, n, 2.0).renyi_pq, kInf);
  const AlphaMeasures h = alpha_continuous(lap, n, 0.5);
  EXPECT_TRUE(std::isfinite(h.renyi_pq) && std::isfinite(h.renyi_qp));
  EXPECT_NEAR(h.renyi_pq, h.renyi_qp, 1e-9);  // D^R_½ is symmetric
  // Minka for α < 0 is the α > 1 question with P and Q swapped: N vs t at α = −1 is ∞.
  EXPECT_EQ(alpha_continuous(n, t2, -1.0).alpha_divergence_pq, kInf);
  EXPECT_TRUE(std::isfinite(alpha_continuous(t2, n, -1.0).alpha_divergence_pq));
}

TEST(AlphaContinuous, HalfIsBhattacharyyaAndOneIsKl) {
  const Mixture p{{{.family = Family::normal, .weight = 0.5, .mean = -2, .scale = 0.6},
                   {.family = Family::normal, .weight = 0.5, .mean = 2, .scale = 0.6}}};
  const Mixture q{{{.family = Family::laplace, .mean = 0.3, .scale = 1.2}}};
  const Measures kl = measure_continuous(p, q);
  const AlphaMeasures half = alpha_continuous(p, q, 0.5);
  EXPECT_NEAR(half.renyi_pq, -2 * std::log(kl.bhattacharyya), 1e-9);
  const AlphaMeasures one = alpha_continuous(p, q, 1.0);
  EXPECT_EQ(one.renyi_pq, kl.kl_pq);
  EXPECT_EQ(one.renyi_qp, kl.kl_qp);
  EXPECT_EQ(one.alpha_divergence_pq, kl.kl_pq);
  EXPECT_EQ(alpha_continuous(p, q, 0.0).alpha_divergence_pq, kl.kl_qp);
  // Next to the limits the values move by O(ε) (no cancellation blows them up).
  for (double e : {1e-6, 1e-9, 1e-12}) {
    const double tol = std::max(20 * e, 1e-7);
    EXPECT_NEAR(alpha_continuous(p, q, 1 + e).renyi_pq, kl.kl_pq, tol * kl.kl_pq) << e;
    EXPECT_NEAR(alpha_continuous(p, q, 1 - e).renyi_qp, kl.kl_qp, tol * kl.kl_qp) << e;
    EXPECT_NEAR(alpha_continuous(p, q, 1 - e).alpha_divergence_pq, kl.kl_pq, tol * kl.kl_pq) << e;
    EXPECT_NEAR(alpha_continuous(p, q, e).alpha_divergence_pq, kl.kl_qp, tol * kl.kl_qp) << e;
  }
}

TEST(Alpha, ExtremeOrdersAreNeverNaN) {
  // α next to 0 and at the top of the double range: no α·log overflows to ∞ − ∞, no b/α to ∞·0; Rényi
  // tends to log max p/q as α → ∞ (the coin: log(0.5/0.01) = log 50), Minka's value overflows.
  const std::vector<double> p{0.5, 0.5}, q{0.99, 0.01}, p0{0, 1}, q0{0.15, 0.85};
  const Mixture bimodal{{{.family = Family::normal, .weight = 0.5, .mean = -2, .scale = 0.6},
                         {.family = Family::normal, .weight = 0.5, .mean = 2, .scale = 0.6}}};
  const Mixture normal{{{.family = Family::normal, .scale = 1}}};
  for (double a : {1e-320, 1e-300, 1e6, 1e300, 1e308}) {
    for (const AlphaMeasures& m : {alpha_discrete(p, q, a), alpha_discrete(p0, q0, a), alpha_continuous(bimodal, normal, a)}) {
      EXPECT_FALSE(std::isnan(m.renyi_pq) || std::isnan(m.renyi_qp) || std::isnan(m.alpha_divergence_pq)) << a;
      EXPECT_GE(m.renyi_pq, 0) << a;
      EXPECT_GE(m.alpha_divergence_pq, 0) << a;
    }
  }
  EXPECT_NEAR(alpha_discrete(p, q, 1e308).renyi_pq, std::log(50.0), 1e-12);
  EXPECT_TRUE(alpha_discrete(p, q, 1e308).alpha_divergence_overflow);
  // Minka at α = 1e-320 is the reverse KL to 1e-15, not 0 (and not 0/0).
  EXPECT_NEAR(alpha_continuous(bimodal, normal, 1e-320).alpha_divergence_pq, measure_continuous(bimodal, normal).kl_qp, 1e-9);
}

}  // namespace
}  // namespace divlab

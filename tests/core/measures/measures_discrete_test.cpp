// measures.hpp, discrete: every quantity against mpmath at 80 digits (tests/reference/gen_discrete.py),
// including tiny, subnormal and near-DBL_MAX masses and nearly identical P and Q; ∞ reasons.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numbers>

#include "divlab/measures/quantities.hpp"

namespace divlab {
namespace {

using nlohmann::json;
constexpr double kInf = std::numeric_limits<double>::infinity();

// The accuracy bar: 1e-9 relative + 1e-12 absolute.
constexpr double kRel = 1e-9, kAbs = 1e-12;

double num(const json& v) { return v.is_string() ? kInf : v.get<double>(); }

json reference() {
  std::ifstream in(std::string(DIVLAB_TEST_DATA_DIR) + "/reference/discrete.json");
  EXPECT_TRUE(in.good());
  return json::parse(in);
}

struct Case {
  std::string name;
  std::vector<double> p, q, x;
  std::vector<std::string> labels;
  json nats;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  const json ref = reference();
  for (const json& c : ref.at("cases"))
    out.push_back({c.at("name"), c.at("p"), c.at("q"), c.value("x", std::vector<double>{}),
                   c.value("labels", std::vector<std::string>{}), c.at("nats")});
  return out;
}

void expect_matches(const Measures& m, const json& ref, double scale, const std::string& name) {
  for (const Quantity& q : kQuantities) {
    const std::string key(q.key);
    const double want = num(ref.at(key));
    const double got = m.*q.value;
    const bool base_free = key.starts_with("perplexity") || key == "wasserstein_1" ||
                           key == "total_variation" || key == "hellinger" || key == "bhattacharyya";
    const double w = (std::isinf(want) || base_free) ? want
                     : key == "js_distance"           ? want / std::sqrt(scale)
                                                      : want / scale;
    EXPECT_FALSE(std::isnan(got)) << name << " " << key;
    if (std::isinf(w)) {
      EXPECT_EQ(got, w) << name << " " << key;
    } else {
      // Perplexities inherit the relative error of H scaled by |H| (d b^H / b^H = ln b · dH).
      const double rel = key.starts_with("perplexity") ? kRel * std::max(1.0, std::log(std::abs(w)) ) : kRel;
      EXPECT_NEAR(got, w, kAbs + rel * std::abs(w)) << name << " " << key;
    }
  }
}

TEST(MeasuresDiscrete, MatchesMpmathInNats) {
  const std::vector<Case> all = cases();
  ASSERT_GE(all.size(), 20u);
  for (const Case& c : all) {
    const Measures m = measure_discrete(c.p, c.q, c.x, c.labels, Base::e);
    EXPECT_EQ(m.base, Base::e);
    expect_matches(m, c.nats, 1.0, c.name);
  }
}

TEST(MeasuresDiscrete, MatchesMpmathInBits) {
  for (const Case& c : cases()) {
    const Measures m = measure_discrete(c.p, c.q, c.x, c.labels, Base::two);
    EXPECT_EQ(m.base, Base::two);
    expect_matches(m, c.nats, std::numbers::ln2, c.name);
  }
}

TEST(MeasuresDiscrete, NearlyIdenticalGivesTinyNotZero) {
  const std::vector<double> p{0.5 + 1e-9, 0.5 - 1e-9}, q{0.5, 0.5};
  const Measures m = measure_discrete(p, q);
  // Exact: √JSD = H = 1e-9/√2 to first order (the mpmath values differ from it only at 1e-18).
  EXPECT_NEAR(m.js_distance, 7.0710678081e-10, 1e-19);
  EXPECT_NEAR(m.hellinger, 7.0710678081e-10, 1e-19);
  EXPECT_GT(m.kl_pq, 1.9e-18);
  EXPECT_LT(m.kl_pq, 2.1e-18);
}

TEST(MeasuresDiscrete, TinyMassesGiveLargeFiniteKl) {
  const std::vector<double> p{1.0, 0.0}, q{1e-300, 1.0};
  const Measures m = measure_discrete(p, q);
  EXPECT_NEAR(m.kl_pq, 300 * std::log(10.0), 1e-10);
  EXPECT_TRUE(std::isfinite(m.kl_pq));
  EXPECT_EQ(m.why_kl_pq.cause, WhyInfinite::Cause::finite);
  EXPECT_EQ(m.kl_qp, kInf);
  const double sub = std::numeric_limits<double>::denorm_min();
  const Measures s = measure_discrete(std::vector<double>{1.0}, std::vector<double>{1.0});
  EXPECT_EQ(s.kl_pq, 0.0);
  const Measures t = measure_discrete(std::vector<double>{1.0, 0.0}, std::vector<double>{sub, 1.0});
  EXPECT_NEAR(t.kl_pq, -std::log(sub), 1e-9);  // 744.44 nats, not ∞
}

// One-sided bins with the smallest subnormal, through the vector kernel (N ≥ 8): m = s/2 rounds
// to 0 there, and JSD must still be a number.
TEST(MeasuresDiscrete, SmallestSubnormalAgainstZeroIsNotNaN) {
  const double sub = std::numeric_limits<double>::denorm_min();
  for (size_t n : {2, 7, 8, 9, 16, 300}) {
    std::vector<double> p(n, 0.0), q(n, 0.0);
    p[0] = q[0] = 1;
    p[1] = sub;
    const Measures m = measure_discrete(p, q);
    EXPECT_EQ(m.jsd, 0.0) << n;  // ½·2^−1074·ln 2 underflows
    EXPECT_EQ(m.js_distance, 0.0) << n;
    EXPECT_EQ(m.kl_pq, kInf) << n;
    EXPECT_TRUE(std::isfinite(m.kl_qp)) << n;
  }
}

TEST(MeasuresDiscrete, InfinityReasonsNameTheBin) {
  const std::vector<double> p{0.5, 0.5}, q{1.0, 0.0};
  const std::vector<std::string> labels{"heads", "tails"};
  const Measures m = measure_discrete(p, q, {}, labels);
  EXPECT_EQ(m.kl_pq, kInf);
  EXPECT_EQ(m.cross_entropy_pq, kInf);
  EXPECT_EQ(m.perplexity_pq, kInf);
  EXPECT_EQ(m.why_kl_pq.cause, WhyInfinite::Cause::support);
  EXPECT_EQ(m.why_kl_pq.reason, "Q = 0 at 'tails' where P > 0");
  EXPECT_TRUE(std::isfinite(m.kl_qp));
  EXPECT_EQ(m.why_kl_qp.cause, WhyInfinite::Cause::finite);

  const std::vector<double> x{-2.5, 7, 9};
  const Measures r = measure_discrete(std::vector<double>{0, 0, 1}, std::vector<double>{0.2, 0.3, 0.5}, x);
  EXPECT_EQ(r.why_kl_qp.reason, "P = 0 at x = -2.5 where Q > 0 (and 1 other bin)");
  const Measures s = measure_discrete(std::vector<double>{0, 1}, std::vector<double>{1, 0});
  EXPECT_EQ(s.why_kl_pq.reason, "Q = 0 at x = 1 where P > 0");
  EXPECT_NEAR(s.jsd, std::numbers::ln2, 1e-15);
  EXPECT_EQ(s.total_variation, 1.0);
  EXPECT_EQ(s.hellinger, 1.0);
  EXPECT_EQ(s.bhattacharyya, 0.0);
}

TEST(MeasuresDiscrete, InBaseConvertsBackAndForth) {
  const Measures e = measure_discrete(std::vector<double>{0.2, 0.8}, std::vector<double>{0.6, 0.4});
  const Measures b = in_base(e, Base::two);
  EXPECT_DOUBLE_EQ(b.entropy_p * std::numbers::ln2, e.entropy_p);
  EXPECT_DOUBLE_EQ(b.js_distance, std::sqrt(e.jsd / std::numbers::ln2));
  EXPECT_DOUBLE_EQ(b.perplexity_pq, e.perplexity_pq);
  EXPECT_DOUBLE_EQ(b.perplexity_pq, std::exp2(b.cross_entropy_pq));
  EXPECT_DOUBLE_EQ(b.wasserstein_1, e.wasserstein_1);
  const Measures back = in_base(b, Base::e);
  EXPECT_DOUBLE_EQ(back.kl_qp, e.kl_qp);
  EXPECT_EQ(back.base, Base::e);
}

TEST(MeasuresDiscrete, MismatchedLengthsAndShortXAreSafe) {
  // Precondition violations must not read out of bounds; the shorter length wins, a short x is ignored.
  const Measures m = measure_discrete(std::vector<double>{1, 1, 1}, std::vector<double>{1, 1},
                                      std::vector<double>{5});
  EXPECT_EQ(m.kl_pq, 0.0);
  EXPECT_EQ(m.wasserstein_1, 0.0);
}

TEST(MeasuresDiscrete, WassersteinStepsWiderThanTheDoubleRange) {
  // Issue 11: support.x = [−1e308, 1e308] gave W₁ = ∞ — the step 2e308 overflows although
  // |F_P − F_Q|·step = ½·2e308 = 1e308 does not. Sorted (streamed) and unsorted (radix-sorted) alike.
  const std::vector<double> p = {0.5, 0.5}, q = {1, 0};
  EXPECT_DOUBLE_EQ(measure_discrete(p, q, std::vector<double>{-1e308, 1e308}).wasserstein_1, 1e308);
  const std::vector<double> q2 = {0, 1}, all = {1, 0};
  EXPECT_DOUBLE_EQ(measure_discrete(p, q2, std::vector<double>{1e308, -1e308}).wasserstein_1, 1e308);
  // All the mass moved across 2e308 is a finite distance beyond the double range: +∞, never NaN.
  EXPECT_EQ(measure_discrete(all, q2, std::vector<double>{-1e308, 1e308}).wasserstein_1, kInf);
}

}  // namespace
}  // namespace divlab

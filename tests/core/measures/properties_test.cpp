// Identities and inequalities that must hold for every input: Gibbs, H(P,Q) = H(P) + D(P‖Q),
// 0 ≤ JSD ≤ log 2, symmetries, W₁ of a shift, PPL(P,Q) = PPL(P)·b^D, base conversion, Pinsker and
// friends, and no NaN — over seeded random discrete and continuous inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <random>

#include "divlab/measures/measures.hpp"

namespace divlab {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<double> random_masses(std::mt19937_64& rng, size_t n) {
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<double> v(n);
  for (double& x : v) {
    const double r = u(rng);
    // A mix of zeros, ordinary masses, tiny ones, subnormals down to the smallest, and a few
    // masses near DBL_MAX (next to which the others normalise below the double range).
    x = r < 0.15   ? 0.0
        : r < 0.25 ? std::pow(10.0, -300 * u(rng))
        : r < 0.28 ? 1e-320 * u(rng)
        : r < 0.30 ? std::numeric_limits<double>::denorm_min()
        : r < 0.31 ? std::numeric_limits<double>::max() / 4 * u(rng)
                   : u(rng);
  }
  v[std::uniform_int_distribution<size_t>(0, n - 1)(rng)] = 1.0;  // never all zero
  return v;
}

Mixture random_mixture(std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  Mixture m;
  const int k = 1 + static_cast<int>(u(rng) * 4);
  for (int i = 0; i < k; ++i) {
    Component c;
    const double f = u(rng);
    c.family = f < 0.35 ? Family::normal : f < 0.55 ? Family::laplace : f < 0.8 ? Family::student_t : Family::uniform;
    c.weight = 0.05 + u(rng);
    c.mean = -5 + 10 * u(rng);
    c.scale = 0.2 + 3 * u(rng);
    c.df = 0.5 + 9.5 * u(rng) * u(rng);
    c.low = -6 + 10 * u(rng);
    c.high = c.low + 0.2 + 4 * u(rng);
    m.components.push_back(c);
  }
  return m;
}

// Checks that hold for any pair, in the given base.
void expect_properties(const Measures& m, const Measures& swapped, const std::string& what, double tol) {
  const double lb = ln_base(m.base);
  for (double v : {m.entropy_p, m.entropy_q, m.cross_entropy_pq, m.cross_entropy_qp, m.kl_pq, m.kl_qp, m.jsd,
                   m.js_distance, m.wasserstein_1, m.total_variation, m.hellinger, m.bhattacharyya, m.perplexity_p,
                   m.perplexity_q, m.perplexity_pq, m.perplexity_qp})
    ASSERT_FALSE(std::isnan(v)) << what;
  // Gibbs.
  EXPECT_GE(m.kl_pq, 0.0) << what;
  EXPECT_GE(m.kl_qp, 0.0) << what;
  // H(P,Q) = H(P) + D(P‖Q), both ∞ together.
  EXPECT_EQ(std::isinf(m.cross_entropy_pq), std::isinf(m.kl_pq)) << what;
  if (std::isfinite(m.kl_pq)) {
    EXPECT_NEAR(m.cross_entropy_pq, m.entropy_p + m.kl_pq, tol * (1 + std::abs(m.cross_entropy_pq))) << what;
    // PPL(P,Q) = PPL(P) · b^D(P‖Q).
    const double ppl = m.perplexity_p * std::exp(m.kl_pq * lb);
    if (std::isfinite(ppl)) {
      EXPECT_NEAR(m.perplexity_pq, ppl, 1e-9 * ppl) << what;
    }
  } else {
    EXPECT_NE(m.why_kl_pq.reason, "") << what;
  }
  // 0 ≤ JSD ≤ log_b 2, and the bounded distances in range.
  EXPECT_GE(m.jsd, 0.0) << what;
  EXPECT_LE(m.jsd, std::numbers::ln2 / lb * (1 + 1e-15)) << what;
  EXPECT_NEAR(m.js_distance * m.js_distance, m.jsd, 1e-14) << what;
  EXPECT_GE(m.total_variation, 0.0);
  EXPECT_LE(m.total_variation, 1.0);
  EXPECT_GE(m.hellinger, 0.0);
  EXPECT_LE(m.hellinger, 1.0);
  EXPECT_NEAR(m.hellinger * m.hellinger, 1 - m.bhattacharyya, 10 * tol) << what;
  // H² ≤ TV ≤ √2·H; JSD ≤ TV·log 2; Pinsker TV ≤ √(D/2) (D in nats).
  EXPECT_LE(m.hellinger * m.hellinger, m.total_variation + tol) << what;
  EXPECT_LE(m.total_variation, std::numbers::sqrt2 * m.hellinger + tol) << what;
  EXPECT_LE(m.jsd * lb, m.total_variation * std::numbers::ln2 + tol) << what;
  EXPECT_LE(m.total_variation, std::sqrt(m.kl_pq * lb / 2) + tol) << what;
  // Symmetry.
  EXPECT_NEAR(m.jsd, swapped.jsd, tol * (1 + m.jsd)) << what;
  EXPECT_NEAR(m.total_variation, swapped.total_variation, tol) << what;
  EXPECT_NEAR(m.hellinger, swapped.hellinger, tol) << what;
  EXPECT_NEAR(m.bhattacharyya, swapped.bhattacharyya, tol) << what;
  if (std::isfinite(m.wasserstein_1)) {
    EXPECT_NEAR(m.wasserstein_1, swapped.wasserstein_1, tol * (1 + m.wasserstein_1)) << what;
  } else {
    EXPECT_EQ(swapped.wasserstein_1, kInf) << what;
  }
  if (std::isfinite(m.kl_pq)) {
    EXPECT_NEAR(m.kl_pq, swapped.kl_qp, tol * (1 + m.kl_pq)) << what;
  } else {
    EXPECT_EQ(swapped.kl_qp, kInf) << what;
  }
}

TEST(Properties, DiscreteRandom) {
  std::mt19937_64 rng(7);
  for (int it = 0; it < 1000; ++it) {
    const size_t n = 1 + it % 37;
    const std::vector<double> p = random_masses(rng, n), q = random_masses(rng, n);
    std::vector<double> x(n);
    for (double& v : x) v = std::uniform_real_distribution<double>(-10, 10)(rng);
    const Base b = it % 2 ? Base::two : Base::e;
    const std::string what = "discrete #" + std::to_string(it);
    const Measures m = measure_discrete(p, q, x, {}, b);
    expect_properties(m, measure_discrete(q, p, x, {}, b), what, 1e-12);
    // Support decides ∞, from the masses as given (never an underflow in normalising them).
    bool q_misses_p = false;
    for (size_t i = 0; i < n; ++i) q_misses_p |= p[i] > 0 && q[i] == 0;
    EXPECT_EQ(std::isinf(m.kl_pq), q_misses_p) << what;
  }
}

TEST(Properties, ContinuousRandom) {
  std::mt19937_64 rng(11);
  for (int it = 0; it < 150; ++it) {
    const Mixture p = random_mixture(rng), q = random_mixture(rng);
    const Base b = it % 2 ? Base::two : Base::e;
    const std::string what = "continuous #" + std::to_string(it);
    expect_properties(measure_continuous(p, q, b), measure_continuous(q, p, b), what, 1e-8);
  }
}

TEST(Properties, DiscreteShiftAndIdentity) {
  // Q is P moved right by 3 positions of spacing 0.5: W₁ = 1.5 whatever P is.
  std::mt19937_64 rng(3);
  for (int it = 0; it < 50; ++it) {
    const size_t n = 1 + it % 9;
    std::vector<double> p(n + 3, 0.0), q(n + 3, 0.0), x(n + 3);
    for (size_t i = 0; i < n; ++i) p[i] = q[i + 3] = std::uniform_real_distribution<double>(0.01, 1)(rng);
    for (size_t i = 0; i < x.size(); ++i) x[i] = 0.5 * static_cast<double>(i) - 7;
    EXPECT_NEAR(measure_discrete(p, q, x).wasserstein_1, 1.5, 1e-14);
    const Measures same = measure_discrete(p, p, x);
    EXPECT_EQ(same.kl_pq, 0.0);
    EXPECT_EQ(same.jsd, 0.0);
    EXPECT_EQ(same.wasserstein_1, 0.0);
    EXPECT_NEAR(same.cross_entropy_pq, same.entropy_p, 1e-15);
  }
}

TEST(Properties, ContinuousShiftIsW1) {
  std::mt19937_64 rng(5);
  for (int it = 0; it < 40; ++it) {
    const Mixture p = random_mixture(rng);
    const double c = std::uniform_real_distribution<double>(-6, 6)(rng);
    Mixture q = p;
    for (Component& comp : q.components) comp.mean += c, comp.low += c, comp.high += c;
    const Measures m = measure_continuous(p, q);
    EXPECT_NEAR(m.wasserstein_1, std::abs(c), 1e-9 + 1e-7 * std::abs(c)) << "shift #" << it << " by " << c;
    EXPECT_NEAR(m.entropy_p, m.entropy_q, 1e-9) << it;
  }
}

TEST(Properties, BaseConversion) {
  std::mt19937_64 rng(9);
  for (int it = 0; it < 30; ++it) {
    const Mixture p = random_mixture(rng), q = random_mixture(rng);
    const Measures e = measure_continuous(p, q, Base::e), b = measure_continuous(p, q, Base::two);
    EXPECT_NEAR(b.entropy_p, e.entropy_p / std::numbers::ln2, 1e-14 * (1 + std::abs(b.entropy_p)));
    EXPECT_NEAR(b.jsd, e.jsd / std::numbers::ln2, 1e-15);
    EXPECT_EQ(b.perplexity_p, e.perplexity_p);
    EXPECT_EQ(b.wasserstein_1, e.wasserstein_1);
    EXPECT_EQ(b.kl_pq == kInf, e.kl_pq == kInf);
  }
}

}  // namespace
}  // namespace divlab

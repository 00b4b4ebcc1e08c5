// The analytic gradients of every model × objective against central finite differences of the value.
#include <gtest/gtest.h>

#include <cmath>

#include "core/fit/fit_test_util.hpp"

namespace divlab {
namespace {

using namespace fittest;

struct Case {
  const char* name;
  FitTarget target;
};

std::vector<Case> continuous_targets() {
  return {
      {"bimodal", bimodal()},
      {"unequal", continuous({normal(0.7, -1, 0.5), normal(0.3, 1.5, 1.2)})},
      {"laplace_t", continuous({laplace(0.4, -1, 0.5), student_t(0.6, 2, 1, 4)})},
      {"uniform_normal", continuous({uniform(0.5, -1, 1), normal(0.5, 3, 0.5)})},
      {"cauchy", continuous({student_t(1, 0.5, 1, 1)})},
      {"three", continuous({normal(0.2, -3, 0.3), normal(0.5, 0, 1), normal(0.3, 2.5, 0.4)})},
  };
}

// Richardson-extrapolated central differences, (4·D(h/2) − D(h))/3: truncation error O(h⁴) ≈ 1e-12
// and quadrature noise of the value (≲ 1e-11) amplified to ≲ 1e-8. A wrong gradient is off by far more.
void expect_gradient_matches(const FitProblem& pr, std::vector<double> th, const std::string& what) {
  std::vector<double> g(th.size());
  const double v = pr.evaluate(th, g);
  ASSERT_TRUE(std::isfinite(v)) << what;
  for (size_t i = 0; i < th.size(); ++i) {
    auto central = [&](double h) {
      auto a = th, b = th;
      a[i] += h;
      b[i] -= h;
      return (pr.evaluate(a) - pr.evaluate(b)) / (2 * h);
    };
    const double fd = (4 * central(1e-3) - central(2e-3)) / 3;
    EXPECT_NEAR(g[i], fd, 1e-7 * std::max(1.0, std::abs(fd))) << what << " θ[" << i << "]";
  }
}

TEST(FitGradient, SingleGaussianEveryObjectiveMatchesFiniteDifferences) {
  for (const Case& c : continuous_targets())
    for (FitObjective o : {FitObjective::forward_kl, FitObjective::reverse_kl, FitObjective::jsd}) {
      const FitProblem pr = make(c.target, o);
      if (pr.infinite()) continue;
      for (auto [m, s] : {std::pair{0.7, 1.3}, {-2.1, 0.5}, {3.0, 0.2}, {0.0, 4.0}, {-0.3, 0.05}})
        expect_gradient_matches(pr, {m, std::log(s)},
                                std::string(c.name) + " " + std::string(to_name(o)) + " at " +
                                    std::to_string(m) + "," + std::to_string(s));
    }
}

TEST(FitGradient, MixtureModelsMatchFiniteDifferences) {
  for (const Case& c : continuous_targets())
    for (FitObjective o : {FitObjective::forward_kl, FitObjective::reverse_kl, FitObjective::jsd})
      for (int K : {2, 3}) {
        const FitProblem pr = make(c.target, o, {ModelKind::normal_mixture, K});
        if (pr.infinite()) continue;
        std::vector<double> th(3 * K);
        for (int j = 0; j < K; ++j) {
          th[j] = 0.3 * j - 0.2;                    // logits
          th[K + j] = -1.5 + 1.7 * j;               // means
          th[2 * K + j] = std::log(0.4 + 0.5 * j);  // log sds
        }
        expect_gradient_matches(
            pr, th, std::string(c.name) + " K=" + std::to_string(K) + " " + std::string(to_name(o)));
      }
}

TEST(FitGradient, DiscreteModelsMatchFiniteDifferences) {
  const FitTarget t = discrete({0.1, 0.4, 0.2, 0.25, 0.05}, {0, 1, 2, 4, 7});
  for (FitObjective o : {FitObjective::forward_kl, FitObjective::reverse_kl, FitObjective::jsd}) {
    const FitProblem dn = make(t, o, {ModelKind::discretised_normal, 1});
    for (auto [m, s] : {std::pair{2.0, 1.5}, {-1.0, 0.7}, {6.0, 3.0}})
      expect_gradient_matches(dn, {m, std::log(s)}, "discretised " + std::string(to_name(o)));
    const FitProblem cat = make(t, o, {ModelKind::categorical, 1});
    expect_gradient_matches(cat, {0.3, -0.5, 1.2, 0.0, -2.0},
                            "categorical " + std::string(to_name(o)));
  }
}

TEST(FitGradient, ForwardGaussianGradientIsTheClosedForm) {
  // ∂/∂μ D(P‖N(μ,σ²)) = (μ − E P)/σ², ∂/∂log σ = 1 − (Var P + (E P − μ)²)/σ²
  const FitTarget t = continuous({normal(0.5, -2, 0.6), normal(0.5, 2, 0.6)});
  const FitProblem pr = make(t, FitObjective::forward_kl);
  std::vector<double> g(2);
  pr.evaluate(std::vector<double>{1.0, std::log(2.0)}, g);
  const double var = 0.36 + 4;
  EXPECT_NEAR(g[0], 1.0 / 4, 1e-14);
  EXPECT_NEAR(g[1], 1 - (var + 1) / 4, 1e-14);
}

TEST(FitGradient, LatticeFastPathAgreesWithSplitQuadrature) {
  // A Laplace component of weight 1e-300 changes log p by ~1e-300 but forces the general split
  // Gauss–Legendre rule (log p has a kink); the smooth P takes the trapezoid-lattice fast path.
  const FitTarget smooth =
      continuous({normal(0.5, -2, 0.6), normal(0.5, 2, 0.6), student_t(0.2, 0.5, 0.8, 3)});
  FitTarget kinked = smooth;
  kinked.mixture.components.push_back(laplace(1e-300, 0.3, 1.0));
  const FitProblem fast = make(smooth, FitObjective::reverse_kl),
                   slow = make(kinked, FitObjective::reverse_kl);
  for (auto [m, s] : {std::pair{0.7, 1.3}, {-2.0, 0.6}, {0.0, 1.8}, {3.0, 0.3}, {-5.0, 6.0}}) {
    std::vector<double> th{m, std::log(s)}, ga(2), gb(2);
    const double a = fast.evaluate(th, ga), b = slow.evaluate(th, gb);
    EXPECT_NEAR(a, b, 1e-11 * std::max(1.0, std::abs(a))) << m << "," << s;
    EXPECT_NEAR(ga[0], gb[0], 1e-10) << m << "," << s;
    EXPECT_NEAR(ga[1], gb[1], 1e-10) << m << "," << s;
  }
}

TEST(FitGradient, NeverNaNFarOutside) {
  const FitProblem pr = make(bimodal(), FitObjective::reverse_kl);
  for (auto [m, s] : {std::pair{200.0, -8.0}, {-1e4, 6.0}, {0.0, -30.0}, {3.0, 30.0}}) {
    std::vector<double> g(2);
    const double v = pr.evaluate(std::vector<double>{m, s}, g);
    EXPECT_FALSE(std::isnan(v)) << m << "," << s;
    EXPECT_FALSE(std::isnan(g[0]) || std::isnan(g[1])) << m << "," << s;
  }
}

}  // namespace
}  // namespace divlab

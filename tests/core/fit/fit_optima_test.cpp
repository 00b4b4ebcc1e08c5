// Fitted optima against independent references: moment matching (closed form) for forward KL, and
// SciPy/mpmath local minima (tests/reference/fit/gen_fit_reference.py) for reverse KL and JSD.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "divlab/fit/landscape.hpp"
#include "divlab/fit/optimizer.hpp"
#include "core/fit/fit_test_util.hpp"

namespace divlab {
namespace {

using namespace fittest;
using nlohmann::json;

json reference() {
  std::ifstream in(std::string(DIVLAB_TEST_DATA_DIR) + "/reference/fit/fit_reference.json");
  return json::parse(in);
}

FitTarget target_of(const json& p) {
  std::vector<Component> comps;
  for (const json& c : p) {
    const std::string f = c["family"];
    const double w = c["weight"];
    if (f == "normal") comps.push_back(normal(w, c["mean"], c["sd"]));
    if (f == "laplace") comps.push_back(laplace(w, c["mean"], c["scale"]));
    if (f == "student_t") comps.push_back(student_t(w, c["mean"], c["scale"], c["df"]));
    if (f == "uniform") comps.push_back(uniform(w, c["low"], c["high"]));
  }
  return continuous(comps);
}

OptimizerSettings settings(OptimizerKind k) {
  OptimizerSettings s;
  s.kind = k;
  s.learning_rate = k == OptimizerKind::gd ? 0.1 : 0.05;
  return s;
}

TEST(FitOptima, ForwardKlEqualsMomentMatching) {
  const std::vector<FitTarget> targets = {
      bimodal(),
      continuous({laplace(0.4, -1, 0.5), student_t(0.6, 2, 1, 4)}),
      continuous({uniform(0.5, -1, 1), normal(0.5, 3, 0.5)}),
      continuous({normal(0.2, -3, 0.3), normal(0.5, 0, 1), normal(0.3, 2.5, 0.4)}),
  };
  for (const FitTarget& t : targets) {
    const auto mm = moment_matching(t.mixture);
    ASSERT_TRUE(mm);
    const FitProblem pr = make(t, FitObjective::forward_kl);
    for (OptimizerKind k : {OptimizerKind::gd, OptimizerKind::momentum, OptimizerKind::adam}) {
      const Fitter f = run_fit(pr, {0.5, std::log(0.8)}, settings(k));
      ASSERT_TRUE(f.converged()) << to_name(k) << " " << f.stop_reason();
      EXPECT_NEAR(f.theta()[0], mm->first, 1e-7) << to_name(k);
      EXPECT_NEAR(std::exp(f.theta()[1]), mm->second, 1e-7) << to_name(k);
    }
  }
  // Moments by hand: 0.5·N(−2, 0.36) + 0.5·N(2, 0.36) has mean 0 and variance 0.36 + 4.
  const auto bm = moment_matching(bimodal().mixture);
  EXPECT_DOUBLE_EQ(bm->first, 0.0);
  EXPECT_NEAR(bm->second, std::sqrt(4.36), 1e-15);
}

TEST(FitOptima, ForwardValueAtOptimumMatchesScipy) {
  // D(P‖N(m, s²)) at moment matching = −H(P) + ½ log(2πe s²); H(P) by scipy.integrate.quad.
  const json ref = reference();  // a named object: a temporary's subobject would dangle in the loop
  int checked = 0;
  for (const json& c : ref["cases"]) {
    if (c["objective"] != "forward_kl") continue;
    ++checked;
    const FitTarget t = target_of(c["p"]);
    const FitProblem pr = make(t, FitObjective::forward_kl);
    const json& m = c["minima"][0];
    const auto mm = moment_matching(t.mixture);
    EXPECT_NEAR(mm->first, m["mean"].get<double>(), 1e-6) << c["name"];
    EXPECT_NEAR(mm->second, m["sd"].get<double>(), 1e-6) << c["name"];
    EXPECT_NEAR(pr.evaluate(std::vector<double>{mm->first, std::log(mm->second)}), m["value"].get<double>(),
                1e-9)
        << c["name"];
  }
  EXPECT_EQ(checked, 1);
}

TEST(FitOptima, ReverseAndJsdFitsFromInsideABasinReachItsMinimum) {
  int checked = 0;
  const json ref = reference();
  for (const json& c : ref["cases"]) {
    const auto obj = parse_name<FitObjective>(c["objective"].get<std::string>());
    if (*obj == FitObjective::forward_kl) continue;
    const FitProblem pr = make(target_of(c["p"]), *obj);
    for (const json& m : c["minima"]) {
      const double mean = m["mean"], sd = m["sd"];
      // A start well inside the basin: a tenth of an sd and 10% in sd away.
      for (OptimizerKind k : {OptimizerKind::gd, OptimizerKind::adam}) {
        const Fitter f = run_fit(pr, {mean + 0.1 * sd, std::log(sd * 1.1)}, settings(k));
        const std::string what = c["name"].get<std::string>() + " at mean " + std::to_string(mean) +
                                 " with " + std::string(to_name(k));
        ASSERT_TRUE(f.converged()) << what << ": " << f.stop_reason();
        EXPECT_NEAR(f.theta()[0], mean, 1e-6) << what;
        EXPECT_NEAR(std::exp(f.theta()[1]), sd, 1e-6) << what;
        EXPECT_NEAR(f.value(), m["value"].get<double>(), 1e-9) << what;
        if (m.contains("value_mpmath")) {
          EXPECT_NEAR(f.value(), m["value_mpmath"].get<double>(), 1e-10) << what;
        }
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 16);
}

TEST(FitOptima, BimodalReverseKlHasThreeLocalMinimaIncludingTheBroadOne) {
  const json ref = reference();
  for (const json& c : ref["cases"]) {
    if (c["objective"] == "forward_kl") continue;
    const FitTarget t = target_of(c["p"]);
    const FitProblem pr = make(t, *parse_name<FitObjective>(c["objective"].get<std::string>()));
    const auto found = local_minima(pr, default_landscape_range(t), 8);
    ASSERT_EQ(found.size(), c["minima"].size()) << c["name"];
    for (const json& m : c["minima"]) {
      bool matched = false;
      for (const LocalMinimum& f : found)
        matched = matched || (std::abs(f.mean - m["mean"].get<double>()) < 1e-6 &&
                              std::abs(f.sd - m["sd"].get<double>()) < 1e-6);
      EXPECT_TRUE(matched) << c["name"] << " minimum at " << m["mean"] << ", " << m["sd"];
    }
    if (c["name"] == "bimodal_reverse") {
      ASSERT_EQ(found.size(), 3u);
      // The two mode-seeking minima are equally good; the broad one between the modes is worse.
      EXPECT_NEAR(found[0].value, found[1].value, 1e-12);
      EXPECT_NEAR(found[2].mean, 0.0, 1e-9);
      EXPECT_GT(found[2].sd, 1.5);
    }
  }
}

TEST(FitOptima, MixtureModelRecoversAMixtureTarget) {
  // With K = 2 Gaussians against a 2-Gaussian P, both directions reach Q = P and value 0.
  const FitTarget t = continuous({normal(0.3, -1.5, 0.5), normal(0.7, 1.0, 0.8)});
  for (FitObjective o : {FitObjective::forward_kl, FitObjective::reverse_kl}) {
    const FitProblem pr = make(t, o, {ModelKind::normal_mixture, 2});
    OptimizerSettings s;
    s.learning_rate = 0.02;
    s.tolerance = 1e-9;
    const Fitter f = run_fit(pr, {0.0, 0.0, -1.0, 0.5, std::log(0.6), std::log(0.6)}, s);
    ASSERT_TRUE(f.converged()) << to_name(o) << " " << f.stop_reason();
    const auto named = pr.named_parameters(f.theta());
    EXPECT_NEAR(named[0].second, 0.3, 1e-6);   // weight1
    EXPECT_NEAR(named[1].second, -1.5, 1e-6);  // mean1
    EXPECT_NEAR(named[2].second, 0.5, 1e-6);   // sd1
    EXPECT_NEAR(named[4].second, 1.0, 1e-6);   // mean2
    EXPECT_NEAR(named[5].second, 0.8, 1e-6);   // sd2
    EXPECT_NEAR(f.value(), 0.0, 1e-11);
  }
}

TEST(FitOptima, DiscreteForwardFitsMatchMoments) {
  // q_i ∝ exp(−(x_i−μ)²/2σ²) is an exponential family in (x, x²): forward KL matches E[x] and E[x²].
  const FitTarget t = discrete({0.1, 0.4, 0.2, 0.25, 0.05}, {0, 1, 2, 4, 7});
  const FitProblem pr = make(t, FitObjective::forward_kl);
  EXPECT_EQ(pr.model().kind, ModelKind::discretised_normal);
  // ∂D/∂μ = (E_q x − E_p x)/σ²: a tolerance of 1e-12 on the gradient pins the moments to ~1e-11.
  OptimizerSettings s = settings(OptimizerKind::gd);
  s.tolerance = 1e-12;
  const Fitter f = run_fit(pr, {2.0, 0.0}, s);
  ASSERT_TRUE(f.converged()) << f.stop_reason();
  const auto q = pr.model_masses(f.theta());
  double ep = 0, eq = 0, ep2 = 0, eq2 = 0;
  for (size_t i = 0; i < q.size(); ++i) {
    ep += t.mass[i] * t.x[i], eq += q[i] * t.x[i];
    ep2 += t.mass[i] * t.x[i] * t.x[i], eq2 += q[i] * t.x[i] * t.x[i];
  }
  EXPECT_NEAR(eq, ep, 1e-10);
  EXPECT_NEAR(eq2, ep2, 1e-9);
  // A free categorical reaches P itself (value 0).
  const FitProblem cat = make(t, FitObjective::forward_kl, {ModelKind::categorical, 1});
  const Fitter g = run_fit(cat, std::vector<double>(5, 0.0), settings(OptimizerKind::adam));
  ASSERT_TRUE(g.converged());
  const auto qc = cat.model_masses(g.theta());
  for (size_t i = 0; i < qc.size(); ++i) EXPECT_NEAR(qc[i], t.mass[i], 1e-8);
  EXPECT_NEAR(g.value(), 0.0, 1e-14);
}

TEST(FitOptima, InfiniteObjectivesExplainThemselves) {
  const FitProblem heavy = make(continuous({student_t(1, 0, 1, 2)}), FitObjective::forward_kl);
  EXPECT_TRUE(heavy.infinite());
  EXPECT_NE(heavy.why_infinite().find("tails"), std::string::npos) << heavy.why_infinite();
  const FitProblem gaps = make(continuous({uniform(1, -1, 1)}), FitObjective::reverse_kl);
  EXPECT_TRUE(gaps.infinite());
  EXPECT_NE(gaps.why_infinite().find("uniform"), std::string::npos) << gaps.why_infinite();
  const FitProblem zero = make(discrete({0.5, 0.0, 0.5}), FitObjective::reverse_kl);
  EXPECT_TRUE(zero.infinite());
  EXPECT_NE(zero.why_infinite().find("bin 2"), std::string::npos) << zero.why_infinite();
  for (const FitProblem* p : {&heavy, &gaps}) {
    std::vector<double> g(2, 7.0);
    EXPECT_EQ(p->evaluate(std::vector<double>{0.0, 0.0}, g), HUGE_VAL);
    EXPECT_EQ(g[0], 0.0);
    const Fitter f = run_fit(*p, {0.0, 0.0}, OptimizerSettings{});
    EXPECT_EQ(f.steps(), 0);
    EXPECT_FALSE(f.converged());
    EXPECT_EQ(f.stop_reason(), p->why_infinite());
  }
  // The same targets are finite in the other directions (and for JSD).
  EXPECT_FALSE(make(continuous({student_t(1, 0, 1, 2)}), FitObjective::reverse_kl).infinite());
  EXPECT_FALSE(make(continuous({student_t(1, 0, 1, 2.5)}), FitObjective::forward_kl).infinite());
  EXPECT_FALSE(make(continuous({uniform(1, -1, 1)}), FitObjective::forward_kl).infinite());
  EXPECT_FALSE(make(continuous({uniform(1, -1, 1)}), FitObjective::jsd).infinite());
}

TEST(FitOptima, ModelAndTargetMustAgree) {
  std::string err;
  EXPECT_FALSE(FitProblem::make(bimodal(), {ModelKind::categorical, 1}, FitObjective::forward_kl, &err));
  EXPECT_NE(err.find("discrete"), std::string::npos);
  EXPECT_FALSE(
      FitProblem::make(discrete({1, 2}), {ModelKind::normal_mixture, 2}, FitObjective::forward_kl, &err));
  EXPECT_NE(err.find("continuous"), std::string::npos);
  const FitProblem pr = make(bimodal(), FitObjective::reverse_kl);
  EXPECT_FALSE(pr.initial_theta({{"sd", -1.0}}, &err));
  EXPECT_NE(err.find("sd"), std::string::npos);
  EXPECT_FALSE(pr.initial_theta({{"sigma", 1.0}}, &err));
  EXPECT_NE(err.find("sigma"), std::string::npos);
  const auto th = pr.initial_theta({});  // defaults: P's mean and sd
  EXPECT_DOUBLE_EQ((*th)[0], 0.0);
  EXPECT_NEAR(std::exp((*th)[1]), std::sqrt(4.36), 1e-14);
}

}  // namespace
}  // namespace divlab

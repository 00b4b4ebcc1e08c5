// The optimisers: exact update rules, stepping in chunks, stopping rules and determinism.
#include "divlab/fit/optimizer.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/fit/fit_test_util.hpp"

namespace divlab {
namespace {

using namespace fittest;

// Forward KL of a Gaussian has the closed-form gradient, so updates can be checked by hand.
FitProblem forward() { return make(bimodal(), FitObjective::forward_kl); }

TEST(Optimizer, GradientDescentStepIsThetaMinusLearningRateTimesGradient) {
  const FitProblem pr = forward();
  OptimizerSettings s;
  s.kind = OptimizerKind::gd;
  s.learning_rate = 0.1;
  Fitter f(pr, {1.0, 0.0}, s);
  std::vector<double> g(2);
  pr.evaluate(std::vector<double>{1.0, 0.0}, g);
  ASSERT_TRUE(f.step());
  EXPECT_DOUBLE_EQ(f.theta()[0], 1.0 - 0.1 * g[0]);
  EXPECT_DOUBLE_EQ(f.theta()[1], 0.0 - 0.1 * g[1]);
  EXPECT_EQ(f.steps(), 1);
}

TEST(Optimizer, MomentumAccumulatesVelocity) {
  const FitProblem pr = forward();
  OptimizerSettings s;
  s.kind = OptimizerKind::momentum;
  s.learning_rate = 0.05;
  s.momentum = 0.9;
  Fitter f(pr, {1.0, 0.0}, s);
  std::vector<double> g1(2), g2(2);
  pr.evaluate(std::vector<double>{1.0, 0.0}, g1);
  f.step();
  const std::vector<double> th1(f.theta().begin(), f.theta().end());
  pr.evaluate(th1, g2);
  f.step();
  for (int i = 0; i < 2; ++i) EXPECT_DOUBLE_EQ(f.theta()[i], th1[i] - 0.05 * (0.9 * g1[i] + g2[i]));
}

TEST(Optimizer, AdamFirstStepHasLengthLearningRatePerCoordinate) {
  // Bias-corrected m̂/√v̂ = g/|g| on the first step: every coordinate moves by lr (up to ε).
  const FitProblem pr = forward();
  OptimizerSettings s;
  s.kind = OptimizerKind::adam;
  s.learning_rate = 0.05;
  Fitter f(pr, {1.0, 0.0}, s);
  std::vector<double> g(2);
  pr.evaluate(std::vector<double>{1.0, 0.0}, g);
  f.step();
  EXPECT_NEAR(f.theta()[0], 1.0 - 0.05 * std::copysign(1.0, g[0]), 1e-9);
  EXPECT_NEAR(f.theta()[1], 0.0 - 0.05 * std::copysign(1.0, g[1]), 1e-9);
}

TEST(Optimizer, RunsAreBitwiseDeterministicAndChunkingDoesNotMatter) {
  const FitProblem pr = make(bimodal(), FitObjective::reverse_kl);
  for (OptimizerKind k : {OptimizerKind::gd, OptimizerKind::momentum, OptimizerKind::adam}) {
    OptimizerSettings s;
    s.kind = k;
    s.learning_rate = 0.05;
    const Fitter a = run_fit(pr, {0.4, std::log(1.7)}, s, true);
    Fitter b(pr, {0.4, std::log(1.7)}, s, true);
    int chunk = 1;
    while (!b.done()) b.run(chunk++ % 7 + 1);  // a GUI steps a few iterations per frame
    ASSERT_EQ(a.trajectory().size(), b.trajectory().size()) << to_name(k);
    for (size_t i = 0; i < a.trajectory().size(); ++i) {
      ASSERT_EQ(a.trajectory()[i].theta, b.trajectory()[i].theta) << i;
      ASSERT_EQ(a.trajectory()[i].value, b.trajectory()[i].value) << i;
    }
    EXPECT_TRUE(a.converged());
    EXPECT_LT(a.grad_norm(), s.tolerance);
    EXPECT_EQ(a.trajectory().front().step, 0);
    EXPECT_EQ(a.trajectory().back().step, a.steps());
  }
}

TEST(Optimizer, StopsAtMaxStepsWithAReason) {
  const FitProblem pr = make(bimodal(), FitObjective::reverse_kl);
  OptimizerSettings s;
  s.max_steps = 5;
  const Fitter f = run_fit(pr, {0.4, 0.0}, s, true);
  EXPECT_EQ(f.steps(), 5);
  EXPECT_FALSE(f.converged());
  EXPECT_TRUE(f.done());
  EXPECT_NE(f.stop_reason().find("max_steps = 5"), std::string::npos) << f.stop_reason();
  EXPECT_EQ(f.trajectory().size(), 6u);
  Fitter g = f;
  EXPECT_FALSE(g.step());
}

TEST(Optimizer, AlreadyConvergedStartTakesNoStep) {
  const FitProblem pr = forward();
  const Fitter f = run_fit(pr, {0.0, 0.5 * std::log(4.36)}, OptimizerSettings{});
  EXPECT_TRUE(f.converged());
  EXPECT_EQ(f.steps(), 0);
}

TEST(Optimizer, DivergingRunStopsWithoutNaN) {
  // A huge learning rate throws θ far away; the run must stop cleanly, never report NaN.
  const FitProblem pr = forward();
  OptimizerSettings s;
  s.kind = OptimizerKind::gd;
  s.learning_rate = 1e6;
  s.max_steps = 200;
  const Fitter f = run_fit(pr, {3.0, -3.0}, s);
  EXPECT_FALSE(f.converged());
  EXPECT_FALSE(std::isnan(f.value()));
  EXPECT_FALSE(f.stop_reason().empty());
}

TEST(Optimizer, RetargetKeepsRunningFromTheCurrentParameters) {
  // The GUI edits P mid-fit: the fit continues from where it is and converges on the new P.
  const FitProblem a = forward();
  Fitter f(a, {1.0, 0.0}, OptimizerSettings{}, true);
  f.run(10);
  const std::vector<double> here(f.theta().begin(), f.theta().end());
  const FitTarget moved = continuous({normal(0.5, -1, 0.6), normal(0.5, 3, 0.6)});
  f.retarget(make(moved, FitObjective::forward_kl));
  EXPECT_EQ(std::vector<double>(f.theta().begin(), f.theta().end()), here);
  EXPECT_EQ(f.steps(), 10);
  EXPECT_EQ(f.trajectory().size(), 12u);  // 11 points on the old P, then the same θ on the new one
  while (f.step()) {
  }
  ASSERT_TRUE(f.converged());
  const auto mm = moment_matching(moved.mixture);
  EXPECT_NEAR(f.theta()[0], mm->first, 1e-7);
  EXPECT_NEAR(std::exp(f.theta()[1]), mm->second, 1e-7);
}

TEST(Optimizer, NamesRoundTrip) {
  for (OptimizerKind k : {OptimizerKind::gd, OptimizerKind::momentum, OptimizerKind::adam})
    EXPECT_EQ(parse_name<OptimizerKind>(to_name(k)), k);
  EXPECT_FALSE(parse_name<OptimizerKind>("sgd2"));
}

}  // namespace
}  // namespace divlab

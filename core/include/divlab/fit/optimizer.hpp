// Deterministic first-order optimisers (gradient descent, momentum, Adam) that a GUI panel can step a
// few iterations per frame, and a one-call run for the command line.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "divlab/fit/fit.hpp"

namespace divlab {

enum class OptimizerKind { gd, momentum, adam };
inline constexpr EnumName<OptimizerKind> kOptimizerNames[] = {{OptimizerKind::gd, "gd"},
                                                              {OptimizerKind::momentum, "momentum"},
                                                              {OptimizerKind::adam, "adam"},
                                                              {OptimizerKind::gd, "gradient_descent", true}};
constexpr std::span<const EnumName<OptimizerKind>> enum_names(OptimizerKind) { return kOptimizerNames; }

// The most steps a fit may take, from a file's fit.max_steps or --max-steps alike (1e8: ~minutes).
inline constexpr int kMaxFitSteps = 100000000;
// The most steps `divlab fit --trajectory` records (each is a line of output and ~100 bytes of memory).
inline constexpr int kMaxTrajectorySteps = 1000000;

struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::adam;
  double learning_rate = 0.05;  // the one default, whatever the optimiser (fit_plan.hpp)
  int max_steps = 20000;    // SPEC §3 default; at most kMaxFitSteps
  double tolerance = 1e-8;  // stop when ‖∇θ‖ < tolerance (θ = (mean, log sd) for a Gaussian)
  double momentum = 0.9;    // heavy-ball β (momentum)
  double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;  // Adam
};

// One point of a trajectory: θ after `step` updates and the objective there.
struct FitPoint {
  int step = 0;
  std::vector<double> theta;
  double value = 0;
  double grad_norm = 0;
};

// Steps an optimiser on a problem. Every step is one gradient evaluation and one update.
class Fitter {
 public:
  Fitter(FitProblem problem, std::vector<double> theta0, OptimizerSettings settings,
         bool record_trajectory = true);

  // One update; false (and nothing done) once finished.
  bool step();
  // Up to n updates; returns how many were made.
  int run(int n);
  // Swaps in a new problem (P was edited while the fit runs): θ, the optimiser's state, the step
  // count and the trajectory carry on; a finished fit resumes. Extra parameters start at 0.
  void retarget(FitProblem problem);

  bool done() const { return done_; }
  bool converged() const { return converged_; }
  int steps() const { return steps_; }
  std::span<const double> theta() const { return theta_; }
  double value() const { return value_; }
  double grad_norm() const { return grad_norm_; }
  // Why it stopped when it did not converge ("" otherwise): max_steps, ∞ objective, non-finite θ.
  const std::string& stop_reason() const { return stop_reason_; }
  const std::vector<FitPoint>& trajectory() const { return trajectory_; }
  const FitProblem& problem() const { return problem_; }
  const OptimizerSettings& settings() const { return settings_; }

 private:
  void evaluate_here();

  FitProblem problem_;
  OptimizerSettings settings_;
  bool record_;
  std::vector<double> theta_, grad_, m_, v_;
  double value_ = 0, grad_norm_ = 0;
  int steps_ = 0;
  bool done_ = false, converged_ = false;
  std::string stop_reason_;
  std::vector<FitPoint> trajectory_;
};

// Runs to convergence or max_steps.
Fitter run_fit(const FitProblem& problem, std::vector<double> theta0, const OptimizerSettings& settings,
               bool record_trajectory = false);

}  // namespace divlab

// A scenario's `fit` section and the caller's overrides, resolved once into everything a fit needs:
// the model (with a mixture's K), the objective, the start and its θ, the optimiser, learning rate,
// max steps and tolerance. The Fit lab, `divlab fit` and `divlab render --figure fit|landscape` all
// plan their fits here, so the same scenario gives the same fit in all three.
//
// The rules, in one place:
//   objective   override, else the section's; no section and no override is an error
//   model       override, else the section's, else normal (continuous P) or discretised_normal (discrete
//               P); `normal` on a discrete P is discretised_normal; normal_mixture's K is the largest
//               index of its meanK/sdK/weightK start keys (2 when there are none)
//   start       override (it replaces the section's as a whole), else the section's; a parameter left out
//               is P's (FitProblem::initial_theta turns it into θ)
//   optimiser   override, else the section's, else OptimizerSettings' defaults (adam, learning rate
//               0.05, 20000 steps, tolerance 1e-8): one default, whatever the optimiser
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "divlab/fit/fit.hpp"
#include "divlab/fit/optimizer.hpp"

namespace divlab {

struct Scenario;

// What a caller sets over the scenario's fit section (command-line flags, the Fit lab's controls).
struct FitOverrides {
  std::optional<FitObjective> objective = {};
  std::optional<ModelSpec> model = {};
  std::optional<std::map<std::string, double>> start = {};  // replaces the section's start
  std::optional<OptimizerKind> optimizer = {};
  std::optional<double> learning_rate = {};
  std::optional<int> max_steps = {};
  std::optional<double> tolerance = {};
};

// Why a fit cannot be planned, SPEC §4-style: the fit section's key it is about ("model", "start",
// "learning_rate", …; "" for the scenario as a whole), whether an override gave that value, and what
// is wrong. A caller names the place: "coin.json: fit.start: …" or "--start: …".
struct FitPlanError {
  std::string key;
  bool overridden = false;
  std::string what;
};

// The settings of a fit, resolved, before P is prepared (cheap: no quadrature set-up).
struct FitSettings {
  std::optional<FitObjective> objective;  // nullopt: no section and no override
  ModelSpec model;
  std::map<std::string, double> start;    // as given; a parameter left out is P's
  OptimizerSettings optimizer;
};

// One fit, ready to run.
struct FitPlan {
  FitObjective objective;
  ModelSpec model;
  std::map<std::string, double> start;  // as given (the section's or the override's)
  OptimizerSettings optimizer;
  FitProblem problem;                   // P prepared for the model and objective
  std::vector<double> theta0;           // the start in θ
  double start_mean = 0, start_sd = 1;  // where the start is centred: its mean and sd, else P's

  // A fitter at the start, to step (the Fit lab), or run to convergence or max_steps (CLI, figures).
  Fitter fitter(bool record_trajectory = false) const { return Fitter(problem, theta0, optimizer, record_trajectory); }
  Fitter run(bool record_trajectory = false) const { return run_fit(problem, theta0, optimizer, record_trajectory); }
};

// The section and the overrides resolved; nullopt with the error when a value is out of range or the
// scenario has no P to fit.
std::optional<FitSettings> resolve_fit_settings(const Scenario& s, const FitOverrides& overrides = {},
                                                FitPlanError* error = nullptr);
// The whole plan: settings, the prepared problem, the start θ.
std::optional<FitPlan> plan_fit(const Scenario& s, const FitOverrides& overrides = {}, FitPlanError* error = nullptr);
// A plan on a problem already prepared (its target, model and objective) with these settings: what
// plan_fit ends with, and how the Fit lab restarts its runs without preparing P again.
std::optional<FitPlan> plan_fit(const FitProblem& problem, const std::map<std::string, double>& start,
                                const OptimizerSettings& optimizer, FitPlanError* error = nullptr);

// Where the error is: "fit.start" in the file, the flag "--start" for an override ('_' as '-'), or ""
// for the scenario as a whole.
std::string fit_plan_place(const FitPlanError& e);

}  // namespace divlab

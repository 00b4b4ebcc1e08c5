// Fitting a model Q_θ to a target P by gradient descent on D(P‖Q_θ), D(Q_θ‖P) or JSD(P, Q_θ).
//
// Gradients are exact: analytic derivatives evaluated with deterministic quadrature (Gauss–Legendre
// panels split at every feature of P and Q_θ), never finite differences. The sd of a Gaussian goes
// through log sd; mixture weights and categorical masses go through softmax logits.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "divlab/common/names.hpp"
#include "divlab/distributions/distribution.hpp"

namespace divlab {

// [SECTION] Objectives and models

enum class FitObjective { forward_kl, reverse_kl, jsd };
inline constexpr EnumName<FitObjective> kObjectiveNames[] = {
    {FitObjective::forward_kl, "forward_kl"}, {FitObjective::reverse_kl, "reverse_kl"}, {FitObjective::jsd, "jsd"}};
constexpr std::span<const EnumName<FitObjective>> enum_names(FitObjective) { return kObjectiveNames; }

// θ layouts:
//   normal              [mean, log sd]                                   (continuous P)
//   normal_mixture (K)  [logit_1..K, mean_1..K, log sd_1..K]; K = 1 is `normal`   (continuous P)
//   discretised_normal  [mean, log sd]; q_i ∝ φ((x_i − mean)/sd) at the support positions (discrete P)
//   categorical         [logit_1..N]; q = softmax(logits)                          (discrete P)
enum class ModelKind { normal, normal_mixture, discretised_normal, categorical };
inline constexpr EnumName<ModelKind> kModelNames[] = {{ModelKind::normal, "normal"},
                                                      {ModelKind::normal_mixture, "normal_mixture"},
                                                      {ModelKind::discretised_normal, "discretised_normal"},
                                                      {ModelKind::categorical, "categorical"}};
constexpr std::span<const EnumName<ModelKind>> enum_names(ModelKind) { return kModelNames; }

// K of a normal_mixture fit section: the largest index among its meanK/sdK/weightK start keys
// (2 when there are none). FitPlan (fit_plan.hpp) applies it.
int mixture_components(const std::map<std::string, double>& start);

// The one check of a fit's start parameters, for a file's `fit.start` (the scenario loader) and
// `--start` alike. Names: mean and sd for every model; a normal_mixture also takes meanK, sdK and
// weightK for K = 1 … kMaxMixtureComponents. Values: finite; sd and weight > 0; a mean within
// ±kMaxCoordinate and an sd within [kMinScale, kMaxScale] (divlab/distributions/distribution.hpp).
// nullopt when the start is fine; else the parameter and what is wrong. An unknown name comes back
// with `unknown` set and `what` the list of names the model takes ("mean, sd"); each caller words
// it in its own idiom (a file's unknown key, a flag's unknown parameter).
struct StartError {
  std::string name;
  bool unknown = false;
  std::string what;  // "expected a number > 0, got 0", or the expected names
};
inline constexpr int kMaxMixtureComponents = 64;
std::optional<StartError> check_start(ModelKind model, const std::map<std::string, double>& start);
// The error as a flag or a plan says it: "unknown parameter 'sigma' (expected: mean, sd)", "sd: expected …".
std::string start_error_text(const StartError& e);

struct ModelSpec {
  ModelKind kind = ModelKind::normal;
  int components = 1;  // K for normal_mixture
  bool operator==(const ModelSpec&) const = default;
};

// The target P: a continuous mixture, or discrete masses at support positions.
struct FitTarget {
  bool discrete = false;
  Mixture mixture;           // continuous
  std::vector<double> mass;  // discrete, unnormalised is fine
  std::vector<double> x;     // discrete support positions; empty → 0..N−1
  bool operator==(const FitTarget&) const = default;
};

struct Scenario;
FitTarget fit_target(const Scenario& s);  // the scenario's P

// [SECTION] The prepared problem

// A target, model and objective prepared for repeated evaluation (quadrature features of P, its
// entropy and moments are computed once). Cheap to copy: the state is shared and immutable.
class FitProblem {
 public:
  struct Impl;
  // The error (a sentence) if the model does not fit the target's kind or P is invalid.
  static std::optional<FitProblem> make(const FitTarget& target, ModelSpec model, FitObjective objective,
                                        std::string* error = nullptr);

  int parameter_count() const;
  ModelSpec model() const;
  FitObjective objective() const;
  const FitTarget& target() const;

  // +∞ for every θ (decided by analysis, e.g. reverse KL against a P with gaps in its support).
  bool infinite() const;
  // Why the objective is +∞ ("" when finite).
  const std::string& why_infinite() const;

  // The objective at θ in nats; fills grad (size parameter_count(), may be empty) with ∂/∂θ.
  // Returns +∞ (grad = 0) when infinite(); never NaN for finite θ.
  double evaluate(std::span<const double> theta, std::span<double> grad = {}) const;

  // θ from the model's named start parameters: the one place a start becomes θ. Every model takes
  // mean and sd (missing → P's mean and sd): the normal's, the centre of a categorical bump (none given:
  // uniform), the seed of a mixture's components (equal weights, centres one sd apart around the mean).
  // A normal_mixture also takes meanK, sdK and weightK for its component K (K from 1; components
  // beyond the model's are ignored). An unknown name, a value that is not finite or an sd or weight
  // ≤ 0 → nullopt with the error ("sd: expected a number > 0, got 0").
  std::optional<std::vector<double>> initial_theta(const std::map<std::string, double>& start,
                                                   std::string* error = nullptr) const;
  // Where a start is centred: its mean and sd, else P's (nullopt with the error as initial_theta).
  std::optional<std::pair<double, double>> start_centre(const std::map<std::string, double>& start,
                                                        std::string* error = nullptr) const;

  // The natural parameters of θ for display: normal/discretised_normal → {"mean", "sd"};
  // normal_mixture → {"weight1", "mean1", "sd1", ...}; categorical → {"p1", ...}.
  std::vector<std::pair<std::string, double>> named_parameters(std::span<const double> theta) const;

  // The fitted model itself, for plotting: a normal mixture (continuous) or masses (discrete).
  Mixture model_mixture(std::span<const double> theta) const;
  std::vector<double> model_masses(std::span<const double> theta) const;

 private:
  std::shared_ptr<const Impl> impl_;
};

// Moments of a continuous P (∞ variance for student_t df ≤ 2; the mean needs df > 1).
struct Moments {
  double mean = 0;
  double variance = 0;
};
std::optional<Moments> moments(const Mixture& p);

// The forward-KL optimum of a single Gaussian: moment matching (mean and sd of P). nullopt when
// P's variance is infinite.
std::optional<std::pair<double, double>> moment_matching(const Mixture& p);

}  // namespace divlab

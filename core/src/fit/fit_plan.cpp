// FitPlan: a scenario's fit section and the overrides resolved once (the rules are in the header).
#include "divlab/fit/fit_plan.hpp"

#include <cmath>
#include <sstream>

#include "divlab/document/scenario.hpp"

namespace divlab {

namespace {

std::optional<FitSettings> settings_error(FitPlanError* error, std::string key, bool overridden, std::string what) {
  if (error) *error = {std::move(key), overridden, std::move(what)};
  return std::nullopt;
}

std::string number_text(double v) {
  std::ostringstream o;
  o.precision(6);
  o << v;
  return o.str();
}

}  // namespace

std::optional<FitSettings> resolve_fit_settings(const Scenario& s, const FitOverrides& o, FitPlanError* error) {
  if (s.kind == Kind::joint) return settings_error(error, "", false, "a joint scenario has no P to fit");
  const std::optional<FitSpec>& section = s.fit;
  const bool discrete = s.kind == Kind::discrete;
  FitSettings out;

  // The section's words were checked when it was loaded; a scenario built in code may still hold others.
  auto section_name = [&]<class E>(const std::string& text, const char* key, E& value) {
    const std::optional<E> e = parse_name<E>(text);
    if (e) value = *e;
    else settings_error(error, key, false, "expected " + name_list<E>() + ", got '" + text + "'");
    return e.has_value();
  };

  if (o.objective) {
    out.objective = o.objective;
  } else if (section) {
    FitObjective objective{};
    if (!section_name(section->objective, "objective", objective)) return std::nullopt;
    out.objective = objective;
  }

  out.start = o.start ? *o.start : section ? section->start : std::map<std::string, double>{};

  if (o.model) {
    out.model = *o.model;
  } else {
    out.model.kind = discrete ? ModelKind::discretised_normal : ModelKind::normal;
    if (section && !section_name(section->model, "model", out.model.kind)) return std::nullopt;
    if (out.model.kind == ModelKind::normal_mixture) out.model.components = mixture_components(out.start);
  }
  if (discrete && out.model.kind == ModelKind::normal) out.model.kind = ModelKind::discretised_normal;
  // The start's names and ranges, before K is used (a file's start was checked so when it was loaded).
  if (const std::optional<StartError> e = check_start(out.model.kind, out.start))
    return settings_error(error, "start", o.start.has_value(), start_error_text(*e));
  if (out.model.kind == ModelKind::normal_mixture && out.model.components < 1)
    return settings_error(error, "model", o.model.has_value(),
                          "expected at least 1 component, got " + std::to_string(out.model.components));

  OptimizerSettings& opt = out.optimizer;
  if (o.optimizer) {
    opt.kind = *o.optimizer;
  } else if (section && section->optimizer) {
    if (!section_name(*section->optimizer, "optimizer", opt.kind)) return std::nullopt;
  }
  const bool lr_over = o.learning_rate.has_value(), steps_over = o.max_steps.has_value(),
             tol_over = o.tolerance.has_value();
  if (lr_over) opt.learning_rate = *o.learning_rate;
  else if (section && section->learning_rate) opt.learning_rate = *section->learning_rate;
  if (steps_over) opt.max_steps = *o.max_steps;
  else if (section && section->max_steps) opt.max_steps = *section->max_steps;
  if (tol_over) opt.tolerance = *o.tolerance;
  else if (section && section->tolerance) opt.tolerance = *section->tolerance;
  if (!(std::isfinite(opt.learning_rate) && opt.learning_rate > 0))
    return settings_error(error, "learning_rate", lr_over, "expected a number > 0, got " + number_text(opt.learning_rate));
  if (opt.max_steps < 1)
    return settings_error(error, "max_steps", steps_over, "expected an integer >= 1, got " + std::to_string(opt.max_steps));
  if (!(std::isfinite(opt.tolerance) && opt.tolerance >= 0))
    return settings_error(error, "tolerance", tol_over, "expected a finite number >= 0, got " + number_text(opt.tolerance));
  return out;
}

std::optional<FitPlan> plan_fit(const Scenario& s, const FitOverrides& o, FitPlanError* error) {
  const std::optional<FitSettings> settings = resolve_fit_settings(s, o, error);
  if (!settings) return std::nullopt;
  if (!settings->objective) {
    if (error) *error = {"", false, "no \"fit\" section and no objective"};
    return std::nullopt;
  }
  std::string why;
  const std::optional<FitProblem> problem = FitProblem::make(fit_target(s), settings->model, *settings->objective, &why);
  if (!problem) {
    if (error) *error = {"model", o.model.has_value(), why};
    return std::nullopt;
  }
  std::optional<FitPlan> plan = plan_fit(*problem, settings->start, settings->optimizer, error);
  if (!plan && error) error->overridden = o.start.has_value();
  return plan;
}

std::optional<FitPlan> plan_fit(const FitProblem& problem, const std::map<std::string, double>& start,
                                const OptimizerSettings& optimizer, FitPlanError* error) {
  std::string why;
  const auto centre = problem.start_centre(start, &why);
  std::optional<std::vector<double>> theta0 = centre ? problem.initial_theta(start, &why) : std::nullopt;
  if (!theta0) {
    if (error) *error = {"start", false, why};
    return std::nullopt;
  }
  // A start so far from P that the objective overflows a double (e.g. Q_θ = N(1e300, 1e300) against
  // N(0, 1): D ~ 1e600, or its integrand's z² does) cannot be descended from: say so rather than print
  // a fit that never moved with value null.
  if (!problem.infinite() && !std::isfinite(problem.evaluate(*theta0))) {
    if (error)
      *error = {"start", false,
                "the objective cannot be evaluated in doubles at this start (mean " + number_text(centre->first) +
                    ", sd " + number_text(centre->second) + ": too far from P): start nearer P"};
    return std::nullopt;
  }
  return FitPlan{problem.objective(), problem.model(), start,          optimizer,
                 problem,             std::move(*theta0), centre->first, centre->second};
}

std::string fit_plan_place(const FitPlanError& e) {
  if (e.key.empty()) return "";
  if (!e.overridden) return "fit." + e.key;
  std::string flag = "--" + e.key;
  for (char& c : flag)
    if (c == '_') c = '-';
  return flag;
}

}  // namespace divlab

// `divlab fit FILE [--objective forward_kl|reverse_kl|jsd] [--start mean=M,sd=S] [--max-steps N]
//  [--json] [--trajectory]`: runs the scenario's fit (flags override its `fit` section), SPEC §3.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/common.hpp"
#include "divlab/fit/fit_plan.hpp"
#include "export/metrics_table.hpp"

namespace divlab::cli {

namespace {

using exporting::human_number;

// A finite double from the whole of `text`.
std::optional<double> parse_double(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

// "--start mean=M,sd=S" → {mean: M, sd: S}: name=value pairs of finite numbers, each name once. Which
// names the model takes, and which must be > 0, FitPlan checks (FitProblem::initial_theta).
std::optional<std::map<std::string, double>> parse_start(const std::string& text, std::string& error) {
  std::map<std::string, double> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    const size_t comma = text.find(',', pos);
    const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    const size_t eq = item.find('=');
    if (item.empty() || eq == std::string::npos || eq == 0) {
      error = "expected name=value pairs separated by commas (e.g. mean=1,sd=0.5), got '" + item + "'";
      return std::nullopt;
    }
    const std::string name = item.substr(0, eq), value = item.substr(eq + 1);
    if (out.count(name)) {
      error = "parameter '" + name + "' given twice";
      return std::nullopt;
    }
    const auto v = parse_double(value);
    if (!v) {
      error = name + ": expected a finite number, got '" + value + "'";
      return std::nullopt;
    }
    out[name] = *v;
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return out;
}

// "mean": …, "sd": …: the named parameters of θ as JSON members.
std::string params_members(const FitProblem& pr, std::span<const double> theta) {
  std::string out;
  for (const auto& [name, v] : pr.named_parameters(theta))
    out += (out.empty() ? "" : ", ") + json_string(name) + ": " + json_number(v);
  return out;
}

std::string start_json(const std::map<std::string, double>& start) {
  std::string out = "{";
  bool first = true;
  for (const char* key : {"mean", "sd"})
    if (auto it = start.find(key); it != start.end()) {
      out += (first ? "" : ", ") + json_string(key) + ": " + json_number(it->second);
      first = false;
    }
  for (const auto& [name, v] : start)
    if (name != "mean" && name != "sd") {
      out += (first ? "" : ", ") + json_string(name) + ": " + json_number(v);
      first = false;
    }
  return out + "}";
}

std::string objective_symbol(FitObjective o) {
  switch (o) {
    case FitObjective::forward_kl:
      return "D(P‖Q_θ)";
    case FitObjective::reverse_kl:
      return "D(Q_θ‖P)";
    case FitObjective::jsd:
      return "JSD(P,Q_θ)";
  }
  return "";
}

std::string params_text(const FitProblem& pr, std::span<const double> theta) {
  std::string out;
  for (const auto& [name, v] : pr.named_parameters(theta)) {
    if (!out.empty()) out += ", ";
    out += name + " = " + human_number(v);
  }
  return out;
}

}  // namespace

int fit(const Args& args) {
  CLI::App app{
      "Fits the model Q_θ of the scenario's `fit` section to its P by gradient descent on "
      "forward KL D(P‖Q_θ), reverse KL D(Q_θ‖P) or JSD (values in nats). Flags override the section.",
      "divlab fit"};
  std::string file, objective_text, start_text, optimizer_text;
  long long max_steps = 0;
  double learning_rate = 0;
  bool json = false, trajectory = false;
  app.add_option("FILE", file, "Scenario file (divlab.scenario JSON)")->required();
  auto* o_obj = app.add_option("--objective", objective_text, name_list<FitObjective>());
  auto* o_start = app.add_option("--start", start_text, "Start parameters, e.g. mean=1,sd=0.5");
  auto* o_steps = app.add_option("--max-steps", max_steps, "Stop after N updates (default 20000)");
  auto* o_opt = app.add_option("--optimizer", optimizer_text, name_list<OptimizerKind>() + " (default adam)");
  auto* o_lr = app.add_option("--learning-rate", learning_rate, "Step size (default 0.05)");
  app.add_flag("--json", json, "One JSON object: model, objective, start, params, value, steps, converged");
  app.add_flag("--trajectory", trajectory, "Also print every step's parameters and value");
  add_version_flag(app);
  if (const auto status = parse_command_line(app, "fit", args)) return *status;

  FitOverrides overrides;
  if (o_obj->count()) {
    overrides.objective = parse_name<FitObjective>(objective_text);
    if (!overrides.objective) {
      print_error("fit: --objective: expected " + name_list<FitObjective>() + ", got '" + objective_text + "'");
      return 2;
    }
  }
  if (o_steps->count()) {
    if (max_steps < 1 || max_steps > kMaxFitSteps) {
      print_error("fit: --max-steps: expected an integer from 1 to " + std::to_string(kMaxFitSteps) + ", got " +
                  std::to_string(max_steps));
      return 2;
    }
    overrides.max_steps = static_cast<int>(max_steps);
  }
  if (o_opt->count()) {
    overrides.optimizer = parse_name<OptimizerKind>(optimizer_text);
    if (!overrides.optimizer) {
      print_error("fit: --optimizer: expected " + name_list<OptimizerKind>() + ", got '" + optimizer_text + "'");
      return 2;
    }
  }
  if (o_lr->count()) overrides.learning_rate = learning_rate;
  if (o_start->count()) {
    std::string error;
    overrides.start = parse_start(start_text, error);
    if (!overrides.start) {
      print_error("fit: --start: " + error);
      return 2;
    }
  }

  const std::optional<Scenario> scenario = load_or_report(file);
  if (!scenario) return 2;
  if (scenario->kind == Kind::joint) {
    print_error("fit: " + file + ": a joint scenario has no P to fit (fit takes kind \"discrete\" or \"continuous\")");
    return 2;
  }
  if (!scenario->fit && !overrides.objective) {
    print_error("fit: " + file +
                " has no \"fit\" section: add one, or give --objective " + name_list<FitObjective>("|", "|") +
                " (and optionally --start mean=M,sd=S)");
    return 2;
  }
  FitPlanError error;
  const std::optional<FitPlan> plan = plan_fit(*scenario, overrides, &error);
  if (!plan) {
    const std::string place = fit_plan_place(error);
    print_error("fit: " + (error.overridden ? place : place.empty() ? file : file + ": " + place) + ": " + error.what);
    return 2;
  }
  // Limits before work: a trajectory of 1e8 steps died of memory after 44 s.
  if (trajectory && plan->optimizer.max_steps > kMaxTrajectorySteps) {
    print_error("fit: --trajectory records every step: at most " + std::to_string(kMaxTrajectorySteps) +
                " steps, but the fit may take " + std::to_string(plan->optimizer.max_steps) +
                " (give --max-steps " + std::to_string(kMaxTrajectorySteps) + " or fewer)");
    return 2;
  }
  const FitProblem& problem = plan->problem;
  const OptimizerSettings& settings = plan->optimizer;
  const Fitter f = plan->run(trajectory);
  const FitObjective obj = plan->objective;
  const std::string model_text(to_name(plan->model.kind));
  std::string out;
  if (json) {
    out = "{\n  \"model\": " + json_string(model_text) +
          ",\n  \"objective\": " + json_string(to_name(obj)) +
          ",\n  \"start\": " + start_json(plan->start) +
          ",\n  \"params\": {" + params_members(problem, f.theta()) + "}" +
          ",\n  \"value\": " + json_number(f.value()) + ",\n  \"steps\": " + std::to_string(f.steps()) +
          ",\n  \"converged\": " + (f.converged() ? "true" : "false") +
          ",\n  \"optimizer\": " + json_string(to_name(settings.kind)) +
          ",\n  \"learning_rate\": " + json_number(settings.learning_rate) +
          ",\n  \"gradient_norm\": " + json_number(f.grad_norm());
    if (!f.converged()) out += ",\n  \"stopped_because\": " + json_string(f.stop_reason());
    if (trajectory) {
      out += ",\n  \"trajectory\": [";
      bool first = true;
      for (const FitPoint& p : f.trajectory()) {
        out += first ? "\n    " : ",\n    ";
        first = false;
        const std::string members = params_members(problem, p.theta);
        out += "{\"step\": " + std::to_string(p.step) + (members.empty() ? "" : ", " + members) +
               ", \"value\": " + json_number(p.value) + "}";
      }
      out += "\n  ]";
    }
    out += "\n}\n";
  } else {
    out = "fit: " + model_text + " model, " + std::string(to_name(obj)) + " " + objective_symbol(obj) +
          ", " + std::string(to_name(settings.kind)) + " (learning rate " +
          human_number(settings.learning_rate, 6) + ")\n";
    out += "start:  " + params_text(problem, plan->theta0) + "\n";
    out += "result: " + params_text(problem, f.theta()) + "\n";
    out += "value:  " + objective_symbol(obj) + " = " + human_number(f.value()) + " nats\n";
    if (f.converged()) {
      out += "steps:  " + std::to_string(f.steps()) + " (converged: gradient norm " +
             human_number(f.grad_norm(), 3) + " < " + human_number(settings.tolerance, 3) + ")\n";
    } else {
      out += "steps:  " + std::to_string(f.steps()) + " (not converged: " + f.stop_reason() + ")\n";
    }
    if (trajectory) {
      out += "\ntrajectory:\n";
      for (const FitPoint& p : f.trajectory())
        out += "  " + std::to_string(p.step) + "  " + params_text(problem, p.theta) +
               "  value = " + human_number(p.value) + "\n";
    }
  }
  return write_stdout(out, "fit");
}

}  // namespace divlab::cli

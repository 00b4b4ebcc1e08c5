// `divlab metrics FILE [--base e|2] [--json]`: every quantity of SPEC §1 for the scenario's P and Q.
#include <cstdio>
#include <string>

#include "cli/common.hpp"
#include "cli/metrics_joint.hpp"
#include "divlab/measures/measures.hpp"
#include "export/metrics_table.hpp"

namespace divlab::cli {

namespace {

std::string table_output(const Scenario& s, const Measures& m, const std::string& file) {
  const bool continuous = s.kind == Kind::continuous;
  std::string out;
  if (s.title) out += terminal_safe(*s.title) + "\n";
  std::string what = continuous ? "continuous, " + std::to_string(s.p_mix.components.size()) + " vs " +
                                      std::to_string(s.q_mix.components.size()) + " components"
                                : "discrete, " + std::to_string(s.p_mass.size()) + " bins";
  out += terminal_safe(file) + " · " + what + " · base " + std::string(to_name(m.base)) + " (" +
         std::string(base_unit(m.base)) + ")\n\n";
  return out + exporting::metrics_text(m, {.continuous = continuous});
}

}  // namespace

int metrics(const Args& args) {
  CLI::App app{"Prints every quantity divlab computes (entropies, cross-entropies, KL both ways, JSD, W₁, TV, "
               "Hellinger, Bhattacharyya, perplexities) for the scenario's P and Q; for a joint table, H(X), H(Y), "
               "H(X,Y), H(X|Y), H(Y|X), I(X;Y) and VI.",
               "divlab metrics"};
  std::string file, base_text;
  bool json = false;
  app.add_option("FILE", file, "Scenario file (divlab.scenario JSON)")->required();
  auto* o_base = app.add_option("--base", base_text, "Logarithm base: e (nats) or 2 (bits); default: the file's base");
  app.add_flag("--json", json, "One JSON object: \"base\" and every key, +∞ as \"inf\", 17 significant digits");
  add_version_flag(app);
  if (const auto status = parse_command_line(app, "metrics", args)) return *status;

  std::optional<Base> base;
  if (o_base->count()) {  // --base "" is a bad base, not no base
    base = parse_name<Base>(base_text);
    if (!base) {
      print_error("metrics: --base: expected " + name_list<Base>() + ", got '" + base_text + "'");
      return 2;
    }
  }
  const std::optional<Scenario> scenario = load_or_report(file);
  if (!scenario) return 2;
  // Built whole before printing: an error can never leave a partial result on stdout.
  std::string out;
  if (scenario->kind == Kind::joint) {
    out = joint_metrics_output(*scenario, base.value_or(scenario->base), json, file);
  } else {
    const Measures m = measure_scenario(*scenario, base.value_or(scenario->base));
    out = json ? exporting::metrics_json(m) : table_output(*scenario, m, file);
  }
  return write_stdout(out, "metrics");
}

}  // namespace divlab::cli

// `divlab metrics FILE [--base e|2] [--json] [--alpha A]`: every quantity of SPEC §1 for the scenario's P and
// Q, and with --alpha the Rényi and Minka α-divergences of SPEC §7.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cli/common.hpp"
#include "cli/metrics_joint.hpp"
#include "divlab/measures/alpha.hpp"
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

// --alpha's value: a finite number > 0, the whole text; nullopt otherwise.
std::optional<double> parse_alpha(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double a = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(a) || !(a > 0)) return std::nullopt;
  return a;
}

AlphaMeasures alpha_scenario(const Scenario& s, double alpha, Base base) {
  if (s.kind == Kind::discrete) return alpha_discrete(s.p_mass, s.q_mass, alpha, s.support_x, s.labels, base);
  return alpha_continuous(s.p_mix, s.q_mix, alpha, base);
}

}  // namespace

int metrics(const Args& args) {
  CLI::App app{"Prints every quantity divlab computes (entropies, cross-entropies, KL both ways, JSD, W₁, TV, "
               "Hellinger, Bhattacharyya, perplexities) for the scenario's P and Q; for a joint table, H(X), H(Y), "
               "H(X,Y), H(X|Y), H(Y|X), I(X;Y) and VI.",
               "divlab metrics"};
  std::string file, base_text, alpha_text;
  bool json = false;
  app.add_option("FILE", file, "Scenario file (divlab.scenario JSON)")->required();
  auto* o_base = app.add_option("--base", base_text, "Logarithm base: e (nats) or 2 (bits); default: the file's base");
  auto* o_alpha = app.add_option("--alpha", alpha_text,
                                 "Also the Rényi divergences D_A(P‖Q), D_A(Q‖P) and Minka's α-divergence D_A(P‖Q) "
                                 "(A finite, > 0)");
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
  std::optional<double> alpha;
  if (o_alpha->count()) {
    alpha = parse_alpha(alpha_text);
    if (!alpha) {
      print_error("metrics: --alpha: expected a finite number > 0, got '" + alpha_text + "'");
      return 2;
    }
  }
  const std::optional<Scenario> scenario = load_or_report(file);
  if (!scenario) return 2;
  if (alpha && scenario->kind == Kind::joint) {
    print_error("metrics: --alpha: " + file + " is a joint table, which has no P and Q to compare");
    return 2;
  }
  // Built whole before printing: an error can never leave a partial result on stdout.
  std::string out;
  if (scenario->kind == Kind::joint) {
    out = joint_metrics_output(*scenario, base.value_or(scenario->base), json, file);
  } else {
    const Measures m = measure_scenario(*scenario, base.value_or(scenario->base));
    if (alpha) {
      const AlphaMeasures a = alpha_scenario(*scenario, *alpha, m.base);
      out = json ? exporting::metrics_json(m, a) : table_output(*scenario, m, file) + "\n" + exporting::alpha_text(a);
    } else {
      out = json ? exporting::metrics_json(m) : table_output(*scenario, m, file);
    }
  }
  return write_stdout(out, "metrics");
}

}  // namespace divlab::cli

// `divlab metrics FILE [--base e|2] [--json]`: every quantity of SPEC §1 for the scenario's P and Q.
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "cli/common.hpp"
#include "cli/metrics_joint.hpp"
#include "divlab/measures/measures.hpp"

namespace divlab::cli {

namespace {

// The table's name for each quantity, in kQuantities order.
constexpr std::array<const char*, kQuantities.size()> kNames = {
    "entropy of P",
    "entropy of Q",
    "cross-entropy: P coded for Q",
    "cross-entropy: Q coded for P",
    "KL divergence (forward)",
    "KL divergence (reverse)",
    "Jensen–Shannon divergence",
    "Jensen–Shannon distance",
    "Wasserstein-1 (earth mover's)",
    "total variation distance",
    "Hellinger distance",
    "Bhattacharyya coefficient",
    "perplexity of P",
    "perplexity of Q",
    "cross-perplexity: P coded for Q",
    "cross-perplexity: Q coded for P",
};

std::string unit_text(QuantityUnit u, Base base, bool continuous) {
  switch (u) {
    case QuantityUnit::information: return std::string(base_unit(base));
    case QuantityUnit::root_information: return "√" + std::string(base_unit(base));
    case QuantityUnit::x_units: return "units of x";
    case QuantityUnit::unitless: return "";
    case QuantityUnit::choices: return continuous ? "units of x" : "choices";  // a density's PPL is a length
  }
  return "";
}

std::string json_output(const Measures& m) {
  std::string out = "{\n  \"base\": " + json_string(base_name(m.base));
  for (const Quantity& q : kQuantities) out += ",\n  " + json_string(q.key) + ": " + json_number(m.*q.value);
  out += "\n}\n";
  return out;
}

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return s + std::string(w < width ? width - w : 0, ' ');
}

std::string table_output(const Scenario& s, const Measures& m, const std::string& file) {
  const bool continuous = s.kind == Kind::continuous;
  std::string out;
  if (s.title) out += *s.title + "\n";
  std::string what = continuous ? "continuous, " + std::to_string(s.p_mix.components.size()) + " vs " +
                                      std::to_string(s.q_mix.components.size()) + " components"
                                : "discrete, " + std::to_string(s.p_mass.size()) + " bins";
  out += file + " · " + what + " · base " + std::string(base_name(m.base)) + " (" +
         std::string(base_unit(m.base)) + ")\n\n";

  struct Cells {
    std::string symbol, name, value, unit, note;
  };
  std::vector<Cells> cells;
  cells.push_back({"symbol", "quantity", "value", "unit", ""});
  for (std::size_t i = 0; i < kQuantities.size(); ++i) {
    const Quantity& q = kQuantities[i];
    const double v = m.*q.value;
    Cells c{std::string(q.symbol), kNames[i], human_number(v), unit_text(q.unit, m.base, continuous), ""};
    if (const std::string_view why = q.infinite_reason(m); !why.empty()) c.note = "why ∞: " + std::string(why);
    cells.push_back(std::move(c));
  }
  std::size_t w_symbol = 0, w_name = 0, w_value = 0, w_unit = 0;
  for (const Cells& c : cells) {
    w_symbol = std::max(w_symbol, display_width(c.symbol));
    w_name = std::max(w_name, display_width(c.name));
    w_value = std::max(w_value, display_width(c.value));
    w_unit = std::max(w_unit, display_width(c.unit));
  }
  for (const Cells& c : cells) {
    std::string line = "  " + pad(c.symbol, w_symbol) + "  " + pad(c.name, w_name) + "  " + pad(c.value, w_value);
    if (!c.unit.empty() || !c.note.empty()) line += "  " + pad(c.unit, w_unit);
    if (!c.note.empty()) line += "  " + c.note;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
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
  app.add_option("--base", base_text, "Logarithm base: e (nats) or 2 (bits); default: the file's base");
  app.add_flag("--json", json, "One JSON object: \"base\" and every key, +∞ as \"inf\", 17 significant digits");
  add_version_flag(app);
  if (const auto status = parse_command_line(app, "metrics", args)) return *status;

  std::optional<Base> base;
  if (!base_text.empty()) {
    base = parse_base(base_text);
    if (!base) {
      print_error("metrics: --base: expected e or 2, got '" + base_text + "'");
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
    out = json ? json_output(m) : table_output(*scenario, m, file);
  }
  std::fputs(out.c_str(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace divlab::cli

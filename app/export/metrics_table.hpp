// The metrics of SPEC §1 as an aligned text table (`divlab metrics`), a LaTeX booktabs table, CSV and
// JSON (for the GUI's clipboard export and for `divlab render -o table.tex`). Every word and unit is
// the registry's (measures/quantities.hpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "divlab/measures/alpha.hpp"
#include "divlab/measures/quantities.hpp"

namespace divlab::exporting {

struct MetricRow {
  std::string_view key;     // SPEC §1 JSON key, e.g. "kl_pq"
  std::string_view name;    // "KL divergence (forward)"
  std::string_view symbol;  // Unicode, e.g. "D(P‖Q)"
  std::string_view latex;   // math mode, e.g. "D(P\,\|\,Q)"
  double value;
  std::string unit;    // the registry's unit_text: "nats", "√bits", "units of x", "choices", "" (a plain number)
};

// Every quantity of SPEC §1 in the order of its table.
std::vector<MetricRow> metric_rows(const Measures& m, QuantityContext ctx);

// 17 significant digits (round-trips); "inf" / "-inf" for infinities; −0 → "0".
std::string format_exact(double v);
// A number for people: `digits` significant digits, ∞ for +∞.
std::string human_number(double v, int digits = 10);
// Terminal columns taken by UTF-8 text (one per code point; our symbols are all narrow).
std::size_t display_width(std::string_view s);
// `s` followed by spaces up to `width` display columns (for aligned text tables).
std::string pad(const std::string& s, std::size_t width);

// The aligned table of `divlab metrics`: a header row, then symbol, name, value (10 significant
// digits), unit and, for ∞, "why ∞: <reason>", each line indented by two spaces.
std::string metrics_text(const Measures& m, QuantityContext ctx);
// A booktabs tabular (needs \usepackage{booktabs}): quantity, symbol, value (6 significant digits,
// $\infty$ for +∞), unit.
std::string metrics_latex(const Measures& m, QuantityContext ctx);
// key,symbol,value,unit with a header row; values as format_exact.
std::string metrics_csv(const Measures& m, QuantityContext ctx);
// One object: "base" plus every key, as `divlab metrics --json` prints it.
std::string metrics_json(const Measures& m);

// The α-family of SPEC §7 (`divlab metrics --alpha A`): an aligned table headed "α = A" like
// metrics_text (a Minka value beyond the double range reads "overflow"), and the JSON members
// "alpha", "renyi_pq", "renyi_qp", "alpha_divergence_pq" (overflow → null, ∞ → "inf") to add to
// metrics_json's object.
std::string alpha_text(const AlphaMeasures& m);
std::string alpha_json_members(const AlphaMeasures& m);
// metrics_json(m) with alpha_json_members(a) added at the end of the object.
std::string metrics_json(const Measures& m, const AlphaMeasures& a);

}  // namespace divlab::exporting

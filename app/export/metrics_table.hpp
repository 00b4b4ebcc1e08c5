// The metrics of SPEC §1 as a LaTeX booktabs table, CSV and JSON (for the GUI's clipboard export
// and for `divlab render -o table.tex`).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "divlab/measures/measures.hpp"

namespace divlab::exporting {

struct MetricRow {
  std::string_view key;     // SPEC §1 JSON key, e.g. "kl_pq"
  std::string_view name;    // "Forward KL divergence"
  std::string_view symbol;  // Unicode, e.g. "D(P‖Q)"
  std::string_view latex;   // math mode, e.g. "D(P\,\|\,Q)"
  double value;
  std::string unit;    // "nats", "bits", "x units" or "" (dimensionless)
};

// Every quantity of SPEC §1 in the order of its table.
std::vector<MetricRow> metric_rows(const Measures& m);

// 17 significant digits (round-trips); "inf" / "-inf" for infinities; −0 → "0".
std::string format_exact(double v);

// A booktabs tabular (needs \usepackage{booktabs}): quantity, symbol, value (6 significant digits,
// $\infty$ for +∞), unit.
std::string metrics_latex(const Measures& m);
// key,symbol,value,unit with a header row; values as format_exact.
std::string metrics_csv(const Measures& m);
// One object: "base" plus every key, like `divlab metrics --json`.
std::string metrics_json(const Measures& m);

}  // namespace divlab::exporting

// The rows of the metrics panel: every SPEC §1 quantity with the registry's symbol, name, unit, formula
// and live sentence (measures/quantities.hpp), and the panel's colours. Pure data (no ImGui), so it is
// unit-tested.
#pragma once
#include <string>
#include <vector>

#include "divlab/measures/measures.hpp"

namespace divlab::gui {

enum class Tint { neutral, p, q, m };

struct MetricRow {
  std::string key;      // SPEC §1 JSON key
  std::string symbol;   // e.g. "D(P‖Q)"
  std::string name;     // e.g. "KL divergence (forward)"
  double value = 0;
  std::string shown;    // the value as shown: a number, or a power ("2^1440") beyond a double
  std::string unit;     // the registry's unit_text: "bits", "√nats", "units of x", "choices", ""
  std::string text;     // shown with its unit, as Explain and the tooltips show it too (shown_quantity)
  std::string formula;  // e.g. "D(P‖Q) = ∑ p log(p/q) = H(P,Q) − H(P)"
  std::string meaning;  // one sentence with the current values
  std::string why_infinite;  // non-empty when value is +∞
  Tint tint = Tint::neutral;
  bool group_start = false;  // a separator goes above this row
};

// All 16 quantities in display order, for measures `m` (in m.base) of a discrete or continuous pair.
std::vector<MetricRow> metric_rows(const Measures& m, bool discrete);

}  // namespace divlab::gui

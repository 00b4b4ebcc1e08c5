// `divlab metrics FILE [--base e|2] [--json]` on a joint scenario: the quantities of SPEC §5.
#include "cli/metrics_joint.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "cli/common.hpp"
#include "divlab/measures/joint.hpp"
#include "divlab/teaching/joint_explain.hpp"
#include "export/metrics_table.hpp"

namespace divlab::cli {

namespace {

using exporting::display_width;
using exporting::human_number;

// The table's name for each quantity, in kJointQuantities order.

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return s + std::string(w < width ? width - w : 0, ' ');
}

std::string json_output(const JointMeasures& m) {
  std::string out = "{\n  \"base\": " + json_string(to_name(m.base));
  for (const JointQuantity& q : kJointQuantities) out += ",\n  " + json_string(q.key) + ": " + json_number(m.*q.value);
  out += "\n}\n";
  return out;
}

std::string table_output(const Scenario& s, const JointMeasures& m, const std::string& file) {
  std::string out;
  if (s.title) out += terminal_safe(*s.title) + "\n";
  out += terminal_safe(file) + " · joint, " + std::to_string(s.joint.mass.size()) + " × " + std::to_string(s.joint.mass[0].size()) +
         " table · base " + std::string(to_name(m.base)) + " (" + std::string(base_unit(m.base)) + ")\n\n";
  std::vector<std::array<std::string, 4>> cells;
  cells.push_back({"symbol", "quantity", "value", "unit"});
  for (std::size_t i = 0; i < kJointQuantities.size(); ++i) {
    const JointQuantity& q = kJointQuantities[i];
    cells.push_back({std::string(q.symbol), std::string(joint_explanation(q.key)->name), human_number(m.*q.value), std::string(base_unit(m.base))});
  }
  std::array<std::size_t, 4> width{};
  for (const auto& c : cells)
    for (std::size_t k = 0; k < width.size(); ++k) width[k] = std::max(width[k], display_width(c[k]));
  for (const auto& c : cells) {
    std::string line = "  " + pad(c[0], width[0]) + "  " + pad(c[1], width[1]) + "  " + pad(c[2], width[2]) + "  " + c[3];
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string joint_metrics_output(const Scenario& s, Base base, bool json, const std::string& file) {
  const JointMeasures m = measure_joint(s.joint.mass, base);
  return json ? json_output(m) : table_output(s, m, file);
}

}  // namespace divlab::cli

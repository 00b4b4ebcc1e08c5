// The Explain panel's text for the quantities of SPEC §1: their definitions with live sentences, how they
// relate, and why ∞ happens, with the current numbers. Pure text: no ImGui; the app only draws it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "divlab/measures/quantities.hpp"

namespace divlab {

// The words of each quantity (symbol, name, formula, meaning, properties, live sentence) are the
// registry's: measures/quantities.hpp. Explain adds how they relate.
using ExplainContext = QuantityContext;

// The Explain panel's content: titled sections of paragraphs, with current numbers filled in.
struct ExplainSection {
  std::string title;
  std::vector<std::string> paragraphs;
};
std::vector<ExplainSection> explain_sections(const Measures& m, ExplainContext ctx = {});

}  // namespace divlab

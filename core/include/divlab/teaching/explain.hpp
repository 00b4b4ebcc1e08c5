// Teaching text for every quantity of SPEC §1: symbol, formula, meaning, properties, and a live
// sentence built from the current Measures. Pure text: no ImGui; the app only draws these strings.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "divlab/measures/measures.hpp"

namespace divlab {

// The fixed description of one SPEC §1 key (all strings UTF-8, static storage).
struct Explanation {
  std::string_view key;         // JSON key, e.g. "kl_pq"
  std::string_view symbol;      // "D(P‖Q)"
  std::string_view name;        // "Kullback–Leibler divergence of Q from P (forward KL)"
  std::string_view formula;     // "∑ p log(p/q)"
  std::string_view meaning;     // one or two sentences in plain words
  std::string_view properties;  // symmetric? bounded (by what)? a metric?
  QuantityUnit unit = QuantityUnit::information;  // as the sentences word it (√JSD: a bare number)
  bool symmetric = false;
  bool bounded = false;  // bounded above for every pair (P, Q)
  bool metric = false;   // a distance: symmetric, zero only for P = Q, triangle inequality
};

// What the sentences need besides the numbers: continuous densities change some wording
// (differential entropy, perplexity as an interval length).
struct ExplainContext {
  bool continuous = false;
};

// One entry per SPEC §1 key, in SPEC order.
std::span<const Explanation> explanations();
// The entry for `key`, or nullptr for an unknown key.
const Explanation* find_explanation(std::string_view key);

// The value of SPEC key `key` in m (in m.base), or nullopt for an unknown key.
std::optional<double> measure_value(const Measures& m, std::string_view key);

// A number for a sentence: 3 significant digits ("0.42", "3.2", "690.8", "1.2e-05"), "∞" for +∞.
std::string format_number(double v);
// A number with its unit: "0.42 bits", "1 bit", "∞ nats", "0.3 √bits", "0.8 (units of x)", "3.2".
std::string format_quantity(double v, QuantityUnit unit, Base base);

// The live sentence for `key` with the current values, e.g. for kl_pq in bits:
//   "Coding samples of P with a code built for Q costs 0.42 extra bits per symbol."
// ∞ values say why (from Measures' why_* reasons). Empty for an unknown key.
std::string live_sentence(std::string_view key, const Measures& m, ExplainContext ctx = {});

// The Explain panel's content: titled sections of paragraphs, with current numbers filled in.
struct ExplainSection {
  std::string title;
  std::vector<std::string> paragraphs;
};
std::vector<ExplainSection> explain_sections(const Measures& m, ExplainContext ctx = {});

}  // namespace divlab

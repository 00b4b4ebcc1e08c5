// What each number of the coding lab (SPEC §6) means, for hover help and the CLI table: symbol, name,
// formula, meaning, and a sentence with the current values; and the lab's honest account of why
// Huffman's extra bits are not D(P‖Q) (and when they are).
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "divlab/coding/codes.hpp"

namespace divlab {

struct CodingExplanation {
  std::string_view key;  // a `divlab code --json` key, or kl_p_code_q / extra_bits
  std::string_view symbol;
  std::string_view name;
  std::string_view formula;
  std::string_view meaning;
  double CodeComparison::*value;  // nullptr for extra_bits (a difference)
};

// The four numbers of the lab, then the others of SPEC §6.
std::span<const CodingExplanation> coding_explanations();
const CodingExplanation* coding_explanation(std::string_view key);
// The value of `key` in `c` (extra_bits included).
double coding_value(std::string_view key, const CodeComparison& c);
// The live sentence for `key` with the values of `c` (bits).
std::string coding_sentence(std::string_view key, const CodeComparison& c);
// Why the extra bits of Q's Huffman code differ from D(P‖Q) here, and when they would not.
std::string huffman_vs_kl_sentence(const CodeComparison& c);

}  // namespace divlab

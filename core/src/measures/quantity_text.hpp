// Text helpers shared by the registry's live sentences (quantities.cpp) and the Explain panel's
// sections (teaching/explain.cpp).
#pragma once
#include <string>
#include <string_view>

#include "divlab/measures/quantities.hpp"

namespace divlab::text {

// Information with its unit: "0.42 bits", "1 nat".
std::string info(double v, Base b);
// 100·v as a percentage with 3 significant digits.
std::string percent(double v);
// log_b 2: the maximum of JSD.
double log_b_2(Base b);
// "<text>." without doubling a final period (reasons may end with one).
std::string sentence_end(std::string text);
// Why a quantity is ∞: the analysed reason, or a generic one when the reason is missing.
// `zero_side` is the distribution that gives zero (or has the lighter tails).
std::string why_text(const WhyInfinite& why, std::string_view zero_side, std::string_view mass_side);
// The registry's symbol for `key` ("D(P‖Q)").
std::string_view symbol(std::string_view key);

}  // namespace divlab::text

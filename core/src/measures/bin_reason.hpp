// Naming the bins that make a discrete quantity ∞ (measures.hpp's WhyInfinite). Internal to divlab_core.
#pragma once
#include <cstdio>
#include <span>
#include <string>

#include "divlab/measures/measures.hpp"

namespace divlab::detail {

// How bin i is named in a reason: its label, else its position x, else its index.
inline std::string bin_name(size_t i, std::span<const double> x, std::span<const std::string> labels) {
  if (i < labels.size() && !labels[i].empty()) return "'" + labels[i] + "'";
  char buf[64];
  if (i < x.size())
    std::snprintf(buf, sizeof buf, "x = %.17g", x[i]);
  else
    std::snprintf(buf, sizeof buf, "x = %zu", i);
  return buf;
}

// "Q = 0 at 'tails' where P > 0" (+ how many more such bins).
inline WhyInfinite support_reason(const char* zero, const char* pos, size_t first, size_t count,
                                  std::span<const double> x, std::span<const std::string> labels) {
  std::string r = std::string(zero) + " = 0 at " + bin_name(first, x, labels) + " where " + pos + " > 0";
  if (count > 1) r += " (and " + std::to_string(count - 1) + (count == 2 ? " other bin)" : " other bins)");
  return {WhyInfinite::Cause::support, r};
}

}  // namespace divlab::detail

// A stable least-significant-digit radix sort of (position, value) pairs by position: the
// discrete W₁ with unsorted support positions spends most of its time sorting, and for 10⁶ bins
// this is ~2× std::stable_sort of an index (and needs no random gathers afterwards).
// Internal to divlab_core.
#pragma once
#include <span>

namespace divlab::detail {

struct PositionedValue {
  double x, value;
};

// Sorts by x ascending (−0.0 before +0.0; equal x keep their order). x must not be NaN.
void radix_sort_by_x(std::span<PositionedValue> items);

}  // namespace divlab::detail

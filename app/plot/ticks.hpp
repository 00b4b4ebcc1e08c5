// "Nice" axis ticks: round numbers (1, 2, 5 × 10^k) covering a range.
#pragma once
#include <string>
#include <vector>

namespace divlab::plot {

struct Ticks {
  std::vector<double> values;
  double step = 1;
};

// About `target` ticks inside [lo, hi] at multiples of a 1-2-5 step.
Ticks nice_ticks(double lo, double hi, int target = 6);
// Label for a tick value with just enough decimals for `step` (no "-0", no trailing noise).
std::string tick_label(double value, double step);

}  // namespace divlab::plot

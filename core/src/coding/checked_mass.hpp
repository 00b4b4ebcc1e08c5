// The coding module's precondition on masses (finite, ≥ 0, not all 0, at least one), checked, then
// normalised by core's normalised(). Internal to divlab_core.
#pragma once
#include <cmath>
#include <span>
#include <stdexcept>
#include <vector>

#include "divlab/distributions/distribution.hpp"

namespace divlab::detail {

inline std::vector<double> checked_normalised(std::span<const double> mass) {
  if (mass.empty()) throw std::invalid_argument("a code needs at least one symbol");
  bool any = false;
  for (double m : mass) {
    if (!std::isfinite(m) || m < 0) throw std::invalid_argument("masses must be finite numbers >= 0");
    any = any || m > 0;
  }
  if (!any) throw std::invalid_argument("masses must not all be 0");
  return normalised(mass);
}

}  // namespace divlab::detail

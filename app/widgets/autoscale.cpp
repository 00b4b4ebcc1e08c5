#include "widgets/autoscale.hpp"

#include <algorithm>
#include <cmath>

namespace divlab::gui {

void AutoRange::snap(plot::Range target) {
  current = plot::fix_range(target);
  initialised = true;
}

void AutoRange::update(plot::Range target, bool holding, float dt) {
  target = plot::fix_range(target);
  if (!initialised) return snap(target);
  if (holding) {  // grow only: the bar under the cursor must not move while it is dragged
    current.lo = std::min(current.lo, target.lo);
    current.hi = std::max(current.hi, target.hi);
    return;
  }
  // Exponential easing with a ~0.12 s time constant; snap when close.
  const double k = 1.0 - std::exp(-std::max(0.0f, dt) / 0.12);
  current.lo += (target.lo - current.lo) * k;
  current.hi += (target.hi - current.hi) * k;
  const double span = target.hi - target.lo;
  if (std::abs(current.lo - target.lo) < 1e-3 * span && std::abs(current.hi - target.hi) < 1e-3 * span)
    current = target;
}

}  // namespace divlab::gui

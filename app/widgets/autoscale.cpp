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
  // Frozen for the whole drag: the value under a pixel must not change while the hand holds still
  // (a range that grew under a bar pushed to the top would map the same pixel higher every frame).
  if (holding) return;
  // Exponential easing with a ~0.12 s time constant; snap when close.
  const double k = 1.0 - std::exp(-std::max(0.0f, dt) / 0.12);
  current.lo += (target.lo - current.lo) * k;
  current.hi += (target.hi - current.hi) * k;
  const double span = target.hi - target.lo;
  if (std::abs(current.lo - target.lo) < 1e-3 * span && std::abs(current.hi - target.hi) < 1e-3 * span)
    current = target;
}

}  // namespace divlab::gui

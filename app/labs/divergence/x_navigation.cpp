// Mouse navigation of the x-linked plots: wheel zooms around the cursor, right-drag pans.
#include <algorithm>
#include <cmath>

#include "labs/divergence/panels.hpp"

namespace divlab::gui {

void handle_x_navigation(DivergenceLab& lab, const PlotArea& area, const plot::Axes& axes) {
  const ImGuiIO& io = ImGui::GetIO();
  plot::Range v = axes.x;
  bool changed = false;
  if (area.hovered && io.MouseWheel != 0 && axes.plot.contains({area.mouse.x, area.mouse.y})) {
    const double at = axes.data_x(area.mouse.x);
    const double f = std::pow(0.85, static_cast<double>(io.MouseWheel));
    v = {at + (v.lo - at) * f, at + (v.hi - at) * f};
    changed = true;
  }
  if (area.right_active && io.MouseDelta.x != 0) {
    const double dx = io.MouseDelta.x / std::max(1.0f, axes.plot.width()) * (v.hi - v.lo);
    v = {v.lo - dx, v.hi - dx};
    changed = true;
  }
  if (area.double_clicked && lab.sculpt.mode == SculptState::Mode::none) {
    lab.x_zoomed = false;
    return;
  }
  if (changed) {
    const double span = std::clamp(v.hi - v.lo, 1e-6, 1e6);
    const double mid = 0.5 * (v.lo + v.hi);
    lab.x_view = {mid - span / 2, mid + span / 2};
    lab.x_zoomed = true;
  }
}

}  // namespace divlab::gui

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
  // Right-drag pans by the distance from where the button went down (not by io.MouseDelta, which on
  // the press frame holds whatever jump the pointer made before it: a click after a fast move would pan).
  SculptState& st = lab.sculpt;
  if (area.right_active && !st.panning) {
    st.panning = true;
    st.pan_anchor_px = area.mouse.x;
    st.pan_anchor_range = v;
  } else if (area.right_active) {
    const plot::Range r = st.pan_anchor_range;
    const double dx = (area.mouse.x - st.pan_anchor_px) / std::max(1.0f, axes.plot.width()) * (r.hi - r.lo);
    if (dx != 0 || v.lo != r.lo - dx) {
      v = {r.lo - dx, r.hi - dx};
      changed = true;
    }
  }
  // (Three plots call this each frame; only the one the button went down on is right_active.)
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Right)) st.panning = false;
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

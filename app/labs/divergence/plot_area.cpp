#include <algorithm>
#include <cmath>

#include "labs/divergence/panels.hpp"

namespace divlab::gui {

PlotArea plot_area(const char* id, float height) {
  PlotArea a;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  if (height > 0) avail.y = height;
  avail.x = std::max(avail.x, 40.0f);
  avail.y = std::max(avail.y, 40.0f);
  ImGui::InvisibleButton(id, avail, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  a.rect = {pos.x, pos.y, pos.x + avail.x, pos.y + avail.y};
  a.hovered = ImGui::IsItemHovered();
  a.active = ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
  a.right_active = ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Right);
  a.clicked = ImGui::IsItemActivated() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
  a.double_clicked = a.hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  a.mouse = ImGui::GetIO().MousePos;
  return a;
}

ImGuiCanvas make_canvas(const App& app, const PlotArea& area) {
  return ImGuiCanvas(ImGui::GetWindowDrawList(), app.fonts.regular, app.fonts.bold, area.rect,
                     current_theme(app).background);
}

void handle_x_navigation(App& app, const PlotArea& area, const plot::Axes& axes) {
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
  if (area.double_clicked && app.sculpt.mode == SculptState::Mode::none) {
    app.x_zoomed = false;
    return;
  }
  if (changed) {
    const double span = std::clamp(v.hi - v.lo, 1e-6, 1e6);
    const double mid = 0.5 * (v.lo + v.hi);
    app.x_view = {mid - span / 2, mid + span / 2};
    app.x_zoomed = true;
  }
}

}  // namespace divlab::gui

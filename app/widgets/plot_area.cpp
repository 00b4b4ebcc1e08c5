#include "widgets/plot_area.hpp"

#include <imgui_internal.h>

#include <algorithm>

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
  if (plot_observer) {
    const ImRect clip = ImGui::GetCurrentWindowRead()->ClipRect;
    const plot::Rect visible{std::max(a.rect.x0, clip.Min.x), std::max(a.rect.y0, clip.Min.y),
                             std::min(a.rect.x1, clip.Max.x), std::min(a.rect.y1, clip.Max.y)};
    plot_observer(id, a.rect, visible);
  }
  return a;
}

}  // namespace divlab::gui

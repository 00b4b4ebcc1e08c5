#include "shell/export_menu.hpp"

#include <imgui.h>

#include <filesystem>

#include "export/metrics_table.hpp"
#include "shell/app.hpp"
#include "shell/export_dialog.hpp"

namespace divlab::gui {

void announce_saved(App& app, const std::string& path) {
  std::error_code ec;
  const std::filesystem::path full = std::filesystem::absolute(path, ec);
  app.notice = "Saved " + (ec ? path : full.lexically_normal().string());
  app.toast = app.notice;
  app.toast_left = kToastSeconds;
}

std::string export_figure(App& app, const plot::FigureSource& source, const std::string& path,
                          const exporting::RenderRequest& request) {
  const exporting::RenderResult r = exporting::render_source(source, path, request);
  if (!r.ok()) return r.error;
  announce_saved(app, path);
  return {};
}

void export_context_menu(App& app, std::string_view figure, const plot::FigureSource& source, const plot::Rect* area) {
  // Right-drag pans the plots: only a right click that did not drag opens the menu.
  const ImGuiIO& io = ImGui::GetIO();
  const bool dragged = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Right] >= io.MouseDragThreshold * io.MouseDragThreshold;
  const bool inside = !area || area->contains({io.MousePos.x, io.MousePos.y});
  const std::string popup = "export##" + std::string(figure);
  if (inside && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
      !dragged)
    ImGui::OpenPopup(popup.c_str());
  if (!ImGui::BeginPopup(popup.c_str())) return;
  ImGui::TextDisabled("%.*s", static_cast<int>(figure.size()), figure.data());
  ImGui::Separator();
  if (ImGui::MenuItem("Export this figure…")) open_export_dialog(app, figure);
  if (figure == "metrics" && source.data) {
    const plot::FigureData& data = *source.data;
    ImGui::Separator();
    if (ImGui::MenuItem("Copy metrics as CSV")) {
      ImGui::SetClipboardText(exporting::metrics_csv(data.measures, {.continuous = data.kind == Kind::continuous}).c_str());
      app.notice = "metrics copied as CSV";
    }
    if (ImGui::MenuItem("Copy metrics as JSON")) {
      ImGui::SetClipboardText(exporting::metrics_json(data.measures).c_str());
      app.notice = "metrics copied as JSON";
    }
  }
  ImGui::EndPopup();
}

void export_menu(App& app) {
  for (std::string_view name : app.lab().figures()) {
    const plot::FigureSpec* spec = plot::find_figure(name);
    if (!spec) continue;
    const std::string label = std::string(name) + " — " + std::string(spec->title) + "…";
    if (ImGui::MenuItem(label.c_str())) open_export_dialog(app, name);
  }
}

}  // namespace divlab::gui

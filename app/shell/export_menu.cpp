#include "shell/export_menu.hpp"

#include <imgui.h>

#include <ctime>

#include "export/metrics_table.hpp"
#include "export/render_figure.hpp"
#include "shell/app.hpp"
#include "widgets/file_dialog.hpp"

namespace divlab::gui {

std::string export_path(std::string_view figure, std::string_view ext) {
  char stamp[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
  return "divlab-" + std::string(figure) + "-" + stamp + "." + std::string(ext);
}

void export_figure(App& app, std::string_view figure, const plot::FigureSource& source, const std::string& path, double scale,
                   bool transparent) {
  exporting::RenderRequest request;
  request.figure = std::string(figure);
  request.scale = scale;
  request.transparent = transparent;
  request.theme = app.settings.theme;  // the figure as on screen: same data, same theme
  const exporting::RenderResult r = exporting::render_source(source, path, request);
  if (r.ok())
    app.notice = "saved " + path;
  else
    show_error(app.file_error, r.error);
}

void export_context_menu(App& app, std::string_view figure, const plot::FigureSource& source) {
  // Right-drag pans the plots: only a right click that did not drag opens the menu.
  const ImGuiIO& io = ImGui::GetIO();
  const bool dragged = io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Right] >= io.MouseDragThreshold * io.MouseDragThreshold;
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseReleased(ImGuiMouseButton_Right) && !dragged)
    ImGui::OpenPopup("export");
  if (!ImGui::BeginPopup("export")) return;
  ImGui::TextDisabled("Export this figure (%.*s)", static_cast<int>(figure.size()), figure.data());
  ImGui::Separator();
  for (int scale : {1, 2, 3, 4}) {
    const std::string label = "PNG " + std::to_string(scale) + "×";
    if (ImGui::MenuItem(label.c_str())) export_figure(app, figure, source, export_path(figure, "png"), scale, false);
  }
  if (ImGui::MenuItem("PNG 2×, transparent background"))
    export_figure(app, figure, source, export_path(figure, "png"), 2, true);
  if (ImGui::MenuItem("SVG")) export_figure(app, figure, source, export_path(figure, "svg"), 1, false);
  if (ImGui::MenuItem("PDF (selectable text)")) export_figure(app, figure, source, export_path(figure, "pdf"), 1, false);
  const plot::FigureSpec* spec = plot::find_figure(figure);
  if (spec && spec->has_data_export && ImGui::MenuItem("CSV of the plotted data"))
    export_figure(app, figure, source, export_path(figure, "csv"), 1, false);
  if (figure == "metrics" && source.data) {
    const plot::FigureData& data = *source.data;
    ImGui::Separator();
    if (ImGui::MenuItem("LaTeX table (booktabs)")) export_figure(app, figure, source, export_path(figure, "tex"), 1, false);
    if (ImGui::MenuItem("Copy metrics as CSV")) {
      ImGui::SetClipboardText(exporting::metrics_csv(data.measures).c_str());
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
  const Lab& lab = app.lab();
  for (std::string_view name : lab.figures()) {
    const plot::FigureSpec* spec = plot::find_figure(name);
    if (!spec) continue;
    const std::string label = std::string(name) + " — " + std::string(spec->title);
    if (!ImGui::BeginMenu(label.c_str())) continue;
    if (ImGui::MenuItem("PNG 2×")) export_figure(app, name, lab.figure_source(), export_path(name, "png"), 2, false);
    if (ImGui::MenuItem("SVG")) export_figure(app, name, lab.figure_source(), export_path(name, "svg"), 1, false);
    if (ImGui::MenuItem("PDF")) export_figure(app, name, lab.figure_source(), export_path(name, "pdf"), 1, false);
    ImGui::EndMenu();
  }
}

}  // namespace divlab::gui

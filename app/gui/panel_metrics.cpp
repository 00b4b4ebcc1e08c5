// Every SPEC §1 quantity: symbol, value and unit, ∞ with its reason, the formula on hover; below
// them the forward-vs-reverse KL bar chart.
#include <cmath>

#include "gui/metric_rows.hpp"
#include "gui/metric_tooltip.hpp"
#include "gui/panels.hpp"

namespace divlab::gui {

namespace {
plot::Color tint_color(const plot::Theme& t, Tint k) {
  switch (k) {
    case Tint::p: return t.p;
    case Tint::q: return t.q;
    case Tint::m: return t.m;
    default: return t.text;
  }
}
}  // namespace

void panel_metrics(App& app) {
  const plot::Theme t = current_theme(app);
  const auto rows = metric_rows(app.data.measures, app.data.kind == Kind::discrete);
  const float table_h = ImGui::GetContentRegionAvail().y * 0.64f;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("metrics", 3, flags, {0, table_h})) {
    ImGui::TableSetupColumn("symbol", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    for (const auto& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushFont(app.fonts.bold);
      ImGui::TextColored(to_imvec4(tint_color(t, r.tint)), "%s", r.symbol.c_str());
      ImGui::PopFont();
      const bool hovered_symbol = ImGui::IsItemHovered();
      ImGui::TableNextColumn();
      const bool inf = !std::isfinite(r.value);
      const std::string value = plot::format_value(r.value) + (inf || r.unit.empty() ? "" : " " + r.unit);
      if (inf) {
        ImGui::PushFont(app.fonts.bold);
        ImGui::TextColored(to_imvec4(t.infinite), "∞");
        ImGui::PopFont();
      } else {
        ImGui::TextUnformatted(value.c_str());
      }
      const bool hovered_value = ImGui::IsItemHovered();
      ImGui::TableNextColumn();
      if (inf)
        ImGui::TextColored(to_imvec4(t.infinite), "%s", r.why_infinite.c_str());
      else
        ImGui::TextDisabled("%s", r.name.c_str());
      const bool hovered_name = ImGui::IsItemHovered();
      if (hovered_symbol || hovered_value || hovered_name)
        draw_metric_tooltip(r.key, app.data.measures, {.continuous = app.data.kind == Kind::continuous});
    }
    ImGui::EndTable();
  }
  const PlotArea area = plot_area("##klbars");
  ImGuiCanvas canvas = make_canvas(app, area);
  plot::FigureOptions o;
  o.title = true;
  plot::figure_metrics(canvas, t, area.rect, app.data, o);
}

}  // namespace divlab::gui

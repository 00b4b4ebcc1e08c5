// Every SPEC §1 quantity: symbol, value and unit, ∞ with its reason, the formula on hover; below
// them the forward-vs-reverse KL bar chart.
#include <algorithm>
#include <cmath>

#include "labs/divergence/metric_rows.hpp"
#include "widgets/metric_tooltip.hpp"
#include "labs/divergence/panels.hpp"

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

void panel_metrics(App& app, DivergenceLab& lab) {
  const plot::Theme t = current_theme(app);
  const auto rows = metric_rows(lab.data.measures, lab.data.kind == Kind::discrete);
  // The KL chart needs some height to be readable; below that the table takes everything.
  const float avail = ImGui::GetContentRegionAvail().y;
  const bool chart = avail > ImGui::GetFontSize() * 22;
  const float table_h = chart ? avail * 0.64f : avail;
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  // Narrow (presentation scale): two columns, the ∞ reason wraps under the value; the name is in the tooltip.
  const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 24;
  auto value_text = [](const MetricRow& r) { return r.text; };
  float value_w = ImGui::CalcTextSize("0.00000 nats").x;  // the widest value ("0.6665 units of x") decides
  for (const auto& r : rows)
    if (std::isfinite(r.value)) value_w = std::max(value_w, ImGui::CalcTextSize(value_text(r).c_str()).x);
  if (ImGui::BeginTable("metrics", narrow ? 2 : 3, flags, {0, table_h})) {
    ImGui::TableSetupColumn("symbol", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("PPL(P,Q)").x * 1.15f);
    ImGui::TableSetupColumn("value", narrow ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed,
                            narrow ? 1.0f : value_w);
    if (!narrow) ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    for (const auto& r : rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushFont(app.fonts.bold);
      ImGui::TextColored(to_imvec4(tint_color(t, r.tint)), "%s", r.symbol.c_str());
      ImGui::PopFont();
      bool hovered = ImGui::IsItemHovered();
      ImGui::TableNextColumn();
      const bool inf = !std::isfinite(r.value);
      if (inf) {
        ImGui::PushFont(app.fonts.bold);
        ImGui::TextColored(to_imvec4(t.infinite), "∞");
        ImGui::PopFont();
        hovered |= ImGui::IsItemHovered();
        if (!narrow) ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, to_imvec4(t.infinite));
        ImGui::TextWrapped("%s", r.why_infinite.c_str());  // the reason, wrapped inside its column
        ImGui::PopStyleColor();
        hovered |= ImGui::IsItemHovered();
      } else {
        ImGui::TextUnformatted(value_text(r).c_str());
        hovered |= ImGui::IsItemHovered();
        if (!narrow) {
          ImGui::TableNextColumn();
          ImGui::TextDisabled("%s", r.name.c_str());
          hovered |= ImGui::IsItemHovered();
        }
      }
      if (hovered) draw_metric_tooltip(r.key, lab.data.measures, {.continuous = lab.data.kind == Kind::continuous});
    }
    ImGui::EndTable();
  }
  if (!chart) return;
  const PlotArea area = plot_area("##klbars");
  ImGuiCanvas canvas = make_canvas(app, area);
  plot::FigureOptions o;
  o.title = true;
  plot::figure_metrics(canvas, t, area.rect, lab.data, o);
}

}  // namespace divlab::gui

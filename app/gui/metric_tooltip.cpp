#include "gui/metric_tooltip.hpp"

#include <imgui.h>

#include <string>

namespace divlab::gui {

namespace {

void text(std::string_view s) { ImGui::TextUnformatted(s.data(), s.data() + s.size()); }

}  // namespace

void draw_metric_tooltip(std::string_view key, const Measures& m, ExplainContext ctx) {
  const Explanation* e = find_explanation(key);
  if (!e) return;
  const std::optional<double> value = measure_value(m, key);
  ImGui::BeginTooltip();
  // Wide enough for a formula on one line, narrow enough to read at a glance.
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
  const std::string head = std::string(e->symbol) + " = " + format_quantity(*value, e->unit, m.base);
  text(head);
  ImGui::SameLine();
  ImGui::TextDisabled("%.*s", static_cast<int>(e->name.size()), e->name.data());
  ImGui::Separator();
  text(e->formula);
  ImGui::Spacing();
  text(e->meaning);
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text(e->properties);
  ImGui::PopStyleColor();
  ImGui::Separator();
  text(live_sentence(key, m, ctx));
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

bool metric_tooltip_if_hovered(std::string_view key, const Measures& m, ExplainContext ctx) {
  if (!ImGui::IsItemHovered()) return false;
  draw_metric_tooltip(key, m, ctx);
  return true;
}

}  // namespace divlab::gui

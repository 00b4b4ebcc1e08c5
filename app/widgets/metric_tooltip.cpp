#include "widgets/metric_tooltip.hpp"

#include <imgui.h>

#include <string>

namespace divlab::gui {

void text_wrapped(std::string_view text, float width) {
  const float space = ImGui::CalcTextSize(" ").x;
  size_t line_start = 0, line_end = 0;  // the current line is text[line_start, line_end)
  float line_width = 0;
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    const float w = ImGui::CalcTextSize(text.data() + i, text.data() + j).x;
    if (line_end > line_start && line_width + space + w > width) {
      ImGui::TextUnformatted(text.data() + line_start, text.data() + line_end);
      line_start = i;
      line_width = w;
    } else {
      line_width += (line_end > line_start ? space : 0.0f) + w;
    }
    line_end = j;
    i = j + 1;
  }
  ImGui::TextUnformatted(text.data() + line_start, text.data() + line_end);
}

void draw_metric_tooltip(std::string_view key, const Measures& m, QuantityContext ctx) {
  const Quantity* e = find_quantity(key);
  if (!e) return;
  ImGui::BeginTooltip();
  // Wide enough for a formula on one line, narrow enough to read at a glance.
  const float width = ImGui::GetFontSize() * 30.0f;
  // Symbol = value and name; the formula; the sentence with today's numbers; then the background.
  text_wrapped(std::string(e->symbol) + " = " + shown_quantity(*e, m, ctx), width);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_wrapped(e->name, width);
  ImGui::PopStyleColor();
  ImGui::Separator();
  text_wrapped(e->formula, width);
  ImGui::Spacing();
  text_wrapped(e->sentence(m, ctx), width);
  ImGui::Separator();
  text_wrapped(e->meaning, width);
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_wrapped(e->properties, width);
  ImGui::PopStyleColor();
  ImGui::EndTooltip();
}

bool metric_tooltip_if_hovered(std::string_view key, const Measures& m, QuantityContext ctx) {
  if (!ImGui::IsItemHovered()) return false;
  draw_metric_tooltip(key, m, ctx);
  return true;
}

void explanation_tooltip(std::string_view formula, std::string_view meaning, std::string_view sentence) {
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
  ImGui::TextUnformatted(formula.data(), formula.data() + formula.size());
  ImGui::Separator();
  ImGui::TextUnformatted(meaning.data(), meaning.data() + meaning.size());
  ImGui::Spacing();
  ImGui::TextUnformatted(sentence.data(), sentence.data() + sentence.size());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

}  // namespace divlab::gui

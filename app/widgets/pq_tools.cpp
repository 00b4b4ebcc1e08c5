#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "widgets/pq_tools.hpp"

#include "divlab/document/document.hpp"
#include "plot/axes.hpp"
#include "widgets/imgui_canvas.hpp"
#include "widgets/typed_field.hpp"

namespace divlab::gui {

namespace {

// The last item's centre under `name` (PqTools::fields).
void remember(PqTools& tools, const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  tools.fields[name] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
}

// A full-width row of n equal buttons starts with this width each.
float row_width(int n) {
  const float avail = ImGui::GetContentRegionAvail().x;
  return (avail - ImGui::GetStyle().ItemSpacing.x * static_cast<float>(n - 1)) / static_cast<float>(n);
}

bool tool_button(const char* label, float w, const char* tip) {
  const bool clicked = ImGui::Button(label, {w, 0});
  if (tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
  return clicked;
}

void target_selector(const PqEditor& ed, const plot::Theme& t) {
  const float w = row_width(2);
  for (Which w_ : {Which::p, Which::q}) {
    const bool on = ed.tools.target == w_;
    const plot::Color c = w_ == Which::p ? t.p : t.q;
    ImGui::PushStyleColor(ImGuiCol_Button, to_imvec4(on ? c : c.with_alpha(0.18f)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_imvec4(c.with_alpha(on ? 0.9f : 0.35f)));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_imvec4(c));
    ImGui::PushStyleColor(ImGuiCol_Text, on ? ImVec4{1, 1, 1, 1} : to_imvec4(t.text));
    if (ImGui::Button(w_ == Which::p ? "Edit P###tp" : "Edit Q###tq", {w, 0})) ed.tools.target = w_;
    ImGui::PopStyleColor(4);
    if (w_ == Which::p) ImGui::SameLine();
  }
}

void discrete_tools(const PqEditor& ed) {
  Document& d = ed.doc;
  const Which w = ed.tools.target;
  const float w3 = row_width(3);
  if (tool_button("Uniform", w3, "Every bin equally likely (U)")) d.uniform(w);
  ImGui::SameLine();
  if (tool_button("Sharpen", w3, "p_i ∝ p_i^(1/T) with T < 1: mass moves to the likely bins")) d.temper(w, ed.tools.temperature);
  ImGui::SameLine();
  if (tool_button("Flatten", w3, "p_i ∝ p_i^T with T < 1: towards uniform")) d.temper(w, 1.0 / ed.tools.temperature);
  ImGui::SetNextItemWidth(-1);
  const double t0 = 0.2, t1 = 0.98;
  ImGui::SliderScalar("##T", ImGuiDataType_Double, &ed.tools.temperature, &t0, &t1, "temperature T = %.2f");
  const float w2 = row_width(2);
  if (tool_button("Smooth by ε", w2, "Label smoothing: p ← (1−ε)·p + ε/N")) d.smooth(w, ed.tools.epsilon);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(w2);
  const double e0 = 0, e1 = 0.5;
  ImGui::SliderScalar("##eps", ImGuiDataType_Double, &ed.tools.epsilon, &e0, &e1, "ε = %.3f");
  const float w4 = row_width(4);
  if (tool_button("◀ Shift", w4, "Move every bin one step left, cyclically (←)")) d.shift(w, -1);
  ImGui::SameLine();
  if (tool_button("Shift ▶", w4, "Move every bin one step right, cyclically (→)")) d.shift(w, +1);
  ImGui::SameLine();
  if (tool_button("Flip", w4, "Reverse the order of the bins")) d.flip(w);
  ImGui::SameLine();
  if (tool_button("Random", w4, "A Dirichlet(α) sample; small α gives spiky distributions"))
    d.dirichlet(w, ed.tools.alpha, ed.tools.seed++);
  ImGui::SetNextItemWidth(-1);
  const double a0 = 0.05, a1 = 10;
  ImGui::SliderScalar("##alpha", ImGuiDataType_Double, &ed.tools.alpha, &a0, &a1, "Dirichlet α = %.2f",
                      ImGuiSliderFlags_Logarithmic);
  int n = d.bins();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Bins N");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputInt("##N", &n, 1, 8)) d.set_bins(std::clamp(n, kMinBins, kMaxBins));
}

void common_tools(const PqEditor& ed) {
  Document& d = ed.doc;
  const float w3 = row_width(3);
  if (!ed.tools.p_only) {
    if (tool_button("Copy P → Q", w3, "Q becomes P: every divergence drops to 0")) d.copy_p_to_q();
    ImGui::SameLine();
    if (tool_button("Swap P ↔ Q", w3, "Exchange P and Q: forward and reverse KL trade places")) d.swap_p_q();
    ImGui::SameLine();
  }
  ImGui::BeginDisabled(!d.can_undo());
  if (tool_button("Undo", row_width(2) , "Ctrl+Z")) d.undo();
  ImGui::EndDisabled();
}

void values_table(const PqEditor& ed, const plot::Theme& t, float height) {
  Document& d = ed.doc;
  const int n = d.bins();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("values", 4, flags, {0, height > 0 ? height : ImGui::GetContentRegionAvail().y})) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 1.8f);
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthStretch, 1.2f);
  ImGui::TableSetupColumn("P", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Q", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clip;
  clip.Begin(n);
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      ImGui::PushID(i);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%d", i);
      ImGui::TableNextColumn();
      std::string label = i < static_cast<int>(d.scenario().labels.size()) ? d.scenario().labels[static_cast<std::size_t>(i)] : "";
      ImGui::SetNextItemWidth(-1);
      if (ImGui::InputText("##l", &label, ImGuiInputTextFlags_EnterReturnsTrue) || ImGui::IsItemDeactivatedAfterEdit())
        d.set_label(i, label);
      for (Which w : {Which::p, Which::q}) {
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, to_imvec4(w == Which::p ? t.p : t.q));
        const char* name = w == Which::p ? "P" : "Q";
        if (const auto v = typed_double(w == Which::p ? "##p" : "##q", d.probability(w, i), -1, ed.tools.typing)) {
          // A probability, not a count: 12 is refused and said, never clamped to 1 (every other bin 0).
          if (*v >= 0 && *v <= 1) {
            d.set_probability(w, i, *v);
            ed.tools.refused.clear();
          } else {
            ed.tools.refused = std::string(name) + "(" + std::to_string(i) + ") = " + plot::format_value(*v) +
                               " not applied: a probability is between 0 and 1 (the other bins share the rest).";
          }
        }
        ImGui::PopStyleColor();
        std::string key = w == Which::p ? "p" : "q";
        key += std::to_string(i);
        remember(ed.tools, key);
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("%s(bin %d), a probability in [0, 1]: typing one rescales the other bins to share the rest", name, i);
      }
      ImGui::PopID();
    }
  }
  ImGui::EndTable();
}

// A refused typed value, in words, under the table.
void refused_note(const PqEditor& ed) {
  if (ed.tools.refused.empty()) return;
  ImGui::PushTextWrapPos(0);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4{0.85f, 0.33f, 0.1f, 1});
  ImGui::TextUnformatted(ed.tools.refused.c_str());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

// A component's parameter: the typed value lands in *v when the field loses focus.
bool param(const char* label, double* v, float w, PqTools& tools, const std::string& name) {
  const auto typed = typed_double(label, *v, w, tools.typing);
  remember(tools, name);
  if (typed) *v = *typed;
  return typed.has_value();
}

void components_editor(const PqEditor& ed, const plot::Theme& t) {
  Document& d = ed.doc;
  for (Which w : {Which::p, Which::q}) {
    if (w == Which::q && ed.tools.p_only) break;
    ImGui::PushID(w == Which::p ? "P" : "Q");
    ImGui::PushStyleColor(ImGuiCol_Text, to_imvec4(w == Which::p ? t.p : t.q));
    ImGui::Separator();
    ImGui::TextUnformatted(w == Which::p ? "P: components" : "Q: components");
    ImGui::PopStyleColor();
    const Mixture& m = d.mixture(w);
    const std::string prefix = w == Which::p ? "P " : "Q ";
    {  // column captions for the numeric fields below
      const float fw = ImGui::GetContentRegionAvail().x, pw = (fw - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
      const float x0 = ImGui::GetCursorPosX();
      // Narrow (a sidebar at presentation scale): short captions rather than overlapping ones.
      const char* long_caps[4] = {"weight", "mean|low", "scale|high", "df"};
      const char* short_caps[4] = {"w", "μ|lo", "σ|hi", "df"};
      bool fits = true;
      for (const char* c : long_caps) fits = fits && ImGui::CalcTextSize(c).x <= pw;
      const char* const* caps = fits ? long_caps : short_caps;
      for (int k = 0; k < 4; ++k) {
        if (k > 0) ImGui::SameLine(x0 + static_cast<float>(k) * (pw + ImGui::GetStyle().ItemSpacing.x), 0);
        ImGui::TextDisabled("%s", caps[k]);
      }
    }
    double total = 0;
    for (const auto& c : m.components) total += c.weight;
    for (int i = 0; i < static_cast<int>(m.components.size()); ++i) {
      ImGui::PushID(i);
      Component c = m.components[static_cast<std::size_t>(i)];
      const float fw = ImGui::GetContentRegionAvail().x;
      int fam = static_cast<int>(c.family);
      ImGui::SetNextItemWidth(fw * 0.42f);
      if (ImGui::Combo("##fam", &fam, "normal\0laplace\0student_t\0uniform\0")) d.set_family(w, i, static_cast<Family>(fam));
      ImGui::SameLine(fw - ImGui::GetFrameHeight());
      ImGui::BeginDisabled(m.components.size() <= 1);
      if (ImGui::Button("×", {ImGui::GetFrameHeight(), 0})) d.remove_component(w, i);
      ImGui::EndDisabled();
      const float pw = (fw - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
      // One weight: the component's share π = w / Σw (what the plot's peak height shows). Typing a
      // share keeps the others' ratios: w = π/(1−π)·(Σ others); a lone component is 1.
      const double others = total - c.weight;
      double share = total > 0 ? c.weight / total : 0.0;
      bool changed = false;
      ImGui::BeginDisabled(!(others > 0));
      if (param("##weight", &share, pw, ed.tools, prefix + "weight " + std::to_string(i))) {
        if (share > 0 && share < 1) {
          c.weight = share / (1 - share) * others;
          changed = true;
          ed.tools.refused.clear();
        } else {
          ed.tools.refused = "weight " + plot::format_value(share) + " not applied: a component's share is between 0 and 1.";
        }
      }
      ImGui::EndDisabled();
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("weight: this component's share of the mixture (0 < w < 1, the others keep their ratios)");
      ImGui::SameLine();
      if (c.family == Family::uniform) {
        changed |= param("##low", &c.low, pw, ed.tools, prefix + "low " + std::to_string(i));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("low");
        ImGui::SameLine();
        changed |= param("##high", &c.high, pw, ed.tools, prefix + "high " + std::to_string(i));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("high");
      } else {
        changed |= param("##mean", &c.mean, pw, ed.tools, prefix + "mean " + std::to_string(i));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("mean");
        ImGui::SameLine();
        changed |= param("##scale", &c.scale, pw, ed.tools, prefix + "scale " + std::to_string(i));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(c.family == Family::normal ? "sd" : "scale");
        if (c.family == Family::student_t) {
          ImGui::SameLine();
          changed |= param("##df", &c.df, pw, ed.tools, prefix + "df " + std::to_string(i));
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("degrees of freedom");
        }
      }
      if (changed) d.set_component(w, i, c);
      ImGui::PopID();
    }
    if (ImGui::Button("+ add component", {-1, 0})) {
      Component c = m.components.empty() ? Component{} : m.components.back();
      c.mean += 1.5 * c.scale;
      c.low += 1, c.high += 1;
      c.weight = total > 0 ? total / static_cast<double>(std::max<std::size_t>(1, m.components.size())) : 1;
      d.add_component(w, c);
    }
    ImGui::PopID();
  }
}

// A few lines that tell a newcomer what can be done, under the controls.
void how_to(bool discrete, bool p_only) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushTextWrapPos(0);
  if (p_only)
    ImGui::TextDisabled("P is the target the fits chase: change it here and watch both fits follow. "
                        "Drag the start (○ centre, ◇ width) in the fit plot; Space plays, S steps, R resets.");
  else
  ImGui::TextDisabled(discrete ? "Drag a bar up or down to set its probability (the others keep their ratios). "
                                 "Drag across several bars to paint a shape. Tab switches P/Q, ← → shift, Ctrl+Z undoes. "
                                 "Hover any number for what it means."
                               : "Drag a ● peak to move a component (up/down: its weight), a ◆ shoulder to change its "
                                 "width. Wheel zooms x, right-drag pans. Hover any number for what it means; F1 lists the keys.");
  ImGui::PopTextWrapPos();
}

}  // namespace

void draw_pq_tools(Document& doc, PqTools& tools, const plot::Theme& t) {
  const PqEditor ed{doc, tools};
  tools.fields.clear();
  if (!tools.p_only) {
    target_selector(ed, t);
    ImGui::Spacing();
  }
  if (ed.doc.scenario().kind == Kind::discrete) {
    discrete_tools(ed);
    common_tools(ed);
    ImGui::Spacing();
    const bool small = ed.doc.bins() <= 12;
    if (small) values_table(ed, t, ImGui::GetFrameHeightWithSpacing() * static_cast<float>(ed.doc.bins() + 1.3f));
    refused_note(ed);
    if (small) how_to(true, tools.p_only);
    if (!small) {
      refused_note(ed);
      values_table(ed, t, 0);
    }
  } else {
    common_tools(ed);
    components_editor(ed, t);
    refused_note(ed);
    how_to(false, tools.p_only);
  }
}

}  // namespace divlab::gui

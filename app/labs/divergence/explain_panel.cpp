#include "labs/divergence/explain_panel.hpp"

#include "shell/actions.hpp"

#include <imgui_internal.h>

#include <algorithm>

#include <cmath>
#include <limits>
#include <string>

#include "divlab/teaching/coding_explain.hpp"
#include "widgets/metric_tooltip.hpp"

namespace divlab::gui {

namespace {

// Wrapped to what is left of the window's width (after indentation).
void text(std::string_view s) { text_wrapped(s, ImGui::GetContentRegionAvail().x); }

void definitions(const Measures& m, ExplainContext ctx) {
  for (const Quantity& e : kQuantities) {
    ImGui::PushID(e.key.data(), e.key.data() + e.key.size());
    // "D(P‖Q) = ∑ p log(p/q) = H(P,Q) − H(P)   = 2.33 bits"; hover for the full tooltip.
    ImGui::BeginGroup();
    ImGui::TextUnformatted(e.formula.data(), e.formula.data() + e.formula.size());
    ImGui::SameLine();
    ImGui::TextDisabled("= %s", shown_quantity(e, m, ctx).c_str());  // as the metrics panel shows it
    ImGui::Indent();
    text(e.sentence(m, ctx));
    ImGui::Unindent();
    ImGui::EndGroup();
    metric_tooltip_if_hovered(e.key, m, ctx);
    ImGui::Spacing();
    ImGui::PopID();
  }
}

}  // namespace

void draw_explain_contents(const Measures& m, ExplainContext ctx) {
  ImGui::PushTextWrapPos(0.0f);  // wrap at the window's edge
  ImGui::TextDisabled("Values in %s (base %s). Hover a line for its meaning and properties.",
                      std::string(base_unit(m.base)).c_str(), std::string(to_name(m.base)).c_str());
  const std::vector<ExplainSection> sections = explain_sections(m, ctx);
  for (size_t i = 0; i < sections.size(); ++i) {
    const ExplainSection& s = sections[i];
    // The first two sections start open: definitions and the identities are what students look for.
    if (!ImGui::CollapsingHeader(s.title.c_str(), i < 2 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) continue;
    if (i == 0) {
      definitions(m, ctx);
      continue;
    }
    for (const std::string& p : s.paragraphs) {
      ImGui::Bullet();
      ImGui::BeginGroup();  // a hanging indent: wrapped lines start under the first word
      text(p);
      ImGui::EndGroup();
      ImGui::Spacing();
    }
  }
  ImGui::PopTextWrapPos();
}

void draw_explain_panel(const Measures& m, ExplainContext ctx, bool* open) {
  if (open && !*open) return;
  // A default size, unless the caller (a layout) already chose one. The default always fits the
  // screen (presentation scale on a small projector included) and scrolls: never larger than the
  // display, never placed off it.
  const bool chosen = GImGui->NextWindowData.Flags & ImGuiNextWindowDataFlags_HasSize;
  if (!chosen)
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36.0f, ImGui::GetFontSize() * 40.0f),
                             ImGuiCond_FirstUseEver);
  const ImVec2 display = chosen ? ImVec2{0, 0} : ImGui::GetIO().DisplaySize;
  if (display.x > 0 && display.y > 0)
    ImGui::SetNextWindowSizeConstraints({std::min(200.0f, display.x), std::min(120.0f, display.y)},
                                        {display.x, display.y});
  if (ImGui::Begin(kExplainPanelTitle, open, ImGuiWindowFlags_AlwaysVerticalScrollbar)) {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImVec2 pos{std::clamp(w->Pos.x, 0.0f, std::max(0.0f, display.x - w->Size.x)),
                     std::clamp(w->Pos.y, 0.0f, std::max(0.0f, display.y - w->Size.y))};
    if (display.x > 0 && (pos.x != w->Pos.x || pos.y != w->Pos.y)) ImGui::SetWindowPos(pos);
    draw_explain_contents(m, ctx);
  }
  ImGui::End();
}

void add_teaching_glyphs(ImFontGlyphRangesBuilder& builder, const ActionRegistry& actions) {
  builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
  auto add = [&](std::string_view s) { builder.AddText(s.data(), s.data() + s.size()); };
  for (const Quantity& e : kQuantities) {
    for (std::string_view s : {e.symbol, e.name, e.formula, e.meaning, e.properties}) add(s);
    for (Base b : {Base::e, Base::two}) add(e.unit_in(b));
  }
  // The sentences' templates, through every branch that has its own words: finite and ∞, bits and
  // nats, discrete and continuous.
  Measures finite;
  finite.base = Base::two;
  Measures infinite = finite;
  infinite.base = Base::e;
  const double inf = std::numeric_limits<double>::infinity();
  infinite.kl_pq = infinite.kl_qp = infinite.cross_entropy_pq = infinite.cross_entropy_qp = inf;
  infinite.perplexity_pq = infinite.perplexity_qp = infinite.wasserstein_1 = inf;
  infinite.why_kl_pq.cause = WhyInfinite::Cause::tails;
  infinite.why_kl_qp.cause = WhyInfinite::Cause::support;
  infinite.entropy_p = -1;
  for (const Measures* m : {&finite, &infinite})
    for (bool continuous : {false, true})
      for (const ExplainSection& s : explain_sections(*m, ExplainContext{continuous})) {
        add(s.title);
        for (const std::string& p : s.paragraphs) add(p);
      }
  // The coding lab's explanations and the symbols its panels print (ℓ, ⌈ ⌉, xᵢ, ✓ ✗).
  for (const CodingExplanation& e : coding_explanations())
    for (std::string_view s : {e.symbol, e.name, e.formula, e.meaning}) add(s);
  add("ℓ⌈⌉ᵢ✓✗→…—");
  for (const HelpRow& row : help_rows(actions, "")) {
    add(row.keys);
    add(row.text);
  }
}

}  // namespace divlab::gui

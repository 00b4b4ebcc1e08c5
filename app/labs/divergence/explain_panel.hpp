// The Explain panel: definitions with live values, how the quantities relate, forward vs reverse
// KL, symmetric/bounded/metric, why ∞ happens, and why perplexity is not exp(KL).
#pragma once
#include <imgui.h>

#include "divlab/teaching/explain.hpp"
#include "divlab/measures/measures.hpp"

namespace divlab::gui {

class ActionRegistry;

inline constexpr const char* kExplainPanelTitle = "Explain";

// A window of its own (closable when `open` is given; nothing is drawn while *open is false).
void draw_explain_panel(const Measures& m, ExplainContext ctx = {}, bool* open = nullptr);
// The same content inside the current window or tab (for a docked layout).
void draw_explain_contents(const Measures& m, ExplainContext ctx = {});

// Adds every character the teaching text can draw (∑ ∫ ‖ √ ∞ ₁ ½ − · …, plus the shortcut
// labels) to a glyph-range builder, for the font loader: ImGui 1.86 only rasterises listed ranges.
void add_teaching_glyphs(ImFontGlyphRangesBuilder& builder, const ActionRegistry& actions);

}  // namespace divlab::gui

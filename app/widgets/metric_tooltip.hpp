// Hover help for one quantity: symbol = value, formula, meaning, properties and the live sentence.
#pragma once
#include <string>
#include <string_view>

#include "divlab/measures/quantities.hpp"

namespace divlab::gui {

// Draws the tooltip for SPEC key `key` (e.g. "kl_pq") now. Nothing for an unknown key.
void draw_metric_tooltip(std::string_view key, const Measures& m, QuantityContext ctx = {});

// Call right after the widget that shows the quantity: draws the tooltip when that item is
// hovered. Returns whether it did.
bool metric_tooltip_if_hovered(std::string_view key, const Measures& m, QuantityContext ctx = {});

// A tooltip explaining a quantity of a lab: its formula, a rule, what it means, and the live sentence
// with the current values (the joint and coding labs' hover help).
void explanation_tooltip(std::string_view formula, std::string_view meaning, std::string_view sentence);

// Text wrapped at spaces only, to `width` pixels. (ImGui 1.86 also breaks after '.', which splits
// numbers such as 0.49 across lines.)
void text_wrapped(std::string_view text, float width);

}  // namespace divlab::gui

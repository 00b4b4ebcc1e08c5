// The sculpting sidebar of a P-vs-Q document: edit target, the tools (uniform, sharpen, flatten,
// smooth, shift, random…), N, and the exact values (bins, or mixture components).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <imgui.h>

#include "divlab/document/document.hpp"
#include "plot/theme.hpp"
#include "widgets/typed_field.hpp"

namespace divlab::gui {

// The tools' settings (the user's, per lab).
struct PqTools {
  Which target = Which::p;    // what the tools and ambiguous clicks edit
  double temperature = 0.7;   // sharpen uses it, flatten its inverse
  double epsilon = 0.1;       // label smoothing
  double alpha = 1.0;         // Dirichlet concentration
  std::uint64_t seed = 1;     // advanced by each "random"
  bool p_only = false;        // edit P alone (the fit lab: Q is the fitted model)
  std::optional<TypedValue> typing;  // the number field being typed in (kept until it loses focus)
  std::string refused;        // why the last typed value was not applied ("" when it was)
  // Where the number fields were in the last frame, by name ("p3", "q0", "P weight 1", "P mean 0"):
  // their centres, for tests that click and type like a user.
  std::map<std::string, ImVec2> fields;
};

// The document being edited with those settings.
struct PqEditor {
  Document& doc;
  PqTools& tools;
};

// Draws the sidebar into the current window.
void draw_pq_tools(Document& doc, PqTools& tools, const plot::Theme& theme);

}  // namespace divlab::gui

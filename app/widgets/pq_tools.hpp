// The sculpting sidebar of a P-vs-Q document: edit target, the tools (uniform, sharpen, flatten,
// smooth, shift, random…), N, and the exact values (bins, or mixture components).
#pragma once
#include <cstdint>

#include "divlab/document/document.hpp"
#include "plot/theme.hpp"

namespace divlab::gui {

// The tools' settings (the user's, per lab).
struct PqTools {
  Which target = Which::p;    // what the tools and ambiguous clicks edit
  double temperature = 0.7;   // sharpen uses it, flatten its inverse
  double epsilon = 0.1;       // label smoothing
  double alpha = 1.0;         // Dirichlet concentration
  std::uint64_t seed = 1;     // advanced by each "random"
  bool p_only = false;        // edit P alone (the fit lab: Q is the fitted model)
};

// The document being edited with those settings.
struct PqEditor {
  Document& doc;
  PqTools& tools;
};

// Draws the sidebar into the current window.
void draw_pq_tools(Document& doc, PqTools& tools, const plot::Theme& theme);

}  // namespace divlab::gui

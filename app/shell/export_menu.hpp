// The per-plot export menu: right-click (without dragging) on a plot panel offers PNG at 1–4×
// (optionally transparent), SVG, PDF and CSV of the very figure on screen, drawn by Cairo; the
// metrics panel adds a LaTeX table and CSV/JSON to the clipboard.
#pragma once
#include <string>
#include <string_view>

#include "figures/registry.hpp"

namespace divlab::gui {

struct App;

// Call inside a panel's Begin/End, after its content. `figure` is a `divlab render` figure
// name, drawn from `source` (the figure as on screen).
void export_context_menu(App& app, std::string_view figure, const plot::FigureSource& source);

// Where an export of `figure` with extension `ext` is written: divlab-<figure>-<time>.<ext> in the
// current folder (like F12's window PNG).
std::string export_path(std::string_view figure, std::string_view ext);

// Writes the figure (format by extension of `path`); sets app.notice or shows the error dialog.
// File → Export: every figure of the current lab (Lab::figures()), as PNG 2×, SVG or PDF.
void export_menu(App& app);

void export_figure(App& app, std::string_view figure, const plot::FigureSource& source, const std::string& path,
                   double scale, bool transparent);

}  // namespace divlab::gui

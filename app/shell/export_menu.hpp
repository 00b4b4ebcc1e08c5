// The per-plot export menu: right-click (without dragging) on a plot panel opens the export dialog
// (shell/export_dialog.hpp) on the very figure on screen; the metrics panel adds CSV/JSON to the
// clipboard. And export_figure(), the one writer every export from the GUI goes through.
#pragma once
#include <string>
#include <string_view>

#include "export/render_figure.hpp"
#include "figures/registry.hpp"
#include "plot/axes.hpp"

namespace divlab::gui {

struct App;

// Call inside a panel's Begin/End, after its content. `figure` is a `divlab render` figure
// name (one of the lab's figures()). With `area`, only a right click inside it opens the menu (a
// panel that holds several plots); else anywhere on the window.
void export_context_menu(App& app, std::string_view figure, const plot::FigureSource& source,
                         const plot::Rect* area = nullptr);

// File → Export figure: every figure of the current lab (Lab::figures()), each opening the dialog.
void export_menu(App& app);

// The one writer of the GUI's exports: `request` drawn from `source` into `path` (format by its
// extension; atomic and checked, exporting::render_source). On success the status bar and a toast
// name the written file; returns "" or the one-line error (the caller shows it).
std::string export_figure(App& app, const plot::FigureSource& source, const std::string& path,
                          const exporting::RenderRequest& request);
// Tells the user a file was written (status bar and toast): "Saved <path>".
void announce_saved(App& app, const std::string& path);

}  // namespace divlab::gui

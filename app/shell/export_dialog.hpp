// The export dialog (File → Export figure…, Ctrl+E, a plot's right-click menu) and quick export
// (F12): a figure of the current lab (exactly those of Lab::figures()) into a folder the user
// chose, under a name derived from the document's title and the figure, as PNG, SVG, PDF, or the
// figure's data (CSV, LaTeX), at a size or scale, in the print theme or the screen's. The choices
// are remembered in the app's settings (ExportSettings). Every write goes through export_figure()
// (shell/export_menu.hpp): atomic and checked, the written file named in the status bar.
#pragma once
#include <imgui.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "export/render_figure.hpp"

namespace divlab::gui {

struct App;

inline constexpr const char* kExportDialogTitle = "Export figure";

// The formats `figure` can be written in: png, svg, pdf, then csv (a figure with a data export) and
// tex (the metrics and the code table). Empty for an unknown figure.
std::vector<std::string> export_formats(std::string_view figure);
// "PNG", "SVG", "PDF", "CSV (the plotted data)", "LaTeX table".
std::string format_label(std::string_view format);
// A file name from a document title and a figure: letters, digits, '-', '_' and '.' kept (any
// other run becomes one '-'), no leading dot, at most 100 bytes; "figure" when nothing is left.
// "Fair coin vs rigged coin", "densities" → "Fair-coin-vs-rigged-coin-densities".
std::string sanitize_file_name(std::string_view text);
std::string default_export_name(std::string_view title, std::string_view figure);
// Why `folder` cannot take an export ("" when it can): missing, not a folder, or not writable
// (tried by creating and removing a file in it, so a read-only mount or /proc says no too).
std::string folder_problem(const std::filesystem::path& folder);
// The folder exports go to by default: the remembered one, else the user's documents folder.
std::filesystem::path export_folder(const App& app);
// The theme a format is written in: the remembered choice for it (print when none), "screen"
// resolved to the app's theme.
std::string export_theme_choice(const App& app, std::string_view format);
std::string resolve_export_theme(const App& app, std::string_view choice);

// The dialog's state (App::export_dialog).
struct ExportDialog {
  bool visible = false;    // between open_export_dialog() and Export or Cancel
  bool want_open = false;  // OpenPopup on the next draw
  std::string figure, format, theme;  // theme: print | screen | a theme name
  std::string folder, name;           // name without extension
  int width = 800, height = 480;      // the figure's size in canvas pixels
  float scale = 2;                    // PNG pixel density
  bool transparent = false;
  std::string error;      // shown in the dialog in red (a bad folder, a failed write)
  std::string overwrite;  // the existing file the user is asked to replace
  // Where the last frame put the widgets (tests aim the mouse with these): top-left corners.
  ImVec2 folder_field{}, name_field{}, width_field{}, export_button{}, replace_button{}, cancel_button{};
  std::vector<std::pair<std::string, ImVec2>> format_buttons;  // radio buttons by format
};

// Opens the dialog on `figure` (the lab's remembered figure, else its first, when empty or not the
// lab's), with the remembered folder, format, size and theme and a name from the document's title.
void open_export_dialog(App& app, std::string_view figure = {});
// The path the dialog's choices write: folder / name.format.
std::filesystem::path export_target(const ExportDialog& d);
// Presses Export: checks the folder and name (errors go to d.error), asks before replacing an
// existing file (d.overwrite; pressing Export/Replace again with the same target confirms), writes,
// remembers the choices in the settings (and saves them when App::settings_file is set), and closes.
// True when the file was written.
bool confirm_export(App& app);
void draw_export_dialog(App& app);

// F12: the current lab's remembered figure (else its first) with the remembered choices, without
// the dialog; the dialog opens instead when the target exists (it asks before replacing) or the
// folder cannot take it (it says why).
void quick_export(App& app);

}  // namespace divlab::gui

// What the menu, the shortcut table (gui/shortcuts.hpp) and the toolbar ask for, in one place.
#pragma once
#include <string>

#include "shell/app.hpp"
#include "shell/shortcuts.hpp"

namespace divlab::gui {

void run_action(App& app, ActionId a);
// Opens a scenario file; on failure shows the SPEC §4 message and keeps the current work.
// Opens `path`; with unsaved work it first asks (the "Discard unsaved work?" prompt) unless `discard`.
void open_file(App& app, const std::string& path, bool discard = false);
// Saves to `path` (atomically, through save_scenario); errors go to the error dialog.
void save_file(App& app, const std::string& path);
// The presets of assets/presets, sorted by file name.
std::vector<std::string> preset_paths();
void toggle_presentation(App& app);

}  // namespace divlab::gui

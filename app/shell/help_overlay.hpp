// The F1 help overlay: every keyboard shortcut from the one table in shortcuts.hpp, by group.
#pragma once

namespace divlab::gui {

// Window title, for tests and for focusing it.
inline constexpr const char* kHelpOverlayTitle = "Keyboard shortcuts";

// Draws the overlay while *open; Esc or the close button set *open = false.
void draw_help_overlay(bool* open);

}  // namespace divlab::gui

// The F1 help overlay: the keyboard shortcuts of the shell and the current lab,
// read from the action registry (shell/actions.hpp), by group.
#pragma once

namespace divlab::gui {

struct App;

// Window title, for tests and for focusing it.
inline constexpr const char* kHelpOverlayTitle = "Keyboard shortcuts";

// Draws the overlay while *open; Esc or the close button set *open = false.
void draw_help_overlay(const App& app, bool* open);

}  // namespace divlab::gui

// The one table of keyboard shortcuts: key handling (poll_shortcut) and the F1 help overlay both
// read it, so the overlay lists exactly the shortcuts that exist. Keys are GLFW_KEY_* codes, as
// imgui_impl_glfw stores them in io.KeysDown (ImGui 1.86).
#pragma once
#include <imgui.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace divlab::gui {

// What a shortcut asks the main frame to do.
enum class ActionId {
  help, fullscreen, save_window_png,
  undo, redo, open, save, save_as, quit,
  presentation_mode, cycle_theme, toggle_base, toggle_mixture,
  fit_play_pause, fit_step, reset_view,
  preset_1, preset_2, preset_3, preset_4, preset_5, preset_6, preset_7, preset_8,
  switch_target, shift_left, shift_right, make_uniform,
};

// Modifier bits; a shortcut fires only when exactly its modifiers are held.
enum Modifier : unsigned { kNone = 0, kCtrl = 1, kShift = 2, kAlt = 4 };

struct Shortcut {
  int key;                       // GLFW_KEY_*
  unsigned mods;                 // Modifier bits
  ActionId action;
  std::string_view description;  // shown in the help overlay and docs/teaching.md
  std::string_view group;        // overlay section: "View", "File", "Edit", "Fit", "Presets"
  bool while_typing;             // still fires while a text field has focus (F-keys, file commands)
};

// Every shortcut, in the order the help overlay shows them. Several rows may share an action
// (Ctrl+Shift+Z and Ctrl+Y both redo).
std::span<const Shortcut> shortcuts();

// "Ctrl+Shift+Z", "F11", "Space", "1".
std::string shortcut_label(const Shortcut& s);
// A stable name for an action: "undo", "preset_3", … (for logs, tests and the docs).
std::string_view action_name(ActionId a);
// The preset number 1–8 of a preset action, or 0 for any other action.
int preset_number(ActionId a);

// The action whose shortcut was pressed this frame (key down for the first frame, exactly the
// shortcut's modifiers, no Super), or nullopt. Call after ImGui::NewFrame(). While a text field
// has focus (io.WantTextInput) only shortcuts marked while_typing fire.
std::optional<ActionId> poll_shortcut(const ImGuiIO& io);

// The overlay's rows: shortcuts with the same description merged ("Ctrl+Shift+Z / Ctrl+Y").
struct HelpRow {
  std::string keys;
  std::string_view description;
  std::string_view group;
};
std::vector<HelpRow> help_rows();

}  // namespace divlab::gui

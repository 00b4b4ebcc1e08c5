#include "shell/shortcuts.hpp"

#include <GLFW/glfw3.h>

#include <array>

namespace divlab::gui {

namespace {

using A = ActionId;

constexpr std::string_view kPresetText = "Open preset 1–8 (in the Presets menu's order)";

constexpr std::array<Shortcut, 29> kShortcuts{{
    {GLFW_KEY_F1, kNone, A::help, "Show or hide this help", "View", true},
    {GLFW_KEY_F11, kNone, A::fullscreen, "Full screen on or off", "View", true},
    {GLFW_KEY_F12, kNone, A::save_window_png, "Save the window as a PNG", "View", true},
    {GLFW_KEY_P, kNone, A::presentation_mode, "Presentation mode: large scale, high contrast", "View", false},
    {GLFW_KEY_T, kNone, A::cycle_theme, "Next theme (light, dark, print)", "View", false},
    {GLFW_KEY_B, kNone, A::toggle_base, "Switch units: bits or nats", "View", false},
    {GLFW_KEY_M, kNone, A::toggle_mixture, "Show or hide the mixture M = ½(P + Q)", "View", false},
    {GLFW_KEY_R, kNone, A::reset_view, "Reset the view and the fit", "View", false},
    {GLFW_KEY_O, kCtrl, A::open, "Open a scenario file", "File", true},
    {GLFW_KEY_S, kCtrl, A::save, "Save the scenario", "File", true},
    {GLFW_KEY_S, kCtrl | kShift, A::save_as, "Save the scenario as…", "File", true},
    {GLFW_KEY_Q, kCtrl, A::quit, "Quit (asks first if there is unsaved work)", "File", true},
    {GLFW_KEY_Z, kCtrl, A::undo, "Undo", "Edit", false},
    {GLFW_KEY_Z, kCtrl | kShift, A::redo, "Redo", "Edit", false},
    {GLFW_KEY_Y, kCtrl, A::redo, "Redo", "Edit", false},
    {GLFW_KEY_TAB, kNone, A::switch_target, "Edit P or Q (the target of the tools)", "Sculpt", false},
    {GLFW_KEY_LEFT, kNone, A::shift_left, "Shift the target one bin left (discrete)", "Sculpt", false},
    {GLFW_KEY_RIGHT, kNone, A::shift_right, "Shift the target one bin right (discrete)", "Sculpt", false},
    {GLFW_KEY_U, kNone, A::make_uniform, "Make the target uniform (discrete)", "Sculpt", false},
    {GLFW_KEY_SPACE, kNone, A::fit_play_pause, "Play or pause the fit", "Fit", false},
    {GLFW_KEY_S, kNone, A::fit_step, "One step of the fit", "Fit", false},
    {GLFW_KEY_1, kNone, A::preset_1, kPresetText, "Presets", false},
    {GLFW_KEY_2, kNone, A::preset_2, kPresetText, "Presets", false},
    {GLFW_KEY_3, kNone, A::preset_3, kPresetText, "Presets", false},
    {GLFW_KEY_4, kNone, A::preset_4, kPresetText, "Presets", false},
    {GLFW_KEY_5, kNone, A::preset_5, kPresetText, "Presets", false},
    {GLFW_KEY_6, kNone, A::preset_6, kPresetText, "Presets", false},
    {GLFW_KEY_7, kNone, A::preset_7, kPresetText, "Presets", false},
    {GLFW_KEY_8, kNone, A::preset_8, kPresetText, "Presets", false},
}};

constexpr std::array<std::string_view, 28> kActionNames{
    "help",          "fullscreen",   "save_window_png", "undo",           "redo",         "open",
    "save",          "save_as",      "quit",            "presentation_mode", "cycle_theme", "toggle_base",
    "toggle_mixture", "fit_play_pause", "fit_step",     "reset_view",     "preset_1",     "preset_2",
    "preset_3",      "preset_4",     "preset_5",        "preset_6",       "preset_7",     "preset_8",
    "switch_target", "shift_left",   "shift_right",     "make_uniform"};

std::string key_name(int key) {
  if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return std::string(1, static_cast<char>(key));
  if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) return std::string(1, static_cast<char>(key));
  if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F25) {
    std::string name = "F";  // appended, not "F" + …: GCC 12 -O3 warns falsely (-Wrestrict)
    name += std::to_string(key - GLFW_KEY_F1 + 1);
    return name;
  }
  if (key == GLFW_KEY_SPACE) return "Space";
  if (key == GLFW_KEY_TAB) return "Tab";
  if (key == GLFW_KEY_LEFT) return "←";
  if (key == GLFW_KEY_RIGHT) return "→";
  std::string name = "key ";
  name += std::to_string(key);
  return name;
}

unsigned held_mods(const ImGuiIO& io) {
  return (io.KeyCtrl ? kCtrl : 0u) | (io.KeyShift ? kShift : 0u) | (io.KeyAlt ? kAlt : 0u);
}

}  // namespace

std::span<const Shortcut> shortcuts() { return kShortcuts; }

std::string shortcut_label(const Shortcut& s) {
  std::string label;
  if (s.mods & kCtrl) label += "Ctrl+";
  if (s.mods & kShift) label += "Shift+";
  if (s.mods & kAlt) label += "Alt+";
  return label + key_name(s.key);
}

std::string_view action_name(ActionId a) {
  const auto i = static_cast<size_t>(a);
  return i < kActionNames.size() ? kActionNames[i] : "unknown";
}

int preset_number(ActionId a) {
  const int i = static_cast<int>(a) - static_cast<int>(ActionId::preset_1);
  return i >= 0 && i < 8 ? i + 1 : 0;
}

std::optional<ActionId> poll_shortcut(const ImGuiIO& io) {
  if (io.KeySuper) return std::nullopt;  // Super+key belongs to the window manager
  const unsigned mods = held_mods(io);
  for (const Shortcut& s : kShortcuts) {
    if (s.mods != mods || (io.WantTextInput && !s.while_typing)) continue;
    // KeysDownDuration is 0 on the first frame a key is down (set by NewFrame): no auto-repeat.
    if (io.KeysDown[s.key] && io.KeysDownDuration[s.key] == 0.0f) return s.action;
  }
  return std::nullopt;
}

std::vector<HelpRow> help_rows() {
  // Consecutive shortcuts with the same description share a row.
  std::vector<std::vector<std::string>> labels;
  std::vector<HelpRow> rows;
  for (const Shortcut& s : kShortcuts) {
    if (rows.empty() || rows.back().description != s.description) {
      rows.push_back({"", s.description, s.group});
      labels.emplace_back();
    }
    labels.back().push_back(shortcut_label(s));
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& l = labels[i];
    if (l.size() > 2) {
      rows[i].keys = l.front() + "–" + l.back();  // "1–8"
      continue;
    }
    rows[i].keys = l.front();
    if (l.size() == 2) rows[i].keys += " / " + l.back();  // "Ctrl+Shift+Z / Ctrl+Y"
  }
  return rows;
}

}  // namespace divlab::gui

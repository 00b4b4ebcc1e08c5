// The action registry: every named, parameterised thing a user can ask for (id, group, text,
// shortcuts, run with arguments). The menus, the keyboard, the F1 overlay, the README's shortcut
// table and tours all read this one registry; the shell registers its actions and each lab its own.
// Keys are GLFW_KEY_* codes, as imgui_impl_glfw stores them in io.KeysDown (ImGui 1.86).
#pragma once
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace divlab::gui {

struct App;

// Modifier bits; a shortcut fires only when exactly its modifiers are held.
enum Modifier : unsigned { kNone = 0, kCtrl = 1, kShift = 2, kAlt = 4 };

// A key that runs an action with fixed arguments (key 3 → open_preset {"n": 3}).
struct Binding {
  int key;                             // GLFW_KEY_*
  unsigned mods = kNone;               // Modifier bits
  nlohmann::json args = nlohmann::json::object();
};

struct Action {
  std::string id;      // "undo", "open_preset", "fit.play_pause": lab actions are "<lab>.<verb>"
  std::string group;   // the F1 overlay's section: "File", "Edit", "View", "Labs", "Presets", …
  std::string text;    // what it does, for the overlay, menus and the README
  std::string lab;     // "" = everywhere; else it runs and its keys fire only in that lab
  std::vector<Binding> keys;
  bool while_typing = false;  // its keys still fire while a text field has focus (F-keys, Ctrl+S)
  std::string params;         // its arguments, for tours and the docs ("n: preset number 1–8")
  // Runs it; returns "" on success, else what is wrong with the arguments (one line).
  std::function<std::string(App&, const nlohmann::json& args)> run;
};

class ActionRegistry {
 public:
  // Adds an action; its id must be new (a second registration is a programming error: throws).
  void add(Action action);
  const Action* find(std::string_view id) const;
  std::span<const Action> all() const { return actions_; }

 private:
  std::vector<Action> actions_;
};

// Runs action `id` with `args` in the app: "" on success, else one line ("unknown action 'x'",
// "open_preset: n: expected an integer 1–8, got 9"). A lab action runs only while its lab is shown.
std::string run_action(App& app, std::string_view id, const nlohmann::json& args = nlohmann::json::object());

// "Ctrl+Shift+Z", "F11", "Space", "1".
std::string key_label(const Binding& b);

// The action (and its binding's arguments) whose key was pressed this frame: key down for the
// first frame, exactly the binding's modifiers, no Super, an action of the shell or of `lab`.
// While a field is active (a text field with focus, a drag or slider held: io.WantTextInput or any
// active item) only while_typing actions fire.
struct Pressed {
  const Action* action;
  const Binding* binding;
};
std::optional<Pressed> poll_shortcut(const ActionRegistry& registry, std::string_view lab, const ImGuiIO& io);

// The overlay's rows for the shell and `lab` (every lab when empty), in registration order:
// one row per action, its keys joined ("Ctrl+Shift+Z / Ctrl+Y", "1–8" for a run of three or more).
struct HelpRow {
  std::string keys;
  std::string text;
  std::string group;
  std::string lab;
};
std::vector<HelpRow> help_rows(const ActionRegistry& registry, std::string_view lab);

// Argument readers for run functions: the value, or nullopt with `error` set to a one-line reason.
std::optional<int> int_arg(const nlohmann::json& args, const char* key, int lo, int hi, std::string* error);
std::optional<double> number_arg(const nlohmann::json& args, const char* key, double lo, double hi, std::string* error);
std::optional<std::string> string_arg(const nlohmann::json& args, const char* key, std::string* error);

}  // namespace divlab::gui

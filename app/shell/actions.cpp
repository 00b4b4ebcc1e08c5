#include "shell/actions.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "shell/app.hpp"

namespace divlab::gui {

void ActionRegistry::add(Action action) {
  if (find(action.id)) throw std::logic_error("action registered twice: " + action.id);
  actions_.push_back(std::move(action));
}

const Action* ActionRegistry::find(std::string_view id) const {
  for (const Action& a : actions_)
    if (a.id == id) return &a;
  return nullptr;
}

std::string run_action(App& app, std::string_view id, const nlohmann::json& args) {
  const Action* a = app.actions.find(id);
  if (!a) return "unknown action '" + std::string(id) + "'";
  if (!a->lab.empty() && a->lab != app.lab().id())
    return std::string(id) + ": only in the " + a->lab + " lab (now: " + std::string(app.lab().id()) + ")";
  if (!args.is_object()) return std::string(id) + ": expected an object of arguments";
  const std::string error = a->run(app, args);
  return error.empty() ? "" : std::string(id) + ": " + error;
}

namespace {

std::string key_name(int key) {
  if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return std::string(1, static_cast<char>(key));
  if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) return std::string(1, static_cast<char>(key));
  if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F25) {
    std::string name = "F";  // appended, not "F" + …: GCC 12 -O3 warns falsely (-Wrestrict)
    name += std::to_string(key - GLFW_KEY_F1 + 1);
    return name;
  }
  switch (key) {
    case GLFW_KEY_SPACE: return "Space";
    case GLFW_KEY_TAB: return "Tab";
    case GLFW_KEY_LEFT: return "←";
    case GLFW_KEY_RIGHT: return "→";
    case GLFW_KEY_UP: return "↑";
    case GLFW_KEY_DOWN: return "↓";
    case GLFW_KEY_PAGE_UP: return "PageUp";
    case GLFW_KEY_PAGE_DOWN: return "PageDown";
    default: break;
  }
  std::string name = "key ";
  name += std::to_string(key);
  return name;
}

unsigned held_mods(const ImGuiIO& io) {
  return (io.KeyCtrl ? kCtrl : 0u) | (io.KeyShift ? kShift : 0u) | (io.KeyAlt ? kAlt : 0u);
}

bool shown_in(const Action& a, std::string_view lab) { return a.lab.empty() || lab.empty() || a.lab == lab; }

}  // namespace

std::string key_label(const Binding& b) {
  std::string label;
  if (b.mods & kCtrl) label += "Ctrl+";
  if (b.mods & kShift) label += "Shift+";
  if (b.mods & kAlt) label += "Alt+";
  return label + key_name(b.key);
}

std::optional<Pressed> poll_shortcut(const ActionRegistry& registry, std::string_view lab, const ImGuiIO& io) {
  if (io.KeySuper) return std::nullopt;  // Super+key belongs to the window manager
  const unsigned mods = held_mods(io);
  // A field owns the keys while it is active: a text field with focus, and a drag or slider held
  // (or any other item the mouse holds) — typing "-0.5" there must not run "5".
  const bool field_active = io.WantTextInput || (GImGui && ImGui::IsAnyItemActive());
  for (const Action& a : registry.all()) {
    if (!(a.lab.empty() || a.lab == lab) || (field_active && !a.while_typing)) continue;
    for (const Binding& b : a.keys) {
      if (b.mods != mods || b.key < 0 || b.key >= IM_ARRAYSIZE(io.KeysDown)) continue;
      // KeysDownDuration is 0 on the first frame a key is down (set by NewFrame): no auto-repeat.
      if (io.KeysDown[b.key] && io.KeysDownDuration[b.key] == 0.0f) return Pressed{&a, &b};
    }
  }
  return std::nullopt;
}

std::vector<HelpRow> help_rows(const ActionRegistry& registry, std::string_view lab) {
  std::vector<HelpRow> rows;
  for (const Action& a : registry.all()) {
    if (a.keys.empty() || !shown_in(a, lab)) continue;
    HelpRow row{"", a.text, a.group, a.lab};
    if (a.keys.size() > 2)
      row.keys = key_label(a.keys.front()) + "–" + key_label(a.keys.back());  // "1–8"
    else
      row.keys = key_label(a.keys.front()) + (a.keys.size() == 2 ? " / " + key_label(a.keys.back()) : "");
    rows.push_back(std::move(row));
  }
  // Each group once, where it first appears: a lab's "View" actions join the shell's.
  std::vector<std::string> order;
  for (const HelpRow& r : rows)
    if (std::find(order.begin(), order.end(), r.group) == order.end()) order.push_back(r.group);
  std::stable_sort(rows.begin(), rows.end(), [&](const HelpRow& a, const HelpRow& b) {
    return std::find(order.begin(), order.end(), a.group) < std::find(order.begin(), order.end(), b.group);
  });
  return rows;
}

std::optional<int> int_arg(const nlohmann::json& args, const char* key, int lo, int hi, std::string* error) {
  const auto it = args.find(key);
  if (it != args.end() && it->is_number_integer() && it->get<long long>() >= lo && it->get<long long>() <= hi)
    return static_cast<int>(it->get<long long>());
  *error = std::string(key) + ": expected an integer " + std::to_string(lo) + "–" + std::to_string(hi) +
           (it == args.end() ? ", got nothing" : ", got " + it->dump());
  return std::nullopt;
}

std::optional<double> number_arg(const nlohmann::json& args, const char* key, double lo, double hi, std::string* error) {
  const auto it = args.find(key);
  if (it != args.end() && it->is_number() && std::isfinite(it->get<double>()) && it->get<double>() >= lo &&
      it->get<double>() <= hi)
    return it->get<double>();
  *error = std::string(key) + ": expected a number in [" + nlohmann::json(lo).dump() + ", " + nlohmann::json(hi).dump() +
           "]" + (it == args.end() ? ", got nothing" : ", got " + it->dump());
  return std::nullopt;
}

std::optional<std::string> string_arg(const nlohmann::json& args, const char* key, std::string* error) {
  const auto it = args.find(key);
  if (it != args.end() && it->is_string()) return it->get<std::string>();
  *error = std::string(key) + ": expected a string" + (it == args.end() ? ", got nothing" : ", got " + it->dump());
  return std::nullopt;
}

}  // namespace divlab::gui

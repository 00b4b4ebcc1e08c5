// The action registry: named, parameterised actions, their shortcuts (poll_shortcut) and the F1
// help overlay, driven in-process frame by frame through io.KeysDown (GLFW key codes, as
// imgui_impl_glfw fills them). No GL needed.
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "app/imgui_fixture.hpp"
#include "shell/actions.hpp"
#include "shell/help_overlay.hpp"

namespace divlab::gui {
namespace {

// Every (action, binding) pair of the registry.
std::vector<Pressed> bindings(const ActionRegistry& r) {
  std::vector<Pressed> out;
  for (const Action& a : r.all())
    for (const Binding& b : a.keys) out.push_back({&a, &b});
  return out;
}

class ActionsGui : public ImGuiTest {
 protected:
  void hold(const Binding& b) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = b.mods & kCtrl;
    io.KeyShift = b.mods & kShift;
    io.KeyAlt = b.mods & kAlt;
    io.KeysDown[b.key] = true;
  }
  void release_all() {
    ImGuiIO& io = ImGui::GetIO();
    for (bool& k : io.KeysDown) k = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
  }
  // Presses `b` for one frame (then releases it) and returns what poll_shortcut saw in `lab`.
  std::optional<Pressed> press(const Binding& b, std::string_view lab) {
    hold(b);
    std::optional<Pressed> got;
    text_frame([&] { got = poll_shortcut(app.actions, lab, ImGui::GetIO()); });
    release_all();
    text_frame();
    return got;
  }
  std::string id_of(const std::optional<Pressed>& p) { return p ? p->action->id : "none"; }

  App app;
};

// [SECTION] The registry

TEST(ActionRegistry, CoversTheRequiredShortcuts) {
  App app;
  // key label → action id, in the lab where it fires.
  const std::map<std::pair<std::string, std::string>, std::string> required = {
      {{"F1", ""}, "help"}, {{"F11", ""}, "fullscreen"}, {{"F12", ""}, "quick_export"}, {{"Shift+F12", ""}, "save_window_png"},
      {{"Ctrl+E", ""}, "export_dialog"}, {{"Ctrl+Z", ""}, "undo"},
      {{"Ctrl+Shift+Z", ""}, "redo"}, {{"Ctrl+Y", ""}, "redo"}, {{"Ctrl+O", ""}, "open"}, {{"Ctrl+S", ""}, "save"},
      {{"Ctrl+Shift+S", ""}, "save_as"}, {{"Ctrl+Q", ""}, "quit"}, {{"P", ""}, "presentation_mode"},
      {{"T", ""}, "cycle_theme"}, {{"B", ""}, "toggle_base"}, {{"1", ""}, "open_preset"}, {{"8", ""}, "open_preset"},
      {{"Ctrl+1", ""}, "switch_lab"}, {{"Ctrl+2", ""}, "switch_lab"},
      {{"M", "divergence"}, "divergence.toggle_mixture"}, {{"R", "divergence"}, "divergence.reset_view"},
      {{"Tab", "divergence"}, "divergence.switch_target"}, {{"←", "divergence"}, "divergence.shift"},
      {{"→", "divergence"}, "divergence.shift"}, {{"U", "divergence"}, "divergence.uniform"},
      {{"Space", "fit"}, "fit.play_pause"}, {{"S", "fit"}, "fit.step"}, {{"R", "fit"}, "fit.reset"}};
  std::map<std::pair<std::string, std::string>, std::string> table;
  for (const Pressed& p : bindings(app.actions)) table[{key_label(*p.binding), p.action->lab}] = p.action->id;
  for (const auto& [key, id] : required) EXPECT_EQ(table[key], id) << key.first << " in '" << key.second << "'";
}

TEST(ActionRegistry, NoKeyFiresTwoActionsInAnyLab) {
  App app;
  for (const auto& lab : app.labs) {
    std::set<std::string> seen;
    for (const Pressed& p : bindings(app.actions)) {
      if (!p.action->lab.empty() && p.action->lab != lab->id()) continue;
      EXPECT_TRUE(seen.insert(key_label(*p.binding)).second) << key_label(*p.binding) << " twice in " << lab->id();
    }
  }
}

TEST(ActionRegistry, IdsAreUniqueAndLabActionsAreNamedAfterTheirLab) {
  App app;
  std::set<std::string> ids;
  for (const Action& a : app.actions.all()) {
    EXPECT_TRUE(ids.insert(a.id).second) << a.id;
    EXPECT_FALSE(a.text.empty()) << a.id;
    if (!a.lab.empty()) {
      EXPECT_EQ(a.id.rfind(a.lab + ".", 0), 0u) << a.id;
      EXPECT_NE(app.find_lab(a.lab), nullptr) << a.id;
    }
  }
  Action again{"help", "View", "again", "", {}, false, "", [](App&, const nlohmann::json&) { return std::string(); }};
  EXPECT_THROW(app.actions.add(again), std::logic_error);
}

TEST(ActionRegistry, ActionsRunWithArgumentsAndRefuseBadOnes) {
  App app;
  EXPECT_EQ(run_action(app, "set_theme", {{"name", "dark"}}), "");
  EXPECT_EQ(app.settings.theme, "dark");
  EXPECT_EQ(run_action(app, "set_theme", {{"name", "neon"}}),
            "set_theme: name: expected light, dark, print or high_contrast, got \"neon\"");
  EXPECT_EQ(run_action(app, "set_theme", {{"colour", "dark"}}), "set_theme: name: expected a string, got nothing");
  EXPECT_EQ(app.settings.theme, "dark");
  EXPECT_EQ(run_action(app, "nope"), "unknown action 'nope'");
  EXPECT_EQ(run_action(app, "switch_lab", {{"lab", "fit"}}), "");
  EXPECT_EQ(app.lab().id(), "fit");
  EXPECT_EQ(run_action(app, "switch_lab", {{"lab", "chemistry"}}), "switch_lab: lab: no lab named \"chemistry\"");
  // A lab's action runs only in its lab.
  EXPECT_NE(run_action(app, "divergence.shift", {{"by", 1}}).find("only in the divergence lab"), std::string::npos);
  EXPECT_EQ(run_action(app, "switch_lab", {{"lab", "divergence"}}), "");
  const Scenario before = app.lab().doc.scenario();
  EXPECT_EQ(run_action(app, "divergence.shift", {{"by", "two"}}),
            "divergence.shift: by: expected an integer -1024–1024, got \"two\"");
  EXPECT_EQ(app.lab().doc.scenario(), before);
  EXPECT_EQ(run_action(app, "open_preset", {{"n", 1}}), "");
  EXPECT_EQ(app.lab().doc.scenario().title.value_or(""), "Fair coin vs rigged coin");
  EXPECT_EQ(run_action(app, "divergence.shift", {{"by", 1}}), "");
  EXPECT_NEAR(app.lab().doc.probability(Which::p, 1), 0.5, 1e-15);
  EXPECT_NE(run_action(app, "open_preset", {{"n", 99}}).find("n: expected an integer 1–"), std::string::npos);
}

TEST(ActionRegistry, HelpRowsShowTheShellAndTheLabOnceEachWithMergedKeys) {
  App app;
  const auto rows = help_rows(app.actions, "divergence");
  std::set<std::string> groups_done;
  std::string group;
  for (const HelpRow& r : rows) {
    EXPECT_TRUE(r.lab.empty() || r.lab == "divergence") << r.text;
    if (r.group != group) {
      EXPECT_TRUE(groups_done.insert(r.group).second) << "group " << r.group << " split";
      group = r.group;
    }
  }
  auto keys_of = [&](const std::string& text) {
    for (const HelpRow& r : rows)
      if (r.text == text) return r.keys;
    return std::string("missing");
  };
  EXPECT_EQ(keys_of("Redo"), "Ctrl+Shift+Z / Ctrl+Y");
  EXPECT_EQ(keys_of("Open preset 1–8 of this lab (in the Presets menu's order)"), "1–8");
  EXPECT_EQ(keys_of("Play or pause the fit"), "missing");  // the fit lab's
}

// [SECTION] poll_shortcut

TEST_F(ActionsGui, EveryBindingIsRecognisedInItsLab) {
  text_frame();
  for (const Pressed& p : bindings(app.actions)) {
    SCOPED_TRACE(key_label(*p.binding) + " → " + p.action->id);
    const std::string lab = p.action->lab.empty() ? "divergence" : p.action->lab;
    const auto got = press(*p.binding, lab);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->action, p.action);
    EXPECT_EQ(got->binding->args, p.binding->args);
  }
}

TEST_F(ActionsGui, AHeldKeyFiresOnceNotEveryFrame) {
  text_frame();
  hold({GLFW_KEY_Z, kCtrl});
  int fired = 0;
  for (int i = 0; i < 60; ++i)
    text_frame([&] { fired += poll_shortcut(app.actions, "divergence", ImGui::GetIO()).has_value(); });
  EXPECT_EQ(fired, 1);
}

TEST_F(ActionsGui, ModifiersMustMatchExactly) {
  text_frame();
  ImGuiIO& io = ImGui::GetIO();
  auto with = [&](int key, bool ctrl, bool shift, bool alt, bool super, std::string_view lab = "fit") {
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeyAlt = alt;
    io.KeySuper = super;
    io.KeysDown[key] = true;
    std::optional<Pressed> got;
    text_frame([&] { got = poll_shortcut(app.actions, lab, io); });
    release_all();
    text_frame();
    return id_of(got);
  };
  EXPECT_EQ(with(GLFW_KEY_Z, true, false, false, false), "undo");
  EXPECT_EQ(with(GLFW_KEY_Z, true, true, false, false), "redo");
  EXPECT_EQ(with(GLFW_KEY_Z, false, false, false, false), "none");
  EXPECT_EQ(with(GLFW_KEY_S, false, false, false, false), "fit.step");
  EXPECT_EQ(with(GLFW_KEY_S, false, false, false, false, "divergence"), "none");  // not the fit lab
  EXPECT_EQ(with(GLFW_KEY_S, true, false, false, false), "save");
  EXPECT_EQ(with(GLFW_KEY_S, true, true, false, false), "save_as");
  EXPECT_EQ(with(GLFW_KEY_S, true, false, true, false), "none");  // Ctrl+Alt+S is not ours
  EXPECT_EQ(with(GLFW_KEY_P, false, false, false, true), "none");  // Super+P is the desktop's
  EXPECT_EQ(with(GLFW_KEY_9, false, false, false, false), "none");  // only presets 1–8
}

TEST_F(ActionsGui, NoShortcutFiresWhileADragFieldIsHeld) {
  float value = 0.5f;
  auto with_drag = [&] {
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::Begin("dragging");
    ImGui::DragFloat("start", &value, 0.01f);
    ImGui::End();
  };
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = {60, 45};  // on the drag field
  for (int i = 0; i < 2; ++i) text_frame(with_drag);
  io.MouseDown[0] = true;
  for (int i = 0; i < 2; ++i) text_frame(with_drag);
  ASSERT_TRUE(ImGui::IsAnyItemActive());
  ASSERT_FALSE(io.WantTextInput);  // a drag, not a text field
  for (const Pressed& p : bindings(app.actions)) {
    SCOPED_TRACE(key_label(*p.binding));
    hold(*p.binding);
    std::optional<Pressed> got;
    const std::string lab = p.action->lab.empty() ? "divergence" : p.action->lab;
    text_frame([&] {
      got = poll_shortcut(app.actions, lab, ImGui::GetIO());
      with_drag();
    });
    release_all();
    text_frame(with_drag);
    EXPECT_EQ(id_of(got), p.action->while_typing ? p.action->id : "none");
  }
  io.MouseDown[0] = false;
  text_frame(with_drag);
  EXPECT_EQ(id_of(press({GLFW_KEY_5}, "divergence")), "open_preset");  // released: keys are shortcuts again
}

TEST_F(ActionsGui, LettersDoNotFireWhileTypingButFunctionKeysDo) {
  char text[64] = "";
  auto with_field = [&] {
    ImGui::SetNextWindowPos(ImVec2(10, 10));
    ImGui::Begin("typing");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::InputText("name", text, sizeof text);
    ImGui::End();
  };
  for (int i = 0; i < 3; ++i) text_frame(with_field);  // the field takes keyboard focus
  ASSERT_TRUE(ImGui::GetIO().WantTextInput);
  for (const Pressed& p : bindings(app.actions)) {
    SCOPED_TRACE(key_label(*p.binding));
    hold(*p.binding);
    std::optional<Pressed> got;
    const std::string lab = p.action->lab.empty() ? "divergence" : p.action->lab;
    text_frame([&] {
      got = poll_shortcut(app.actions, lab, ImGui::GetIO());
      with_field();
    });
    release_all();
    text_frame(with_field);
    ASSERT_TRUE(ImGui::GetIO().WantTextInput);
    EXPECT_EQ(id_of(got), p.action->while_typing ? p.action->id : "none");
  }
  // What must still work while typing: help, full screen, screenshot, open, save, quit.
  for (const char* id : {"help", "fullscreen", "save_window_png", "open", "save", "quit"})
    EXPECT_TRUE(app.actions.find(id)->while_typing) << id;
  EXPECT_FALSE(app.actions.find("undo")->while_typing);  // the text field's own undo wins
}

// [SECTION] The help overlay

// Splits the captured log into trimmed, non-empty lines.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

TEST_F(ActionsGui, OverlayListsExactlyTheRowsOfTheShellAndTheCurrentLab) {
  for (const char* lab : {"divergence", "fit"}) {
    app.switch_lab(lab);
    bool open = true;
    text_frame([&] { draw_help_overlay(app, &open); });  // first frame: auto-resize measures
    const std::string text = text_frame([&] { draw_help_overlay(app, &open); });
    ASSERT_TRUE(open);
    // The overlay draws: its title, then per group a title row and one row per HelpRow,
    // then the closing hint. Nothing else, nothing twice.
    std::vector<std::string> expected = {kHelpOverlayTitle};
    std::string group;
    for (const HelpRow& r : help_rows(app.actions, lab)) {
      if (r.group != group) expected.push_back("| " + (group = r.group) + " |");
      expected.push_back("| " + r.keys + " | " + r.text + " |");
    }
    expected.push_back("Esc or F1 closes this help.");
    EXPECT_EQ(lines_of(text), expected) << text;  // ImGui logs a table row as "| cell | cell |"
  }
}

// The README and docs/teaching.md have one table line per action with keys, word for word (both
// are written from `divlab actions --markdown`).
TEST(ActionDocs, ReadmeAndTeachingGuideListEveryShortcutRow) {
  App app;
  for (const char* doc : {"/README.md", "/docs/teaching.md"}) {
    std::ifstream in(std::string(DIVLAB_SOURCE_DIR) + doc);
    ASSERT_TRUE(in) << doc << " not found";
    std::set<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.insert(line);
    for (const HelpRow& r : help_rows(app.actions, "")) {
      const std::string expected = "| " + r.keys + " | " + r.text + " |";
      EXPECT_TRUE(lines.count(expected)) << "missing in " << doc << ": " << expected;
    }
  }
}

TEST_F(ActionsGui, F1TogglesTheOverlayAndEscCloses) {
  bool& open = app.show_help;
  auto main_frame = [&] {
    if (const auto p = poll_shortcut(app.actions, "divergence", ImGui::GetIO())) run_action(app, p->action->id);
    draw_help_overlay(app, &open);
  };
  text_frame(main_frame);
  EXPECT_EQ(ImGui::FindWindowByName(kHelpOverlayTitle), nullptr);

  hold({GLFW_KEY_F1});
  text_frame(main_frame);
  release_all();
  text_frame(main_frame);
  ASSERT_TRUE(open);
  ImGuiWindow* w = ImGui::FindWindowByName(kHelpOverlayTitle);
  ASSERT_NE(w, nullptr);
  EXPECT_TRUE(w->Active);
  // Centred on the display.
  EXPECT_NEAR(w->Pos.x + w->Size.x / 2, 640, 1.0);
  EXPECT_NEAR(w->Pos.y + w->Size.y / 2, 400, 1.0);

  ImGui::GetIO().KeysDown[GLFW_KEY_ESCAPE] = true;
  text_frame(main_frame);
  release_all();
  text_frame(main_frame);
  EXPECT_FALSE(open);
  EXPECT_FALSE(w->Active);

  for (bool expected : {true, false}) {
    hold({GLFW_KEY_F1});
    text_frame(main_frame);
    release_all();
    text_frame(main_frame);
    EXPECT_EQ(open, expected);
  }
}

}  // namespace
}  // namespace divlab::gui

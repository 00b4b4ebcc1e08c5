// The shortcut table, poll_shortcut and the F1 help overlay, driven in-process frame by frame
// through io.KeysDown (GLFW key codes, as imgui_impl_glfw fills them). No GL needed.
#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "shell/help_overlay.hpp"
#include "shell/shortcuts.hpp"
#include "app/imgui_fixture.hpp"

namespace divlab::gui {
namespace {

class TeachShortcutsGui : public ImGuiTest {
 protected:
  void hold(const Shortcut& s) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = s.mods & kCtrl;
    io.KeyShift = s.mods & kShift;
    io.KeyAlt = s.mods & kAlt;
    io.KeysDown[s.key] = true;
  }
  void release_all() {
    ImGuiIO& io = ImGui::GetIO();
    for (bool& k : io.KeysDown) k = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
  }
  // Presses `s` for one frame (then releases it) and returns what poll_shortcut saw on that frame.
  std::optional<ActionId> press(const Shortcut& s) {
    hold(s);
    std::optional<ActionId> got;
    text_frame([&] { got = poll_shortcut(ImGui::GetIO()); });
    release_all();
    text_frame();
    return got;
  }
};

const Shortcut* find(int key, unsigned mods) {
  for (const Shortcut& s : shortcuts())
    if (s.key == key && s.mods == mods) return &s;
  return nullptr;
}

// [SECTION] The table

TEST(TeachShortcutTable, CoversTheRequiredShortcuts) {
  const std::map<std::string, std::string> required = {
      {"F1", "help"},           {"F11", "fullscreen"},  {"F12", "save_window_png"}, {"Ctrl+Z", "undo"},
      {"Ctrl+Shift+Z", "redo"}, {"Ctrl+Y", "redo"},     {"Ctrl+O", "open"},         {"Ctrl+S", "save"},
      {"Ctrl+Shift+S", "save_as"}, {"P", "presentation_mode"}, {"T", "cycle_theme"}, {"B", "toggle_base"},
      {"M", "toggle_mixture"},  {"Space", "fit_play_pause"}, {"S", "fit_step"},   {"R", "reset_view"},
      {"1", "preset_1"},        {"2", "preset_2"},      {"3", "preset_3"},          {"4", "preset_4"},
      {"5", "preset_5"},        {"6", "preset_6"},      {"7", "preset_7"},          {"8", "preset_8"},
      {"Ctrl+Q", "quit"},       {"Tab", "switch_target"}, {"←", "shift_left"}, {"→", "shift_right"},
      {"U", "make_uniform"}};
  std::map<std::string, std::string> table;
  for (const Shortcut& s : shortcuts()) table[shortcut_label(s)] = std::string(action_name(s.action));
  EXPECT_EQ(table, required);
}

TEST(TeachShortcutTable, NoKeyCombinationIsUsedTwice) {
  std::set<std::pair<int, unsigned>> seen;
  for (const Shortcut& s : shortcuts())
    EXPECT_TRUE(seen.insert({s.key, s.mods}).second) << shortcut_label(s);
}

TEST(TeachShortcutTable, ActionNamesAndPresetNumbers) {
  std::set<std::string_view> names;
  for (const Shortcut& s : shortcuts()) names.insert(action_name(s.action));
  EXPECT_EQ(names.size(), 28u);  // every ActionId has a shortcut and a distinct name
  EXPECT_EQ(preset_number(ActionId::preset_1), 1);
  EXPECT_EQ(preset_number(ActionId::preset_8), 8);
  EXPECT_EQ(preset_number(ActionId::undo), 0);
  EXPECT_EQ(preset_number(ActionId::quit), 0);
}

TEST(TeachShortcutTable, HelpRowsMergeSharedDescriptions) {
  const auto rows = help_rows();
  std::map<std::string, std::string> by_desc;
  for (const HelpRow& r : rows) by_desc[std::string(r.description)] = r.keys;
  EXPECT_EQ(by_desc.at("Redo"), "Ctrl+Shift+Z / Ctrl+Y");
  EXPECT_EQ(by_desc.at("Undo"), "Ctrl+Z");
  EXPECT_EQ(by_desc.at("Open preset 1–8 (in the Presets menu's order)"), "1–8");
  EXPECT_EQ(rows.size(), shortcuts().size() - 1 - 7);  // redo twice, presets eight times
}

// [SECTION] poll_shortcut

TEST_F(TeachShortcutsGui, EveryShortcutInTheTableIsRecognised) {
  text_frame();
  for (const Shortcut& s : shortcuts()) {
    SCOPED_TRACE(shortcut_label(s));
    const auto got = press(s);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, s.action);
  }
}

TEST_F(TeachShortcutsGui, AHeldKeyFiresOnceNotEveryFrame) {
  text_frame();
  hold(*find(GLFW_KEY_Z, kCtrl));
  int fired = 0;
  for (int i = 0; i < 60; ++i) text_frame([&] { fired += poll_shortcut(ImGui::GetIO()).has_value(); });
  EXPECT_EQ(fired, 1);
}

TEST_F(TeachShortcutsGui, ModifiersMustMatchExactly) {
  text_frame();
  ImGuiIO& io = ImGui::GetIO();
  auto with = [&](int key, bool ctrl, bool shift, bool alt, bool super) {
    io.KeyCtrl = ctrl;
    io.KeyShift = shift;
    io.KeyAlt = alt;
    io.KeySuper = super;
    io.KeysDown[key] = true;
    std::optional<ActionId> got;
    text_frame([&] { got = poll_shortcut(io); });
    release_all();
    text_frame();
    return got;
  };
  EXPECT_EQ(with(GLFW_KEY_Z, true, false, false, false), ActionId::undo);
  EXPECT_EQ(with(GLFW_KEY_Z, true, true, false, false), ActionId::redo);
  EXPECT_EQ(with(GLFW_KEY_Z, false, false, false, false), std::nullopt);
  EXPECT_EQ(with(GLFW_KEY_S, false, false, false, false), ActionId::fit_step);
  EXPECT_EQ(with(GLFW_KEY_S, true, false, false, false), ActionId::save);
  EXPECT_EQ(with(GLFW_KEY_S, true, true, false, false), ActionId::save_as);
  EXPECT_EQ(with(GLFW_KEY_S, true, false, true, false), std::nullopt);  // Ctrl+Alt+S is not ours
  EXPECT_EQ(with(GLFW_KEY_P, false, false, false, true), std::nullopt);  // Super+P is the desktop's
  EXPECT_EQ(with(GLFW_KEY_9, false, false, false, false), std::nullopt);  // only presets 1–8
}

TEST_F(TeachShortcutsGui, LettersDoNotFireWhileTypingButFunctionKeysDo) {
  std::string buffer;
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
  for (const Shortcut& s : shortcuts()) {
    SCOPED_TRACE(shortcut_label(s));
    hold(s);
    std::optional<ActionId> got;
    text_frame([&] {
      got = poll_shortcut(ImGui::GetIO());
      with_field();
    });
    release_all();
    text_frame(with_field);
    ASSERT_TRUE(ImGui::GetIO().WantTextInput);
    if (s.while_typing)
      EXPECT_EQ(got, s.action);
    else
      EXPECT_EQ(got, std::nullopt);
  }
  // What must still work while typing: help, full screen, screenshot, open, save, quit.
  for (int key : {GLFW_KEY_F1, GLFW_KEY_F11, GLFW_KEY_F12}) EXPECT_TRUE(find(key, kNone)->while_typing);
  for (int key : {GLFW_KEY_O, GLFW_KEY_S, GLFW_KEY_Q}) EXPECT_TRUE(find(key, kCtrl)->while_typing);
  EXPECT_FALSE(find(GLFW_KEY_Z, kCtrl)->while_typing);  // the text field's own undo wins
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

TEST_F(TeachShortcutsGui, OverlayListsExactlyTheShortcutRows) {
  bool open = true;
  text_frame([&] { draw_help_overlay(&open); });  // first frame: auto-resize measures
  const std::string text = text_frame([&] { draw_help_overlay(&open); });
  ASSERT_TRUE(open);
  // The overlay draws: its title, then per group a title row and one row per HelpRow,
  // then the closing hint. Nothing else, nothing twice.
  std::vector<std::string> expected = {kHelpOverlayTitle};
  std::string_view group;
  for (const HelpRow& r : help_rows()) {
    if (r.group != group) expected.push_back("| " + std::string(group = r.group) + " |");
    expected.push_back("| " + r.keys + " | " + std::string(r.description) + " |");
  }
  expected.push_back("Esc or F1 closes this help.");
  std::vector<std::string> got = lines_of(text);
  // ImGui logs a table row as "| cell | cell |".
  EXPECT_EQ(got, expected) << text;
}

// docs/teaching.md (which the README copies) has one table line per overlay row, word for word.
TEST(TeachShortcutDocs, TeachingGuideListsEveryShortcutRow) {
  std::ifstream in(std::string(DIVLAB_SOURCE_DIR) + "/docs/teaching.md");
  ASSERT_TRUE(in) << "docs/teaching.md not found";
  std::set<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.insert(line);
  for (const HelpRow& r : help_rows()) {
    const std::string expected = "| " + r.keys + " | " + std::string(r.description) + " |";
    EXPECT_TRUE(lines.count(expected)) << "missing in docs/teaching.md: " << expected;
  }
}

TEST_F(TeachShortcutsGui, F1TogglesTheOverlayAndEscCloses) {
  bool open = false;
  auto main_frame = [&] {
    if (poll_shortcut(ImGui::GetIO()) == ActionId::help) open = !open;
    draw_help_overlay(&open);
  };
  text_frame(main_frame);
  EXPECT_EQ(ImGui::FindWindowByName(kHelpOverlayTitle), nullptr);

  hold(*find(GLFW_KEY_F1, kNone));
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
    hold(*find(GLFW_KEY_F1, kNone));
    text_frame(main_frame);
    release_all();
    text_frame(main_frame);
    EXPECT_EQ(open, expected);
  }
}

}  // namespace
}  // namespace divlab::gui

// Issue 11 §2, never losing work: presets are read-only templates (Save becomes Save As in the
// user's documents), File → New asks before replacing unsaved work, and the discard prompt offers
// Save, Discard and Cancel and then carries on with what the user asked for. Real ImGui frames:
// the prompt's buttons and the File menu are clicked with the mouse.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <stdlib.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/imgui_fixture.hpp"
#include "divlab/document/scenario.hpp"
#include "shell/actions.hpp"

namespace divlab::gui {
namespace {

namespace fs = std::filesystem;

const std::string kPreset1 = std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/01-fair-vs-rigged-coin.json";
const std::string kPreset2 = std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/02-label-smoothing.json";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class SavePrompt : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    char tmpl[] = "/tmp/divlab-save-prompt-XXXXXX";
    home = ::mkdtemp(tmpl);
    fs::create_directories(home / "Documents");
    old_home = std::getenv("HOME") ? std::getenv("HOME") : "";
    ::setenv("HOME", home.c_str(), 1);
    ::unsetenv("XDG_CONFIG_HOME");
  }
  void TearDown() override {
    ::setenv("HOME", old_home.c_str(), 1);
    std::error_code ec;
    fs::remove_all(home, ec);
    AppTest::TearDown();
  }
  void click(ImVec2 at) {
    frame(at.x, at.y, false);
    frame(at.x, at.y, true);
    frame(at.x, at.y, false);
  }
  // The prompt's k-th button (0 Save, 1 Discard, 2 Cancel), clicked; false when no prompt is shown.
  bool click_prompt(int k) {
    idle(2);
    ImGuiWindow* w = ImGui::FindWindowByName("Discard unsaved work?");
    if (!w || !w->Active) return false;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float bw = 110 * ui_scale(*app);
    const float y = w->Pos.y + w->Size.y - st.WindowPadding.y - ImGui::GetFrameHeight() / 2;
    click({w->Pos.x + st.WindowPadding.x + (bw + st.ItemSpacing.x) * static_cast<float>(k) + bw / 2, y});
    idle(2);
    return true;
  }
  // An edit of the current lab's document: P(0) = 0.3 (its first bin was 0.5 in both presets used).
  void edit() {
    app->lab().doc.set_probability(Which::p, 0, 0.3);
    ASSERT_TRUE(app->lab().doc.dirty());
  }
  static bool edited(const std::string& path) { return std::abs(load_scenario(path).p_mass[0] - 0.3) < 1e-12; }
  // A copy of preset 1 in the user's documents, opened and edited.
  fs::path open_own_copy_and_edit() {
    const fs::path own = home / "Documents" / "coin.json";
    fs::copy_file(kPreset1, own);
    open_file(*app, own.string());
    edit();
    EXPECT_TRUE(app->lab().doc.dirty());
    return own;
  }

  fs::path home;
  std::string old_home;
};

// [SECTION] presets are read-only templates

TEST_F(SavePrompt, CtrlSOnAPresetAsksWhereToSaveInTheDocumentsFolder) {
  const std::string before = read(kPreset1);
  open_file(*app, kPreset1);
  edit();
  ASSERT_EQ(run_action(*app, "save"), "");
  EXPECT_TRUE(app->file_dialog.visible);
  EXPECT_EQ(app->file_dialog.mode, FileDialogMode::save);
  EXPECT_EQ(fs::weakly_canonical(app->file_dialog.folder), fs::weakly_canonical(home / "Documents"));
  EXPECT_EQ(app->file_dialog.path_text, "01-fair-vs-rigged-coin.json");
  EXPECT_EQ(read(kPreset1), before);
  // Even a path typed into the dialog cannot overwrite it.
  save_file(*app, kPreset1);
  EXPECT_TRUE(app->file_error.want_open);
  EXPECT_NE(app->file_error.message.find("read-only template"), std::string::npos) << app->file_error.message;
  EXPECT_EQ(read(kPreset1), before);
  EXPECT_TRUE(app->lab().doc.dirty());
}

TEST_F(SavePrompt, DocumentsFolderFollowsXdgUserDirs) {
  fs::create_directories(home / ".config");
  fs::create_directories(home / "Dokumente");
  std::ofstream(home / ".config" / "user-dirs.dirs") << "# written by xdg-user-dirs-update\n"
                                                    << "XDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n";
  EXPECT_EQ(documents_dir(), home / "Dokumente");
  EXPECT_EQ(documents_dir_from(nullptr, "/nonexistent-home"), fs::path("/nonexistent-home"));
}

// [SECTION] File → New asks

TEST_F(SavePrompt, FileNewAsksBeforeReplacingUnsavedWork) {
  const fs::path own = open_own_copy_and_edit();
  const Scenario edited = app->lab().doc.scenario();
  idle(2);
  click({20, ImGui::GetFrameHeight() / 2});  // the File menu
  ImGuiWindow* menu = ImGui::FindWindowByName("##Menu_00");
  ASSERT_TRUE(menu && menu->Active);
  const ImGuiStyle& st = ImGui::GetStyle();
  click({menu->Pos.x + 40, menu->Pos.y + st.WindowPadding.y + ImGui::GetFontSize() / 2});  // "New discrete (7 bins)"
  EXPECT_EQ(app->lab().doc.scenario(), edited) << "replaced without asking";
  ASSERT_TRUE(click_prompt(2));  // Cancel
  EXPECT_EQ(app->lab().doc.scenario(), edited);
  EXPECT_TRUE(app->lab().doc.dirty());
  EXPECT_FALSE(app->pending_scenario.has_value());
  // Again, and this time Discard: the new document replaces the work, as asked.
  click({20, ImGui::GetFrameHeight() / 2});
  menu = ImGui::FindWindowByName("##Menu_00");
  click({menu->Pos.x + 40, menu->Pos.y + st.WindowPadding.y + ImGui::GetFontSize() / 2});
  ASSERT_TRUE(click_prompt(1));
  EXPECT_EQ(app->lab().doc.scenario().title.value_or(""), "New discrete");
  EXPECT_EQ(app->lab().doc.bins(), 7);
  EXPECT_TRUE(app->lab().file_path.empty());
}

// [SECTION] the discard prompt: Save, Discard, Cancel, then carry on

TEST_F(SavePrompt, SaveSavesTheWorkThenOpensWhatWasAsked) {
  const fs::path own = open_own_copy_and_edit();
  open_file(*app, kPreset2);
  ASSERT_TRUE(click_prompt(0));
  EXPECT_TRUE(edited(own.string()));  // the edit is in the file
  EXPECT_EQ(app->lab().file_path, kPreset2);                // and the open went on
  EXPECT_FALSE(app->lab().doc.dirty());
  EXPECT_TRUE(app->pending_open.empty());
}

TEST_F(SavePrompt, SaveOfAPresetGoesThroughSaveAsThenCarriesOn) {
  const std::string before = read(kPreset1);
  open_file(*app, kPreset1);
  edit();
  open_file(*app, kPreset2);
  ASSERT_TRUE(click_prompt(0));
  EXPECT_TRUE(app->file_dialog.visible);  // Save As, not an overwrite
  EXPECT_EQ(fs::weakly_canonical(app->file_dialog.folder), fs::weakly_canonical(home / "Documents"));
  EXPECT_EQ(app->lab().file_path, kPreset1);  // waiting for the place
  save_file(*app, (home / "Documents" / "mine.json").string());  // what the dialog's Save does
  app->file_dialog.visible = false;
  idle(2);
  EXPECT_EQ(read(kPreset1), before);
  EXPECT_TRUE(edited((home / "Documents" / "mine.json").string()));
  EXPECT_EQ(app->lab().file_path, kPreset2);
}

TEST_F(SavePrompt, CancellingTheSaveAsCancelsTheOpen) {
  open_file(*app, kPreset1);
  edit();
  const Scenario edited = app->lab().doc.scenario();
  open_file(*app, kPreset2);
  ASSERT_TRUE(click_prompt(0));
  app->file_dialog.visible = false;  // the dialog's Cancel
  idle(2);
  EXPECT_EQ(app->lab().doc.scenario(), edited);
  EXPECT_TRUE(app->lab().doc.dirty());
  EXPECT_TRUE(app->pending_open.empty());
  EXPECT_FALSE(app->carry_on_after_save);
}

TEST_F(SavePrompt, DiscardOpensAndCancelKeepsEverything) {
  const fs::path own = open_own_copy_and_edit();
  const std::string on_disk = read(own);
  const Scenario edited = app->lab().doc.scenario();
  open_file(*app, kPreset2);
  ASSERT_TRUE(click_prompt(2));  // Cancel
  EXPECT_EQ(app->lab().doc.scenario(), edited);
  EXPECT_TRUE(app->pending_open.empty());
  open_file(*app, kPreset2);
  ASSERT_TRUE(click_prompt(1));  // Discard
  EXPECT_EQ(app->lab().file_path, kPreset2);
  EXPECT_EQ(read(own), on_disk);  // nothing written
}

}  // namespace
}  // namespace divlab::gui

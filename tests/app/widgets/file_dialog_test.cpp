// The open/save dialog and the error dialog, in-process: listing of a real temporary folder, the
// choice logic, and mouse clicks fed frame by frame through io.MousePos / io.MouseDown. No GL.
#include "widgets/file_dialog.hpp"

#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <string>

#include "app/imgui_fixture.hpp"

namespace divlab::gui {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/divlab-dialog-test-XXXXXX";
    path_ = fs::path(::mkdtemp(tmpl.data()));
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void touch(const fs::path& p) { std::ofstream(p) << "{}"; }

// a.json b.json C.JSON notes.txt sub/inner.json .hidden/ .a.json.tmp-X
void populate(const fs::path& dir) {
  for (const char* f : {"a.json", "b.json", "C.JSON", "notes.txt", ".a.json.tmp-Xy12ab"}) touch(dir / f);
  fs::create_directory(dir / "sub");
  touch(dir / "sub" / "inner.json");
  fs::create_directory(dir / ".hidden");
}

std::vector<std::string> names(const std::vector<FolderEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.is_dir ? e.name + "/" : e.name);
  return out;
}

// [SECTION] Listing and choice logic

TEST(TeachFileDialogLogic, ListsFoldersThenJsonFilesAndHidesTheRest) {
  TempDir t;
  populate(t.path());
  std::string error;
  EXPECT_EQ(names(list_scenario_folder(t.path(), &error)),
            (std::vector<std::string>{"sub/", "C.JSON", "a.json", "b.json"}));
  EXPECT_EQ(error, "");
}

TEST(TeachFileDialogLogic, AMissingFolderIsAnErrorNotACrash) {
  std::string error;
  EXPECT_TRUE(list_scenario_folder("/nonexistent/divlab/folder", &error).empty());
  EXPECT_NE(error.find("/nonexistent/divlab/folder"), std::string::npos) << error;
}

TEST(TeachFileDialogLogic, OpenAcceptsExistingFilesOnly) {
  TempDir t;
  populate(t.path());
  FileDialog d;
  open_file_dialog(d, FileDialogMode::open, t.path(), t.path() / "sub");
  EXPECT_TRUE(d.visible);
  EXPECT_EQ(d.folder, fs::weakly_canonical(t.path()));

  d.path_text = "";
  EXPECT_EQ(resolve_choice(d), std::nullopt);
  EXPECT_EQ(d.message, "Pick a file or type its path.");

  d.path_text = "  a.json ";  // relative to the listed folder, spaces trimmed
  EXPECT_EQ(resolve_choice(d), d.folder / "a.json");
  EXPECT_EQ(d.message, "");

  d.path_text = "missing.json";
  EXPECT_EQ(resolve_choice(d), std::nullopt);
  EXPECT_EQ(d.message, "No such file: " + (d.folder / "missing.json").string());

  d.path_text = (t.path() / "sub" / "inner.json").string();  // absolute
  EXPECT_EQ(resolve_choice(d), t.path() / "sub" / "inner.json");

  d.path_text = "sub";  // a folder: navigate into it
  EXPECT_EQ(resolve_choice(d), std::nullopt);
  EXPECT_EQ(d.folder, fs::weakly_canonical(t.path() / "sub"));
  EXPECT_EQ(names(d.entries), std::vector<std::string>{"inner.json"});
  EXPECT_EQ(d.path_text, "");
}

TEST(TeachFileDialogLogic, SaveAddsTheExtensionAndAsksBeforeReplacing) {
  TempDir t;
  populate(t.path());
  FileDialog d;
  open_file_dialog(d, FileDialogMode::save, t.path(), {}, "lecture");
  EXPECT_EQ(d.path_text, "lecture");
  EXPECT_EQ(resolve_choice(d), d.folder / "lecture.divlab.json");

  d.path_text = "a.json";  // exists: ask first
  EXPECT_EQ(resolve_choice(d), std::nullopt);
  EXPECT_EQ(d.overwrite, (d.folder / "a.json").string());
  EXPECT_EQ(resolve_choice(d), d.folder / "a.json");  // the same choice again confirms

  d.path_text = "nope/x.json";
  EXPECT_EQ(resolve_choice(d), std::nullopt);
  EXPECT_EQ(d.message, "No such folder: " + (d.folder / "nope").string());
}

TEST(TeachFileDialogLogic, EmptyFolderFallsBackToThePresets) {
  TempDir t;
  populate(t.path());
  FileDialog d;
  open_file_dialog(d, FileDialogMode::open, {}, t.path() / "sub");
  EXPECT_EQ(d.folder, fs::weakly_canonical(t.path() / "sub"));
}

// [SECTION] Drawing and clicking

class TeachFileDialogGui : public ImGuiTest {
 protected:
  // Presses and releases the left button at `pos`, one frame each.
  static void click(ImVec2 pos, const std::function<void()>& body) {
    mouse(pos, true);
    text_frame(body);
    mouse(pos, false);
    text_frame(body);
  }
};

// The dialog's file list (a child window) and the centre of its row `i`.
ImGuiWindow* file_list() {
  for (ImGuiWindow* w : GImGui->Windows)
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) && std::string(w->Name).find("##files") != std::string::npos &&
        w->Active)
      return w;
  return nullptr;
}
ImVec2 row_center(ImGuiWindow* list, int i) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float row = ImGui::GetFontSize() + style.ItemSpacing.y;
  return ImVec2(list->Pos.x + 40.0f, list->Pos.y + style.WindowPadding.y + row * static_cast<float>(i) +
                                         ImGui::GetFontSize() * 0.5f);
}

ImGuiWindow* popup(const char* title) {
  for (ImGuiWindow* w : GImGui->Windows)
    if ((w->Flags & ImGuiWindowFlags_Modal) && std::string(w->Name) == title && w->Active) return w;
  return nullptr;
}

TEST_F(TeachFileDialogGui, DialogListsTheFolderAndADoubleClickChoosesAFile) {
  TempDir t;
  populate(t.path());
  FileDialog d;
  open_file_dialog(d, FileDialogMode::open, t.path(), t.path() / "sub");
  std::optional<fs::path> chosen;
  auto body = [&] {
    if (auto p = draw_file_dialog(d)) chosen = p;
  };
  text_frame(body);  // the popup appears (hidden for its first frame while it measures)
  const std::string text = text_frame(body);
  ASSERT_NE(popup(kOpenDialogTitle), nullptr);
  for (const char* shown : {"sub/", "C.JSON", "a.json", "b.json", "Presets", "Up", "Open", "Cancel"})
    EXPECT_NE(text.find(shown), std::string::npos) << shown << "\n" << text;
  for (const char* hidden : {"notes.txt", ".hidden", "tmp-Xy12ab"})
    EXPECT_EQ(text.find(hidden), std::string::npos) << hidden << "\n" << text;

  ImGuiWindow* list = file_list();
  ASSERT_NE(list, nullptr);
  // One click on a.json (row 2) fills the path field; nothing is chosen yet.
  click(row_center(list, 2), body);
  EXPECT_EQ(d.path_text, (d.folder / "a.json").string());
  EXPECT_FALSE(chosen.has_value());
  EXPECT_TRUE(d.visible);
  // A second click within the double-click time chooses it and closes the dialog.
  click(row_center(list, 2), body);
  ASSERT_TRUE(chosen.has_value());
  EXPECT_EQ(*chosen, d.folder / "a.json");
  EXPECT_FALSE(d.visible);
  text_frame(body);
  EXPECT_EQ(popup(kOpenDialogTitle), nullptr);
}

TEST_F(TeachFileDialogGui, ClickingAFolderEntersIt) {
  TempDir t;
  populate(t.path());
  FileDialog d;
  open_file_dialog(d, FileDialogMode::open, t.path(), {});
  auto body = [&] { draw_file_dialog(d); };
  text_frame(body);
  text_frame(body);
  ImGuiWindow* list = file_list();
  ASSERT_NE(list, nullptr);
  click(row_center(list, 0), body);  // "sub/"
  EXPECT_EQ(d.folder, fs::weakly_canonical(t.path() / "sub"));
  const std::string text = text_frame(body);
  EXPECT_NE(text.find("inner.json"), std::string::npos) << text;
  EXPECT_EQ(text.find("a.json"), std::string::npos) << text;
}

TEST_F(TeachFileDialogGui, EscapeCancels) {
  TempDir t;
  FileDialog d;
  open_file_dialog(d, FileDialogMode::save, t.path(), {});
  std::optional<fs::path> chosen;
  auto body = [&] {
    if (auto p = draw_file_dialog(d)) chosen = p;
  };
  text_frame(body);
  text_frame(body);
  ASSERT_NE(popup(kSaveDialogTitle), nullptr);
  ImGui::GetIO().KeysDown[GLFW_KEY_ESCAPE] = true;
  text_frame(body);
  ImGui::GetIO().KeysDown[GLFW_KEY_ESCAPE] = false;
  text_frame(body);
  EXPECT_FALSE(d.visible);
  EXPECT_FALSE(chosen.has_value());
  EXPECT_EQ(popup(kSaveDialogTitle), nullptr);
}

TEST_F(TeachFileDialogGui, ErrorDialogShowsTheSpecMessageUntilDismissed) {
  ErrorDialog e;
  const std::string message = "coin.json: p.mass[3]: expected a finite number >= 0, got -0.2";
  auto body = [&] { draw_error_dialog(e); };
  text_frame(body);
  EXPECT_EQ(popup(kErrorDialogTitle), nullptr);  // nothing until an error is shown
  show_error(e, message);
  text_frame(body);
  const std::string text = text_frame(body);
  ImGuiWindow* w = popup(kErrorDialogTitle);
  ASSERT_NE(w, nullptr);
  EXPECT_NE(text.find(message), std::string::npos) << text;
  EXPECT_NE(text.find("Your current work is unchanged."), std::string::npos) << text;
  // Centred.
  EXPECT_NEAR(w->Pos.x + w->Size.x / 2, 640, 1.0);
  // It stays until OK, Enter or Esc.
  for (int i = 0; i < 5; ++i) text_frame(body);
  EXPECT_NE(popup(kErrorDialogTitle), nullptr);
  ImGui::GetIO().KeysDown[GLFW_KEY_ENTER] = true;
  text_frame(body);
  ImGui::GetIO().KeysDown[GLFW_KEY_ENTER] = false;
  text_frame(body);
  EXPECT_EQ(popup(kErrorDialogTitle), nullptr);
}

}  // namespace
}  // namespace divlab::gui

// The app's settings: where they live, what a broken file gives, and that no document changes them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "shell/app.hpp"
#include "shell/settings.hpp"

namespace divlab::gui {
namespace {

TEST(Settings, PathFollowsXdgConfigHome) {
  EXPECT_EQ(settings_path_from("/cfg", "/home/u"), std::filesystem::path("/cfg/divlab/settings.json"));
  EXPECT_EQ(settings_path_from("", "/home/u"), std::filesystem::path("/home/u/.config/divlab/settings.json"));
  EXPECT_EQ(settings_path_from("relative", "/home/u"), std::filesystem::path("/home/u/.config/divlab/settings.json"));
  EXPECT_EQ(settings_path_from(nullptr, nullptr), std::nullopt);
  EXPECT_EQ(settings_path_from(nullptr, "relative"), std::nullopt);
}

TEST(Settings, RoundTripAndBrokenInputKeepsDefaults) {
  Settings s;
  s.theme = "high_contrast";
  s.presentation_scale = 2.5f;
  s.lab = "fit";
  s.window_width = 1280;
  s.window_height = 720;
  EXPECT_EQ(settings_from_json(settings_to_json(s)), s);
  for (const char* bad : {"", "{", "[]", "null", "\"x\"", "{\"theme\": 3, \"presentation_scale\": \"big\"}",
                          "{\"presentation_scale\": 1e400}"})
    EXPECT_EQ(settings_from_json(bad), Settings{}) << bad;
  const Settings clamped = settings_from_json(R"({"presentation_scale": 40, "window_width": -5, "extra": 1})");
  EXPECT_EQ(clamped.presentation_scale, 3.0f);
  EXPECT_EQ(clamped.window_width, 320);
}

TEST(Settings, SaveIsAtomicAndLoadOfMissingFileGivesDefaults) {
  const auto dir = std::filesystem::temp_directory_path() / ("divlab-settings-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const auto path = dir / "divlab" / "settings.json";
  EXPECT_EQ(load_settings(path), Settings{});
  Settings s;
  s.theme = "dark";
  ASSERT_EQ(save_settings(s, path), std::nullopt);
  EXPECT_EQ(load_settings(path), s);
  std::filesystem::permissions(dir / "divlab", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  if (::geteuid() != 0) {  // root writes anyway; for anyone else a read-only folder is an error, not a crash
    EXPECT_NE(save_settings(s, path), std::nullopt);
  }
  std::filesystem::permissions(dir / "divlab", std::filesystem::perms::owner_all);
  std::filesystem::remove_all(dir);
}

// A lecturer in presentation mode opens a preset: the look stays (it is the app's, not the file's).
TEST(Settings, OpeningFilesAndPresetsKeepsTheLook) {
  App app;
  toggle_presentation(app);
  ASSERT_TRUE(app.settings.presentation());
  const Settings before = app.settings;
  const std::string presets = std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/";
  for (const auto& e : std::filesystem::directory_iterator(presets)) {
    if (e.path().extension() != ".json") continue;
    open_file(app, e.path().string(), /*discard=*/true);
    app.settings.lab = before.lab;  // showing a lab is remembered; the look is what must not move
    EXPECT_EQ(app.settings, before) << e.path();
  }
  // Even a file whose view still carries the old keys.
  const auto file = std::filesystem::temp_directory_path() / "divlab-old-view.json";
  std::ofstream(file) << R"({"format": "divlab.scenario", "version": 1, "kind": "discrete",
    "p": {"mass": [1, 1]}, "q": {"mass": [1, 3]}, "view": {"theme": "dark", "presentation_scale": 1}})";
  open_file(app, file.string(), true);
  EXPECT_EQ(app.settings.theme, before.theme);
  EXPECT_EQ(app.settings.presentation_scale, before.presentation_scale);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace divlab::gui

// The app's settings: where they live, what a broken file gives, and that no document changes them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include <GLFW/glfw3.h>

#include "app/imgui_fixture.hpp"
#include "labs/joint/joint_lab.hpp"
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
  s.units = "bits";
  s.window_width = 1280;
  s.window_height = 720;
  EXPECT_EQ(settings_from_json(settings_to_json(s)), s);
  for (const char* bad : {"", "{", "[]", "null", "\"x\"", "{\"theme\": 3, \"presentation_scale\": \"big\"}",
                          "{\"presentation_scale\": 1e400}"})
    EXPECT_EQ(settings_from_json(bad), Settings{}) << bad;
  const Settings clamped = settings_from_json(R"({"presentation_scale": 40, "window_width": -5, "extra": 1})");
  EXPECT_EQ(clamped.presentation_scale, 3.0f);
  EXPECT_EQ(clamped.window_width, 320);
  EXPECT_EQ(settings_from_json(R"({"units": "nats"})").units_base(), Base::e);
  EXPECT_EQ(settings_from_json(R"({"units": "bits"})").units_base(), Base::two);
  for (const char* other : {R"({"units": "furlongs"})", R"({"units": 2})", R"({"units": ""})", "{}"})
    EXPECT_EQ(settings_from_json(other).units, "file") << other;
  EXPECT_EQ(Settings{}.units_base(), std::nullopt);
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

// Units are a preference, like the theme: B switches every lab, opening a file in the other base
// keeps them, and no document is edited (nothing to save, nothing to undo).
class UnitsPreference : public AppTest {
 protected:
  void press_b() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[GLFW_KEY_B] = true;
    frame(-1000, -1000, false);
    io.KeysDown[GLFW_KEY_B] = false;
    idle(1);
  }
  JointLab& joint() { return static_cast<JointLab&>(*app->find_lab("joint")); }
};

TEST_F(UnitsPreference, BSwitchesEveryLabAndOpeningAFileKeepsThem) {
  const std::string presets = std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/";
  open_file(*app, presets + "04-bimodal-vs-one-gaussian.json", true);  // a file in nats
  ASSERT_EQ(div().doc.scenario().base, Base::e);
  idle(2);
  ASSERT_EQ(div().data.base, Base::e);  // no preference yet: the file's own base
  const double kl_nats = div().data.measures.kl_pq;

  press_b();
  EXPECT_EQ(app->settings.units, "bits");
  EXPECT_EQ(div().data.base, Base::two);
  EXPECT_NEAR(div().data.measures.kl_pq, kl_nats / std::log(2.0), 1e-12 * kl_nats);
  EXPECT_EQ(div().doc.scenario().base, Base::e);  // the file keeps its base
  EXPECT_FALSE(div().doc.dirty());
  EXPECT_FALSE(div().doc.can_undo());

  // Another file in nats, and the joint lab: still bits.
  open_file(*app, presets + "07-cauchy-vs-normal.json", true);
  idle(2);
  EXPECT_EQ(div().data.base, Base::two);
  app->switch_lab("joint");
  idle(2);
  EXPECT_EQ(joint().data.base, Base::two);
  EXPECT_EQ(joint().figure_source().base, Base::two);  // exports show what the screen shows

  press_b();
  EXPECT_EQ(app->settings.units, "nats");
  EXPECT_EQ(joint().data.base, Base::e);
  EXPECT_FALSE(joint().doc.dirty());

  // "As each file says": the document's own base again.
  app->settings.units = "file";
  idle(2);
  EXPECT_EQ(joint().data.base, joint().doc.scenario().base);
}

// A lecturer in presentation mode presses the preset keys (1, 2, …) in every lab and T: the scale
// stays, and T's cycle comes back to high contrast.
class PresentationKeys : public AppTest {
 protected:
  void press(int key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[key] = true;
    frame(-1000, -1000, false);
    io.KeysDown[key] = false;
    idle(1);
  }
};

TEST_F(PresentationKeys, PresetKeysAndThemesKeepPresentationMode) {
  press(GLFW_KEY_P);
  ASSERT_TRUE(app->settings.presentation());
  ASSERT_EQ(app->settings.theme, "high_contrast");
  for (const char* lab : {"divergence", "fit", "joint", "coding"}) {
    ASSERT_TRUE(app->switch_lab(lab));
    for (const int key : {GLFW_KEY_2, GLFW_KEY_3, GLFW_KEY_1}) {  // (a default may be preset 1)
      const std::string before = app->lab().doc.scenario().title.value_or("");
      press(key);
      EXPECT_NE(app->lab().doc.scenario().title.value_or(""), before) << lab << ": the preset key opened nothing";
      EXPECT_TRUE(app->settings.presentation()) << lab << " preset key " << key - GLFW_KEY_0;
      EXPECT_EQ(app->settings.theme, "high_contrast") << lab << " preset key " << key - GLFW_KEY_0;
    }
  }
  // T: dark, light… and back to high contrast, in presentation mode all along.
  std::vector<std::string> seen;
  for (int i = 0; i < 4; ++i) {
    press(GLFW_KEY_T);
    seen.push_back(app->settings.theme);
    EXPECT_TRUE(app->settings.presentation());
  }
  EXPECT_EQ(seen.back(), "high_contrast");
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 4u) << "T visits every theme";
  // A preset after a T: the chosen theme stays too.
  press(GLFW_KEY_T);
  const std::string theme = app->settings.theme;
  press(GLFW_KEY_1);
  EXPECT_EQ(app->settings.theme, theme);
  EXPECT_TRUE(app->settings.presentation());
  // Out of presentation mode T cycles light, dark and print only.
  press(GLFW_KEY_P);
  ASSERT_FALSE(app->settings.presentation());
  for (int i = 0; i < 3; ++i) {
    press(GLFW_KEY_T);
    EXPECT_NE(app->settings.theme, "high_contrast");
  }
}

}  // namespace
}  // namespace divlab::gui

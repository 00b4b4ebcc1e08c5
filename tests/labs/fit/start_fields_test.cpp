// Issue 11 §1 in the fit lab: the start μ, σ fields take typed numbers on a single click, and the
// keys typed there run no shortcut ("-0.5" must not load preset 5).
#include <gtest/gtest.h>
#include <imgui.h>

#include <string>

#include "app/imgui_fixture.hpp"
#include "app/typing.hpp"
#include "core/fit/fit_test_util.hpp"
#include "shell/app.hpp"

namespace divlab::gui {
namespace {

using fittest::normal;

Scenario bimodal() {
  Scenario s;
  s.kind = Kind::continuous;
  s.p_mix.components = {normal(0.5, -2, 0.6), normal(0.5, 2, 0.6)};
  s.q_mix.components = {normal(1, 0, 1)};
  FitSpec f;
  f.start = {{"mean", 1.0}, {"sd", 1.0}};
  s.fit = f;
  return s;
}

class StartFields : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    map_editing_keys();
    app->switch_lab("fit");
    fit_lab().doc.reset(bimodal());
    idle(3);
  }
  FitPanelState& st() { return fit_lab().fit; }
  // A single click, then the keys of `text` as the GLFW backend sends them (key + character), then `end`.
  void click_and_type(ImVec2 corner, const std::string& text, int end) {
    const ImVec2 at{corner.x + 8, corner.y + 6};
    frame(at.x, at.y, false);
    frame(at.x, at.y, true);
    frame(at.x, at.y, false);
    ImGuiIO& io = ImGui::GetIO();
    for (const char ch : text) {
      io.KeysDown[static_cast<unsigned char>(ch)] = true;
      io.AddInputCharacter(static_cast<unsigned>(ch));
      frame(at.x, at.y, false);
      io.KeysDown[static_cast<unsigned char>(ch)] = false;
      frame(at.x, at.y, false);
    }
    io.KeysDown[end] = true;
    frame(at.x, at.y, false);
    io.KeysDown[end] = false;
    idle(2);
  }
};

TEST_F(StartFields, MinusZeroPointFiveIsAMeanNotPresetFive) {
  const std::uint64_t generation = fit_lab().doc.generation();
  click_and_type(st().start_mean_field, "-0.5", kEnter);
  EXPECT_EQ(fit_lab().doc.generation(), generation) << "a preset replaced the document";
  EXPECT_TRUE(fit_lab().file_path.empty());
  EXPECT_DOUBLE_EQ(st().start_mean, -0.5);
  EXPECT_DOUBLE_EQ(st().start_sd, 1.0);
  ASSERT_TRUE(st().rev.fitter);
  EXPECT_DOUBLE_EQ(st().rev.fitter->theta()[0], -0.5);  // the fits restarted from there
}

TEST_F(StartFields, TabCommitsTheSd) {
  click_and_type(st().start_sd_field, "0.75", keys::kTab);
  EXPECT_DOUBLE_EQ(st().start_sd, 0.75);
  EXPECT_DOUBLE_EQ(st().start_mean, 1.0);
}

// The narrowest layout (1280×720 at presentation scale) folds the settings into a popup behind
// "Settings…"; its start field takes typed numbers on a single click as well.
class FoldedStartFields : public StartFields {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    ImGui::GetIO().DisplaySize = {1280, 720};
    app->settings.presentation_scale = 2.0f;
    ASSERT_TRUE(load_fonts(*app, ui_scale(*app))) << "DejaVu Sans missing";
    build_font_atlas();
    map_editing_keys();
    app->switch_lab("fit");
    fit_lab().doc.reset(bimodal());
    idle(3);
  }
};

TEST_F(FoldedStartFields, MinusZeroPointFiveInThePopupIsAMean) {
  ASSERT_GT(st().settings_button.x, 0) << "the settings did not fold at 1280×720 presentation";
  const ImVec2 b = st().settings_button;
  frame(b.x, b.y, false);
  frame(b.x, b.y, true);
  frame(b.x, b.y, false);
  idle(2);
  const std::uint64_t generation = fit_lab().doc.generation();
  click_and_type(st().start_mean_field, "-0.5", kEnter);
  EXPECT_EQ(fit_lab().doc.generation(), generation) << "a preset replaced the document";
  EXPECT_DOUBLE_EQ(st().start_mean, -0.5);
  ASSERT_TRUE(st().rev.fitter);
  EXPECT_DOUBLE_EQ(st().rev.fitter->theta()[0], -0.5);
}

}  // namespace
}  // namespace divlab::gui

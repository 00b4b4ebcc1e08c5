// Switching labs loses nothing: each lab keeps its own document, undo history and view state, and a
// file opens in the lab its kind belongs to.
#include <gtest/gtest.h>

#include <set>

#include "app/imgui_fixture.hpp"

namespace divlab::gui {
namespace {

class LabSwitchTest : public AppTest {};

TEST_F(LabSwitchTest, EachLabKeepsItsDocumentAndUndoAcrossSwitches) {
  idle(2);
  const std::string preset = std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/01-fair-vs-rigged-coin.json";
  open_file(*app, preset);
  ASSERT_EQ(app->lab().id(), "divergence");
  div().doc.set_probability(Which::p, 0, 0.8);
  div().tools.target = Which::q;
  idle(2);
  const Scenario div_state = div().doc.scenario();

  ASSERT_EQ(run_action(*app, "switch_lab", {{"lab", "fit"}}), "");
  idle(3);
  Component c = fit_lab().doc.mixture(Which::p).components[0];
  c.mean = -1.5;
  fit_lab().doc.set_component(Which::p, 0, c);
  idle(3);
  const Scenario fit_state = fit_lab().doc.scenario();
  EXPECT_NE(fit_state, div_state);

  ASSERT_EQ(run_action(*app, "switch_lab", {{"lab", "divergence"}}), "");
  idle(3);
  EXPECT_EQ(div().doc.scenario(), div_state);
  EXPECT_EQ(div().tools.target, Which::q);
  EXPECT_EQ(div().doc.undo_depth(), 1u);
  EXPECT_TRUE(div().doc.dirty());
  ASSERT_TRUE(div().doc.undo());
  EXPECT_NEAR(div().doc.probability(Which::p, 0), 0.5, 1e-15);
  // Undo in one lab never touches another's.
  EXPECT_EQ(fit_lab().doc.scenario(), fit_state);
  EXPECT_EQ(fit_lab().doc.undo_depth(), 1u);
}

TEST_F(LabSwitchTest, FilesOpenInTheCurrentLabWhenItTakesTheirKind) {
  app->switch_lab("fit");
  const std::string preset = std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/04-bimodal-vs-one-gaussian.json";
  open_file(*app, preset);
  EXPECT_EQ(app->lab().id(), "fit");
  EXPECT_EQ(fit_lab().file_path, preset);
  EXPECT_TRUE(div().file_path.empty());
}

TEST_F(LabSwitchTest, TheLabBarSwitchesLabsByClickAndByKey) {
  idle(3);
  // Ctrl+2 shows the second lab.
  ImGuiIO& io = ImGui::GetIO();
  io.KeyCtrl = true;
  io.KeysDown['2'] = true;
  idle(1);
  io.KeysDown['2'] = false;
  io.KeyCtrl = false;
  idle(1);
  EXPECT_EQ(app->lab().id(), app->labs[1]->id());
  // A click on the first lab's button in the lab bar.
  ImGuiWindow* bar = ImGui::FindWindowByName("##labs");
  ASSERT_NE(bar, nullptr);
  // Click along the bar as a user would until the first lab's button is hit.
  bool switched = false;
  for (float x = bar->Pos.x + 4; x < bar->Pos.x + 600 && !switched; x += 12) {
    const float y = bar->Pos.y + bar->Size.y / 2;
    frame(x, y, false);
    frame(x, y, true);
    frame(x, y, false);
    switched = app->lab().id() == app->labs[0]->id();
  }
  EXPECT_TRUE(switched);
}

// A title of any length is cut to the menu bar in a few measurements (a 1 MB title once froze it).
TEST_F(LabSwitchTest, AHugeTitleIsCutWithoutFreezingTheFrame) {
  Scenario s = div().doc.scenario();
  s.title = std::string(1 << 20, 'x') + "é";
  div().doc.reset(s);
  idle(3);
  SUCCEED();
}

// A lab's export menu offers exactly its figures, and `divlab render --figure` knows each of them.
TEST(Labs, EveryFigureBelongsToTheLabThatShowsIt) {
  App app;
  std::size_t shown = 0;
  for (const auto& lab : app.labs)
    for (std::string_view name : lab->figures()) {
      const plot::FigureSpec* f = plot::find_figure(name);
      ASSERT_NE(f, nullptr) << name;
      EXPECT_EQ(f->lab, lab->id()) << name;
      ++shown;
    }
  EXPECT_EQ(shown, plot::figure_registry().size());  // and no registered figure is left unshown
  std::set<std::string_view> ids;
  for (const auto& lab : app.labs) EXPECT_TRUE(ids.insert(lab->id()).second) << lab->id();
}

}  // namespace
}  // namespace divlab::gui

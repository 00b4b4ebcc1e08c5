// The mutual-information lab in real ImGui frames: the mouse drags a cell and paints across cells,
// the numbers shown are core's, the lock keeps the marginals, "Open as P vs Q" gives D(P‖Q) = I.
#include <gtest/gtest.h>

#include <cmath>

#include "app/imgui_fixture.hpp"
#include "divlab/measures/joint.hpp"
#include "labs/joint/joint_lab.hpp"

namespace divlab::gui {
namespace {

class JointLabTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    app->switch_lab("joint");
    idle(3);
  }
  JointLab& lab() { return static_cast<JointLab&>(*app->find_lab("joint")); }
  // The centre of cell (i, j) of the editable table as last drawn.
  ImVec2 centre(std::size_t i, std::size_t j) {
    const plot::Rect r = lab().table_grid.cell(i, j);
    return {(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2};
  }
  double core_mi() {
    return measure_joint(lab().doc.scenario().joint.mass, lab().doc.scenario().base).mutual_information;
  }
};

TEST_F(JointLabTest, DraggingACellUpChangesIToCoresValue) {
  ASSERT_EQ(lab().table_grid.rows, 2u);
  ASSERT_EQ(lab().table_grid.cols, 3u);
  const double i0 = lab().data.analysis.measures.mutual_information;
  EXPECT_NEAR(i0, core_mi(), 1e-15);
  const double p00 = lab().doc.joint_probability(0, 0);
  const ImVec2 c = centre(0, 0);
  const float grid_h = lab().table_grid.grid.height();
  frame(c.x, c.y, false);
  frame(c.x, c.y, true);
  for (int k = 1; k <= 10; ++k) frame(c.x, c.y - grid_h * 0.02f * static_cast<float>(k), true);
  // Holding still keeps the value: the mapping is frozen for the drag.
  const double held = lab().doc.joint_probability(0, 0);
  for (int k = 0; k < 30; ++k) frame(c.x, c.y - grid_h * 0.2f, true);
  EXPECT_NEAR(lab().doc.joint_probability(0, 0), held, 1e-12);
  frame(c.x, c.y - grid_h * 0.2f, false);
  idle(2);
  // ImGui floors the pointer to whole pixels: the value is right to a pixel of the grid.
  EXPECT_NEAR(lab().doc.joint_probability(0, 0), p00 + 0.2, 1.0 / grid_h);
  EXPECT_EQ(lab().doc.undo_depth(), 1u);  // one drag, one undo step
  EXPECT_GT(lab().data.analysis.measures.mutual_information, i0);
  EXPECT_NEAR(lab().data.analysis.measures.mutual_information, core_mi(), 1e-15);
  lab().doc.undo();
  idle(2);
  EXPECT_NEAR(lab().data.analysis.measures.mutual_information, i0, 1e-15);
}

TEST_F(JointLabTest, ShiftDragPaintsOtherCellsWithTheFirstCellsMass) {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 a = centre(0, 0), b = centre(0, 1), c = centre(0, 2);
  frame(a.x, a.y, false);
  io.KeyShift = true;
  frame(a.x, a.y, true);
  frame(b.x, b.y, true);
  frame(c.x, c.y, true);
  io.KeyShift = false;
  frame(c.x, c.y, false);
  idle(2);
  EXPECT_NEAR(lab().doc.joint_probability(0, 1), lab().doc.joint_probability(0, 0), 1e-15);
  EXPECT_NEAR(lab().doc.joint_probability(0, 2), lab().doc.joint_probability(0, 0), 1e-15);
  double total = 0;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) total += lab().doc.joint_probability(i, j);
  EXPECT_NEAR(total, 1, 1e-15);
  EXPECT_EQ(lab().doc.undo_depth(), 1u);
}

TEST_F(JointLabTest, LockedDragKeepsBothEntropiesAndMovesOnlyI) {
  ASSERT_EQ(run_action(*app, "joint.lock_marginals", {{"on", true}}), "");
  const JointMeasures before = lab().data.analysis.measures;
  const ImVec2 c = centre(1, 1);
  frame(c.x, c.y, false);
  frame(c.x, c.y, true);
  for (int k = 1; k <= 8; ++k) frame(c.x, c.y + 6.0f * static_cast<float>(k), true);
  frame(c.x, c.y + 48, false);
  idle(2);
  const JointMeasures& after = lab().data.analysis.measures;
  EXPECT_NEAR(after.entropy_x, before.entropy_x, 1e-12);
  EXPECT_NEAR(after.entropy_y, before.entropy_y, 1e-12);
  EXPECT_GT(std::abs(after.mutual_information - before.mutual_information), 1e-3);
}

TEST_F(JointLabTest, OpenAsPvsQGivesTheMutualInformationAsAKl) {
  const double mi = core_mi();
  ASSERT_EQ(run_action(*app, "joint.open_as_pq"), "");
  EXPECT_EQ(app->lab().id(), "divergence");
  idle(2);
  EXPECT_NEAR(div().data.measures.kl_pq, mi, 1e-12);
  EXPECT_EQ(div().doc.bins(), 6);
  // The joint lab kept its table.
  EXPECT_EQ(lab().doc.scenario().joint.mass.size(), 2u);
}

TEST_F(JointLabTest, SwitchingLabsAndBackKeepsTheTableAndItsUndo) {
  const ImVec2 c = centre(0, 2);
  frame(c.x, c.y, false);
  frame(c.x, c.y, true);
  frame(c.x, c.y - 30, true);
  frame(c.x, c.y - 30, false);
  const Scenario edited = lab().doc.scenario();
  ASSERT_EQ(lab().doc.undo_depth(), 1u);
  ASSERT_EQ(run_action(*app, "switch_lab", {{"lab", "divergence"}}), "");
  idle(2);
  div().doc.set_base(div().doc.scenario().base == Base::two ? Base::e : Base::two);
  idle(2);
  ASSERT_EQ(run_action(*app, "switch_lab", {{"lab", "joint"}}), "");
  idle(2);
  EXPECT_EQ(lab().doc.scenario(), edited);
  EXPECT_EQ(lab().doc.undo_depth(), 1u);
  EXPECT_EQ(div().doc.undo_depth(), 1u);
}

TEST_F(JointLabTest, JointPresetsOpenInTheJointLabFromAnyLab) {
  app->switch_lab("divergence");
  open_file(*app, std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/joint/02-y-equals-x.json");
  EXPECT_EQ(app->lab().id(), "joint");
  idle(2);
  const JointMeasures& m = lab().data.analysis.measures;
  EXPECT_NEAR(m.mutual_information, m.entropy_x, 1e-12);  // Y = X: I = H(X)
}

// From the review: the values table is an ImGui table of at most 64 columns, and rows or columns
// added this frame are drawn next frame, never read past the labels.
TEST_F(JointLabTest, WideTablesAndAddedRowsAndColumnsDrawSafely) {
  Scenario s = default_joint_scenario();
  s.joint.mass = {std::vector<double>(63, 1.0)};
  s.joint.x_labels.clear();
  s.joint.y_labels.clear();
  lab().doc.reset(s);
  idle(2);
  ASSERT_EQ(run_action(*app, "joint.add_column"), "");
  idle(2);
  EXPECT_EQ(lab().doc.joint_cols(), 64);
  lab().doc.reset(default_joint_scenario());
  idle(1);
  for (int k = 0; k < 3; ++k) {
    ASSERT_EQ(run_action(*app, "joint.add_row"), "");
    ASSERT_EQ(run_action(*app, "joint.add_column"), "");
    idle(1);
  }
  EXPECT_EQ(lab().data.rows, 5u);
  EXPECT_EQ(lab().data.cols, 6u);
}

TEST_F(JointLabTest, OpenAsPvsQAsksBeforeReplacingUnsavedWorkAndRefusesWhatBinsCannotShow) {
  div().doc.set_base(Base::two == div().doc.scenario().base ? Base::e : Base::two);  // unsaved work there
  const Scenario before = div().doc.scenario();
  ASSERT_EQ(run_action(*app, "joint.open_as_pq"), "");
  EXPECT_EQ(div().doc.scenario(), before);  // nothing replaced yet
  EXPECT_TRUE(app->confirm_quit);
  ASSERT_TRUE(app->pending_scenario.has_value());
  EXPECT_EQ(app->pending_scenario->first, "divergence");
  // A table whose p(x)p(y) underflows: the bins would show ∞ where I is finite.
  Scenario s = default_joint_scenario();
  s.joint.mass = {{1, 0}, {0, 1e-170}};
  std::string error;
  EXPECT_FALSE(joint_as_pq(s, &error).has_value());
  EXPECT_NE(error.find("below the smallest double"), std::string::npos) << error;
}

TEST_F(JointLabTest, DraggingACellToTheTopKeepsTheOthersRatios) {
  const double r = lab().doc.joint_probability(0, 1) / lab().doc.joint_probability(1, 2);
  const ImVec2 c = centre(0, 0);
  frame(c.x, c.y, false);
  frame(c.x, c.y, true);
  frame(c.x, c.y - 3000, true);  // far past the top
  frame(c.x, c.y, true);         // and back
  frame(c.x, c.y, false);
  idle(1);
  EXPECT_NEAR(lab().doc.joint_probability(0, 1) / lab().doc.joint_probability(1, 2), r, 1e-6);
}

}  // namespace
}  // namespace divlab::gui

// Issue 11 §1, in the divergence lab: the value under the hand does not run away while a drag is
// held still, typed cells commit on Tab and refuse what is not a probability, the mixture editor
// shows one weight, and a right-click after a fast pointer jump does not pan. Real ImGui frames, the
// mouse and keys fed through io frame by frame.
#include <gtest/gtest.h>
#include <imgui.h>

#include <string>

#include "app/imgui_fixture.hpp"
#include "app/typing.hpp"
#include "core/fit/fit_test_util.hpp"
#include "divlab/distributions/distribution.hpp"
#include "widgets/pq_tools.hpp"

namespace divlab::gui {
namespace {

using fittest::normal;

Scenario four_bins() {
  Scenario s;
  s.kind = Kind::discrete;
  s.p_mass = {0.1, 0.2, 0.3, 0.4};
  s.q_mass = {0.25, 0.25, 0.25, 0.25};
  return s;
}

Scenario two_peaks() {
  Scenario s;
  s.kind = Kind::continuous;
  s.p_mix.components = {normal(0.5, -2, 0.6), normal(0.5, 2, 0.6)};
  s.q_mix.components = {normal(1, 0, 1)};
  return s;
}

class FollowsHand : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    map_editing_keys();
  }
  void click(ImVec2 at) {
    frame(at.x, at.y, false);
    frame(at.x, at.y, true);
    frame(at.x, at.y, false);
  }
  // Types `text` into the focused field, a key and its character per frame, the mouse at `at`.
  void type(ImVec2 at, const std::string& text) {
    ImGuiIO& io = ImGui::GetIO();
    for (const char ch : text) {
      io.KeysDown[static_cast<unsigned char>(ch)] = true;
      io.AddInputCharacter(static_cast<unsigned>(ch));
      frame(at.x, at.y, false);
      io.KeysDown[static_cast<unsigned char>(ch)] = false;
      frame(at.x, at.y, false);
    }
  }
  void press(ImVec2 at, int key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[key] = true;
    frame(at.x, at.y, false);
    io.KeysDown[key] = false;
    frame(at.x, at.y, false);
  }
  // The text the sculpting sidebar draws for the divergence lab's document, in one window of its own.
  std::string sidebar_text() {
    return text_frame([this] {
      ImGui::SetNextWindowPos({0, 0});
      ImGui::SetNextWindowSize({420, 880});
      ImGui::Begin("sidebar");
      draw_pq_tools(div().doc, div().tools, current_theme(*app));
      ImGui::End();
    });
  }
  ImVec2 field(const std::string& name) {
    const auto it = div().tools.fields.find(name);
    EXPECT_NE(it, div().tools.fields.end()) << name;
    return it == div().tools.fields.end() ? ImVec2{-1000, -1000} : it->second;
  }
};

// [SECTION] drags freeze the value↔pixel mapping

TEST_F(FollowsHand, ABarHeldStillInTheTopTenthKeepsItsValue) {
  div().doc.reset(four_bins());
  idle(30);  // the axis has settled
  const plot::Axes a = div().density_axes;
  const float x = a.px_x(1 - 0.2);  // P's bar of bin 1
  const float top = a.plot.y0 + 0.05f * a.plot.height();
  frame(x, a.px_y(0.2), false);
  frame(x, a.px_y(0.2), true);
  frame(x, top, true);
  const double first = div().doc.probability(Which::p, 1);
  EXPECT_NEAR(first, a.data_y(top), (a.y.hi - a.y.lo) / a.plot.height());  // the value under the hand (±1 px)
  for (int k = 0; k < 60; ++k) frame(x, top, true);  // a second held still
  EXPECT_DOUBLE_EQ(div().doc.probability(Which::p, 1), first);
  EXPECT_EQ(div().density_axes.y.hi, a.y.hi);  // the mapping did not move under the hand
  EXPECT_GT(div().doc.probability(Which::p, 0), 0.05);  // the others kept their share
  frame(x, top, false);
  idle(2);
  EXPECT_DOUBLE_EQ(div().doc.probability(Which::p, 1), first);
  EXPECT_EQ(div().doc.undo_depth(), 1u);
}

TEST_F(FollowsHand, APeakHeldStillInTheTopTenthKeepsItsWeight) {
  div().doc.reset(two_peaks());
  idle(30);
  const plot::Axes a = div().density_axes;
  const Component c = div().doc.mixture(Which::p).components[0];
  const plot::Vec2 peak = a.px(c.mean, 0.5 * pdf(c, c.mean));
  const float top = a.plot.y0 + 0.05f * a.plot.height();
  frame(peak.x, peak.y, false);
  frame(peak.x, peak.y, true);
  frame(peak.x, top, true);
  const auto share = [&] {
    const auto& m = div().doc.mixture(Which::p).components;
    return m[0].weight / (m[0].weight + m[1].weight);
  };
  const double first = share();
  EXPECT_GT(first, 0.5);
  for (int k = 0; k < 60; ++k) frame(peak.x, top, true);
  EXPECT_NEAR(share(), first, 1e-12);
  EXPECT_LT(div().doc.mixture(Which::p).components[0].weight, 24.5 * 0.5);
  EXPECT_EQ(div().density_axes.y.hi, a.y.hi);
  frame(peak.x, top, false);
  idle(2);
  EXPECT_NEAR(share(), first, 1e-12);
}

// [SECTION] typed cells

TEST_F(FollowsHand, TabCommitsATypedProbability) {
  div().doc.reset(four_bins());
  idle(3);
  const ImVec2 at = field("p1");
  click(at);
  ASSERT_TRUE(ImGui::GetIO().WantTextInput);
  type(at, "0.5");
  EXPECT_DOUBLE_EQ(div().doc.probability(Which::p, 1), 0.2);  // not yet: still typing
  EXPECT_EQ(div().tools.target, Which::p);                    // the letters and digits ran no shortcut
  press(at, keys::kTab);
  idle(2);
  EXPECT_NEAR(div().doc.probability(Which::p, 1), 0.5, 1e-12);
  EXPECT_NEAR(div().doc.probability(Which::p, 0) / div().doc.probability(Which::p, 2), 1.0 / 3, 1e-12);
  EXPECT_EQ(div().tools.target, Which::p);  // Tab left the field; it did not also switch the target
}

TEST_F(FollowsHand, EnterCommitsATypedProbability) {
  div().doc.reset(four_bins());
  idle(3);
  const ImVec2 at = field("q2");
  click(at);
  type(at, "0.1");
  press(at, kEnter);
  idle(2);
  EXPECT_NEAR(div().doc.probability(Which::q, 2), 0.1, 1e-12);
}

TEST_F(FollowsHand, TwelveInAProbabilityCellIsRefusedAndSaid) {
  div().doc.reset(four_bins());
  idle(3);
  const ImVec2 at = field("p1");
  click(at);
  type(at, "12");
  press(at, kEnter);
  const std::string shown = sidebar_text();
  const std::vector<double> p = div().doc.probabilities(Which::p);
  EXPECT_EQ(p, four_bins().p_mass);  // not 1 with every other bin 0
  EXPECT_EQ(div().doc.undo_depth(), 0u);
  EXPECT_NE(shown.find("not applied: a probability is between 0 and 1"), std::string::npos) << shown;
}

// [SECTION] the mixture editor

TEST_F(FollowsHand, TheMixtureEditorShowsOneWeightAndTypingItSetsTheShare) {
  Scenario s = two_peaks();
  s.p_mix.components[0].weight = 1;
  s.p_mix.components[1].weight = 3;
  div().doc.reset(s);
  idle(3);
  const std::string shown = sidebar_text();
  ASSERT_NE(shown.find("P: components"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("w 0.25"), std::string::npos) << "a second weight beside the field";
  EXPECT_EQ(shown.find("w 0.75"), std::string::npos) << "a second weight beside the field";
  idle(1);
  const ImVec2 at = field("P weight 0");
  click(at);
  type(at, "0.6");
  press(at, kEnter);
  idle(2);
  const auto& m = div().doc.mixture(Which::p).components;
  EXPECT_NEAR(m[0].weight / (m[0].weight + m[1].weight), 0.6, 1e-12);
  EXPECT_DOUBLE_EQ(m[1].weight, 3);  // the others keep their (raw) weights and ratios
}

// [SECTION] panning

TEST_F(FollowsHand, ARightClickAfterAFastJumpDoesNotPan) {
  div().doc.reset(two_peaks());
  idle(3);
  const plot::Axes a = div().density_axes;
  const plot::Range before = div().x_view;
  const float cx = (a.plot.x0 + a.plot.x1) / 2, cy = (a.plot.y0 + a.plot.y1) / 2;
  frame(a.plot.x0 - 600, cy, false);  // far to the left, then in one frame onto the plot, pressing
  frame(cx, cy, false, true);
  frame(cx, cy, false, true);
  EXPECT_TRUE(div().sculpt.panning) << "the right button went down on the plot";
  EXPECT_DOUBLE_EQ(div().x_view.lo, before.lo);
  EXPECT_DOUBLE_EQ(div().x_view.hi, before.hi);
  // A real right-drag pans by the distance dragged: 100 px to the right moves the view left.
  for (int k = 1; k <= 10; ++k) frame(cx + 10.0f * static_cast<float>(k), cy, false, true);
  const double moved = 100.0 / a.plot.width() * (before.hi - before.lo);
  EXPECT_NEAR(div().x_view.lo, before.lo - moved, 1e-6 * (before.hi - before.lo));
  frame(cx + 100, cy, false, false);
}

}  // namespace
}  // namespace divlab::gui

namespace divlab::gui {
namespace {

class HistoryStrip : public AppTest {};

TEST_F(HistoryStrip, BelongsToTheDocumentAndRecordsRealChangesOnly) {
  Scenario s;
  s.kind = Kind::discrete;
  s.p_mass = {0.1, 0.2, 0.3, 0.4};
  s.q_mass = {0.25, 0.25, 0.25, 0.25};
  div().doc.reset(s);
  idle(2);
  ASSERT_EQ(div().history.size(), 1u);
  div().doc.set_probability(Which::p, 0, 0.3);
  idle(2);
  EXPECT_EQ(div().history.size(), 2u);
  div().doc.set_label(0, "heads");  // not a change of any quantity
  idle(2);
  EXPECT_EQ(div().history.size(), 2u);
  open_file(*app, std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/01-fair-vs-rigged-coin.json", /*discard=*/true);
  idle(2);
  ASSERT_EQ(div().history.size(), 1u);  // a new document starts a new strip
  EXPECT_EQ(div().history.front().m.kl_pq, in_base(div().data.measures, Base::e).kl_pq);
}

}  // namespace
}  // namespace divlab::gui

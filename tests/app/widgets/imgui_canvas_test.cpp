// The on-screen canvas draws fewer primitives than it is given (no window background again, curves
// without sub-pixel segments, big opaque rectangles as clears) and the picture stays the same.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "widgets/imgui_canvas.hpp"
#include "app/imgui_fixture.hpp"

namespace divlab::gui {
namespace {

class CanvasTest : public ImGuiTest {
 protected:
  CanvasTest() : ImGuiTest({800, 600}) {}
  void SetUp() override {
    ImGuiTest::SetUp();
    ImGui::NewFrame();  // sets the shared full-screen clip rectangle
    dl = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    dl->_ResetForNewFrame();
    dl->PushClipRectFullScreen();
  }
  void TearDown() override {
    dl.reset();
    ImGuiTest::TearDown();
  }
  ImGuiCanvas canvas() { return ImGuiCanvas(dl.get(), nullptr, nullptr, {0, 0, 800, 600}, kWhite); }
  int callbacks() const {
    int n = 0;
    for (const ImDrawCmd& c : dl->CmdBuffer) n += c.UserCallback != nullptr;
    return n;
  }
  static constexpr plot::Color kWhite{1, 1, 1, 1};
  std::unique_ptr<ImDrawList> dl;
};

// Distance from p to the polyline through pts.
float distance_to(const std::vector<ImVec2>& pts, plot::Vec2 p) {
  float best = 1e9f;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const ImVec2 a = pts[i], b = pts[i + 1];
    const float dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
    const float t = l2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / l2, 0.0f, 1.0f) : 0.0f;
    best = std::min(best, std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
  }
  return best;
}

TEST_F(CanvasTest, BackgroundFillsAreSkippedOtherFillsAreNot) {
  ImGuiCanvas c = canvas();
  c.fill_rect({10, 10, 50, 50}, kWhite);
  EXPECT_EQ(dl->VtxBuffer.Size, 0);  // the canvas lies on this colour already
  c.fill_rect({10, 10, 50, 50}, kWhite.with_alpha(0.85f));
  EXPECT_EQ(dl->VtxBuffer.Size, 4);  // a translucent veil is drawn
  c.fill_rect({10, 10, 50, 50}, {0.9f, 0.9f, 0.9f, 1});
  EXPECT_EQ(dl->VtxBuffer.Size, 8);  // a small opaque rectangle stays a quad
}

TEST_F(CanvasTest, BigOpaqueRectangleBecomesAScissoredClearWithItsColour) {
  ImGuiCanvas c = canvas();
  const plot::Color tint{0.984f, 0.984f, 0.992f, 1};
  c.fill_rect({100, 50, 700, 450}, tint);
  EXPECT_EQ(dl->VtxBuffer.Size, 0);
  ASSERT_EQ(callbacks(), 1);
  for (const ImDrawCmd& cmd : dl->CmdBuffer) {
    if (!cmd.UserCallback) continue;
    EXPECT_EQ(cmd.ClipRect.x, 100);
    EXPECT_EQ(cmd.ClipRect.y, 50);
    EXPECT_EQ(cmd.ClipRect.z, 700);
    EXPECT_EQ(cmd.ClipRect.w, 450);
    EXPECT_EQ(static_cast<ImU32>(reinterpret_cast<std::uintptr_t>(cmd.UserCallbackData)), to_imu32(tint));
  }
  c.fill_rect({100, 50, 700, 450}, tint.with_alpha(0.5f));  // translucent: blended as usual
  EXPECT_EQ(callbacks(), 1);
  EXPECT_EQ(dl->VtxBuffer.Size, 4);
}

TEST_F(CanvasTest, DenseCurveKeepsOnlyTheSegmentsThatShowWithinAFifthOfAPixel) {
  std::vector<plot::Vec2> pts;
  for (int i = 0; i <= 720; ++i) {
    const float x = 40 + i * 1.0f;
    pts.push_back({x, 300 - 200 * std::exp(-std::pow((x - 400) / 60.0f, 2.0f))});
  }
  std::vector<ImVec2> drawn;
  ImGuiCanvas c = canvas();
  std::vector<plot::Vec2> zero;
  for (const auto& p : pts) zero.push_back({p.x, 300});
  c.fill_between(pts, zero, {0, 0, 1, 0.3f});
  for (int i = 0; i < dl->VtxBuffer.Size; i += 2) drawn.push_back(dl->VtxBuffer[i].pos);  // the top edge
  EXPECT_LT(drawn.size(), pts.size() / 3);  // the flat tails and the gentle slopes collapse
  EXPECT_EQ(drawn.front().x, pts.front().x);
  EXPECT_EQ(drawn.back().x, pts.back().x);
  for (const auto& p : pts) EXPECT_LE(distance_to(drawn, p), 0.2f + 1e-4f) << p.x;
}

TEST_F(CanvasTest, StepsAndTurnsBackAreKept) {
  // A CDF-like staircase and a spike that returns on itself: every corner matters.
  const std::vector<plot::Vec2> steps{{0, 100}, {50, 100}, {50, 60}, {100, 60}, {100, 20}, {150, 20}};
  const std::vector<plot::Vec2> floor{{0, 200}, {50, 200}, {50, 200}, {100, 200}, {100, 200}, {150, 200}};
  const std::vector<plot::Vec2> spike{{0, 100}, {0, 10}, {0, 50}};
  ImGuiCanvas c = canvas();
  c.fill_between(steps, floor, {0, 0, 1, 1});
  EXPECT_EQ(dl->VtxBuffer.Size, 2 * static_cast<int>(steps.size()));
  dl->_ResetForNewFrame();
  dl->PushClipRectFullScreen();
  c.fill_between(spike, spike, {0, 0, 1, 1});
  EXPECT_EQ(dl->VtxBuffer.Size, 6);
}

TEST_F(CanvasTest, StraightPolylineKeepsAFewPoints) {
  std::vector<plot::Vec2> pts;
  for (int i = 0; i <= 100; ++i) pts.push_back({10.0f + i * 2.0f, 20.0f + i * 0.5f});
  ImGuiCanvas c = canvas();
  c.polyline(pts, {{0, 0, 0, 1}, 2.0f});
  ImDrawList one(ImGui::GetDrawListSharedData());
  one._ResetForNewFrame();
  one.PushClipRectFullScreen();
  const ImVec2 ends[2] = {{pts.front().x, pts.front().y}, {pts.back().x, pts.back().y}};
  one.AddPolyline(ends, 2, IM_COL32_BLACK, ImDrawFlags_None, 2.0f);
  EXPECT_LE(dl->VtxBuffer.Size, one.VtxBuffer.Size * 8);  // runs of at most 16 points
  EXPECT_GE(dl->VtxBuffer.Size, one.VtxBuffer.Size);
}

}  // namespace
}  // namespace divlab::gui

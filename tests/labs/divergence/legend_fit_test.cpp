// Every text the plots draw (legends, titles, tick and value labels, identities) stays inside its
// plot's canvas and overlaps no other text, at normal and presentation scale, at 1600×900 and
// 1920×1080: real frames of draw_frame(), texts seen through ImGuiCanvas::text_observer.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "shell/app.hpp"
#include "widgets/imgui_canvas.hpp"
#include "app/imgui_fixture.hpp"
#include "app/test_scenarios.hpp"

namespace divlab::gui {
namespace {

struct Seen {
  std::string text;
  plot::Rect box, canvas;
};
std::vector<Seen> seen;

using test::bimodal;
using test::letters;

bool overlap(const plot::Rect& a, const plot::Rect& b, float slack) {
  return a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1;
}

struct Case {
  float w, h, scale;
};

class LegendFit : public ImGuiTest, public ::testing::WithParamInterface<Case> {
 protected:
  LegendFit() : ImGuiTest({GetParam().w, GetParam().h}) {}  // the mouse stays away: no hover readouts
  void SetUp() override {
    ImGuiTest::SetUp();
    app = std::make_unique<App>();
    ImGuiCanvas::text_observer = [](std::string_view text, plot::Rect box, plot::Rect canvas) {
      seen.push_back({std::string(text), box, canvas});
    };
  }
  void TearDown() override {
    ImGuiCanvas::text_observer = nullptr;
    app.reset();
    ImGuiTest::TearDown();
  }
  // The texts of the last of a few frames of s at the case's size and scale.
  void draw(Scenario s) {
    app->find_lab("divergence")->doc.reset(std::move(s));
    if (GetParam().scale > 1) {
      app->settings.presentation_scale = GetParam().scale;
      app->settings.theme = "high_contrast";
    }
    ASSERT_TRUE(load_fonts(*app, ui_scale(*app))) << "DejaVu Sans missing";
    build_font_atlas();
    for (int i = 0; i < 4; ++i) {
      seen.clear();
      frame([this] { draw_frame(*app, ImGui::GetIO().DisplaySize); });
    }
  }
  void expect_fits() {
    ASSERT_GT(seen.size(), 30u);  // the plots did draw
    for (std::size_t i = 0; i < seen.size(); ++i) {
      const Seen& a = seen[i];
      const plot::Rect& c = a.canvas;
      EXPECT_TRUE(a.box.x0 >= c.x0 - 1 && a.box.x1 <= c.x1 + 1 && a.box.y0 >= c.y0 - 1 && a.box.y1 <= c.y1 + 1)
          << "'" << a.text << "' [" << a.box.x0 << ", " << a.box.x1 << "] × [" << a.box.y0 << ", " << a.box.y1
          << "] leaves its canvas [" << c.x0 << ", " << c.x1 << "] × [" << c.y0 << ", " << c.y1 << "]";
      for (std::size_t j = i + 1; j < seen.size(); ++j)
        EXPECT_FALSE(overlap(a.box, seen[j].box, 1.0f)) << "'" << a.text << "' overlaps '" << seen[j].text << "'";
    }
  }
  std::unique_ptr<App> app;
};

TEST_P(LegendFit, ContinuousFiguresTextsFitAndDoNotOverlap) {
  draw(bimodal());
  expect_fits();
}

TEST_P(LegendFit, DiscreteFiguresTextsFitAndDoNotOverlap) {
  draw(letters());
  expect_fits();
}

INSTANTIATE_TEST_SUITE_P(SizesAndScales, LegendFit,
                         ::testing::Values(Case{1600, 900, 1}, Case{1920, 1080, 1}, Case{1600, 900, 2},
                                           Case{1920, 1080, 2}),
                         [](const auto& info) {
                           return std::to_string(static_cast<int>(info.param.w)) + "x" +
                                  std::to_string(static_cast<int>(info.param.h)) + "_scale" +
                                  std::to_string(static_cast<int>(info.param.scale));
                         });

}  // namespace
}  // namespace divlab::gui

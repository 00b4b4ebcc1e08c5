// The whole frame as the window draws it (draw_frame + ImGui's OpenGL3 backend), rendered offscreen:
// the panels show the theme background although they no longer paint it (the framebuffer is cleared
// to it), plot backgrounds drawn as clears keep their colour, and the frame has no full-screen layer
// of fill beyond that (a software rasteriser pays for every layer).
#include <gtest/gtest.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "shell/app.hpp"
#include "widgets/imgui_canvas.hpp"
#include "app/imgui_fixture.hpp"
#include "app/test_scenarios.hpp"
#include "shell/egl_offscreen.hpp"

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
#define DIVLAB_DRIVER_ALLOCATIONS __lsan::ScopedDisabler driver_allocations  // Mesa's JIT, see egl_offscreen_test
#else
#define DIVLAB_DRIVER_ALLOCATIONS
#endif

namespace divlab::gui {
namespace {

constexpr int kW = 1600, kH = 900;

using test::bimodal;
using test::letters;

class Frame : public AppTest {  // 1600×900, DejaVu Sans loaded
 protected:
  void TearDown() override {
    if (backend) ImGui_ImplOpenGL3_Shutdown();
    AppTest::TearDown();
  }
  bool backend = false;
};

// Pixels of the frame rendered as run() renders it: clear to the theme background, then ImGui.
std::vector<std::uint8_t> render(App& app, bool& backend) {
  std::string error;
  static std::unique_ptr<platform::EglOffscreen> gl;  // one context for the whole test program
  if (!gl) gl = platform::EglOffscreen::create(kW, kH, &error);
  if (!gl) return {};
  DIVLAB_DRIVER_ALLOCATIONS;
  if (!backend) backend = ImGui_ImplOpenGL3_Init("#version 330 core");
  for (int i = 0; i < 3; ++i) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw_frame(app, ImGui::GetIO().DisplaySize);
    ImGui::Render();
    gl->bind();
    const plot::Color bg = current_theme(app).background;
    glClearColor(bg.r, bg.g, bg.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  return gl->read_rgba();
}

ImU32 pixel(const std::vector<std::uint8_t>& px, int x, int y) {
  const std::size_t i = (static_cast<std::size_t>(y) * kW + static_cast<std::size_t>(x)) * 4;
  return IM_COL32(px[i], px[i + 1], px[i + 2], 255);
}
ImU32 opaque(plot::Color c) { return to_imu32(c.with_alpha(1)); }

// The commonest colour among the pixels from (x0, y0) to (x1, y1) on a line.
ImU32 commonest(const std::vector<std::uint8_t>& px, int x0, int y0, int x1, int y1) {
  std::map<ImU32, int> n;
  const int steps = std::max(std::abs(x1 - x0), std::abs(y1 - y0));
  for (int k = 0; k <= steps; ++k) ++n[pixel(px, x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps)];
  return std::max_element(n.begin(), n.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

TEST_F(Frame, PanelsShowTheThemeBackgroundAndPlotsTheirOwn) {
  for (const char* theme : {"light", "dark"}) {
    SCOPED_TRACE(theme);
    div().doc.reset(bimodal());
    app->settings.theme = theme;
    const auto px = render(*app, backend);
    if (px.empty()) GTEST_SKIP() << "no EGL offscreen context";
    const plot::Theme t = current_theme(*app);
    const plot::Rect p = div().density_axes.plot;
    ASSERT_GT(p.width(), 400);
    // The strip right of the distributions plot is panel, the row just under its top edge is plot.
    EXPECT_EQ(commonest(px, static_cast<int>(p.x1) + 5, static_cast<int>(p.y0), static_cast<int>(p.x1) + 5,
                        static_cast<int>(p.y1)),
              opaque(t.background));
    EXPECT_EQ(commonest(px, static_cast<int>(p.x0) + 3, static_cast<int>(p.y0) + 3, static_cast<int>(p.x1) - 3,
                        static_cast<int>(p.y0) + 3),
              opaque(t.plot_bg));
    EXPECT_EQ(pixel(px, 3, kH / 2 + 17), opaque(t.background));  // the sculpt panel's left margin
  }
}

// Clipped area of every triangle in the frame's draw data, in screens.
float filled_screens() {
  const ImDrawData* dd = ImGui::GetDrawData();
  double area = 0;
  for (int l = 0; l < dd->CmdListsCount; ++l) {
    const ImDrawList* list = dd->CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      const ImVec4 r = cmd.ClipRect;
      for (unsigned e = 0; e + 2 < cmd.ElemCount; e += 3) {
        std::vector<ImVec2> poly;
        for (unsigned k = 0; k < 3; ++k)
          poly.push_back(list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + e + k)])].pos);
        // Sutherland–Hodgman against the clip rectangle's four sides.
        for (int side = 0; side < 4; ++side) {
          auto in = [&](ImVec2 q) {
            return side == 0 ? q.x >= r.x : side == 1 ? q.x <= r.z : side == 2 ? q.y >= r.y : q.y <= r.w;
          };
          auto cut = [&](ImVec2 a, ImVec2 b) {
            const float v = side == 0 ? r.x : side == 1 ? r.z : side == 2 ? r.y : r.w;
            const float t = side < 2 ? (v - a.x) / (b.x - a.x) : (v - a.y) / (b.y - a.y);
            return ImVec2(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
          };
          std::vector<ImVec2> out;
          for (std::size_t i = 0; i < poly.size(); ++i) {
            const ImVec2 a = poly[i], b = poly[(i + 1) % poly.size()];
            if (in(a)) out.push_back(a);
            if (in(a) != in(b)) out.push_back(cut(a, b));
          }
          poly.swap(out);
        }
        double twice = 0;
        for (std::size_t i = 0; i < poly.size(); ++i) {
          const ImVec2 a = poly[i], b = poly[(i + 1) % poly.size()];
          twice += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
        }
        area += std::abs(twice) / 2;
      }
    }
  }
  return static_cast<float>(area / (kW * kH));
}

TEST_F(Frame, NoFullScreenLayerOfFillBeyondTheClear) {
  for (const auto& s : {bimodal(), letters()}) {
    div().doc.reset(s);
    idle(3);
    // Window backgrounds alone were a whole screen (2.3 screens in all); panels, plots and text are
    // now ≈ 0.5–0.75 of one.
    EXPECT_LT(filled_screens(), 0.9f) << (s.kind == Kind::discrete ? "letters" : "bimodal");
  }
}

}  // namespace
}  // namespace divlab::gui

// The fit mode in process: real ImGui frames of the Fit window, the mouse pressing Play and dragging
// Q's start, no window. Without a renderer the landscapes take the CPU colour path; one test renders
// through ImGui's OpenGL3 backend on a surfaceless EGL context to check the shader's colours.
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <memory>

#include "export/png_writer.hpp"
#include "shell/app.hpp"
#include "labs/fit/landscape_view.hpp"
#include "labs/fit/panel_fit.hpp"
#include "shell/style.hpp"
#include "core/fit/fit_test_util.hpp"
#include "app/imgui_fixture.hpp"
#include "shell/egl_offscreen.hpp"

namespace divlab::gui {
namespace {

using fittest::normal;

// 0.5·N(−2, 0.6²) + 0.5·N(2, 0.6²): reverse KL has three local minima (two modes, one broad).
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

class FitPanelTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    app->switch_lab("fit");
  }
  void click(ImVec2 at) {
    frame(at.x, at.y, false);
    frame(at.x, at.y, true);
    frame(at.x, at.y, false);
  }
  double mean_of(const FitRun& r) const { return r.fitter->theta()[0]; }
  double sd_of(const FitRun& r) const { return std::exp(r.fitter->theta()[1]); }

  FitPanelState& st() { return fit_lab().fit; }
};

TEST_F(FitPanelTest, PlayRunsBothFitsToTheirTrueOptima) {
  fit_lab().doc.reset(bimodal());
  idle(2);
  ASSERT_TRUE(st().fwd.fitter && st().rev.fitter) << st().error;
  EXPECT_FALSE(st().playing);
  EXPECT_EQ(st().fwd.steps(), 0);
  EXPECT_DOUBLE_EQ(st().start_mean, 1.0);  // seeded from the scenario's fit section
  EXPECT_EQ(st().scenario_objective, FitObjective::reverse_kl);
  EXPECT_EQ(st().components, 1);
  // The true optima: moment matching (0, √(0.36 + 4)) and three reverse-KL minima.
  ASSERT_TRUE(st().moment);
  EXPECT_NEAR(st().moment->first, 0.0, 1e-9);
  EXPECT_NEAR(st().moment->second, std::sqrt(4.36), 1e-9);
  ASSERT_EQ(st().minima_rev.size(), 3u);
  ASSERT_EQ(st().minima_fwd.size(), 1u);
  EXPECT_NEAR(st().minima_fwd[0].mean, 0.0, 1e-4);

  click(st().play_button);
  EXPECT_TRUE(st().playing);
  st().speed = 50;
  idle(300);
  // Forward: moment matching. Reverse from (1, 1): the mode at +2.
  EXPECT_NEAR(mean_of(st().fwd), 0.0, 1e-4);
  EXPECT_NEAR(sd_of(st().fwd), std::sqrt(4.36), 1e-4);
  const LocalMinimum* nearest = nullptr;
  for (const LocalMinimum& m : st().minima_rev)
    if (!nearest || std::abs(m.mean - mean_of(st().rev)) < std::abs(nearest->mean - mean_of(st().rev))) nearest = &m;
  EXPECT_NEAR(mean_of(st().rev), nearest->mean, 1e-4);
  EXPECT_NEAR(sd_of(st().rev), nearest->sd, 1e-4);
  EXPECT_GT(mean_of(st().rev), 1.5);
  EXPECT_NEAR(st().rev.trace.value, nearest->value, 1e-7);
  // Loss curves and paths: one point per step, and they went down.
  EXPECT_EQ(st().fwd.trace.values.size(), static_cast<std::size_t>(st().fwd.steps()) + 1);
  EXPECT_EQ(st().rev.trace.means.size(), static_cast<std::size_t>(st().rev.steps()) + 1);
  EXPECT_LT(st().fwd.trace.values.back(), st().fwd.trace.values.front());
  EXPECT_LT(st().rev.trace.values.back(), st().rev.trace.values.front());
  // The overlay shows the fits: Q_fwd is broad (peak ≈ 1/(2.088√2π) = 0.19), Q_rev narrow on a mode.
  double peak_fwd = 0, peak_rev = 0;
  for (double v : st().figure.q_fwd) peak_fwd = std::max(peak_fwd, v);
  for (double v : st().figure.q_rev) peak_rev = std::max(peak_rev, v);
  EXPECT_NEAR(peak_fwd, 1 / (std::sqrt(4.36) * std::sqrt(2 * M_PI)), 2e-3);
  EXPECT_GT(peak_rev, 0.5);
  EXPECT_EQ(st().figure.optimum_means_rev.size(), 3u);
  EXPECT_FALSE(st().gpu_heatmap);  // no renderer: the CPU colour path drew the landscapes
  EXPECT_GT(st().fwd_axes.plot.width(), 300);
  EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 100000);  // 2 × 128² cells

  // Pause, step, reset.
  click(st().play_button);
  EXPECT_FALSE(st().playing);
  click(st().reset_button);
  EXPECT_EQ(st().rev.steps(), 0);
  click(st().step_button);
  click(st().step_button);
  EXPECT_EQ(st().rev.steps(), 2);
  EXPECT_EQ(st().fwd.steps(), 2);
  EXPECT_FALSE(st().playing);
}

TEST_F(FitPanelTest, EditingPWhileRunningKeepsTheFitRunning) {
  fit_lab().doc.reset(bimodal());
  idle(2);
  click(st().play_button);
  st().speed = 20;
  idle(20);
  const int steps = st().fwd.steps();
  EXPECT_GT(steps, 300);
  Component c = fit_lab().doc.mixture(Which::p).components[1];
  c.mean = 3;  // P's right mode moves: the moments become (0.5, √(0.36 + 6.25))
  fit_lab().doc.set_component(Which::p, 1, c);
  idle(300);
  EXPECT_TRUE(st().playing);
  EXPECT_GT(st().fwd.steps(), steps + 100);  // carried on, not restarted
  EXPECT_NEAR(mean_of(st().fwd), 0.5, 1e-4);
  EXPECT_NEAR(sd_of(st().fwd), std::sqrt(0.36 + 6.25), 1e-4);
  ASSERT_TRUE(st().moment);
  EXPECT_NEAR(st().moment->first, 0.5, 1e-9);
  EXPECT_GT(mean_of(st().rev), 2.5);  // the reverse fit followed its mode
}

TEST_F(FitPanelTest, DraggingTheStartHandlesMovesTheStart) {
  fit_lab().doc.reset(bimodal());
  idle(2);
  const plot::Axes a = st().fit_axes;
  const plot::Vec2 peak = plot::start_peak_px(a, st().figure);
  frame(peak.x, peak.y, false);
  frame(peak.x, peak.y, true);
  EXPECT_EQ(st().drag, FitPanelState::Drag::peak);
  for (int k = 1; k <= 10; ++k) frame(peak.x - 10.0f * k, peak.y, true);
  frame(peak.x - 100, peak.y, false);
  EXPECT_EQ(st().drag, FitPanelState::Drag::none);
  EXPECT_NEAR(st().start_mean, st().fit_axes.data_x(peak.x - 100), 0.02);  // the axes may rescale a little
  EXPECT_LT(st().start_mean, 1.0);
  EXPECT_NEAR(st().rev.fitter->theta()[0], st().start_mean, 1e-12);  // the fits restart there

  idle(1);
  const plot::Vec2 sh = plot::start_shoulder_px(st().fit_axes, st().figure);
  frame(sh.x, sh.y, false);
  frame(sh.x, sh.y, true);
  EXPECT_EQ(st().drag, FitPanelState::Drag::shoulder);
  const float target = st().fit_axes.px_x(st().start_mean + 2.0);
  frame(target, sh.y, true);
  frame(target, sh.y, false);
  EXPECT_NEAR(st().start_sd, 2.0, 0.02);
  EXPECT_NEAR(std::exp(st().fwd.fitter->theta()[1]), st().start_sd, 1e-12);
}

TEST_F(FitPanelTest, MultiStartRunsLandOnTheLocalMinima) {
  fit_lab().doc.reset(bimodal());
  st().multistart = true;
  idle(2);
  ASSERT_EQ(st().multi_rev.size(), 8u);
  st().playing = true;
  st().speed = 100;
  idle(200);
  int landed = 0;
  for (const FitRun& r : st().multi_rev)
    for (const LocalMinimum& m : st().minima_rev)
      if (std::abs(r.fitter->theta()[0] - m.mean) < 1e-3 && std::abs(std::exp(r.fitter->theta()[1]) - m.sd) < 1e-3)
        ++landed;
  EXPECT_EQ(landed, 8);
  for (const FitRun& r : st().multi_fwd) EXPECT_NEAR(r.fitter->theta()[0], 0.0, 1e-3);  // one forward optimum
  EXPECT_EQ(st().figure.q_multi.size(), 8u);
}

TEST_F(FitPanelTest, MixtureOfTwoGaussiansFitsBothModesInBothDirections) {
  Scenario s = bimodal();
  s.fit.reset();  // a fit section's model would set K
  fit_lab().doc.reset(s);
  st().components = 2;
  idle(2);
  ASSERT_TRUE(st().fwd_problem);
  ASSERT_EQ(st().fwd_problem->parameter_count(), 6);
  st().playing = true;
  st().speed = 50;
  idle(60);
  // K = 2 can be P itself: both objectives reach 0 with the components on ±2, sd 0.6.
  for (const FitRun* r : {&st().fwd, &st().rev}) {
    const auto th = r->fitter->theta();  // [logit1, logit2, mean1, mean2, log sd1, log sd2]
    EXPECT_NEAR(std::min(th[2], th[3]), -2, 1e-3);
    EXPECT_NEAR(std::max(th[2], th[3]), 2, 1e-3);
    EXPECT_NEAR(std::exp(th[4]), 0.6, 1e-3);
    EXPECT_NEAR(r->trace.value, 0, 1e-6);
  }
  EXPECT_TRUE(st().rev.trace.means.empty());  // no path on the (μ, log σ) landscapes for K > 1
  EXPECT_EQ(st().landscape_rev.width, 128);   // which still show the single Gaussian's
}

TEST_F(FitPanelTest, ScenarioFitSectionSeedsModelAndOptimiser) {
  Scenario s = bimodal();
  s.fit->model = "normal_mixture";
  s.fit->objective = "forward_kl";
  s.fit->start = {{"mean", -0.5}, {"sd", 1.5}, {"mean3", 1.0}};
  s.fit->optimizer = "momentum";
  s.fit->learning_rate = 0.02;
  fit_lab().doc.reset(s);
  idle(2);
  EXPECT_EQ(st().components, 3);
  EXPECT_EQ(st().scenario_objective, FitObjective::forward_kl);
  EXPECT_DOUBLE_EQ(st().start_mean, -0.5);
  EXPECT_DOUBLE_EQ(st().start_sd, 1.5);
  EXPECT_EQ(st().optimizer.kind, OptimizerKind::momentum);
  EXPECT_DOUBLE_EQ(st().optimizer.learning_rate, 0.02);
  ASSERT_TRUE(st().fwd.fitter);
  EXPECT_EQ(st().fwd.fitter->settings().kind, OptimizerKind::momentum);
  EXPECT_EQ(st().fwd_problem->model().components, 3);
}

TEST_F(FitPanelTest, InfiniteObjectiveIsExplainedNotNaN) {
  Scenario s;
  s.kind = Kind::discrete;
  s.p_mass = {0.4, 0.0, 0.2, 0.4};  // a gap: every Q_θ > 0 there, so D(Q‖P) = ∞
  s.q_mass = {0.25, 0.25, 0.25, 0.25};
  fit_lab().doc.reset(s);
  idle(2);
  ASSERT_TRUE(st().rev_problem && st().fwd_problem) << st().error;
  EXPECT_EQ(st().fwd_problem->model().kind, ModelKind::discretised_normal);
  EXPECT_TRUE(st().rev_problem->infinite());
  EXPECT_FALSE(st().rev_problem->why_infinite().empty());
  st().playing = true;
  st().speed = 10;
  idle(30);
  EXPECT_TRUE(std::isinf(st().rev.trace.value));
  EXPECT_TRUE(std::isfinite(st().fwd.trace.value));
  EXPECT_LT(st().fwd.trace.values.back(), st().fwd.trace.values.front());
  for (double v : st().figure.q_rev) EXPECT_FALSE(std::isnan(v));
  for (float v : st().levels_rev) EXPECT_FLOAT_EQ(v, -1.0f);  // the whole reverse landscape is ∞ (grey)
}

TEST_F(FitPanelTest, CategoricalModelForDiscreteP) {
  Scenario s;
  s.kind = Kind::discrete;
  s.p_mass = {0.1, 0.6, 0.1, 0.2};
  s.q_mass = {0.25, 0.25, 0.25, 0.25};
  fit_lab().doc.reset(s);
  st().categorical = true;
  idle(2);
  ASSERT_TRUE(st().fwd_problem);
  EXPECT_EQ(st().fwd_problem->model().kind, ModelKind::categorical);
  st().playing = true;
  st().speed = 200;
  idle(100);
  // A free categorical matches P exactly in both directions.
  const std::vector<double> q = st().fwd_problem->model_masses(st().fwd.fitter->theta());
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(q[i], s.p_mass[i], 1e-3);
  EXPECT_LT(st().rev.trace.value, 1e-5);
}

// Wired into the frame: View → Fit opens it over the plots (the P editor beside it stays usable),
// Space plays and pauses, S steps, R resets the fit.
TEST_F(FitPanelTest, TheFrameShowsTheFitWindowAndItsShortcuts) {
  fit_lab().doc.reset(bimodal());
  auto frame_all = [&](int k, int n = 1) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < n; ++i) {
      io.MousePos = {-1000, -1000};
      if (k) io.KeysDown[k] = i == 0;
      ImGui::NewFrame();
      draw_frame(*app, io.DisplaySize);
      ImGui::Render();
    }
    if (k) io.KeysDown[k] = false;
  };
  app->switch_lab("divergence");
  frame_all(0, 2);
  EXPECT_FALSE(fit_lab().fit.fwd.fitter.has_value());  // another lab shown: nothing computed
  app->switch_lab("fit");
  frame_all(0, 2);
  ASSERT_TRUE(fit_lab().fit.fwd.fitter.has_value());
  EXPECT_GT(fit_lab().fit.fwd_axes.plot.width(), 200);
  EXPECT_GE(fit_lab().fit.fit_axes.plot.x0, 250);  // right of the tools sidebar
  frame_all(' ', 2);                          // Space
  EXPECT_TRUE(fit_lab().fit.playing);
  frame_all(0, 10);
  EXPECT_GT(fit_lab().fit.rev.steps(), 10);
  frame_all(' ', 2);
  EXPECT_FALSE(fit_lab().fit.playing);
  const int steps = fit_lab().fit.rev.steps();
  frame_all('S', 2);
  EXPECT_EQ(fit_lab().fit.rev.steps(), steps + 1);
  frame_all('R', 2);
  EXPECT_EQ(fit_lab().fit.rev.steps(), 0);
}

// The shader path: ImGui's OpenGL3 renderer on a surfaceless EGL context. The landscape texture's
// pixels match the CPU colour map (away from the contour lines) within 6/255: rounding plus the
// 8-bit sub-texel weights of the GPU's linear filtering.
TEST_F(FitPanelTest, ShaderColoursMatchTheCpuColourMap) {
  std::string error;
  const auto gl = platform::EglOffscreen::create(1600, 900, &error);
  if (!gl) GTEST_SKIP() << "no offscreen GL: " << error;
  ASSERT_TRUE(ImGui_ImplOpenGL3_Init("#version 330 core"));
  fit_lab().doc.reset(bimodal());
  st().multistart = true;
  for (int i = 0; i < 60; ++i) {
    if (i == 2) {
      st().playing = true;
      st().speed = 2;
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw_frame(*app, ImGui::GetIO().DisplaySize);
    ImGui::Render();
    gl->bind();
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }
  EXPECT_TRUE(st().gpu_heatmap) << st().view_fwd->error();
  std::vector<std::uint8_t> screen = gl->read_rgba();
  if (const char* out = std::getenv("DIVLAB_FIT_SHOT")) {
    for (std::size_t i = 3; i < screen.size(); i += 4) screen[i] = 255;
    exporting::write_png(out, gl->width(), gl->height(), screen, &error);
  }
  const std::vector<std::uint8_t> px = st().view_rev->read_pixels();
  const Landscape& L = st().landscape_rev;
  const int W = static_cast<int>(st().rev_axes.plot.width()), H = static_cast<int>(st().rev_axes.plot.height());
  ASSERT_EQ(px.size(), static_cast<std::size_t>(W) * H * 4);
  int checked = 0;
  for (int y = 5; y < H; y += 37)
    for (int x = 5; x < W; x += 41) {
      // The level the shader interpolates at this pixel (bilinear between grid points).
      const double gx = (x + 0.5) / W * (L.width - 1), gy = (1 - (y + 0.5) / H) * (L.height - 1);
      const int c0 = std::min(static_cast<int>(gx), L.width - 2), r0 = std::min(static_cast<int>(gy), L.height - 2);
      const double fx = gx - c0, fy = gy - r0;
      auto lv = [&](int r, int c) { return static_cast<double>(st().levels_rev[static_cast<std::size_t>(r) * L.width + c]); };
      const double t = (1 - fy) * ((1 - fx) * lv(r0, c0) + fx * lv(r0, c0 + 1)) +
                       fy * ((1 - fx) * lv(r0 + 1, c0) + fx * lv(r0 + 1, c0 + 1));
      if (t < 0) continue;
      const double f = t * plot::kContourLevels;
      if (std::abs(f - std::round(f)) < 0.15) continue;  // near an iso-line: darkened on purpose
      const plot::Color c = plot::colormap(static_cast<float>(t));
      const std::size_t i = (static_cast<std::size_t>(y) * W + x) * 4;
      EXPECT_NEAR(px[i] / 255.0, c.r, 6.0 / 255) << x << "," << y << " t=" << t;
      EXPECT_NEAR(px[i + 1] / 255.0, c.g, 6.0 / 255) << x << "," << y;
      EXPECT_NEAR(px[i + 2] / 255.0, c.b, 6.0 / 255) << x << "," << y;
      ++checked;
    }
  EXPECT_GT(checked, 40);
  st().view_fwd.reset();  // GL objects go while the context is current
  st().view_rev.reset();
  ImGui_ImplOpenGL3_Shutdown();
}

}  // namespace
}  // namespace divlab::gui

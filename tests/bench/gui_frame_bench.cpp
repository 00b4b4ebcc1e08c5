// Frame time of the whole GUI at 1600×900 with every view open, while P is being dragged (every
// frame is an edit: measures, curves and all figures are recomputed).
//   BM_FrameCpu:  our CPU work per frame: draw_frame + ImGui::Render, no GL (target ≤ 2 ms).
//   BM_FrameCpu_Coding256: the coding lab while a 256-symbol P is sculpted (target ≤ 2 ms).
//   BM_FrameGl:   the full frame through GLFW + OpenGL 3.3 under the X display (Xvfb software GL),
//                 glFinish'ed, vsync off (target median ≤ 16.7 ms). Skipped without DISPLAY. CPU time
//                 is the whole process (Mesa llvmpipe renders on worker threads).
//   BM_FrameGl_Lab/<lab>_1600x900 and …_1920x1080_presentation: every lab on its default document,
//                 side by side; our_cpu_median_ms is draw_frame + ImGui::Render in the same frames.
//                 One window serves every GL case (shared_window: see there for the Xvfb race).
// Counters: median_ms and p95_ms over the timed frames.
#include <benchmark/benchmark.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "labs/coding/coding_lab.hpp"
#include "labs/divergence/divergence_lab.hpp"
#include "labs/fit/fit_lab.hpp"
#include "labs/fit/panel_fit.hpp"
#include "shell/app.hpp"
#include "shell/window.hpp"
#include "app/test_scenarios.hpp"

namespace {

using divlab::Scenario;
using divlab::Which;
using divlab::gui::App;
using divlab::test::bimodal;
using divlab::test::letters;
using divlab::gui::DivergenceLab;

// The divergence lab's document (the lab the frames draw).
divlab::Document& div_doc(App& app) { return app.find_lab("divergence")->doc; }

Scenario bins256() {
  Scenario s;
  s.kind = divlab::Kind::discrete;
  for (int i = 0; i < 256; ++i) {
    s.p_mass.push_back(std::exp(-std::pow((i - 80) / 20.0, 2)) + 1e-3);
    s.q_mass.push_back(std::exp(-std::pow((i - 128) / 40.0, 2)) + 1e-3);
  }
  return s;
}

// One edit per frame, as a drag would make.
void edit(App& app, int frame) {
  if (div_doc(app).scenario().kind == divlab::Kind::discrete) {
    div_doc(app).set_probability(Which::p, frame % 26, 0.002 + 0.1 * (0.5 + 0.5 * std::sin(frame * 0.1)));
  } else {
    auto c = div_doc(app).mixture(Which::q).components[0];
    c.mean = std::sin(frame * 0.05);
    div_doc(app).set_component(Which::q, 0, c);
  }
}

void report(benchmark::State& state, std::vector<double>& ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  state.counters["median_ms"] = ms[ms.size() / 2];
  state.counters["p95_ms"] = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
}

// An ImGui context at 1600×900 at 60 frames a second and an App with its fonts built (no GL): the
// set-up of every CPU frame benchmark.
std::unique_ptr<App> cpu_frame_app() {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = {1600, 900};
  io.DeltaTime = 1.0f / 60;
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
  auto app = std::make_unique<App>();
  divlab::gui::load_fonts(*app, 1.0f);
  unsigned char* px = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  return app;
}

void frame_cpu(benchmark::State& state, Scenario s) {
  auto app = cpu_frame_app();
  ImGuiIO& io = ImGui::GetIO();
  div_doc(*app).reset(std::move(s));
  auto& shown = static_cast<DivergenceLab&>(*app->find_lab("divergence")).history_show;
  shown[3] = shown[4] = shown[5] = true;  // every history series
  io.MousePos = {700, 200};  // hover readouts on
  int frame = 0;
  std::vector<double> ms;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    edit(*app, frame++);
    ImGui::NewFrame();
    divlab::gui::draw_frame(*app, io.DisplaySize);
    ImGui::Render();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    benchmark::DoNotOptimize(ImGui::GetDrawData()->TotalVtxCount);
  }
  report(state, ms);
  const ImDrawData* dd = ImGui::GetDrawData();
  state.counters["vertices"] = dd->TotalVtxCount;
  int calls = 0;
  for (int i = 0; i < dd->CmdListsCount; ++i) calls += dd->CmdLists[i]->CmdBuffer.Size;
  state.counters["draw_calls"] = calls;
  app.reset();
  ImGui::DestroyContext();
}

// One window for the whole process, made on first use and resized per case. Closing the last X
// connection makes an Xvfb started without -noreset reset itself, and a glfwInit() in the next case
// (Google Benchmark calls a benchmark function more than once) then raced that reset: "X11: Failed to
// open display" on a 2-CPU machine (a single CPU, or strace, let the server finish first). The
// connection now stays open from the first GL case to exit.
divlab::platform::Window* shared_window(int w, int h, std::string* error) {
  static std::unique_ptr<divlab::platform::Window> window;
  if (!window) window = divlab::platform::Window::create(w, h, "divlab bench", error);
  if (!window) return nullptr;
  int fw = 0, fh = 0;
  window->framebuffer_size(&fw, &fh);
  if (fw != w || fh != h) {
    glfwSetWindowSize(window->handle(), w, h);
    for (int i = 0; i < 200 && (fw != w || fh != h); ++i) {  // until the server has resized it (≤ 2 s)
      glfwWaitEventsTimeout(0.01);
      window->framebuffer_size(&fw, &fh);
    }
  }
  if (fw != w || fh != h) {
    *error = "the window could not be resized to " + std::to_string(w) + "×" + std::to_string(h) +
             " (the X screen must be at least as large)";
    return nullptr;
  }
  return window.get();
}

// One edit per frame in `lab`, as a drag (or, in the fit lab, a playing fit) makes.
void edit_lab(App& app, int frame) {
  const std::string_view id = app.lab().id();
  divlab::Document& doc = app.lab().doc;
  if (id == "divergence") edit(app, frame);
  else if (id == "fit") {
    auto& fit = static_cast<divlab::gui::FitLab&>(app.lab()).fit;
    if (!fit.advancing()) divlab::gui::reset_fit(fit);
    fit.playing = true;
  } else if (id == "joint") {
    const int n = static_cast<int>(doc.scenario().joint.mass.size()), m = static_cast<int>(doc.scenario().joint.mass[0].size());
    doc.set_joint_probability(frame % n, (frame / n) % m, 0.02 + 0.1 * (0.5 + 0.5 * std::sin(frame * 0.1)));
  } else if (id == "coding") {
    const int n = static_cast<int>(doc.scenario().p_mass.size());
    doc.set_probability(Which::p, frame % n, 0.01 + 0.1 * (0.5 + 0.5 * std::sin(frame * 0.1)));
  }
}

// A GL case: `lab` on its document (the divergence lab on `s` when given) at w×h and `scale`
// (2: presentation mode, high contrast), one edit per frame.
struct GlCase {
  std::string lab = "divergence";
  std::optional<Scenario> s;
  int w = 1600, h = 900;
  float scale = 1;
  bool empty = false;  // the platform's floor: clear + swap + finish, nothing drawn
};

void frame_gl(benchmark::State& state, GlCase c) {
  if (!std::getenv("DISPLAY")) {
    state.SkipWithError("no DISPLAY (run under xvfb-run)");
    return;
  }
  std::string error;
  divlab::platform::Window* window = shared_window(c.w, c.h, &error);
  if (!window) {
    state.SkipWithError(error.c_str());
    return;
  }
  glfwSwapInterval(0);
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  ImGui_ImplGlfw_InitForOpenGL(window->handle(), false);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  auto app = std::make_unique<App>();
  app->switch_lab(c.lab);
  if (c.scale > 1) {
    app->settings.presentation_scale = c.scale;
    app->settings.theme = "high_contrast";
  }
  divlab::gui::load_fonts(*app, divlab::gui::ui_scale(*app));
  if (c.s) div_doc(*app).reset(std::move(*c.s));
  int frame = 0;
  std::vector<double> ms, cpu;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    const auto c0 = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    if (!c.empty) {
      edit_lab(*app, frame++);
      divlab::gui::draw_frame(*app, io.DisplaySize);
    }
    ImGui::Render();
    cpu.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0).count());
    int fw = 0, fh = 0;
    window->framebuffer_size(&fw, &fh);
    glViewport(0, 0, fw, fh);
    const divlab::plot::Color bg = divlab::gui::current_theme(*app).background;  // as the app clears
    glClearColor(bg.r, bg.g, bg.b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    window->swap();
    glFinish();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  report(state, ms);
  // Our CPU per frame (draw_frame + ImGui::Render) inside the same frames.
  if (!cpu.empty()) {
    std::sort(cpu.begin(), cpu.end());
    state.counters["our_cpu_median_ms"] = cpu[cpu.size() / 2];
  }
  app.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

// The joint lab editing an n×n table (256×256 is loaded, as a file would be): one cell per frame, as a drag
// makes, with the marginals locked (the heavier edit) or not.
void frame_cpu_joint(benchmark::State& state, int n, bool locked) {
  auto app = cpu_frame_app();
  ImGuiIO& io = ImGui::GetIO();
  Scenario s;
  s.kind = divlab::Kind::joint;
  for (int i = 0; i < n; ++i) {
    s.joint.mass.emplace_back();
    for (int j = 0; j < n; ++j) s.joint.mass.back().push_back(std::exp(-std::pow((i - j) * 256.0 / n / 30.0, 2)) + 1e-3);
  }
  app->switch_lab("joint");
  divlab::Document& doc = app->lab().doc;
  doc.reset(std::move(s));
  io.MousePos = {300, 400};  // over the table: hover highlights on
  int frame = 0;
  std::vector<double> ms;
  doc.begin_gesture();  // one drag: one undo snapshot, as the lab's drag makes
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    const int k = frame++ % n;
    const double p = 0.5 * doc.joint_probability(k, (k * 7) % n) + 1e-6;
    if (locked) doc.set_cell_keep_marginals(k, (k * 7) % n, p);
    else doc.set_joint_probability(k, (k * 7) % n, p);
    ImGui::NewFrame();
    divlab::gui::draw_frame(*app, io.DisplaySize);
    ImGui::Render();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    benchmark::DoNotOptimize(ImGui::GetDrawData()->TotalVtxCount);
  }
  doc.end_gesture();
  report(state, ms);
  state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
  app.reset();
  ImGui::DestroyContext();
}

// The coding lab while P (256 symbols) is sculpted: one bar per frame inside one gesture, as a drag
// makes; every frame rebuilds both Huffman codes, the trees, the area view, the table and a
// 200-symbol message coded both ways (with the arithmetic coder's steps); the mouse over the trees.
void frame_cpu_coding(benchmark::State& state) {
  auto app = cpu_frame_app();
  ImGuiIO& io = ImGui::GetIO();
  app->switch_lab("coding");
  divlab::Document& doc = app->lab().doc;
  doc.reset(bins256());
  auto& lab = static_cast<divlab::gui::CodingLab&>(app->lab());
  lab.random_message(200);
  io.MousePos = {1200, 200};  // over the trees: hover highlights on
  int frame = 0;
  std::vector<double> ms;
  doc.begin_gesture();
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    const int k = frame++ % 256;
    doc.set_probability(Which::p, k, 0.001 + 0.01 * (0.5 + 0.5 * std::sin(frame * 0.1)));
    ImGui::NewFrame();
    divlab::gui::draw_frame(*app, io.DisplaySize);
    ImGui::Render();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    benchmark::DoNotOptimize(ImGui::GetDrawData()->TotalVtxCount);
  }
  doc.end_gesture();
  report(state, ms);
  state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
  app.reset();
  ImGui::DestroyContext();
}

void BM_FrameCpu_Coding256(benchmark::State& s) { frame_cpu_coding(s); }
void BM_FrameCpu_Joint64(benchmark::State& s) { frame_cpu_joint(s, 64, false); }
void BM_FrameCpu_Joint256(benchmark::State& s) { frame_cpu_joint(s, 256, false); }
void BM_FrameCpu_Joint256Locked(benchmark::State& s) { frame_cpu_joint(s, 256, true); }
void BM_FrameCpu_Discrete26(benchmark::State& s) { frame_cpu(s, letters()); }
void BM_FrameCpu_Mixture(benchmark::State& s) { frame_cpu(s, bimodal()); }
void BM_FrameCpu_Discrete256(benchmark::State& s) { frame_cpu(s, bins256()); }
GlCase gl_case(std::optional<Scenario> s, const char* lab = "divergence", int w = 1600, int h = 900, float scale = 1) {
  GlCase c;
  c.s = std::move(s);
  c.lab = lab;
  c.w = w;
  c.h = h;
  c.scale = scale;
  return c;
}
void BM_FrameGl_Discrete26(benchmark::State& s) { frame_gl(s, gl_case(letters())); }
void BM_FrameGl_Mixture(benchmark::State& s) { frame_gl(s, gl_case(bimodal())); }
void BM_FrameGl_Empty(benchmark::State& s) {
  GlCase c = gl_case(std::nullopt);
  c.empty = true;
  frame_gl(s, c);
}
// Every lab on its default document at 1600×900 normal and 1920×1080 presentation, side by side.
void BM_FrameGl_Lab(benchmark::State& s, const char* lab, int w, int h, float scale) {
  frame_gl(s, gl_case(std::nullopt, lab, w, h, scale));
}

}  // namespace

BENCHMARK(BM_FrameCpu_Discrete26)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FrameCpu_Mixture)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FrameCpu_Discrete256)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FrameCpu_Joint64)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FrameCpu_Joint256)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FrameCpu_Joint256Locked)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FrameCpu_Coding256)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_FrameGl_Discrete26)->Unit(benchmark::kMillisecond)->MinTime(3.0)->MeasureProcessCPUTime();
BENCHMARK(BM_FrameGl_Mixture)->Unit(benchmark::kMillisecond)->MinTime(3.0)->MeasureProcessCPUTime();
BENCHMARK(BM_FrameGl_Empty)->Unit(benchmark::kMillisecond)->MinTime(3.0)->MeasureProcessCPUTime();
#define DIVLAB_GL_LAB(lab)                                                                                       \
  BENCHMARK_CAPTURE(BM_FrameGl_Lab, lab##_1600x900, #lab, 1600, 900, 1.0f)                                       \
      ->Unit(benchmark::kMillisecond)->MinTime(3.0)->MeasureProcessCPUTime();                                    \
  BENCHMARK_CAPTURE(BM_FrameGl_Lab, lab##_1920x1080_presentation, #lab, 1920, 1080, 2.0f)                        \
      ->Unit(benchmark::kMillisecond)->MinTime(3.0)->MeasureProcessCPUTime()
DIVLAB_GL_LAB(divergence);
DIVLAB_GL_LAB(fit);
DIVLAB_GL_LAB(joint);
DIVLAB_GL_LAB(coding);

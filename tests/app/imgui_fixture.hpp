// The fixtures of the in-process GUI tests: real ImGui frames, the mouse fed through io frame by
// frame, no window and no GL (ImGui::Render without a renderer).
#pragma once
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <memory>
#include <string>

#include "labs/divergence/divergence_lab.hpp"
#include "labs/fit/fit_lab.hpp"
#include "shell/app.hpp"
#include "shell/frame_driver.hpp"

namespace divlab::gui {

// A fresh ImGui context per test: `display` pixels at 60 frames a second, the font atlas built.
class ImGuiTest : public ::testing::Test {
 protected:
  explicit ImGuiTest(ImVec2 display = {1280, 800}) : display_(display) {}

  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = display_;
    io.DeltaTime = 1.0f / 60;
    io.MousePos = {-1000, -1000};
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // large meshes, as the GL3 backend allows
    build_font_atlas();
  }
  void TearDown() override { ImGui::DestroyContext(); }

  // Builds the atlas of the fonts added so far; a dummy texture id stands in for the GL upload.
  static void build_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
  }

  // The mouse for the next frame: where it is and which buttons are held.
  static void mouse(ImVec2 pos, bool left = false, bool right = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    io.MouseDown[0] = left;
    io.MouseDown[1] = right;
  }

  // One frame of `body`.
  static void frame(const std::function<void()>& body) {
    ImGui::NewFrame();
    body();
    ImGui::Render();
  }
  // One frame of `body`; returns the text ImGui rendered in it. ImGui's log goes to the "clipboard",
  // and End() of a top-level window or popup flushes it there (1.86), so text is captured up to the
  // last top-level End().
  static std::string text_frame(const std::function<void()>& body = [] {}) {
    ImGuiIO& io = ImGui::GetIO();
    std::string text;
    io.ClipboardUserData = &text;
    io.SetClipboardTextFn = [](void* user, const char* t) { *static_cast<std::string*>(user) += t; };
    ImGui::NewFrame();
    ImGui::LogToClipboard();
    body();
    if (GImGui->LogEnabled) ImGui::LogFinish();
    ImGui::Render();
    io.ClipboardUserData = nullptr;
    return text;
  }

 private:
  ImVec2 display_;
};

// The same with an App on the frame driver's "none" backend (the driver that runs the window and
// `divlab screenshot`: its ImGui context, the fonts loaded as the real window loads them), drawing
// the whole window (draw_frame) unless a test draws something else.
class AppTest : public ImGuiTest {
 protected:
  AppTest() : ImGuiTest({1600, 900}) {}

  void SetUp() override {
    app = std::make_unique<App>();
    std::string error;
    backend = make_frame_backend("none", 1600, 900, &error);
    ASSERT_TRUE(backend) << error;
    driver = std::make_unique<FrameDriver>(*app, *backend);
    ASSERT_TRUE(driver->ok()) << driver->error();
    ASSERT_TRUE(driver->fonts_found()) << "DejaVu Sans missing";
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {1600, 900};
    io.MousePos = {-1000, -1000};
  }
  void TearDown() override {
    driver.reset();  // the ImGui context goes with it
    app.reset();
    backend.reset();
  }

  // What one frame draws.
  virtual void draw() { draw_frame(*app, ImGui::GetIO().DisplaySize); }

  using ImGuiTest::frame;
  // One frame with the mouse at (x, y), its left (and right) button down or up.
  void frame(float x, float y, bool left, bool right = false) {
    mouse({x, y}, left, right);
    frame([this] { draw(); });
  }
  // `n` frames with the mouse away and no button held.
  void idle(int n) {
    for (int i = 0; i < n; ++i) frame(-1000, -1000, false);
  }

  // The labs of the app, by type.
  DivergenceLab& div() { return static_cast<DivergenceLab&>(*app->find_lab("divergence")); }
  FitLab& fit_lab() { return static_cast<FitLab&>(*app->find_lab("fit")); }

  std::unique_ptr<App> app;
  std::unique_ptr<FrameBackend> backend;
  std::unique_ptr<FrameDriver> driver;
};

}  // namespace divlab::gui

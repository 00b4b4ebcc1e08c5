// The per-plot export menu: a right click (not a right-drag, which pans) opens it, and an export
// writes the figure on screen as PNG/SVG/PDF/CSV through Cairo.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "gui/app.hpp"
#include "gui/export_menu.hpp"

namespace divlab::gui {
namespace {

namespace fs = std::filesystem;

class ExportMenuTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {1600, 900};
    io.DeltaTime = 1.0f / 60;
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    app = std::make_unique<App>();
    ASSERT_TRUE(load_fonts(*app, 1.0f));
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));
    dir = fs::temp_directory_path() / ("divlab-export-menu-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  void TearDown() override {
    app.reset();
    ImGui::DestroyContext();
    fs::remove_all(dir);
  }
  void frame(float x, float y, bool right_down) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = {x, y};
    io.MouseDown[1] = right_down;
    ImGui::NewFrame();
    draw_frame(*app, io.DisplaySize);
    ImGui::Render();
  }
  int open_popups() const { return GImGui->OpenPopupStack.Size; }
  std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::unique_ptr<App> app;
  fs::path dir;
};

TEST_F(ExportMenuTest, RightClickOpensTheMenuButRightDragPans) {
  for (int i = 0; i < 3; ++i) frame(-1000, -1000, false);
  const plot::Rect r = app->density_axes.plot;
  const float cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2;
  // A right-drag (pan) does not open it.
  frame(cx, cy, true);
  for (int i = 1; i <= 10; ++i) frame(cx + 8.0f * i, cy, true);
  frame(cx + 80, cy, false);
  frame(cx + 80, cy, false);
  EXPECT_EQ(open_popups(), 0);
  // A right click does.
  frame(cx, cy, true);
  frame(cx, cy, false);
  frame(cx, cy, false);
  EXPECT_EQ(open_popups(), 1);
}

TEST_F(ExportMenuTest, ExportsTheScreenFigureInEveryFormat) {
  for (int i = 0; i < 3; ++i) frame(-1000, -1000, false);
  export_figure(*app, "densities", (dir / "d.svg").string(), 1, false);
  export_figure(*app, "contributions", (dir / "c.pdf").string(), 1, false);
  export_figure(*app, "cdf", (dir / "f.png").string(), 2, true);
  export_figure(*app, "densities", (dir / "d.csv").string(), 1, false);
  export_figure(*app, "metrics", (dir / "m.tex").string(), 1, false);
  EXPECT_FALSE(app->file_error.want_open) << app->file_error.message;
  EXPECT_NE(read(dir / "d.svg").find("<svg"), std::string::npos);
  EXPECT_EQ(read(dir / "c.pdf").rfind("%PDF", 0), 0u);
  EXPECT_EQ(read(dir / "f.png").substr(1, 3), "PNG");
  EXPECT_EQ(read(dir / "d.csv").rfind("x,p,q,m", 0), 0u);
  EXPECT_NE(read(dir / "m.tex").find("\\toprule"), std::string::npos);
  EXPECT_NE(app->notice.find("m.tex"), std::string::npos);
}

TEST_F(ExportMenuTest, AnUnwritablePathShowsTheErrorDialog) {
  export_figure(*app, "densities", "/nonexistent-dir/x.png", 1, false);
  EXPECT_TRUE(app->file_error.want_open);
  EXPECT_FALSE(app->file_error.message.empty());
}

}  // namespace
}  // namespace divlab::gui

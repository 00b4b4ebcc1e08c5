// The per-plot export menu: a right click (not a right-drag, which pans) opens it, and an export
// writes the figure on screen as PNG/SVG/PDF/CSV through Cairo.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "shell/app.hpp"
#include "shell/export_menu.hpp"
#include "app/imgui_fixture.hpp"

namespace divlab::gui {
namespace {

namespace fs = std::filesystem;

class ExportMenuTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    dir = fs::temp_directory_path() / ("divlab-export-menu-" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  void TearDown() override {
    AppTest::TearDown();
    fs::remove_all(dir);
  }
  // One frame with the mouse at (x, y), the right button down or up.
  void right(float x, float y, bool down) { frame(x, y, false, down); }
  int open_popups() const { return GImGui->OpenPopupStack.Size; }
  std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  fs::path dir;
};

TEST_F(ExportMenuTest, RightClickOpensTheMenuButRightDragPans) {
  for (int i = 0; i < 3; ++i) right(-1000, -1000, false);
  const plot::Rect r = div().density_axes.plot;
  const float cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2;
  // A right-drag (pan) does not open it.
  right(cx, cy, true);
  for (int i = 1; i <= 10; ++i) right(cx + 8.0f * i, cy, true);
  right(cx + 80, cy, false);
  right(cx + 80, cy, false);
  EXPECT_EQ(open_popups(), 0);
  // A right click does.
  right(cx, cy, true);
  right(cx, cy, false);
  right(cx, cy, false);
  EXPECT_EQ(open_popups(), 1);
}

TEST_F(ExportMenuTest, ExportsTheScreenFigureInEveryFormat) {
  for (int i = 0; i < 3; ++i) right(-1000, -1000, false);
  const auto request = [](const char* figure, double scale = 1, bool transparent = false) {
    exporting::RenderRequest r;
    r.figure = figure;
    r.scale = scale;
    r.transparent = transparent;
    return r;
  };
  EXPECT_EQ(export_figure(*app, div().figure_source(), (dir / "d.svg").string(), request("densities")), "");
  EXPECT_EQ(export_figure(*app, div().figure_source(), (dir / "c.pdf").string(), request("contributions")), "");
  EXPECT_EQ(export_figure(*app, div().figure_source(), (dir / "f.png").string(), request("cdf", 2, true)), "");
  EXPECT_EQ(export_figure(*app, div().figure_source(), (dir / "d.csv").string(), request("densities")), "");
  EXPECT_EQ(export_figure(*app, div().figure_source(), (dir / "m.tex").string(), request("metrics")), "");
  EXPECT_NE(read(dir / "d.svg").find("<svg"), std::string::npos);
  EXPECT_EQ(read(dir / "c.pdf").rfind("%PDF", 0), 0u);
  EXPECT_EQ(read(dir / "f.png").substr(1, 3), "PNG");
  EXPECT_EQ(read(dir / "d.csv").rfind("x,p,q,m", 0), 0u);
  EXPECT_NE(read(dir / "m.tex").find("\\toprule"), std::string::npos);
  EXPECT_NE(app->notice.find((dir / "m.tex").string()), std::string::npos);
}

TEST_F(ExportMenuTest, AnUnwritablePathIsAnErrorAndNoNotice) {
  exporting::RenderRequest r;
  r.figure = "densities";
  app->notice.clear();
  EXPECT_NE(export_figure(*app, div().figure_source(), "/nonexistent-dir/x.png", r), "");
  EXPECT_EQ(app->notice, "");
}

TEST_F(ExportMenuTest, TheMenuOpensTheDialogOnItsFigure) {
  for (int i = 0; i < 3; ++i) right(-1000, -1000, false);
  const plot::Rect r = div().density_axes.plot;
  const float cx = (r.x0 + r.x1) / 2, cy = (r.y0 + r.y1) / 2;
  right(cx, cy, true);
  right(cx, cy, false);
  right(cx, cy, false);
  ASSERT_EQ(open_popups(), 1);
  ImGuiWindow* menu = GImGui->OpenPopupStack[0].Window;
  ASSERT_TRUE(menu);
  // Its items: the figure's name (disabled), a separator, "Export this figure…".
  const float y = menu->Pos.y + ImGui::GetStyle().WindowPadding.y + ImGui::GetTextLineHeightWithSpacing() +
                  ImGui::GetStyle().ItemSpacing.y * 2 + ImGui::GetFontSize() / 2 + 2;
  frame(menu->Pos.x + 30, y, false);
  frame(menu->Pos.x + 30, y, true);
  frame(menu->Pos.x + 30, y, false);
  frame(-1000, -1000, false);
  EXPECT_TRUE(app->export_dialog.visible);
  EXPECT_EQ(app->export_dialog.figure, "densities");
}

}  // namespace
}  // namespace divlab::gui

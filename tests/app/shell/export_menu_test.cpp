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
  export_figure(*app, "densities", div().figure_source(), (dir / "d.svg").string(), 1, false);
  export_figure(*app, "contributions", div().figure_source(), (dir / "c.pdf").string(), 1, false);
  export_figure(*app, "cdf", div().figure_source(), (dir / "f.png").string(), 2, true);
  export_figure(*app, "densities", div().figure_source(), (dir / "d.csv").string(), 1, false);
  export_figure(*app, "metrics", div().figure_source(), (dir / "m.tex").string(), 1, false);
  EXPECT_FALSE(app->file_error.want_open) << app->file_error.message;
  EXPECT_NE(read(dir / "d.svg").find("<svg"), std::string::npos);
  EXPECT_EQ(read(dir / "c.pdf").rfind("%PDF", 0), 0u);
  EXPECT_EQ(read(dir / "f.png").substr(1, 3), "PNG");
  EXPECT_EQ(read(dir / "d.csv").rfind("x,p,q,m", 0), 0u);
  EXPECT_NE(read(dir / "m.tex").find("\\toprule"), std::string::npos);
  EXPECT_NE(app->notice.find("m.tex"), std::string::npos);
}

TEST_F(ExportMenuTest, AnUnwritablePathShowsTheErrorDialog) {
  export_figure(*app, "densities", div().figure_source(), "/nonexistent-dir/x.png", 1, false);
  EXPECT_TRUE(app->file_error.want_open);
  EXPECT_FALSE(app->file_error.message.empty());
}

}  // namespace
}  // namespace divlab::gui

// Issue 11 §4, exports a course-notes author can use: the export dialog driven with the mouse and
// the keyboard in real ImGui frames (folder and name typed, format picked, Export pressed), the
// file checked (format, pixel size, the print theme's background), the choices remembered across a
// restart of the App, an unwritable folder and an existing file handled in the dialog, F12's quick
// export named in the status bar and a toast, and the fit lab's plots exported like the others.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cairo.h>
#include <GLFW/glfw3.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/imgui_fixture.hpp"
#include "app/typing.hpp"
#include "labs/fit/panel_fit.hpp"
#include "plot/theme.hpp"
#include "shell/export_dialog.hpp"
#include "shell/export_menu.hpp"
#include "shell/menu.hpp"

namespace divlab::gui {
namespace {

namespace fs = std::filesystem;

const std::string kCoin = std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/01-fair-vs-rigged-coin.json";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A PNG's size and one pixel (0xRRGGBB), read back by Cairo.
struct PngFacts {
  int width = 0, height = 0;
  unsigned pixel = 0;
};
PngFacts png_facts(const fs::path& p, int x, int y) {
  cairo_surface_t* s = cairo_image_surface_create_from_png(p.c_str());
  PngFacts f;
  if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
    f.width = cairo_image_surface_get_width(s);
    f.height = cairo_image_surface_get_height(s);
    const unsigned char* row = cairo_image_surface_get_data(s) + y * cairo_image_surface_get_stride(s);
    f.pixel = reinterpret_cast<const std::uint32_t*>(row)[x] & 0xFFFFFFu;
  }
  cairo_surface_destroy(s);
  return f;
}

unsigned rgb(plot::Color c) {
  const auto byte = [](float v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
  return byte(c.r) << 16 | byte(c.g) << 8 | byte(c.b);
}

class ExportDialogTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    map_editing_keys();
    char tmpl[] = "/tmp/divlab-export-dialog-XXXXXX";
    home = ::mkdtemp(tmpl);
    fs::create_directories(home / "Documents");
    fs::create_directories(home / "notes" / "figures");
    old_home = std::getenv("HOME") ? std::getenv("HOME") : "";
    ::setenv("HOME", home.c_str(), 1);
    ::unsetenv("XDG_CONFIG_HOME");
    app->settings_file = home / ".config" / "divlab" / "settings.json";
    app->settings.theme = "dark";  // a dark screen: the print theme must not follow it
    open_file(*app, kCoin);
    idle(3);
  }
  void TearDown() override {
    ::setenv("HOME", old_home.c_str(), 1);
    std::error_code ec;
    fs::remove_all(home, ec);
    AppTest::TearDown();
  }
  ExportDialog& dialog() { return app->export_dialog; }
  // The text one window draws in a frame (ImGui's log stops at the first top-level End()).
  std::string dialog_text() {
    return text_frame([this] { draw_export_dialog(*app); });
  }
  std::string status_text() {
    return text_frame([this] { status_bar(*app, ImGui::GetFrameHeight()); });
  }
  bool dialog_shown() {
    ImGuiWindow* w = ImGui::FindWindowByName(kExportDialogTitle);
    return w && w->Active;
  }
  void click(ImVec2 at) {
    frame(at.x, at.y, false);
    frame(at.x, at.y, true);
    frame(at.x, at.y, false);
  }
  // A single click in a text field, Ctrl+A, then `text` typed as the GLFW backend delivers it.
  void type_into(ImVec2 corner, const std::string& text) {
    const ImVec2 at{corner.x + 6, corner.y + 6};
    click(at);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown['A'] = true;
    frame(at.x, at.y, false);
    io.KeysDown['A'] = false;
    io.KeyCtrl = false;
    frame(at.x, at.y, false);
    for (const char ch : text) io.AddInputCharacter(static_cast<unsigned char>(ch));
    frame(at.x, at.y, false);
  }
  void pick_format(const std::string& format) {
    for (const auto& [f, at] : dialog().format_buttons)
      if (f == format) {
        click({at.x + 6, at.y + 6});
        idle(2);  // the dialog fits its new rows (and centres again)
        return;
      }
    ADD_FAILURE() << "no radio button for " << format;
  }
  void press_export() {
    const ImVec2 at = dialog().overwrite.empty() ? dialog().export_button : dialog().replace_button;
    click({at.x + 10, at.y + 6});
    idle(2);
  }
  // Opens the dialog (Ctrl+E as the GLFW backend sends it).
  void open_with_ctrl_e() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown[GLFW_KEY_E] = true;
    idle(1);
    io.KeysDown[GLFW_KEY_E] = false;
    io.KeyCtrl = false;
    idle(3);
  }
  // The whole export as a user does it: open, folder, name, format, Export.
  void export_via_dialog(const fs::path& folder, const std::string& name, const std::string& format) {
    open_with_ctrl_e();
    ASSERT_TRUE(dialog_shown());
    type_into(dialog().folder_field, folder.string());
    pick_format(format);
    idle(1);
    type_into(dialog().name_field, name);
    press_export();
  }

  fs::path home;
  std::string old_home;
};

TEST_F(ExportDialogTest, TypedFolderAndNameGiveAPngOfTheAskedSizeInThePrintTheme) {
  const fs::path folder = home / "notes" / "figures";
  open_with_ctrl_e();
  ASSERT_TRUE(dialog_shown());
  EXPECT_EQ(dialog().figure, "densities");  // the lab's first figure
  EXPECT_EQ(dialog().name, "Fair-coin-vs-rigged-coin-densities");  // from the title and the figure
  EXPECT_EQ(fs::path(dialog().folder), home / "Documents");          // the documents folder at first
  EXPECT_EQ(dialog().theme, "print");
  dialog().width = 600;
  dialog().height = 400;
  dialog().scale = 2;
  type_into(dialog().folder_field, folder.string());
  pick_format("png");
  type_into(dialog().name_field, "coin");
  press_export();
  const fs::path out = folder / "coin.png";
  ASSERT_TRUE(fs::exists(out)) << dialog().error;
  EXPECT_FALSE(dialog_shown());
  const PngFacts f = png_facts(out, 2, 2);
  EXPECT_EQ(f.width, 1200);
  EXPECT_EQ(f.height, 800);
  EXPECT_EQ(f.pixel, rgb(plot::print_theme().background)) << std::hex << f.pixel;
  EXPECT_NE(f.pixel, rgb(plot::theme_by_name("dark")->background));
  // The status bar names the written file by its full path.
  EXPECT_NE(app->notice.find(out.string()), std::string::npos) << app->notice;
  EXPECT_NE(status_text().find("coin.png"), std::string::npos) << status_text();
}

TEST_F(ExportDialogTest, SvgAndPdfArePrintByDefaultAndTheScreenThemeIsAChoice) {
  const fs::path folder = home / "notes";
  export_via_dialog(folder, "d", "svg");
  ASSERT_TRUE(fs::exists(folder / "d.svg")) << dialog().error;
  EXPECT_NE(read(folder / "d.svg").find("<svg"), std::string::npos);
  export_via_dialog(folder, "d", "pdf");
  ASSERT_TRUE(fs::exists(folder / "d.pdf")) << dialog().error;
  EXPECT_EQ(read(folder / "d.pdf").rfind("%PDF", 0), 0u);
  // PNG in the screen's theme: the dark background.
  open_with_ctrl_e();
  pick_format("png");
  dialog().theme = "screen";
  type_into(dialog().name_field, "dark");
  press_export();
  ASSERT_TRUE(fs::exists(folder / "dark.png")) << dialog().error;
  EXPECT_EQ(png_facts(folder / "dark.png", 2, 2).pixel, rgb(plot::theme_by_name("dark")->background));
  // The data formats are offered where the figure has data: CSV for densities.
  export_via_dialog(folder, "d", "csv");
  EXPECT_EQ(read(folder / "d.csv").rfind("label,x,p,q,m", 0), 0u) << read(folder / "d.csv");
}

TEST_F(ExportDialogTest, ChoicesAreRememberedAcrossARestartAndOldSettingsLoad) {
  const fs::path folder = home / "notes";
  open_with_ctrl_e();
  type_into(dialog().folder_field, folder.string());
  pick_format("pdf");
  dialog().figure = "cdf";
  dialog().width = 700;
  dialog().height = 350;
  type_into(dialog().name_field, "cdf");
  press_export();
  ASSERT_TRUE(fs::exists(folder / "cdf.pdf")) << dialog().error << " " << dialog().figure << " " << dialog().name;
  ASSERT_TRUE(fs::exists(*app->settings_file));

  // A new App, as on the next start: the settings file is read and the dialog opens as left.
  App next;
  next.settings = load_settings(*app->settings_file);
  next.switch_lab("divergence");
  open_export_dialog(next);
  EXPECT_EQ(fs::path(next.export_dialog.folder), folder);
  EXPECT_EQ(next.export_dialog.format, "pdf");
  EXPECT_EQ(next.export_dialog.figure, "cdf");
  EXPECT_EQ(next.export_dialog.width, 700);
  EXPECT_EQ(next.export_dialog.height, 350);
  EXPECT_EQ(next.export_dialog.theme, "print");

  // A settings file from before the dialog has no "export": it loads, with the defaults.
  const Settings old = settings_from_json(R"({"theme": "dark", "presentation_scale": 2, "lab": "fit"})");
  EXPECT_EQ(old.theme, "dark");
  EXPECT_EQ(old.export_, ExportSettings{});
  // A broken export section keeps the defaults of what is broken.
  const Settings broken = settings_from_json(R"({"export": {"format": "bmp", "scale": 99, "size": {"cdf": [1]}}})");
  EXPECT_EQ(broken.export_.format, "png");
  EXPECT_EQ(broken.export_.scale, 4.0);
  EXPECT_TRUE(broken.export_.size.empty());
}

TEST_F(ExportDialogTest, AnUnwritableFolderIsSaidInTheDialogAndNothingIsWritten) {
  std::vector<fs::path> bad{"/proc/self", home / "no-such-folder", fs::path(kCoin)};
  if (::geteuid() != 0) {  // root writes anyway; for anyone else a read-only folder says no
    fs::create_directories(home / "ro");
    fs::permissions(home / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    bad.push_back(home / "ro");
  }
  for (const fs::path& folder : bad) {
    open_with_ctrl_e();
    type_into(dialog().folder_field, folder.string());
    type_into(dialog().name_field, "x");
    press_export();
    EXPECT_TRUE(dialog_shown()) << folder;
    EXPECT_FALSE(dialog().error.empty()) << folder;
    const std::string shown = dialog_text();
    EXPECT_NE(shown.find(dialog().error.substr(0, 20)), std::string::npos) << shown;
    EXPECT_FALSE(fs::exists(folder / "x.png")) << folder;
    click({dialog().cancel_button.x + 10, dialog().cancel_button.y + 6});
    idle(2);
    EXPECT_FALSE(dialog_shown());
  }
  EXPECT_EQ(folder_problem(home / "notes"), "");
  EXPECT_NE(folder_problem("relative/folder"), "");
}

TEST_F(ExportDialogTest, AnExistingFileIsReplacedOnlyAfterAsking) {
  const fs::path folder = home / "notes";
  std::ofstream(folder / "coin.png") << "my own picture";
  export_via_dialog(folder, "coin", "png");
  EXPECT_EQ(read(folder / "coin.png"), "my own picture");
  EXPECT_TRUE(dialog_shown());
  EXPECT_EQ(dialog().overwrite, (folder / "coin.png").string());
  EXPECT_NE(dialog_text().find("exists. Replace it?"), std::string::npos) << dialog_text();
  press_export();  // the button now says Replace
  EXPECT_FALSE(dialog_shown());
  EXPECT_EQ(read(folder / "coin.png").substr(1, 3), "PNG");
  // Cancel keeps the file: the next export to it asks again.
  export_via_dialog(folder, "coin", "png");
  const std::string before = read(folder / "coin.png");
  click({dialog().cancel_button.x + 10, dialog().cancel_button.y + 6});
  idle(2);
  EXPECT_EQ(read(folder / "coin.png"), before);
}

TEST_F(ExportDialogTest, F12ExportsAgainAndSaysSoInPresentationMode) {
  const fs::path folder = home / "notes";
  export_via_dialog(folder, "first", "png");
  ASSERT_TRUE(fs::exists(folder / "first.png"));
  fs::remove(folder / "first.png");
  run_action(*app, "presentation_mode");
  app->notice.clear();
  // Frames through the frame driver, which builds the fonts at the presentation scale.
  const auto frames = [this](int n) {
    for (int i = 0; i < n; ++i) {
      mouse({-1000, -1000});
      driver->frame();
    }
  };
  frames(3);
  ImGuiIO& io = ImGui::GetIO();
  io.KeysDown[GLFW_KEY_F12] = true;
  frames(1);
  io.KeysDown[GLFW_KEY_F12] = false;
  frames(2);
  // The remembered folder and format, the name from the title and figure.
  const fs::path out = folder / "Fair-coin-vs-rigged-coin-densities.png";
  EXPECT_TRUE(fs::exists(out));
  EXPECT_FALSE(dialog_shown());
  EXPECT_EQ(app->notice, "Saved " + out.string());
  ImGuiWindow* toast = ImGui::FindWindowByName("##toast");
  ASSERT_TRUE(toast && toast->Active);
  // Readable at presentation scale: the toast's text is the large (scaled) font.
  EXPECT_GE(toast->Size.y, ImGui::GetFontSize() * 1.5f);
  EXPECT_GE(toast->FontWindowScale * ImGui::GetIO().Fonts->Fonts[0]->FontSize, 28.0f);
  EXPECT_NE(status_text().find("densities.png"), std::string::npos) << status_text();
  // Again: the file exists now, so F12 opens the dialog and asks.
  io.KeysDown[GLFW_KEY_F12] = true;
  idle(1);
  io.KeysDown[GLFW_KEY_F12] = false;
  idle(2);
  EXPECT_TRUE(dialog_shown());
  EXPECT_EQ(dialog().overwrite, out.string());
  // The toast goes after a few seconds.
  click({dialog().cancel_button.x + 10, dialog().cancel_button.y + 6});
  idle(static_cast<int>(kToastSeconds * 60) + 10);
  toast = ImGui::FindWindowByName("##toast");
  EXPECT_FALSE(toast && toast->Active);
}

TEST(ExportNames, SanitisedFromTitleAndFigure) {
  EXPECT_EQ(default_export_name("Fair coin vs rigged coin", "densities"), "Fair-coin-vs-rigged-coin-densities");
  EXPECT_EQ(sanitize_file_name("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(sanitize_file_name("a/b\\c:d*e?f\"g<h>i|j"), "a-b-c-d-e-f-g-h-i-j");
  EXPECT_EQ(sanitize_file_name(std::string("nul\0esc\x1b", 8)), "nul-esc");
  EXPECT_EQ(sanitize_file_name("   "), "figure");
  EXPECT_EQ(sanitize_file_name(".hidden"), "hidden");
  EXPECT_EQ(sanitize_file_name("Kullback–Leibler"), "Kullback-Leibler");
  EXPECT_EQ(sanitize_file_name(std::string(500, 'x')).size(), 100u);
}

TEST_F(ExportDialogTest, TheStatusBarCutsALongPathInTheMiddle) {
  const std::string path = "/home/lecturer/" + std::string(300, 'd') + "/lecture-3-densities.png";
  const std::string cut = fit_text_middle(path, 400);
  EXPECT_LE(ImGui::CalcTextSize(cut.c_str()).x, 400);
  EXPECT_EQ(cut.rfind("/home/", 0), 0u);
  EXPECT_TRUE(cut.ends_with("lecture-3-densities.png")) << cut;
  EXPECT_NE(cut.find("…"), std::string::npos);
  EXPECT_EQ(fit_text_middle("short.png", 400), "short.png");
}

// [SECTION] the fit lab's plots export like the others

TEST_F(ExportDialogTest, EveryPlotOfTheFitLabIsAFigureOfItsOwn) {
  app->switch_lab("fit");
  idle(4);
  const auto figs = app->lab().figures();
  for (const char* name : {"fit_overlay", "fit_loss", "landscape_forward", "landscape_reverse", "fit", "landscape"})
    EXPECT_NE(std::find(figs.begin(), figs.end(), name), figs.end()) << name;
  // The export is the figure as on screen: the panel's start (typed, not the scenario's).
  fit_lab().fit.start["mean"] = -1.5;
  reset_fit(fit_lab().fit);
  idle(3);
  ASSERT_NE(app->lab().figure_source().fit, nullptr);
  EXPECT_DOUBLE_EQ(app->lab().figure_source().fit->start->first, -1.5);
  const fs::path folder = home / "notes";
  for (const std::string name : {"fit_overlay", "fit_loss", "landscape_forward", "landscape_reverse"}) {
    open_export_dialog(*app, name);
    idle(2);
    ASSERT_EQ(dialog().figure, name);
    const std::string stem = dialog().name;
    type_into(dialog().folder_field, folder.string());
    pick_format("png");
    dialog().scale = 1;
    press_export();
    const fs::path out = folder / (stem + ".png");
    ASSERT_TRUE(fs::exists(out)) << name << ": " << dialog().error;
    const plot::Vec2 size = exporting::default_figure_size(name);
    const PngFacts f = png_facts(out, 2, 2);
    EXPECT_EQ(f.width, static_cast<int>(size.x)) << name;
    EXPECT_EQ(f.height, static_cast<int>(size.y)) << name;
  }
}

TEST_F(ExportDialogTest, ARightClickOnTheLossPlotOffersItsExport) {
  app->switch_lab("fit");
  idle(4);
  ImGuiWindow* loss = ImGui::FindWindowByName("Fit: forward vs reverse KL — mass-covering vs mode-seeking###fit");
  ASSERT_TRUE(loss);
  // The loss plot's child window.
  ImGuiWindow* child = nullptr;
  for (ImGuiWindow* w : GImGui->Windows)
    if (std::string(w->Name).find("##fitloss") != std::string::npos) child = w;
  ASSERT_TRUE(child);
  const ImVec2 at{child->Pos.x + child->Size.x / 2, child->Pos.y + child->Size.y / 2};
  frame(at.x, at.y, false);
  frame(at.x, at.y, false, true);
  frame(at.x, at.y, false, false);
  frame(at.x, at.y, false, false);
  ASSERT_EQ(GImGui->OpenPopupStack.Size, 1);
  ImGuiWindow* menu = GImGui->OpenPopupStack[0].Window;
  ASSERT_TRUE(menu);
  // Its items: the figure's name (disabled), a separator, "Export this figure…".
  const float y = menu->Pos.y + ImGui::GetStyle().WindowPadding.y + ImGui::GetTextLineHeightWithSpacing() +
                  ImGui::GetStyle().ItemSpacing.y * 2 + ImGui::GetFontSize() / 2 + 2;
  click({menu->Pos.x + 30, y});
  idle(1);
  EXPECT_TRUE(dialog().visible);
  EXPECT_EQ(dialog().figure, "fit_loss");
}

}  // namespace
}  // namespace divlab::gui

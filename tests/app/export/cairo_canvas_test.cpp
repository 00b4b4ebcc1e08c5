// CairoCanvas: known shapes drawn into PNG/SVG/PDF and checked by pixels (PNG directly; SVG through
// rsvg-convert; PDF through pdftoppm) and by text extraction (pdftotext, pdffonts).
#include "export/cairo_canvas.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "golden/image_compare.hpp"

namespace fs = std::filesystem;
using divlab::exporting::CairoCanvas;
using divlab::exporting::CairoOptions;
using divlab::exporting::Format;
using divlab::golden::Image;
using namespace divlab::plot;

namespace {

const Color kWhite{1, 1, 1, 1};
const Color kBlack{0, 0, 0, 1};
const Color kRed{1, 0, 0, 1};
const Color kBlue{0, 0, 1, 1};

fs::path process_dir() { return fs::path(testing::TempDir()) / ("cairo_canvas." + std::to_string(::getpid())); }

// A fresh folder per test.
fs::path temp_dir() {
  const fs::path d = process_dir() / testing::UnitTest::GetInstance()->current_test_info()->name();
  fs::create_directories(d);
  return d;
}

// Removes this process's files when every test passed (failures keep theirs).
class RemoveOutputsWhenPassed : public testing::Environment {
 public:
  void TearDown() override {
    if (testing::UnitTest::GetInstance()->Passed()) fs::remove_all(process_dir());
  }
};
const testing::Environment* const kCleanUp = testing::AddGlobalTestEnvironment(new RemoveOutputsWhenPassed);

Image canvas_image(const CairoCanvas& c) { return {c.pixel_width(), c.pixel_height(), c.rgba()}; }

std::string run(const std::string& cmd) {
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  pclose(f);
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A scene with a known layout in a 200×100 canvas: white background, a red square at
// (20,20)-(60,60), a blue 4-px horizontal line at y=80 from x=100 to 180, the text "H∞" at (120,10).
void draw_scene(Canvas& c) {
  c.fill_rect({0, 0, 200, 100}, kWhite);
  c.fill_rect({20, 20, 60, 60}, kRed);
  c.line({100, 80}, {180, 80}, {kBlue, 4.0f, Dash::solid});
  c.text({120, 10}, "H\xE2\x88\x9E", {20.0f, kBlack});
}

void expect_scene(const Image& img, int scale) {
  ASSERT_EQ(img.width, 200 * scale);
  ASSERT_EQ(img.height, 100 * scale);
  auto at = [&](double x, double y) { return img.pixel(int(x * scale), int(y * scale)); };
  EXPECT_EQ(at(40, 40), (divlab::golden::Rgba{255, 0, 0, 255}));
  EXPECT_EQ(at(10, 10), (divlab::golden::Rgba{255, 255, 255, 255}));
  EXPECT_EQ(at(70, 40), (divlab::golden::Rgba{255, 255, 255, 255}));
  EXPECT_EQ(at(140, 80), (divlab::golden::Rgba{0, 0, 255, 255}));
  EXPECT_EQ(at(140, 76), (divlab::golden::Rgba{255, 255, 255, 255}));
  // Text ink lies inside the box starting at (120,10), 20 px high.
  int dark = 0;
  for (int y = 10 * scale; y < 30 * scale; ++y)
    for (int x = 120 * scale; x < 160 * scale; ++x) dark += img.pixel(x, y)[0] < 100;
  EXPECT_GT(dark, 30 * scale * scale);
  int dark_outside = 0;
  for (int y = 32 * scale; y < 70 * scale; ++y)
    for (int x = 100 * scale; x < 200 * scale; ++x) dark_outside += img.pixel(x, y)[0] < 100;
  EXPECT_EQ(dark_outside, 0);
}

// Bounding box of pixels darker than 128 (red channel) in an image.
struct Box {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
};
Box ink_box(const Image& img) {
  Box b;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      if (img.pixel(x, y)[0] < 128 && img.pixel(x, y)[3] > 128) {
        b.x0 = std::min(b.x0, x);
        b.y0 = std::min(b.y0, y);
        b.x1 = std::max(b.x1, x);
        b.y1 = std::max(b.y1, y);
      }
  return b;
}

}  // namespace

TEST(FormatFromPath, ByExtension) {
  EXPECT_EQ(divlab::exporting::format_from_path("a/b.png"), Format::png);
  EXPECT_EQ(divlab::exporting::format_from_path("FIG.SVG"), Format::svg);
  EXPECT_EQ(divlab::exporting::format_from_path("x.y.pdf"), Format::pdf);
  EXPECT_EQ(divlab::exporting::format_from_path("x.jpg"), std::nullopt);
  EXPECT_EQ(divlab::exporting::format_from_path("png"), std::nullopt);
}

TEST(CairoCanvasPng, DrawsKnownShapesAtScale1And3) {
  for (int scale : {1, 3}) {
    const fs::path out = temp_dir() / ("scene" + std::to_string(scale) + ".png");
    CairoCanvas c(out.string(), {Format::png, {200, 100}, double(scale)});
    ASSERT_TRUE(c.ok()) << c.error();
    EXPECT_EQ(c.size().x, 200);
    draw_scene(c);
    expect_scene(canvas_image(c), scale);
    ASSERT_EQ(c.finish(), "");
    // The file holds the same pixels as the surface.
    const Image file = divlab::golden::load_png(out.string());
    ASSERT_EQ(file.width, 200 * scale);
    EXPECT_EQ(file.rgba, c.rgba());
  }
}

TEST(CairoCanvasPng, TransparentWhereNothingIsDrawn) {
  const fs::path out = temp_dir() / "t.png";
  CairoCanvas c(out.string(), {Format::png, {50, 50}, 2.0});
  c.fill_rect({10, 10, 20, 20}, kRed.with_alpha(0.5f));
  ASSERT_EQ(c.finish(), "");
  const Image img = divlab::golden::load_png(out.string());
  EXPECT_EQ(img.pixel(5, 5)[3], 0);
  const auto half = img.pixel(30, 30);
  EXPECT_NEAR(half[3], 128, 1);
  EXPECT_EQ(half[0], 255);  // straight alpha: the colour is still pure red
}

TEST(CairoCanvasPng, ClipStackLimitsDrawingAndPops) {
  CairoCanvas c((temp_dir() / "clip.png").string(), {Format::png, {100, 100}});
  c.fill_rect({0, 0, 100, 100}, kWhite);
  c.push_clip({10, 10, 50, 50});
  c.push_clip({30, 30, 90, 90});  // intersects with the outer clip: 30..50
  c.fill_rect({0, 0, 100, 100}, kRed);
  c.pop_clip();
  c.fill_rect({0, 0, 100, 100}, kBlue.with_alpha(0.5f));  // only 10..50 now
  c.pop_clip();
  c.pop_clip();  // unbalanced: ignored
  c.fill_rect({95, 95, 100, 100}, kBlack);
  const Image img = canvas_image(c);
  EXPECT_NEAR(img.pixel(40, 40)[0], 128, 1);  // red under half blue
  EXPECT_EQ(img.pixel(40, 40)[1], 0);
  EXPECT_NEAR(img.pixel(40, 40)[2], 128, 1);
  EXPECT_NEAR(img.pixel(20, 20)[0], 128, 1);  // white under half blue
  EXPECT_NEAR(img.pixel(20, 20)[1], 128, 1);
  EXPECT_EQ(img.pixel(20, 20)[2], 255);
  EXPECT_EQ(img.pixel(60, 60), (divlab::golden::Rgba{255, 255, 255, 255}));
  EXPECT_EQ(img.pixel(97, 97), (divlab::golden::Rgba{0, 0, 0, 255}));
}

TEST(CairoCanvasPng, DashPatternsDiffer) {
  // Counts on→off transitions along the centre of a horizontal line.
  auto transitions = [](Dash d) {
    CairoCanvas c("/dev/null", {Format::png, {300, 20}});
    c.fill_rect({0, 0, 300, 20}, kWhite);
    c.line({10, 10}, {290, 10}, {kBlack, 2.0f, d});
    const Image img = canvas_image(c);
    int n = 0;
    bool prev = false;
    for (int x = 0; x < 300; ++x) {
      const bool on = img.pixel(x, 10)[0] < 160;
      n += on && !prev;
      prev = on;
    }
    return n;
  };
  EXPECT_EQ(transitions(Dash::solid), 1);
  const int dashed = transitions(Dash::dashed), dotted = transitions(Dash::dotted);
  EXPECT_GT(dashed, 10);
  EXPECT_LT(dashed, 40);
  EXPECT_GT(dotted, dashed);
}

TEST(CairoCanvasPng, NonFinitePointsAreGaps) {
  CairoCanvas c("/dev/null", {Format::png, {100, 40}});
  c.fill_rect({0, 0, 100, 40}, kWhite);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const Vec2 pts[] = {{0, 10}, {40, 10}, {50, nan}, {60, 10}, {100, 10}};
  c.polyline(pts, {kBlack, 2.0f});
  const Vec2 top[] = {{0, 20}, {40, 20}, {50, 20}, {60, 20}, {100, 20}};
  const Vec2 bottom[] = {{0, 40}, {40, 40}, {50, std::numeric_limits<float>::infinity()}, {60, 40}, {100, 40}};
  c.fill_between(top, bottom, kRed);
  const Image img = canvas_image(c);
  EXPECT_LT(img.pixel(20, 10)[0], 50);
  EXPECT_EQ(img.pixel(50, 10)[0], 255);  // no line across the gap
  EXPECT_LT(img.pixel(80, 10)[0], 50);
  EXPECT_EQ(img.pixel(20, 30), (divlab::golden::Rgba{255, 0, 0, 255}));
  EXPECT_EQ(img.pixel(50, 30), (divlab::golden::Rgba{255, 255, 255, 255}));  // no fill across the gap
  EXPECT_EQ(img.pixel(80, 30), (divlab::golden::Rgba{255, 0, 0, 255}));
}

TEST(CairoCanvasPng, FillBetweenCrossingCurvesFillsBothLobes) {
  CairoCanvas c("/dev/null", {Format::png, {100, 100}});
  c.fill_rect({0, 0, 100, 100}, kWhite);
  const Vec2 a[] = {{0, 20}, {100, 80}}, b[] = {{0, 80}, {100, 20}};
  c.fill_between(a, b, kBlue);
  const Image img = canvas_image(c);
  EXPECT_EQ(img.pixel(10, 50), (divlab::golden::Rgba{0, 0, 255, 255}));
  EXPECT_EQ(img.pixel(90, 50), (divlab::golden::Rgba{0, 0, 255, 255}));
  EXPECT_EQ(img.pixel(50, 10), (divlab::golden::Rgba{255, 255, 255, 255}));
}

TEST(CairoCanvasPng, PolygonAndCircle) {
  CairoCanvas c("/dev/null", {Format::png, {100, 100}});
  c.fill_rect({0, 0, 100, 100}, kWhite);
  // An L-shaped (non-convex) polygon.
  const Vec2 l[] = {{10, 10}, {30, 10}, {30, 70}, {60, 70}, {60, 90}, {10, 90}};
  c.fill_polygon(l, kRed);
  c.circle({75, 25}, 10, kBlue);
  c.stroke_rect({40, 10, 60, 30}, {kBlack, 2.0f});
  const Image img = canvas_image(c);
  EXPECT_EQ(img.pixel(20, 50), (divlab::golden::Rgba{255, 0, 0, 255}));
  EXPECT_EQ(img.pixel(50, 80), (divlab::golden::Rgba{255, 0, 0, 255}));
  EXPECT_EQ(img.pixel(50, 50), (divlab::golden::Rgba{255, 255, 255, 255}));  // the notch
  EXPECT_EQ(img.pixel(75, 25), (divlab::golden::Rgba{0, 0, 255, 255}));
  EXPECT_EQ(img.pixel(75, 37), (divlab::golden::Rgba{255, 255, 255, 255}));
  EXPECT_EQ(img.pixel(50, 10)[0], 0);  // rect outline
  EXPECT_EQ(img.pixel(50, 20), (divlab::golden::Rgba{255, 255, 255, 255}));
}

TEST(CairoCanvasText, SizeIsLineHeightAndWidthGrowsWithText) {
  CairoCanvas c("/dev/null", {Format::png, {100, 100}});
  const TextStyle st{20.0f, kBlack};
  const Vec2 one = c.text_size("M", st), two = c.text_size("MM", st);
  EXPECT_FLOAT_EQ(one.y, 20.0f);
  EXPECT_NEAR(two.x, 2 * one.x, 1e-3);
  EXPECT_GT(one.x, 10.0f);
  EXPECT_LT(one.x, 20.0f);
  const Vec2 two_lines = c.text_size("MMM\nM", st);
  EXPECT_FLOAT_EQ(two_lines.y, 40.0f);
  EXPECT_NEAR(two_lines.x, 3 * one.x, 1e-3);
  // Bold is wider than regular.
  TextStyle bold = st;
  bold.weight = Weight::bold;
  EXPECT_GT(c.text_size("MMMM", bold).x, c.text_size("MMMM", st).x);
  EXPECT_EQ(c.text_size("", st).x, 0.0f);
}

TEST(CairoCanvasText, AlignmentPlacesInkAroundTheAnchor) {
  // "H" centred on (100, 50): its ink box is centred there within a pixel or two.
  for (auto [h, v] : {std::pair{Align::center, Align::center}, std::pair{Align::end, Align::end},
                      std::pair{Align::start, Align::start}}) {
    CairoCanvas c("/dev/null", {Format::png, {200, 100}});
    c.fill_rect({0, 0, 200, 100}, kWhite);
    TextStyle st{40.0f, kBlack};
    st.h = h;
    st.v = v;
    c.text({100, 50}, "H", st);
    const Box b = ink_box(canvas_image(c));
    ASSERT_GE(b.x1, 0);
    const Vec2 sz = c.text_size("H", st);
    if (h == Align::center) {
      EXPECT_NEAR((b.x0 + b.x1 + 1) / 2.0, 100, 1.5);
      EXPECT_NEAR((b.y0 + b.y1 + 1) / 2.0, 50 + 40 * 0.0, 6);  // cap height sits a little above centre
    } else if (h == Align::end) {
      EXPECT_LE(b.x1, 100);
      EXPECT_GT(b.x1, 100 - 6);
      EXPECT_LE(b.y1, 50);
      EXPECT_GT(b.y0, 50 - sz.y);
    } else {
      EXPECT_GE(b.x0, 100);
      EXPECT_LT(b.x0, 106);
      EXPECT_GE(b.y0, 50);
      EXPECT_LT(b.y1, 50 + sz.y);
    }
  }
}

TEST(CairoCanvasText, InvalidUtf8DoesNotBreakTheCanvas) {
  const fs::path out = temp_dir() / "bad.png";
  CairoCanvas c(out.string(), {Format::png, {100, 40}});
  c.fill_rect({0, 0, 100, 40}, kWhite);
  c.text({5, 5}, std::string_view("a\xFF\xC0\x80\xED\xA0\x80z\0q", 10), {14.0f, kBlack});
  EXPECT_GT(c.text_size("\xE2\x82", {14.0f, kBlack}).x, 0.0f);  // truncated sequence → U+FFFD
  c.fill_rect({80, 20, 100, 40}, kRed);  // still drawing after the bad strings
  EXPECT_EQ(canvas_image(c).pixel(90, 30), (divlab::golden::Rgba{255, 0, 0, 255}));
  EXPECT_EQ(c.finish(), "");
}

TEST(CairoCanvasErrors, BadOptionsAndUnwritablePaths) {
  CairoCanvas big("/dev/null", {Format::png, {100, 100}, 5.0});
  EXPECT_FALSE(big.ok());
  EXPECT_NE(big.error().find("scale"), std::string::npos);
  CairoCanvas empty("/dev/null", {Format::png, {0, 100}});
  EXPECT_FALSE(empty.ok());
  empty.fill_rect({0, 0, 1, 1}, kRed);  // a no-op, not a crash
  EXPECT_NE(empty.finish(), "");

  CairoCanvas svg("/nonexistent-dir/x.svg", {Format::svg, {100, 100}});
  EXPECT_FALSE(svg.ok());
  EXPECT_NE(svg.error().find("/nonexistent-dir/x.svg"), std::string::npos) << svg.error();
  CairoCanvas pdf("/nonexistent-dir/x.pdf", {Format::pdf, {100, 100}});
  EXPECT_FALSE(pdf.ok());
  CairoCanvas png("/nonexistent-dir/x.png", {Format::png, {100, 100}});
  ASSERT_TRUE(png.ok());  // PNG is written at the end
  const std::string err = png.finish();
  EXPECT_NE(err.find("/nonexistent-dir/x.png"), std::string::npos) << err;
  CairoCanvas fonts("/dev/null", {Format::png, {10, 10}, 1.0, "/nonexistent-fonts"});
  EXPECT_FALSE(fonts.ok());
  EXPECT_NE(fonts.error().find("DejaVuSans.ttf"), std::string::npos);
}

TEST(CairoCanvasSvg, ParsesAndRendersWithRsvg) {
  const fs::path dir = temp_dir();
  {
    CairoCanvas c((dir / "scene.svg").string(), {Format::svg, {200, 100}});
    ASSERT_TRUE(c.ok()) << c.error();
    draw_scene(c);
    ASSERT_EQ(c.finish(), "");
  }
  const std::string svg = slurp(dir / "scene.svg");
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("width=\"200px\""), std::string::npos) << svg.substr(0, 400);
  for (int scale : {1, 2}) {
    const fs::path png = dir / ("svg" + std::to_string(scale) + ".png");
    ASSERT_EQ(std::system(("rsvg-convert -z " + std::to_string(scale) + " -o " + png.string() + " " +
                           (dir / "scene.svg").string())
                              .c_str()),
              0);
    expect_scene(divlab::golden::load_png(png.string()), scale);
  }
}

TEST(CairoCanvasPdf, RendersWithPdftoppmAndTextIsSelectable) {
  const fs::path dir = temp_dir();
  const std::string pdf = (dir / "scene.pdf").string();
  {
    CairoCanvas c(pdf, {Format::pdf, {200, 100}});
    ASSERT_TRUE(c.ok()) << c.error();
    draw_scene(c);
    c.text({10, 70}, "D(P\xE2\x80\x96Q) = \xE2\x88\x9E nats, W\xE2\x82\x81", {8.0f, kBlack});
    ASSERT_EQ(c.finish(), "");
  }
  // 96 dpi: one canvas pixel per PDF pixel; 192 dpi: two.
  for (int scale : {1, 2}) {
    const std::string prefix = (dir / ("page" + std::to_string(scale))).string();
    ASSERT_EQ(std::system(("pdftoppm -png -singlefile -r " + std::to_string(96 * scale) + " " + pdf + " " + prefix)
                              .c_str()),
              0);
    Image img = divlab::golden::load_png(prefix + ".png");
    // Blank out the extra text line before checking the scene.
    for (int y = 60 * scale; y < 100 * scale; ++y)
      for (int x = 0; x < 100 * scale; ++x) img.rgba[(size_t(y) * img.width + x) * 4] = 255;
    expect_scene(img, scale);
  }
  const std::string text = run("pdftotext " + pdf + " -");
  EXPECT_NE(text.find("H\xE2\x88\x9E"), std::string::npos) << text;
  EXPECT_NE(text.find("D(P\xE2\x80\x96Q) = \xE2\x88\x9E nats, W\xE2\x82\x81"), std::string::npos) << text;
  const std::string fonts = run("pdffonts " + pdf);
  EXPECT_NE(fonts.find("DejaVuSans"), std::string::npos) << fonts;
  // Page size: 200×100 px at 96 dpi = 150×75 pt.
  const std::string info = run("pdfinfo " + pdf);
  EXPECT_NE(info.find("150 x 75 pts"), std::string::npos) << info;
  EXPECT_NE(info.find("divlab"), std::string::npos) << info;
}

TEST(CairoCanvasFiles, AFileAppearsOnlyWhenFinishedAndNoTemporariesRemain) {
  const fs::path dir = temp_dir();
  for (const char* name : {"a.png", "a.svg", "a.pdf"}) {
    const fs::path out = dir / name;
    {
      CairoCanvas c(out.string(), {*divlab::exporting::format_from_path(name), {50, 50}});
      ASSERT_TRUE(c.ok()) << c.error();
      c.fill_rect({0, 0, 50, 50}, kRed);
      EXPECT_FALSE(fs::exists(out)) << name;  // nothing at the target while drawing
    }
    EXPECT_FALSE(fs::exists(out)) << name;  // abandoned: no file
    {
      CairoCanvas c(out.string(), {*divlab::exporting::format_from_path(name), {50, 50}});
      c.fill_rect({0, 0, 50, 50}, kRed);
      ASSERT_EQ(c.finish(), "");
      EXPECT_TRUE(fs::exists(out)) << name;
      EXPECT_EQ(c.finish(), "already finished");
    }
    EXPECT_GT(fs::file_size(out), 100u) << name;
  }
  // Only the three outputs: no temporaries left beside them.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    ++files;
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
  }
  EXPECT_EQ(files, 3);
}

TEST(CairoCanvasFiles, ReplacesAnExistingFileAndWritesToNonRegularFilesDirectly) {
  const fs::path out = temp_dir() / "old.png";
  { std::ofstream(out) << "old contents"; }
  CairoCanvas c(out.string(), {Format::png, {20, 20}});
  c.fill_rect({0, 0, 20, 20}, kBlue);
  ASSERT_EQ(c.finish(), "");
  EXPECT_EQ(divlab::golden::load_png(out.string()).pixel(10, 10), (divlab::golden::Rgba{0, 0, 255, 255}));
  // /dev/null is a character device: written in place, never replaced.
  CairoCanvas devnull("/dev/null", {Format::svg, {20, 20}});
  ASSERT_TRUE(devnull.ok()) << devnull.error();
  EXPECT_EQ(devnull.finish(), "");
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST(CairoCanvasPng, AdjacentCellsLeaveNoSeams) {
  // A 10×10 grid of cells with fractional edges, at 1× and 1.5×: no pixel lets the white
  // background through, and a sub-pixel sliver still shows.
  for (double scale : {1.0, 1.5}) {
    CairoCanvas c("/dev/null", {Format::png, {100, 100}, scale});
    c.fill_rect({0, 0, 100, 100}, kWhite);
    const float step = 97.0f / 10;
    for (int i = 0; i < 10; ++i)
      for (int j = 0; j < 10; ++j)
        c.fill_rect({1.3f + i * step, 1.3f + j * step, 1.3f + (i + 1) * step, 1.3f + (j + 1) * step},
                    (i + j) % 2 ? kBlue : kBlack);
    c.fill_rect({5, 99.6f, 50, 99.9f}, kRed);  // 0.3 px tall
    const Image img = canvas_image(c);
    int seams = 0;
    const int lo = int(std::ceil(1.3 * scale)) + 1, hi = int(98.3 * scale) - 1;
    for (int y = lo; y < hi; ++y)
      for (int x = lo; x < hi; ++x) seams += img.pixel(x, y)[0] > 0;
    EXPECT_EQ(seams, 0) << "scale " << scale;
    EXPECT_GT(img.pixel(int(20 * scale), int(99.7 * scale))[0], 60) << "scale " << scale;
  }
}

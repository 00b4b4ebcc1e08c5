// Golden images of exported figures, compared with a tolerance (tests/golden/image_compare.hpp).
// The figure data is built here from closed forms (not from core's sampling), so a golden changes
// only when drawing changes. After an intended change of the plot layer or the canvas, regenerate:
//   DIVLAB_UPDATE_GOLDEN=1 build/release/tests/export_golden_test
// and look at the new tests/golden/*.png before committing them.
// The same figures go through SVG (rsvg-convert) and PDF (pdftoppm) and must match the PNG.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>

#include "golden/image_compare.hpp"
#include "export/cairo_canvas.hpp"
#include "export/render_figure.hpp"
#include "figures/figures.hpp"

namespace fs = std::filesystem;
using namespace divlab;
using divlab::golden::Image;

namespace {

const double kInf = std::numeric_limits<double>::infinity();
const fs::path kGoldenDir = fs::path(DIVLAB_SOURCE_DIR) / "tests" / "golden";

fs::path out_dir() {
  const fs::path d = fs::path(testing::TempDir()) / ("export_golden." + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

// x·log_b(x/y) with the SPEC conventions (0·log 0 = 0, x > 0 = y → +∞).
double term(double x, double y, double lb) {
  if (x == 0) return 0;
  if (y == 0) return kInf;
  return x * (std::log(x) - std::log(y)) / lb;
}

void fill_derived(Curves& c, double lb, double dx) {
  const size_t n = c.x.size();
  c.m.resize(n);
  c.contrib_pq.resize(n);
  c.contrib_qp.resize(n);
  c.jsd_integrand.resize(n);
  c.cdf_p.resize(n);
  c.cdf_q.resize(n);
  c.cdf_absdiff.resize(n);
  double fp = 0, fq = 0;
  for (size_t i = 0; i < n; ++i) {
    c.m[i] = (c.p[i] + c.q[i]) / 2;
    c.contrib_pq[i] = term(c.p[i], c.q[i], lb);
    c.contrib_qp[i] = term(c.q[i], c.p[i], lb);
    c.jsd_integrand[i] = 0.5 * term(c.p[i], c.m[i], lb) + 0.5 * term(c.q[i], c.m[i], lb);
    fp += c.p[i] * dx;
    fq += c.q[i] * dx;
    c.cdf_p[i] = fp;
    c.cdf_q[i] = fq;
    c.cdf_absdiff[i] = std::fabs(fp - fq);
  }
}

// Label smoothing in bits: P = [0,0,1,0] vs Q = [.05,.05,.85,.05]. D(P‖Q) = log2(1/.85) is finite,
// D(Q‖P) = ∞. Measures from the closed forms (checked against scipy in tests/unit).
plot::FigureData label_smoothing() {
  plot::FigureData d;
  d.kind = Kind::discrete;
  d.base = Base::two;
  d.labels = {"cat", "dog", "fox", "owl"};
  d.x_window = {-0.5, 3.5};
  d.curves.x = {0, 1, 2, 3};
  d.curves.p = {0, 0, 1, 0};
  d.curves.q = {0.05, 0.05, 0.85, 0.05};
  fill_derived(d.curves, std::log(2.0), 1.0);
  Measures& m = d.measures;
  m.base = Base::two;
  m.entropy_p = 0;
  m.entropy_q = -(3 * 0.05 * std::log2(0.05) + 0.85 * std::log2(0.85));
  m.kl_pq = -std::log2(0.85);
  m.kl_qp = kInf;
  m.cross_entropy_pq = m.entropy_p + m.kl_pq;
  m.cross_entropy_qp = kInf;
  m.jsd = 0;
  for (double v : d.curves.jsd_integrand) m.jsd += v;
  m.js_distance = std::sqrt(m.jsd);
  m.wasserstein_1 = 0;
  for (double v : d.curves.cdf_absdiff) m.wasserstein_1 += v;
  m.total_variation = 0.15;
  m.bhattacharyya = std::sqrt(0.85);
  m.hellinger = std::sqrt(1 - m.bhattacharyya);
  m.perplexity_p = 1;
  m.perplexity_q = std::exp2(m.entropy_q);
  m.perplexity_pq = std::exp2(m.cross_entropy_pq);
  m.perplexity_qp = kInf;
  m.why_kl_qp = {WhyInfinite::Cause::support, "P = 0 at 'cat' where Q > 0"};
  return d;
}

// A bimodal mixture ½N(−2, 0.6²) + ½N(2, 0.6²) against N(0, 1), in nats, sampled on [−6, 6].
plot::FigureData bimodal() {
  plot::FigureData d;
  d.kind = Kind::continuous;
  d.base = Base::e;
  d.x_window = {-6, 6};
  const int n = 481;
  const double dx = 12.0 / (n - 1);
  auto normal = [](double x, double mu, double sd) {
    return std::exp(-0.5 * (x - mu) * (x - mu) / (sd * sd)) / (sd * std::sqrt(2 * M_PI));
  };
  for (int i = 0; i < n; ++i) {
    const double x = -6 + i * dx;
    d.curves.x.push_back(x);
    d.curves.p.push_back(0.5 * normal(x, -2, 0.6) + 0.5 * normal(x, 2, 0.6));
    d.curves.q.push_back(normal(x, 0, 1));
  }
  fill_derived(d.curves, 1.0, dx);
  Measures& m = d.measures;
  m.base = Base::e;
  // Riemann sums over the window: enough for the numbers printed in a figure.
  for (size_t i = 0; i < d.curves.x.size(); ++i) {
    const double p = d.curves.p[i], q = d.curves.q[i];
    m.entropy_p -= p > 0 ? p * std::log(p) * dx : 0;
    m.entropy_q -= q > 0 ? q * std::log(q) * dx : 0;
    m.kl_pq += d.curves.contrib_pq[i] * dx;
    m.kl_qp += d.curves.contrib_qp[i] * dx;
    m.jsd += d.curves.jsd_integrand[i] * dx;
    m.wasserstein_1 += d.curves.cdf_absdiff[i] * dx;
    m.total_variation += 0.5 * std::fabs(p - q) * dx;
    m.bhattacharyya += std::sqrt(p * q) * dx;
  }
  m.cross_entropy_pq = m.entropy_p + m.kl_pq;
  m.cross_entropy_qp = m.entropy_q + m.kl_qp;
  m.js_distance = std::sqrt(m.jsd);
  m.hellinger = std::sqrt(std::max(0.0, 1 - m.bhattacharyya));
  m.perplexity_p = std::exp(m.entropy_p);
  m.perplexity_q = std::exp(m.entropy_q);
  m.perplexity_pq = std::exp(m.cross_entropy_pq);
  m.perplexity_qp = std::exp(m.cross_entropy_qp);
  return d;
}

// Renders `figure` to PNG at `size` and returns the image (empty on failure, with a test failure).
Image render_png(const plot::FigureData& d, const std::string& figure, plot::Vec2 size, const fs::path& out,
                 double scale = 1.0, std::string theme = "print") {
  exporting::RenderRequest r;
  r.figure = figure;
  r.size = size;
  r.scale = scale;
  r.theme = std::move(theme);
  const exporting::RenderResult res = exporting::render_figure(d, out.string(), r);
  EXPECT_TRUE(res.ok()) << res.error;
  return golden::load_png(out.string());
}

// Compares with tests/golden/<name>.png, or writes it when DIVLAB_UPDATE_GOLDEN is set.
void expect_golden(const Image& actual, const std::string& name, const golden::Tolerance& tol = {}) {
  ASSERT_GT(actual.width, 0);
  const fs::path golden_file = kGoldenDir / (name + ".png");
  const fs::path actual_file = out_dir() / (name + ".actual.png");
  std::string err;
  if (golden::updating_goldens()) {
    fs::copy_file(out_dir() / (name + ".png"), golden_file, fs::copy_options::overwrite_existing);
    GTEST_SKIP() << "wrote " << golden_file;
  }
  const Image expected = golden::load_png(golden_file.string());
  ASSERT_GT(expected.width, 0) << "no golden " << golden_file
                               << " (run with DIVLAB_UPDATE_GOLDEN=1 to create it, then look at it)";
  const golden::Comparison c = golden::compare(actual, expected, tol);
  if (!c.match) fs::copy_file(out_dir() / (name + ".png"), actual_file, fs::copy_options::overwrite_existing);
  EXPECT_TRUE(c.match) << name << ": " << c.summary() << "; actual image: " << actual_file
                       << " (if the change is intended: DIVLAB_UPDATE_GOLDEN=1)";
}

struct Case {
  const char* name;
  const char* figure;
  bool continuous;
  plot::Vec2 size;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

const Case kCases[] = {
    {"smoothing_densities", "densities", false, {480, 300}},
    {"smoothing_contributions", "contributions", false, {480, 300}},
    {"smoothing_cdf", "cdf", false, {480, 300}},
    {"smoothing_metrics", "metrics", false, {640, 360}},
    {"smoothing_identities", "identities", false, {640, 360}},
    {"bimodal_densities", "densities", true, {480, 300}},
    {"bimodal_contributions", "contributions", true, {480, 300}},
    {"bimodal_dashboard", "dashboard", true, {1000, 640}},
};


// Removes this process's output folder when every test passed (failures keep their images).
class RemoveOutputsWhenPassed : public testing::Environment {
 public:
  void TearDown() override {
    if (testing::UnitTest::GetInstance()->Passed()) fs::remove_all(out_dir());
  }
};
const testing::Environment* const kCleanUp = testing::AddGlobalTestEnvironment(new RemoveOutputsWhenPassed);

}  // namespace

class GoldenFigure : public testing::TestWithParam<Case> {};

TEST_P(GoldenFigure, PngMatchesGolden) {
  const Case& c = GetParam();
  const plot::FigureData d = c.continuous ? bimodal() : label_smoothing();
  const Image img = render_png(d, c.figure, c.size, out_dir() / (std::string(c.name) + ".png"));
  expect_golden(img, c.name);
}

// The SVG and the PDF of a figure render (rsvg-convert, pdftoppm) to the PNG's picture: same
// layout, same text, same colours, up to antialiasing and font rasterisation.
TEST_P(GoldenFigure, SvgAndPdfRenderLikeThePng) {
  const Case& c = GetParam();
  const plot::FigureData d = c.continuous ? bimodal() : label_smoothing();
  const fs::path base = out_dir() / (std::string(c.name) + ".vec");
  const Image png = render_png(d, c.figure, c.size, base.string() + ".png");
  exporting::RenderRequest r;
  r.figure = c.figure;
  r.size = c.size;
  ASSERT_TRUE(exporting::render_figure(d, base.string() + ".svg", r).ok());
  ASSERT_TRUE(exporting::render_figure(d, base.string() + ".pdf", r).ok());
  ASSERT_EQ(std::system(("rsvg-convert -o " + base.string() + ".svg.png " + base.string() + ".svg").c_str()), 0);
  // 96 dpi: one PDF pixel per canvas pixel.
  ASSERT_EQ(std::system(("pdftoppm -png -r 96 -singlefile " + base.string() + ".pdf " + base.string() + ".pdf")
                            .c_str()),
            0);
  // Renderers differ in antialiasing and glyph rasterisation: edges and text pixels move a little
  // (rsvg is Cairo underneath; poppler's Splash hints glyphs and snaps thin lines).
  const golden::Comparison svg =
      golden::compare(golden::load_png(base.string() + ".svg.png"), png, golden::Tolerance{64, 0.02});
  EXPECT_TRUE(svg.match) << "svg: " << svg.summary();
  const golden::Comparison pdf =
      golden::compare(golden::load_png(base.string() + ".pdf.png"), png, golden::Tolerance{64, 0.05});
  EXPECT_TRUE(pdf.match) << "pdf: " << pdf.summary();
  std::printf("%s: svg vs png: %s; pdf vs png: %s\n", c.name, svg.summary().c_str(), pdf.summary().c_str());
}

INSTANTIATE_TEST_SUITE_P(Figures, GoldenFigure, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<Case>& i) { return std::string(i.param.name); });

TEST(GoldenScale, TwoTimesIsTheOneTimeFigureUpsampled) {
  // At 2× every length doubles: downsampling the 2× image by 2×2 box averages gives the 1× image
  // up to antialiasing (text is hinting-free, so glyph positions scale exactly).
  const plot::FigureData d = label_smoothing();
  const Image one = render_png(d, "densities", {480, 300}, out_dir() / "scale1.png", 1.0);
  const Image two = render_png(d, "densities", {480, 300}, out_dir() / "scale2.png", 2.0);
  ASSERT_EQ(two.width, 960);
  ASSERT_EQ(two.height, 600);
  Image down{480, 300, std::vector<std::uint8_t>(480 * 300 * 4)};
  for (int y = 0; y < 300; ++y)
    for (int x = 0; x < 480; ++x)
      for (int k = 0; k < 4; ++k) {
        int sum = 0;
        for (int dy = 0; dy < 2; ++dy)
          for (int dx = 0; dx < 2; ++dx) sum += two.pixel(2 * x + dx, 2 * y + dy)[k];
        down.rgba[(size_t(y) * 480 + x) * 4 + k] = static_cast<std::uint8_t>((sum + 2) / 4);
      }
  const golden::Comparison c = golden::compare(down, one, {64, 0.02});
  EXPECT_TRUE(c.match) << c.summary();
  std::printf("2x downsampled vs 1x: %s\n", c.summary().c_str());
}

TEST(GoldenTransparent, BackgroundIsClearAndTheDataIsNot) {
  const plot::FigureData d = label_smoothing();
  exporting::RenderRequest r;
  r.figure = "densities";
  r.size = plot::Vec2{480, 300};
  r.transparent = true;
  const fs::path out = out_dir() / "transparent.png";
  ASSERT_TRUE(exporting::render_figure(d, out.string(), r).ok());
  const Image img = golden::load_png(out.string());
  ASSERT_EQ(img.width, 480);
  long clear = 0, opaque = 0;
  for (size_t i = 3; i < img.rgba.size(); i += 4) {
    clear += img.rgba[i] == 0;
    opaque += img.rgba[i] == 255;
  }
  const double n = 480.0 * 300.0;
  EXPECT_GT(clear / n, 0.5);    // most of a bar chart is background
  EXPECT_GT(opaque / n, 0.005); // axes, labels and outlines stay opaque
}

TEST(GoldenThemes, EveryThemeRendersAndDiffers) {
  const plot::FigureData d = label_smoothing();
  std::vector<Image> images;
  for (const char* theme : {"print", "light", "dark", "high_contrast"}) {
    images.push_back(render_png(d, "densities", {320, 200}, out_dir() / (std::string("theme_") + theme + ".png"), 1.0,
                                theme));
    ASSERT_EQ(images.back().width, 320) << theme;
  }
  for (size_t i = 0; i < images.size(); ++i)
    for (size_t j = i + 1; j < images.size(); ++j)
      EXPECT_FALSE(golden::compare(images[i], images[j]).match) << i << " vs " << j;
  // Dark theme: a dark background.
  EXPECT_LT(images[2].pixel(2, 2)[0], 80);
  EXPECT_EQ(images[0].pixel(2, 2), (golden::Rgba{255, 255, 255, 255}));  // print: white
}

TEST(ImageCompare, ToleranceCatchesRealChanges) {
  Image a{10, 10, std::vector<std::uint8_t>(400, 255)};
  Image b = a;
  EXPECT_TRUE(golden::compare(a, b).match);
  EXPECT_EQ(golden::compare(a, b).max_diff, 0);
  b.rgba[0] = 250;  // a faint antialiasing change
  EXPECT_TRUE(golden::compare(a, b, {24, 0.0}).match);
  b.rgba[4] = 0;  // one pixel really different: 1% of 100
  EXPECT_FALSE(golden::compare(a, b, {24, 0.005}).match);
  EXPECT_TRUE(golden::compare(a, b, {24, 0.01}).match);
  EXPECT_EQ(golden::compare(a, b).differing, 1);
  EXPECT_EQ(golden::compare(a, b).max_diff, 255);
  Image c{10, 9, std::vector<std::uint8_t>(360, 255)};
  EXPECT_FALSE(golden::compare(a, c).match);
  EXPECT_FALSE(golden::compare(a, c).same_size);
  EXPECT_FALSE(golden::compare(Image{}, Image{}).match);  // two unreadable images never match
}

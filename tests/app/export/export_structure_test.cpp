// Exported SVG and PDF files have the structure of the figure as drawn: a canvas that records
// every call while forwarding it to Cairo, then the files are read back — every text string the
// figure drew is in the PDF's text layer (selectable) and every shape is an element of the SVG.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "export/cairo_canvas.hpp"
#include "export/render_figure.hpp"
#include "figures/figures.hpp"

namespace fs = std::filesystem;
using namespace divlab;
using namespace divlab::plot;

namespace {

// Forwards every call to a CairoCanvas and remembers what was drawn.
class RecordingCanvas final : public Canvas {
 public:
  explicit RecordingCanvas(exporting::CairoCanvas& target) : t_(target) {}
  std::vector<std::string> texts;
  int shapes = 0;  // calls that produce one filled or stroked path
  // Cairo's SVG writer may merge a fill and a stroke of the same path into one element, and an
  // opaque fill of the whole page replaces what was drawn before it: an upper bound of the merges.
  int merged = 0;

  Vec2 size() const override { return t_.size(); }
  void line(Vec2 a, Vec2 b, const Stroke& s) override {
    last_fill_.reset();
    shapes += s.width > 0;
    t_.line(a, b, s);
  }
  void polyline(std::span<const Vec2> p, const Stroke& s) override {
    last_fill_.reset();
    shapes += s.width > 0 && p.size() >= 2;
    t_.polyline(p, s);
  }
  void fill_polygon(std::span<const Vec2> p, Color c) override {
    last_fill_.reset();
    shapes += p.size() >= 3;
    t_.fill_polygon(p, c);
  }
  void fill_between(std::span<const Vec2> a, std::span<const Vec2> b, Color c) override {
    last_fill_.reset();
    shapes += std::min(a.size(), b.size()) >= 2;
    t_.fill_between(a, b, c);
  }
  void fill_rect(Rect r, Color c) override {
    const bool drawn = r.width() > 0 && r.height() > 0;  // an empty bar draws nothing
    shapes += drawn;
    const Vec2 sz = t_.size();
    if (drawn && c.a == 1 && r.x0 <= 0 && r.y0 <= 0 && r.x1 >= sz.x && r.y1 >= sz.y && clip_depth_ == 0)
      merged = shapes - 1;  // everything before is gone
    last_fill_ = drawn ? std::optional<Rect>(r) : std::nullopt;
    t_.fill_rect(r, c);
  }
  void stroke_rect(Rect r, const Stroke& s) override {
    shapes += s.width > 0;
    if (s.width > 0 && last_fill_ && last_fill_->x0 == r.x0 && last_fill_->y0 == r.y0 && last_fill_->x1 == r.x1 &&
        last_fill_->y1 == r.y1)
      ++merged;
    last_fill_.reset();
    t_.stroke_rect(r, s);
  }
  void circle(Vec2 c, float r, Color f) override {
    last_fill_.reset();
    shapes += r > 0;
    t_.circle(c, r, f);
  }
  void text(Vec2 p, std::string_view s, const TextStyle& st) override {
    texts.emplace_back(s);
    t_.text(p, s, st);
  }
  Vec2 text_size(std::string_view s, const TextStyle& st) override { return t_.text_size(s, st); }
  void push_clip(Rect r) override {
    ++clip_depth_;
    t_.push_clip(r);
  }
  void pop_clip() override {
    clip_depth_ -= clip_depth_ > 0;
    t_.pop_clip();
  }

 private:
  exporting::CairoCanvas& t_;
  std::optional<Rect> last_fill_;
  int clip_depth_ = 0;
};

fs::path out_dir() {
  const fs::path d = fs::path(testing::TempDir()) / ("export_structure." + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

std::string run(const std::string& cmd) {
  std::string out;
  FILE* f = popen(cmd.c_str(), "r");
  if (!f) return out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  pclose(f);
  return out;
}

std::string without_space(std::string s) {
  for (std::size_t p; (p = s.find("\u00a0")) != std::string::npos;) s.erase(p, 2);  // no-break space (UTF-8)
  s.erase(std::remove_if(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); }), s.end());
  return s;
}

plot::FigureData coin() {
  plot::FigureData d;
  d.kind = Kind::discrete;
  d.base = Base::two;
  d.labels = {"heads", "tails"};
  d.x_window = {-0.5, 1.5};
  Curves& c = d.curves;
  c.x = {0, 1};
  c.p = {0.5, 0.5};
  c.q = {0.99, 0.01};
  c.m = {0.745, 0.255};
  c.contrib_pq = {0.5 * std::log2(0.5 / 0.99), 0.5 * std::log2(0.5 / 0.01)};
  c.contrib_qp = {0.99 * std::log2(0.99 / 0.5), 0.01 * std::log2(0.01 / 0.5)};
  c.jsd_integrand = {0.5 * 0.5 * std::log2(0.5 / 0.745) + 0.5 * 0.99 * std::log2(0.99 / 0.745),
                     0.5 * 0.5 * std::log2(0.5 / 0.255) + 0.5 * 0.01 * std::log2(0.01 / 0.255)};
  c.cdf_p = {0.5, 1};
  c.cdf_q = {0.99, 1};
  c.cdf_absdiff = {0.49, 0};
  Measures& m = d.measures;
  m.base = Base::two;
  m.entropy_p = 1;
  m.entropy_q = -(0.99 * std::log2(0.99) + 0.01 * std::log2(0.01));
  m.kl_pq = c.contrib_pq[0] + c.contrib_pq[1];
  m.kl_qp = c.contrib_qp[0] + c.contrib_qp[1];
  m.cross_entropy_pq = m.entropy_p + m.kl_pq;
  m.cross_entropy_qp = m.entropy_q + m.kl_qp;
  m.jsd = c.jsd_integrand[0] + c.jsd_integrand[1];
  m.js_distance = std::sqrt(m.jsd);
  m.wasserstein_1 = 0.49;
  m.total_variation = 0.49;
  m.bhattacharyya = std::sqrt(0.5 * 0.99) + std::sqrt(0.5 * 0.01);
  m.hellinger = std::sqrt(1 - m.bhattacharyya);
  m.perplexity_p = 2;
  m.perplexity_q = std::exp2(m.entropy_q);
  m.perplexity_pq = std::exp2(m.cross_entropy_pq);
  m.perplexity_qp = std::exp2(m.cross_entropy_qp);
  return d;
}

struct Drawn {
  std::vector<std::string> texts;
  int shapes = 0, merged = 0;
};

Drawn draw(const std::string& figure, const fs::path& out) {
  exporting::CairoOptions o;
  o.format = *exporting::format_from_path(out.string());
  o.size = exporting::default_figure_size(figure);
  exporting::CairoCanvas cairo(out.string(), o);
  EXPECT_TRUE(cairo.ok()) << cairo.error();
  RecordingCanvas rec(cairo);
  exporting::RenderRequest r;
  r.figure = figure;
  const plot::FigureData data = coin();
  const exporting::RenderResult res = exporting::draw_named_figure(rec, {nullptr, &data}, r);
  EXPECT_TRUE(res.ok()) << res.error;
  EXPECT_EQ(cairo.finish(), "");
  return {rec.texts, rec.shapes, rec.merged};
}

class FigureStructure : public testing::TestWithParam<const char*> {};


// Removes this process's output folder when every test passed (failures keep their images).
class RemoveOutputsWhenPassed : public testing::Environment {
 public:
  void TearDown() override {
    if (testing::UnitTest::GetInstance()->Passed()) fs::remove_all(out_dir());
  }
};
const testing::Environment* const kCleanUp = testing::AddGlobalTestEnvironment(new RemoveOutputsWhenPassed);

}  // namespace

TEST_P(FigureStructure, EveryTextIsSelectableInThePdf) {
  const std::string figure = GetParam();
  const fs::path pdf = out_dir() / (figure + ".pdf");
  const Drawn d = draw(figure, pdf);
  ASSERT_GT(d.texts.size(), 3u);
  // pdftotext regroups words and lines; compare without whitespace.
  const std::string text = without_space(run("pdftotext -raw " + pdf.string() + " -"));
  int found = 0;
  for (const std::string& s : d.texts) {
    const std::string needle = without_space(s);
    if (needle.empty()) continue;
    EXPECT_NE(text.find(needle), std::string::npos) << "'" << s << "' is not in the PDF's text";
    ++found;
  }
  EXPECT_GT(found, 3);
}

TEST_P(FigureStructure, EveryShapeIsAnSvgElementAndTextIsGlyphs) {
  const std::string figure = GetParam();
  const fs::path svg = out_dir() / (figure + ".svg");
  const Drawn d = draw(figure, svg);
  std::ifstream in(svg);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string doc = ss.str();
  // Glyph outlines live in <defs>; drawn shapes are the <path> elements outside it.
  const auto defs_end = doc.find("</defs>");
  const std::string body = defs_end == std::string::npos ? doc : doc.substr(defs_end);
  auto count = [&](const std::string& what) {
    int n = 0;
    for (size_t p = 0; (p = body.find(what, p)) != std::string::npos; ++p) ++n;
    return n;
  };
  // One element per drawn shape (Cairo writes a page-filling rectangle as <rect>).
  const int elements = count("<path ") + count("<rect ");
  // Whether Cairo merges a given fill+stroke pair is its own heuristic: bound the count on both sides.
  EXPECT_LE(elements, d.shapes);
  EXPECT_GE(elements, d.shapes - d.merged) << d.shapes << " shapes, up to " << d.merged << " merged";
  // One <use> per glyph: at least the non-space characters, at most all of them.
  const int glyph_uses = count("xlink:href=\"#glyph");
  size_t visible = 0, all = 0;
  for (const std::string& s : d.texts)
    for (unsigned char ch : s) {
      if ((ch & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
      ++all;
      visible += !std::isspace(ch);
    }
  EXPECT_GE(static_cast<size_t>(glyph_uses), visible);
  EXPECT_LE(static_cast<size_t>(glyph_uses), all);
  // rsvg-convert parses and renders it.
  EXPECT_EQ(std::system(("rsvg-convert -o " + svg.string() + ".png " + svg.string()).c_str()), 0);
}

INSTANTIATE_TEST_SUITE_P(Figures, FigureStructure,
                         testing::Values("densities", "contributions", "cdf", "metrics", "identities", "dashboard"));

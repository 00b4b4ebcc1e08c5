// figures/figures_coding.hpp: each figure reports one hit per symbol it draws (leaves in both trees,
// rows, bars of P's support in both area panels), hits lie inside the figure, the highlighted symbol's
// path is drawn, every codeword appears as text in the table; the LaTeX and CSV tables escape and
// quote labels; a non-discrete scenario is refused.
#include "figures/figures_coding.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace divlab::plot {
namespace {

// Records texts and counts lines.
class Recorder final : public Canvas {
 public:
  Vec2 size() const override { return {1200, 600}; }
  void line(Vec2, Vec2, const Stroke& s) override { widths[s.width] += 1; }
  void polyline(std::span<const Vec2>, const Stroke&) override {}
  void fill_polygon(std::span<const Vec2>, Color) override {}
  void fill_between(std::span<const Vec2>, std::span<const Vec2>, Color) override {}
  void fill_rect(Rect, Color) override { ++rects; }
  void stroke_rect(Rect, const Stroke&) override {}
  void circle(Vec2, float, Color) override { ++circles; }
  void text(Vec2, std::string_view t, const TextStyle&) override { texts.emplace_back(t); }
  Vec2 text_size(std::string_view t, const TextStyle& s) override { return {0.55f * s.size * static_cast<float>(t.size()), s.size}; }
  void push_clip(Rect) override {}
  void pop_clip() override {}
  bool has_text(const std::string& s) const { return std::find(texts.begin(), texts.end(), s) != texts.end(); }
  std::vector<std::string> texts;
  std::map<float, int> widths;
  int rects = 0, circles = 0;
};

Scenario pair() {
  Scenario s;
  s.kind = Kind::discrete;
  s.labels = {"a&b", "c_d", "e,f", "g\"h", "z"};
  s.p_mass = {0.8, 0.05, 0.05, 0.05, 0.05};
  s.q_mass = {0.4, 0.2, 0.2, 0.1, 0};
  return s;
}

const Rect kAll{0, 0, 1200, 600};
bool inside(const Rect& r) { return r.x0 >= kAll.x0 - 1 && r.x1 <= kAll.x1 + 1 && r.y0 >= kAll.y0 - 1 && r.y1 <= kAll.y1 + 1; }

TEST(CodingFigures, TreesReportEveryLeafOfBothCodesAndDrawTheHighlightedPath) {
  const CodingFigureData d = coding_figure_data(pair());
  Recorder plain, hot;
  const auto hits = figure_code_trees(plain, light_theme(), kAll, d);
  EXPECT_EQ(hits.size(), 5u + 4u);  // P's five leaves, Q's four (z has no codeword in Q's code)
  for (const SymbolHit& h : hits) EXPECT_TRUE(inside(h.rect)) << h.symbol;
  figure_code_trees(hot, light_theme(), kAll, d, 1);
  // The path of symbol 1 ("000" in P's code; "111" in Q's, whose q is (.4, .2, .2, .1, 0)/.9): 3 + 3 thick edges.
  const float strong = light_theme().px(3.5f);
  EXPECT_EQ(d.codes.code_q.codeword(1), "111");
  EXPECT_EQ(hot.widths[strong], 6);
  EXPECT_EQ(plain.widths[strong], 0);
}

// Records where each text is drawn (its box from the alignment), for overlap checks.
class BoxRecorder final : public Canvas {
 public:
  Vec2 size() const override { return {1200, 600}; }
  void line(Vec2, Vec2, const Stroke&) override {}
  void polyline(std::span<const Vec2>, const Stroke&) override {}
  void fill_polygon(std::span<const Vec2>, Color) override {}
  void fill_between(std::span<const Vec2>, std::span<const Vec2>, Color) override {}
  void fill_rect(Rect, Color) override {}
  void stroke_rect(Rect, const Stroke&) override {}
  void circle(Vec2, float, Color) override {}
  void text(Vec2 p, std::string_view t, const TextStyle& s) override {
    const Vec2 sz = text_size(t, s);
    const float x0 = s.h == Align::start ? p.x : s.h == Align::center ? p.x - sz.x / 2 : p.x - sz.x;
    const float y0 = s.v == Align::start ? p.y : s.v == Align::center ? p.y - sz.y / 2 : p.y - sz.y;
    boxes.push_back({std::string(t), {x0, y0, x0 + sz.x, y0 + sz.y}});
  }
  Vec2 text_size(std::string_view t, const TextStyle& s) override {
    std::size_t chars = 0;  // code points
    for (unsigned char ch : t) chars += (ch & 0xC0) != 0x80;
    return {0.6f * s.size * static_cast<float>(chars), s.size};
  }
  void push_clip(Rect) override {}
  void pop_clip() override {}
  std::vector<std::pair<std::string, Rect>> boxes;
};

bool overlap(const Rect& a, const Rect& b) { return a.x0 < b.x1 - 0.5f && b.x0 < a.x1 - 0.5f && a.y0 < b.y1 - 0.5f && b.y0 < a.y1 - 0.5f; }

// Issue 12: at presentation scale the trees dropped the labels of narrow leaves. Every leaf's label is
// drawn, inside the figure, overlapping no other text: 26 letters in a presentation tab (1280×720 at
// 2×), words on 8 leaves, at 1× and 2×.
TEST(CodingFigures, TreesLabelEveryLeafWithoutOverlap) {
  Scenario letters;
  letters.kind = Kind::discrete;
  for (char ch = 'a'; ch <= 'z'; ++ch) letters.labels.emplace_back(1, ch);
  letters.p_mass = {8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.77, 4.0, 2.4,
                    6.7, 7.5, 1.9, 0.1, 6.0, 6.3, 9.1, 2.8, 1.0, 2.4, 0.15, 2.0, 0.07};
  letters.q_mass = {6.5, 1.9, 2.7, 5.1, 17.4, 1.7, 3.0, 4.8, 7.6, 0.3, 1.2, 3.4, 2.5,
                    9.8, 2.6, 0.8, 0.02, 7.0, 7.3, 6.2, 4.2, 0.8, 1.9, 0.03, 0.04, 1.1};
  Scenario words;
  words.kind = Kind::discrete;
  words.labels = {"page", "image", "script", "style", "api", "font", "video", "error"};
  words.p_mass = {40, 20, 12, 10, 8, 5, 3, 2};
  words.q_mass = {25, 25, 10, 10, 10, 10, 5, 5};
  for (const Scenario* s : {&letters, &words})
    for (float scale : {1.0f, 2.0f})
      for (const Rect r : {Rect{0, 0, 620, 560}, Rect{0, 0, 1000, 420}}) {
        Theme t = high_contrast_theme();
        t.scale = scale;
        const CodingFigureData d = coding_figure_data(*s);
        BoxRecorder c;
        figure_code_trees(c, t, r, d);
        const std::string where = s->labels[0] + " scale " + std::to_string(scale) + " width " + std::to_string(r.x1);
        for (const std::string& label : d.labels) {
          const auto n = std::count_if(c.boxes.begin(), c.boxes.end(), [&](const auto& b) { return b.first == label; });
          EXPECT_EQ(n, 2) << "label " << label << " in both trees, whole: " << where;
        }
        for (std::size_t i = 0; i < c.boxes.size(); ++i) {
          const Rect& a = c.boxes[i].second;
          EXPECT_TRUE(a.x0 >= r.x0 - 1 && a.x1 <= r.x1 + 1 && a.y0 >= r.y0 - 1 && a.y1 <= r.y1 + 1) << c.boxes[i].first << " " << where;
          for (std::size_t j = i + 1; j < c.boxes.size(); ++j)
            EXPECT_FALSE(overlap(a, c.boxes[j].second)) << "'" << c.boxes[i].first << "' overlaps '" << c.boxes[j].first << "' " << where;
        }
      }
}

TEST(CodingFigures, TableShowsEveryCodewordAndReportsRows) {
  const CodingFigureData d = coding_figure_data(pair());
  Recorder c;
  const auto rows = figure_code_table(c, light_theme(), kAll, d, 2);
  ASSERT_EQ(rows.size(), 5u);
  for (std::size_t x = 0; x < 5; ++x) {
    EXPECT_EQ(rows[x].symbol, static_cast<int>(x));
    EXPECT_TRUE(c.has_text(std::string(d.codes.code_p.codeword(x)))) << x;
    EXPECT_TRUE(c.has_text(d.labels[x])) << x;
  }
  EXPECT_TRUE(c.has_text("—"));  // z's missing codeword in Q's code
  // A short figure shows the rows that fit and says how many more.
  Recorder small;
  const auto few = figure_code_table(small, light_theme(), {0, 0, 1200, 90}, d);
  EXPECT_LT(few.size(), 5u);
  EXPECT_TRUE(std::any_of(small.texts.begin(), small.texts.end(), [](const std::string& t) { return t.find("more symbols") != std::string::npos; }));
}

TEST(CodingFigures, AreaViewHasABarPerSymbolOfPInEachPanel) {
  const CodingFigureData d = coding_figure_data(pair());
  Recorder c;
  const auto bars = figure_code_area(c, light_theme(), kAll, d);
  EXPECT_EQ(bars.size(), 10u);
  EXPECT_TRUE(c.has_text("∞") || std::any_of(c.texts.begin(), c.texts.end(), [](const std::string& t) {
                return t.find("∞") != std::string::npos;
              }));  // z: P has mass, Q's code has no codeword
  // Bars are p(x) wide: the first (p = .8) is 16 times the second (.05) in the left panel.
  const auto& left0 = bars[5], &left1 = bars[6];
  EXPECT_NEAR(left0.rect.width() / left1.rect.width(), 16.0, 0.5);
}

TEST(CodingFigures, LatexAndCsvTablesEscapeLabels) {
  const CodingFigureData d = coding_figure_data(pair());
  const std::string tex = code_table_latex(d);
  EXPECT_NE(tex.find("a\\&b & 0.8000 & 0.4444 & \\texttt{1} & \\texttt{0} & 1 & 1 & 0.3219 & 1.170 \\\\"), std::string::npos) << tex;
  EXPECT_NE(tex.find("c\\_d"), std::string::npos);
  EXPECT_NE(tex.find("z & 0.05000 & 0.000 & \\texttt{011} & --- & 3 & --- & 4.322 & $\\infty$"), std::string::npos) << tex;
  EXPECT_NE(tex.find("\\toprule"), std::string::npos);
  const std::string csv = code_table_csv(d);
  EXPECT_NE(csv.find("\n\"e,f\","), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n\"g\"\"h\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",inf\n"), std::string::npos) << csv;  // −log₂ q of z
}

TEST(CodingFigures, OnlyDiscreteScenarios) {
  Scenario s = pair();
  s.kind = Kind::continuous;
  EXPECT_THROW(coding_figure_data(s), std::invalid_argument);
  s.kind = Kind::joint;
  EXPECT_THROW(coding_figure_data(s), std::invalid_argument);
  Scenario unlabeled = pair();
  unlabeled.labels.clear();
  EXPECT_EQ(coding_figure_data(unlabeled).labels, (std::vector<std::string>{"0", "1", "2", "3", "4"}));
}

}  // namespace
}  // namespace divlab::plot

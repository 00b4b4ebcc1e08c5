#include "figures/figures_joint.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "plot/axes.hpp"

namespace divlab::plot {

namespace {

void label(Canvas& c, Vec2 at, std::string_view s, float size, Color col, Align h = Align::start,
           Align v = Align::center, bool bold = false) {
  c.text(at, s, {size, col, h, v, bold ? Weight::bold : Weight::regular});
}

Color mix(Color a, Color b, float f) {
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f, 1.0f};
}

// f^0.75 at 4096 steps of f in [0, 1]: probability_color's gentle gamma, so that small cells still
// show. A table, because a 256×256 table's heatmaps colour thousands of blocks per frame and two
// square roots were their largest cost; rounding f to a step moves the shade by < 0.0012 (0.3 of
// an 8-bit level).
const std::array<float, 4096> kGamma = [] {
  std::array<float, 4096> g{};
  for (std::size_t k = 0; k < g.size(); ++k) g[k] = static_cast<float>(std::pow(static_cast<double>(k) / 4095.0, 0.75));
  return g;
}();

// probability_color and pmi_color, inline here: the heatmaps call them per block.
inline Color probability_shade(const Theme& t, double v, double vmax) {
  const double f = vmax > 0 ? std::clamp(v / vmax, 0.0, 1.0) : 0.0;  // NaN: 0 (clamp keeps it; the cast below would not)
  return mix(t.plot_bg, t.p, kGamma[static_cast<std::size_t>(f == f ? f * 4095.0 + 0.5 : 0.0)]);
}

inline Color pmi_shade(const Theme& t, double v, double limit) {
  if (!(limit > 0)) return t.plot_bg;
  const double f = std::clamp(v / limit, -1.0, 1.0);
  return mix(t.plot_bg, f >= 0 ? t.positive : t.negative, static_cast<float>(std::abs(f)));
}

// Black or white, whichever reads on `bg`.
Color ink_on(Color bg) { return 0.299f * bg.r + 0.587f * bg.g + 0.114f * bg.b > 0.55f ? Color{0, 0, 0, 1} : Color{1, 1, 1, 1}; }

std::string unit(Base b) { return unit_text(QuantityUnit::information, b); }

TextStyle sized(float size, Weight w = Weight::regular) {
  TextStyle s;
  s.size = size;
  s.weight = w;
  return s;
}

// "x3": appended, not "x" + …: GCC 12 -O3 warns falsely (-Wrestrict).
std::string numbered(char letter, std::size_t n) {
  std::string s(1, letter);
  s += std::to_string(n);
  return s;
}

// The long text when it fits `width`, else the short one.
std::string_view fitting(Canvas& c, std::string_view long_text, std::string_view short_text, const TextStyle& style,
                         float width) {
  return c.text_size(long_text, style).x <= width ? long_text : short_text;
}

// The widest of some labels at a size.
float widest(Canvas& c, const std::vector<std::string>& labels, float size) {
  float w = 0;
  for (const auto& s : labels) w = std::max(w, c.text_size(s, sized(size)).x);
  return w;
}

// A cell's value as text, if it fits the cell.
void cell_text(Canvas& c, Rect cell, const std::string& s, float size, Color bg) {
  if (cell.width() < c.text_size(s, sized(size)).x + 4 || cell.height() < size * 1.2f) return;
  label(c, {(cell.x0 + cell.x1) / 2, (cell.y0 + cell.y1) / 2}, s, size, ink_on(bg), Align::center, Align::center);
}

// Square-ish cells filling `area`, centred.
CellGrid fit_grid(Rect area, std::size_t rows, std::size_t cols) {
  CellGrid g;
  g.rows = rows;
  g.cols = cols;
  const float cw = area.width() / static_cast<float>(cols), ch = area.height() / static_cast<float>(rows);
  const float s = std::min(cw, ch * 2.0f), sh = std::min(ch, cw * 1.0f);  // cells at most 2:1 wide
  const float w = s * static_cast<float>(cols), h = sh * static_cast<float>(rows);
  const float x0 = area.x0 + (area.width() - w) / 2, y0 = area.y0 + (area.height() - h) / 2;
  g.grid = {x0, y0, x0 + w, y0 + h};
  return g;
}

void outline(Canvas& c, Rect r, Color col, float width) { c.stroke_rect(r, {col, width}); }

// The gap on each side of a marginal bar `width` wide: none for bars a few pixels wide, which then
// join into one area (gaps of a pixel or less between 256 bars shimmer as a moiré).
float bar_inset(const Theme& t, float width) { return width < t.px(6) ? 0.0f : std::min(t.px(2), width * 0.15f); }

// The sum of a block of cells' finite values, how many there are, and one of the others (−∞,
// NaN for undefined) if any.
struct BlockSum {
  double sum = 0, odd = 0;
  std::size_t finite = 0, other = 0;
};

// Block sums of rows [i0, i1) of a row-major table, blocks of bj columns (out.size() blocks): the
// rows are first added column by column (independent adds, which the compiler vectorises; a sum
// per block was one long chain of dependent adds), then the columns block by block.
template <bool AllFinite>
struct FlatCells {
  std::span<const double> values;
  std::size_t cols;
  std::vector<double> sum;            // per column: Σ of the finite values of rows [i0, i1)
  std::vector<double> finite;         // per column: how many were finite (AllFinite: not kept)

  void operator()(std::size_t i0, std::size_t i1, std::size_t bj, std::span<BlockSum> out) {
    sum.assign(cols, 0.0);
    if constexpr (!AllFinite) finite.assign(cols, 0.0);
    for (std::size_t i = i0; i < i1; ++i) {
      const double* row = values.data() + i * cols;
      double* __restrict s = sum.data();
      if constexpr (AllFinite) {
        for (std::size_t j = 0; j < cols; ++j) s[j] += row[j];
      } else {
        double* __restrict f = finite.data();
        for (std::size_t j = 0; j < cols; ++j) {
          const double v = row[j];
          const bool ok = v - v == 0.0;  // false for ±∞ and NaN; branch-free, so the loop vectorises
          s[j] += ok ? v : 0.0;
          f[j] += ok ? 1.0 : 0.0;
        }
      }
    }
    for (std::size_t b = 0; b < out.size(); ++b) {
      const std::size_t j0 = b * bj, j1 = std::min(cols, j0 + bj);
      BlockSum& k = out[b];
      for (std::size_t j = j0; j < j1; ++j) k.sum += sum[j];
      if constexpr (AllFinite) {
        k.finite = (i1 - i0) * (j1 - j0);
      } else {
        for (std::size_t j = j0; j < j1; ++j) k.finite += static_cast<std::size_t>(finite[j]);
        const std::size_t all = (i1 - i0) * (j1 - j0);
        if (k.finite < all) {  // rare: find one of the others
          k.other = all - k.finite;
          for (std::size_t i = i0; i < i1; ++i)
            for (std::size_t j = j0; j < j1; ++j)
              if (!std::isfinite(values[i * cols + j])) k.odd = values[i * cols + j];
        }
      }
    }
  }
};

template <bool AllFinite>
FlatCells<AllFinite> flat_cells(std::span<const double> values, std::size_t cols) {
  return {values, cols, {}, {}};
}

// Block sums of the product table p(xᵢ)·p(yⱼ) from the marginals alone:
// Σ_{i∈I, j∈J} p(xᵢ)p(yⱼ) = (Σ_{i∈I} p(xᵢ))·(Σ_{j∈J} p(yⱼ)), no pass over the cells.
auto product_cells(std::span<const double> px, std::span<const double> py) {
  return [px, py](std::size_t i0, std::size_t i1, std::size_t bj, std::span<BlockSum> out) {
    double sx = 0;
    for (std::size_t i = i0; i < i1; ++i) sx += px[i];
    for (std::size_t b = 0; b < out.size(); ++b) {
      const std::size_t j0 = b * bj, j1 = std::min(py.size(), j0 + bj);
      double sy = 0;
      for (std::size_t j = j0; j < j1; ++j) sy += py[j];
      out[b].sum += sx * sy;
      out[b].finite += (i1 - i0) * (j1 - j0);
    }
  };
}

// Fills every cell of g with colour(its value), the values' block sums given by `cells` (flat_cells,
// product_cells). Cells smaller than a few pixels (a 256×256 table) are drawn in blocks coloured by
// the mean of their cells' finite values (what a screen can show, at a bounded cost); a block where
// most cells are not finite (−∞, undefined) takes such a cell's value. Neighbouring blocks in a row
// that look alike are drawn as one rectangle.
template <class Cells, class ColourOf>
void fill_cells(Canvas& c, const CellGrid& g, Cells&& cells, ColourOf colour) {
  constexpr float kMinBlockPx = 5.0f;
  if (g.rows == 0 || g.cols == 0) return;
  const float cw = g.grid.width() / static_cast<float>(g.cols), ch = g.grid.height() / static_cast<float>(g.rows);
  const std::size_t bj = cw >= kMinBlockPx ? 1 : static_cast<std::size_t>(std::ceil(kMinBlockPx / std::max(cw, 1e-3f)));
  const std::size_t bi = ch >= kMinBlockPx ? 1 : static_cast<std::size_t>(std::ceil(kMinBlockPx / std::max(ch, 1e-3f)));
  const std::size_t blocks = (g.cols + bj - 1) / bj;
  std::vector<BlockSum> row_of_blocks(blocks);
  // The runs go to the canvas in batches (fill_rects), not one call each.
  constexpr std::size_t kBatch = 512;
  std::array<Rect, kBatch> rects;
  std::array<Color, kBatch> colours;
  std::size_t pending = 0;
  const auto flush = [&] {
    c.fill_rects(std::span(rects.data(), pending), std::span(colours.data(), pending));
    pending = 0;
  };
  for (std::size_t i0 = 0; i0 < g.rows; i0 += bi) {
    const std::size_t i1 = std::min(g.rows, i0 + bi);
    std::fill(row_of_blocks.begin(), row_of_blocks.end(), BlockSum{});
    cells(i0, i1, bj, std::span<BlockSum>(row_of_blocks));
    const auto colour_of = [&](const BlockSum& k) {
      return colour(k.other > k.finite ? k.odd : k.sum / static_cast<double>(k.finite));
    };
    const float y0 = g.cell(i0, 0).y0, y1 = g.cell(i1 - 1, 0).y1;
    std::size_t run = 0;  // the first block of the run being drawn
    Color run_colour = colour_of(row_of_blocks[0]);
    std::uint32_t run_looks = packed_rgba8(run_colour);
    for (std::size_t b = 1; b <= blocks; ++b) {
      Color next;
      std::uint32_t looks = 0;
      if (b < blocks) {
        next = colour_of(row_of_blocks[b]);
        looks = packed_rgba8(next);
        if (looks == run_looks) continue;
      }
      rects[pending] = {g.cell(0, run * bj).x0, y0, g.cell(0, std::min(g.cols, b * bj) - 1).x1, y1};
      colours[pending] = run_colour;
      if (++pending == kBatch) flush();
      run = b;
      run_colour = next;
      run_looks = looks;
    }
  }
  flush();
}

// A colour bar from lo to hi beside a grid.
void colour_bar(Canvas& c, const Theme& t, Rect bar, double lo, double hi, Color (*colour)(const Theme&, double, double),
                double scale_arg) {
  const int n = 48;
  for (int k = 0; k < n; ++k) {
    const float y0 = bar.y1 - bar.height() * static_cast<float>(k + 1) / n, y1 = bar.y1 - bar.height() * static_cast<float>(k) / n;
    const double v = lo + (hi - lo) * (k + 0.5) / n;
    c.fill_rect({bar.x0, y0, bar.x1, y1}, colour(t, v, scale_arg));
  }
  outline(c, bar, t.axis, t.px(1));
  const float fs = t.font(0.8f);
  label(c, {bar.x1 + t.px(4), bar.y0}, format_value(hi, 2), fs, t.text_dim, Align::start, Align::start);
  label(c, {bar.x1 + t.px(4), bar.y1}, format_value(lo, 2), fs, t.text_dim, Align::start, Align::end);
}

}  // namespace

void refresh_joint_figure_data(JointFigureData& d, const Scenario& s, Base base) {
  if (s.kind != Kind::joint) throw std::invalid_argument("not a joint scenario");
  const auto& m = s.joint.mass;
  const JointAnalysis& a = d.workspace.analyse(m, base);
  d.analysis.marginals = a.marginals;
  d.analysis.measures = a.measures;
  d.rows = m.size();
  d.cols = m.empty() ? 0 : m[0].size();
  d.base = base;
  d.p = d.workspace.normalised();
  const auto& mx = d.analysis.marginals.x;
  const auto& my = d.analysis.marginals.y;
  const PmiMatrix& pmi = a.pmi;
  d.pmi.resize(d.rows * d.cols);
  double p_max = 0, product_max = 0, pmi_limit = 0;
  for (std::size_t i = 0; i < d.rows; ++i)
    for (std::size_t j = 0; j < d.cols; ++j) {
      const std::size_t k = i * d.cols + j;
      d.pmi[k] = pmi.defined[k] ? pmi.value[k] : std::numeric_limits<double>::quiet_NaN();
      p_max = d.p[k] > p_max ? d.p[k] : p_max;
      const double mag = std::abs(d.pmi[k]);
      pmi_limit = mag > pmi_limit && mag <= std::numeric_limits<double>::max() ? mag : pmi_limit;  // NaN, ∞: no
    }
  for (double x : mx) product_max = std::max(product_max, x);  // max pᵢ·pⱼ = (max pᵢ)(max pⱼ): all ≥ 0
  double y_max = 0;
  for (double y : my) y_max = std::max(y_max, y);
  d.p_max = p_max;
  d.product_max = product_max * y_max;
  d.pmi_limit = pmi_limit > 0 ? pmi_limit : 1;
  const auto name = [](const std::vector<std::string>& given, std::size_t k, char letter) {
    return k < given.size() && !given[k].empty() ? given[k] : numbered(letter, k + 1);
  };
  // The labels change with the shape or the names, not with a cell: 512 strings made per edit of a
  // 256×256 table cost a tenth of its frame.
  if (d.x_labels.size() != d.rows || d.y_labels.size() != d.cols || d.given_x_labels != s.joint.x_labels ||
      d.given_y_labels != s.joint.y_labels) {
    d.given_x_labels = s.joint.x_labels;
    d.given_y_labels = s.joint.y_labels;
    d.x_labels.resize(d.rows);
    d.y_labels.resize(d.cols);
    for (std::size_t i = 0; i < d.rows; ++i) d.x_labels[i] = name(s.joint.x_labels, i, 'x');
    for (std::size_t j = 0; j < d.cols; ++j) d.y_labels[j] = name(s.joint.y_labels, j, 'y');
  }
}

JointFigureData joint_figure_data(const Scenario& s, std::optional<Base> base) {
  JointFigureData d;
  refresh_joint_figure_data(d, s, base.value_or(s.base));
  return d;
}

Rect CellGrid::cell(std::size_t i, std::size_t j) const {
  const float w = grid.width() / static_cast<float>(cols), h = grid.height() / static_cast<float>(rows);
  return {grid.x0 + w * static_cast<float>(j), grid.y0 + h * static_cast<float>(i), grid.x0 + w * static_cast<float>(j + 1),
          grid.y0 + h * static_cast<float>(i + 1)};
}

std::optional<std::pair<std::size_t, std::size_t>> CellGrid::hit(Vec2 at) const {
  if (rows == 0 || cols == 0 || !grid.contains(at)) return std::nullopt;
  const auto j = static_cast<std::size_t>((at.x - grid.x0) / grid.width() * static_cast<float>(cols));
  const auto i = static_cast<std::size_t>((at.y - grid.y0) / grid.height() * static_cast<float>(rows));
  return std::pair{std::min(i, rows - 1), std::min(j, cols - 1)};
}

Color probability_color(const Theme& t, double v, double vmax) { return probability_shade(t, v, vmax); }

Color pmi_color(const Theme& t, double v, double limit) { return pmi_shade(t, v, limit); }

CellGrid figure_joint_table(Canvas& c, const Theme& t, Rect r, const JointFigureData& d, const JointTableOptions& o) {
  const float fs = t.font(0.85f), gap = t.px(6);
  float top = r.y0 + t.px(4);
  if (o.title) {
    label(c, {r.x0 + t.px(4), top},
          fitting(c, "P(X, Y), with P(X) and P(Y) along the sides", "P(X, Y) and its marginals",
                  sized(t.font(1.0f), Weight::bold), r.width() - t.px(8)),
          t.font(1.0f), t.text, Align::start, Align::start, true);
    top += t.font(1.0f) * 1.5f;
  }
  const float label_w = std::min(widest(c, d.x_labels, fs) + gap, r.width() * 0.22f);
  const float bar_w = std::min(r.width() * 0.16f, t.px(110)), bar_h = std::min(r.height() * 0.18f, t.px(70));
  const float col_label_h = fs * 1.6f;
  Rect area{r.x0 + label_w + bar_w + gap, top + bar_h + gap, r.x1 - t.px(8), r.y1 - col_label_h - t.px(2)};
  if (area.width() < 20 || area.height() < 20) return {};
  CellGrid g = fit_grid(area, d.rows, d.cols);
  const double vmax = o.vmax.value_or(d.p.empty() ? 1.0 : d.p_max);
  const float value_fs = t.font(0.8f);
  fill_cells(c, g, flat_cells<true>(d.p, d.cols), [&](double v) { return probability_shade(t, v, vmax); });
  if (g.grid.width() / static_cast<float>(d.cols) >= t.px(24))  // values where they can be read
    for (std::size_t i = 0; i < d.rows; ++i)
      for (std::size_t j = 0; j < d.cols; ++j)
        cell_text(c, g.cell(i, j), format_value(d.cell(i, j), 2), value_fs, probability_color(t, d.cell(i, j), vmax));
  // Thin separators between cells while they are wide enough to see.
  if (g.grid.width() / static_cast<float>(d.cols) > 6)
    for (std::size_t j = 1; j < d.cols; ++j) c.line({g.cell(0, j).x0, g.grid.y0}, {g.cell(0, j).x0, g.grid.y1}, {t.background, t.px(1)});
  if (g.grid.height() / static_cast<float>(d.rows) > 6)
    for (std::size_t i = 1; i < d.rows; ++i) c.line({g.grid.x0, g.cell(i, 0).y0}, {g.grid.x1, g.cell(i, 0).y0}, {t.background, t.px(1)});
  outline(c, g.grid, t.axis, t.px(1));
  // P(X): a bar per row growing leftwards from the grid, its value inside; the row label beyond it.
  const auto& mx = d.analysis.marginals.x;
  const auto& my = d.analysis.marginals.y;
  const double xmax = mx.empty() ? 1 : std::max(1e-300, *std::max_element(mx.begin(), mx.end()));
  const double ymax = my.empty() ? 1 : std::max(1e-300, *std::max_element(my.begin(), my.end()));
  const bool row_text = g.grid.height() / static_cast<float>(d.rows) >= fs * 1.1f;
  const bool col_text = g.grid.width() / static_cast<float>(d.cols) >= t.px(28);
  for (std::size_t i = 0; i < d.rows; ++i) {
    const Rect cell = g.cell(i, 0);
    const float len = static_cast<float>(mx[i] / xmax) * bar_w;
    const float inset = bar_inset(t, cell.height());
    c.fill_rect({g.grid.x0 - gap - len, cell.y0 + inset, g.grid.x0 - gap, cell.y1 - inset}, t.p.with_alpha(0.55f));
    if (row_text) {
      label(c, {g.grid.x0 - gap - bar_w - gap, (cell.y0 + cell.y1) / 2}, d.x_labels[i], fs, t.text, Align::end);
      label(c, {g.grid.x0 - gap - t.px(3), (cell.y0 + cell.y1) / 2}, format_value(mx[i], 2), t.font(0.75f), t.text,
            Align::end);
    }
  }
  for (std::size_t j = 0; j < d.cols; ++j) {
    const Rect cell = g.cell(0, j);
    const float len = static_cast<float>(my[j] / ymax) * bar_h;
    const float inset = bar_inset(t, cell.width());
    c.fill_rect({cell.x0 + inset, g.grid.y0 - gap - len, cell.x1 - inset, g.grid.y0 - gap}, t.q.with_alpha(0.55f));
    if (col_text) {
      label(c, {(cell.x0 + cell.x1) / 2, g.grid.y1 + t.px(3)}, d.y_labels[j], fs, t.text, Align::center, Align::start);
      label(c, {(cell.x0 + cell.x1) / 2, g.grid.y0 - gap - t.px(2)}, format_value(my[j], 2), t.font(0.75f), t.text,
            Align::center, Align::end);
    }
  }
  // Which bars are which, in the corner between them.
  label(c, {g.grid.x0 - gap - t.px(4), g.grid.y0 - gap - bar_h / 2}, "P(Y) →", t.font(0.8f), t.q, Align::end);
  label(c, {g.grid.x0 - gap - t.px(4), g.grid.y0 - t.px(2)}, "P(X) ↓", t.font(0.8f), t.p, Align::end, Align::end);
  if (o.highlight && o.highlight->first < d.rows && o.highlight->second < d.cols)
    outline(c, g.cell(o.highlight->first, o.highlight->second), t.text, t.px(2.5f));
  return g;
}

void figure_joint_vs_product(Canvas& c, const Theme& t, Rect r, const JointFigureData& d) {
  const float fs = t.font(0.95f), gap = t.px(10);
  const double vmax = std::max(d.p_max, d.product_max);
  const float title_h = fs * 1.6f, foot_h = t.font(0.9f) * 1.8f, bar_w = t.px(12), bar_room = bar_w + t.px(44);
  const float half = (r.width() - bar_room - gap) / 2;
  CellGrid g;
  for (int k = 0; k < 2; ++k) {
    const Rect panel{r.x0 + (half + gap) * static_cast<float>(k), r.y0, r.x0 + (half + gap) * static_cast<float>(k) + half,
                     r.y1 - foot_h};
    const std::string_view title = k == 0 ? fitting(c, "P_XY: what happens", "P_XY", sized(fs, Weight::bold), half)
                                          : fitting(c, "P_X ⊗ P_Y: if X and Y were independent", "P_X ⊗ P_Y",
                                                    sized(fs, Weight::bold), half);
    label(c, {(panel.x0 + panel.x1) / 2, panel.y0 + t.px(2)}, title, fs, t.text, Align::center, Align::start, true);
    g = fit_grid({panel.x0, panel.y0 + title_h, panel.x1, panel.y1}, d.rows, d.cols);
    const auto& mx = d.analysis.marginals.x;
    const auto& my = d.analysis.marginals.y;
    const auto value = [&](std::size_t i, std::size_t j) { return k == 0 ? d.cell(i, j) : mx[i] * my[j]; };
    const auto colour = [&](double v) { return probability_shade(t, v, vmax); };
    if (k == 0) fill_cells(c, g, flat_cells<true>(d.p, d.cols), colour);
    else fill_cells(c, g, product_cells(mx, my), colour);
    if (g.grid.width() / static_cast<float>(d.cols) >= t.px(24))
      for (std::size_t i = 0; i < d.rows; ++i)
        for (std::size_t j = 0; j < d.cols; ++j)
          cell_text(c, g.cell(i, j), format_value(value(i, j), 2), t.font(0.75f), probability_color(t, value(i, j), vmax));
    outline(c, g.grid, t.axis, t.px(1));
  }
  const Rect bar{r.x1 - bar_room + t.px(4), g.grid.y0, r.x1 - bar_room + t.px(4) + bar_w, g.grid.y1};  // as tall as the grids
  colour_bar(c, t, bar, 0, vmax, probability_color, vmax);
  const std::string value = format_value(d.analysis.measures.mutual_information, 4) + " " + unit(d.base);
  const std::string line = "I(X;Y) = D(P_XY ‖ P_X ⊗ P_Y) = " + value + ": how far the table is from independence";
  const std::string short_line = "I(X;Y) = " + value;
  label(c, {r.x0 + t.px(4), r.y1 - foot_h / 2}, fitting(c, line, short_line, sized(t.font(0.9f)), r.width() - t.px(8)),
        t.font(0.9f), t.text, Align::start, Align::center);
}

CellGrid figure_pointwise_mi(Canvas& c, const Theme& t, Rect r, const JointFigureData& d,
                             std::optional<std::pair<std::size_t, std::size_t>> highlight) {
  const double limit = d.pmi_limit;
  const float fs = t.font(0.95f), title_h = fs * 1.6f, foot_h = t.font(0.85f) * 1.8f;
  label(c, {r.x0 + t.px(4), r.y0 + t.px(2)},
        fitting(c, "pmi(x, y) = log p(x,y) / (p(x) p(y))", "pmi(x, y)", sized(fs, Weight::bold), r.width() - t.px(8)), fs,
        t.text, Align::start, Align::start, true);
  const float bar_room = t.px(12) + t.px(44);
  const CellGrid g = fit_grid({r.x0 + t.px(4), r.y0 + title_h, r.x1 - bar_room, r.y1 - foot_h}, d.rows, d.cols);
  if (g.grid.width() < 4) return g;
  // Undefined where a row or column has no mass; −∞ where p(x,y) = 0 < p(x)p(y): never together.
  const Color undefined = t.grid, never = mix(t.plot_bg, t.infinite, 0.35f);
  const auto colour_of = [&](double v) { return std::isnan(v) ? undefined : std::isinf(v) ? never : pmi_shade(t, v, limit); };
  const auto colour = [&](std::size_t i, std::size_t j) { return colour_of(d.pmi[i * d.cols + j]); };
  fill_cells(c, g, flat_cells<false>(d.pmi, d.cols), colour_of);
  if (g.grid.width() / static_cast<float>(d.cols) >= t.px(24))
    for (std::size_t i = 0; i < d.rows; ++i)
      for (std::size_t j = 0; j < d.cols; ++j) {
        const auto v = d.pmi_at(i, j);
        cell_text(c, g.cell(i, j), !v ? "—" : std::isinf(*v) ? "−∞" : format_value(*v, 2), t.font(0.75f), colour(i, j));
      }
  outline(c, g.grid, t.axis, t.px(1));
  if (highlight && highlight->first < d.rows && highlight->second < d.cols)
    outline(c, g.cell(highlight->first, highlight->second), t.text, t.px(2.5f));
  const Rect bar{r.x1 - bar_room + t.px(4), g.grid.y0, r.x1 - bar_room + t.px(16), g.grid.y1};
  colour_bar(c, t, bar, -limit, limit, pmi_color, limit);
  const std::string mi = format_value(d.analysis.measures.mutual_information, 3);
  const std::string foot = "in " + unit(d.base) + "; a cell may be negative, yet I = Σ p·pmi = " + mi + " ≥ 0";
  const std::string short_foot = "I = Σ p·pmi = " + mi + " ≥ 0";
  label(c, {r.x0 + t.px(4), r.y1 - foot_h / 2}, fitting(c, foot, short_foot, sized(t.font(0.85f)), r.width() - t.px(8)),
        t.font(0.85f), t.text_dim, Align::start, Align::center);
  return g;
}

std::vector<InfoSegment> figure_information_diagram(Canvas& c, const Theme& t, Rect r, const JointFigureData& d) {
  const JointMeasures& m = d.analysis.measures;
  const float fs = t.font(0.9f), name_w = std::max(c.text_size("H(X,Y)", sized(fs, Weight::bold)).x, t.px(20)) + t.px(10);
  const double total = std::max(m.joint_entropy, 1e-300);
  const float x0 = r.x0 + name_w, x1 = r.x1 - t.px(8), w = x1 - x0;
  const float row_h = std::min((r.height() - t.font(1.0f) * 1.6f) / 3.0f, t.px(46)), bar_h = row_h * 0.7f;
  float y = r.y0 + t.px(2);
  label(c, {r.x0 + t.px(4), y}, "The information diagram (" + unit(d.base) + ")", t.font(1.0f), t.text, Align::start,
        Align::start, true);  // short enough for any panel the lab gives it
  y += t.font(1.0f) * 1.6f;
  const auto px = [&](double v) { return x0 + static_cast<float>(v / total) * w; };
  const Color cx = t.p.with_alpha(0.75f), cy = t.q.with_alpha(0.75f), ci = t.m.with_alpha(0.85f);
  std::vector<InfoSegment> out;
  auto segment = [&](float yy, double from, double to, Color col, std::string_view key, std::string_view name) {
    const Rect rect{px(from), yy, std::max(px(to), px(from) + t.px(1)), yy + bar_h};
    c.fill_rect(rect, col);
    outline(c, rect, t.background, t.px(1));
    const std::string text = std::string(name) + " = " + format_value(to - from, 3);
    if (rect.width() > c.text_size(text, sized(t.font(0.8f))).x + t.px(6))
      label(c, {(rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2}, text, t.font(0.8f), ink_on(col), Align::center);
    else if (rect.width() > c.text_size(name, sized(t.font(0.8f))).x + t.px(6))
      label(c, {(rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2}, name, t.font(0.8f), ink_on(col), Align::center);
    out.push_back({rect, key});
  };
  const double hxy = m.conditional_entropy_x_given_y, i = m.mutual_information, hyx = m.conditional_entropy_y_given_x;
  // H(X,Y) = H(X|Y) + I + H(Y|X)
  label(c, {r.x0 + t.px(4), y + bar_h / 2}, "H(X,Y)", fs, t.text, Align::start, Align::center, true);
  segment(y, 0, hxy, cx, "conditional_entropy_x_given_y", "H(X|Y)");
  segment(y, hxy, hxy + i, ci, "mutual_information", "I");
  segment(y, hxy + i, hxy + i + hyx, cy, "conditional_entropy_y_given_x", "H(Y|X)");
  out.push_back({{r.x0, y, x0, y + bar_h}, "joint_entropy"});
  y += row_h;
  // H(X) = H(X|Y) + I
  label(c, {r.x0 + t.px(4), y + bar_h / 2}, "H(X)", fs, t.text, Align::start, Align::center, true);
  segment(y, 0, hxy, cx, "conditional_entropy_x_given_y", "H(X|Y)");
  segment(y, hxy, hxy + i, ci, "mutual_information", "I");
  out.push_back({{r.x0, y, x0, y + bar_h}, "entropy_x"});  // its name explains the whole bar
  y += row_h;
  // H(Y) = I + H(Y|X), drawn under I
  label(c, {r.x0 + t.px(4), y + bar_h / 2}, "H(Y)", fs, t.text, Align::start, Align::center, true);
  segment(y, hxy, hxy + i, ci, "mutual_information", "I");
  segment(y, hxy + i, hxy + i + hyx, cy, "conditional_entropy_y_given_x", "H(Y|X)");
  out.push_back({{r.x0, y, x0, y + bar_h}, "entropy_y"});
  y += row_h;
  if (y + t.font(0.85f) * 1.4f <= r.y1) {
    const std::string vi = "VI = H(X|Y) + H(Y|X) = " + format_value(m.variation_of_information, 3);
    const std::string all = vi + "   H(X,Y) = " + format_value(m.joint_entropy, 3) + "   I = H(X) − H(X|Y) = " + format_value(i, 3);
    label(c, {r.x0 + t.px(4), y + t.font(0.85f) * 0.7f}, fitting(c, all, vi, sized(t.font(0.85f)), r.width() - t.px(8)),
          t.font(0.85f), t.text_dim, Align::start, Align::center);
  }
  return out;
}

}  // namespace divlab::plot

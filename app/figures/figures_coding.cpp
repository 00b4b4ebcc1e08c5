#include "figures/figures_coding.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "plot/axes.hpp"

namespace divlab::plot {

namespace {

TextStyle style(float size, Color col, Align h = Align::start, Align v = Align::center, Weight w = Weight::regular) {
  return {size, col, h, v, w};
}

std::string bits_text(double v) { return format_value(v, 4) + " bits"; }

std::string ideal_text(double p) { return p > 0 ? format_value(-std::log2(p), 3) : std::string("∞"); }

std::string length_text(const PrefixCode& code, std::size_t x) {
  return code.has(x) ? std::to_string(code.lengths[x]) : std::string("—");
}

// The long text when it fits `width`, else the short one.
std::string_view fitting(Canvas& c, std::string_view long_text, std::string_view short_text, const TextStyle& s, float width) {
  return c.text_size(long_text, s).x <= width ? long_text : short_text;
}

// [SECTION] trees

struct TreeLayout {
  std::vector<float> x;  // in leaf slots (0 … leaves − 1)
  std::vector<int> depth;
  int leaves = 0, max_depth = 0;
};

TreeLayout layout_tree(const PrefixCode& code) {
  TreeLayout l;
  const std::size_t n = code.nodes.size();
  l.x.assign(n, 0);
  l.depth.assign(n, 0);
  if (code.root < 0) return l;
  // Depths from the root down (a parent is created after its children), leaves in bit order by an
  // explicit stack (trees can be as deep as there are symbols).
  for (std::size_t i = n; i-- > 0;)
    if (code.nodes[i].parent >= 0) l.depth[i] = l.depth[code.nodes[i].parent] + 1;
  std::vector<std::pair<int, bool>> stack{{code.root, false}};
  while (!stack.empty()) {
    auto [i, children_done] = stack.back();
    stack.pop_back();
    const CodeNode& node = code.nodes[i];
    if (node.symbol >= 0) {
      l.x[i] = static_cast<float>(l.leaves++);
      l.max_depth = std::max(l.max_depth, l.depth[i]);
    } else if (children_done) {
      l.x[i] = 0.5f * (l.x[node.child[0]] + l.x[node.child[1]]);
    } else {
      stack.push_back({i, true});
      stack.push_back({node.child[1], false});
      stack.push_back({node.child[0], false});
    }
  }
  return l;
}

// How a tree's leaf labels are placed. Under each leaf when every label fits its slot; otherwise on
// `rows` staggered rows below the deepest level, leaf k on row k mod rows (so labels on one row are
// `rows` slots apart), each joined to its leaf by a dotted leader; labels wider than `rows` slots
// are cut with "…". With too many leaves for 6 rows (hundreds of symbols) only the hovered leaf is
// labelled (the table has them all). The hovered label is always whole.
struct LeafLabels {
  int rows = 0;          // 0: under each leaf; −1: only the hovered leaf
  float size = 0;        // font size
  float row_h = 0;       // height of a row
  float inset = 0;       // extra room at each side so the first and last labels stay inside
};

LeafLabels leaf_labels(Canvas& c, const Theme& t, Rect r, const PrefixCode& code, const std::vector<std::string>& labels,
                       int leaves) {
  LeafLabels l;
  l.size = t.font(0.85f);
  l.row_h = l.size * 1.35f;
  const float slot = (r.width() - 2 * t.px(8)) / static_cast<float>(std::max(1, leaves));
  float widest = 0;
  for (const CodeNode& n : code.nodes)
    if (n.symbol >= 0) widest = std::max(widest, c.text_size(labels[static_cast<std::size_t>(n.symbol)], {l.size, t.text}).x);
  if (widest <= slot * 0.95f) return l;
  // As many rows as the widest label needs, but the tree keeps at least half the height.
  l.inset = std::min(widest / 2, r.width() * 0.2f);
  const float narrower = std::max(1.0f, (r.width() - 2 * t.px(8) - 2 * l.inset) / static_cast<float>(std::max(1, leaves)));
  const int fit_rows = std::max(1, static_cast<int>(r.height() * 0.5f / l.row_h));
  const int need = static_cast<int>(std::ceil((widest + t.px(4)) / narrower));
  if (need > std::min(6, fit_rows)) {  // hundreds of leaves: no room to read them; the hovered one still shows
    l.rows = -1;
    l.inset = 0;
    return l;
  }
  l.rows = std::max(1, need);
  return l;
}

// Cuts `s` (whole UTF-8 characters) to fit `width`, ending in "…".
std::string cut_to(Canvas& c, const std::string& s, const TextStyle& st, float width) {
  if (c.text_size(s, st).x <= width) return s;
  std::string cut = s;
  while (!cut.empty()) {
    do cut.pop_back();
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
    if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0x80)) cut.pop_back();  // a lead byte left alone
    if (c.text_size(cut + "…", st).x <= width) return cut + "…";
  }
  return "";
}

void draw_tree(Canvas& c, const Theme& t, Rect r, const PrefixCode& code, const std::vector<std::string>& labels,
               Color col, std::optional<int> highlight, std::vector<SymbolHit>& hits) {
  if (code.root < 0) return;
  const TreeLayout l = layout_tree(code);
  const LeafLabels ll = leaf_labels(c, t, r, code, labels, l.leaves);
  const float label_size = ll.size;
  const float pad = t.px(8);
  const float bottom = ll.rows > 0 ? ll.row_h * static_cast<float>(ll.rows) + t.px(6) : label_size * 1.6f;  // rows ≤ 0: under the leaves
  const Rect area{r.x0 + pad + ll.inset, r.y0 + pad, r.x1 - pad - ll.inset, r.y1 - bottom};
  const float slot = area.width() / static_cast<float>(std::max(1, l.leaves));
  const float level = l.max_depth > 0 ? area.height() / static_cast<float>(l.max_depth) : 0;
  auto pos = [&](int i) {
    const float y = l.max_depth > 0 ? area.y0 + level * static_cast<float>(l.depth[i]) : area.y0 + area.height() / 2;
    return Vec2{area.x0 + slot * (l.x[i] + 0.5f), y};
  };
  // The highlighted symbol's path, leaf to root.
  std::vector<char> on_path(code.nodes.size(), 0);
  if (highlight)
    for (std::size_t i = 0; i < code.nodes.size(); ++i)
      if (code.nodes[i].symbol == *highlight)
        for (int k = static_cast<int>(i); k >= 0; k = code.nodes[k].parent) on_path[k] = 1;
  const float radius = std::clamp(std::min(slot, level > 0 ? level : slot) * 0.22f, t.px(1.5f), t.px(6));
  const bool bit_labels = slot > label_size * 1.2f && level > label_size * 1.6f;
  const Stroke edge{t.axis.with_alpha(0.7f), t.px(1.2f)}, strong{t.infinite, t.px(3.5f)};
  for (int pass = 0; pass < 2; ++pass)  // the highlighted path last, on top
    for (std::size_t i = 0; i < code.nodes.size(); ++i) {
      const CodeNode& node = code.nodes[i];
      if (node.symbol >= 0) continue;
      for (int b = 0; b < 2; ++b) {
        const int ch = node.child[b];
        const bool hot = on_path[i] && on_path[ch];
        if (hot != (pass == 1)) continue;
        const Vec2 a = pos(static_cast<int>(i)), e = pos(ch);
        c.line(a, e, hot ? strong : edge);
        if (bit_labels || hot) {
          const Vec2 mid{(a.x + e.x) / 2 + (b == 0 ? -label_size * 0.45f : label_size * 0.45f), (a.y + e.y) / 2};
          c.text(mid, b == 0 ? "0" : "1", style(label_size, hot ? t.text : t.text_dim, Align::center, Align::center, hot ? Weight::bold : Weight::regular));
        }
      }
    }
  // Leaves, their labels (a hovered one last, on top of the others) and where they answer the mouse.
  const float rows_top = area.y1 + t.px(6);
  std::optional<std::size_t> hot_leaf;
  for (std::size_t i = 0; i < code.nodes.size(); ++i) {
    const CodeNode& node = code.nodes[i];
    const Vec2 p = pos(static_cast<int>(i));
    if (node.symbol < 0) {
      c.circle(p, radius * 0.6f, on_path[i] ? t.infinite : t.axis);
      continue;
    }
    const bool hot = highlight && *highlight == node.symbol;
    c.circle(p, hot ? radius * 1.5f : radius, hot ? t.infinite : col);
    const float half = std::clamp(slot / 2, radius + t.px(2), std::max(radius + t.px(2), label_size * 1.2f));
    hits.push_back({node.symbol, {p.x - half, p.y - half, p.x + half, p.y + half}});
    if (hot) {
      hot_leaf = i;
      continue;
    }
    if (ll.rows < 0) continue;
    const std::string& name = labels[static_cast<std::size_t>(node.symbol)];
    if (ll.rows == 0) {
      c.text({p.x, p.y + radius + t.px(2)}, name, style(label_size, t.text_dim, Align::center, Align::start));
      continue;
    }
    const int row = static_cast<int>(l.x[i]) % ll.rows;
    const float y = rows_top + ll.row_h * static_cast<float>(row);
    c.line({p.x, p.y + radius}, {p.x, y}, {t.axis.with_alpha(0.35f), t.px(1), Dash::dotted});
    const TextStyle ls = style(label_size, t.text_dim, Align::center, Align::start);
    c.text({p.x, y}, cut_to(c, name, ls, slot * static_cast<float>(ll.rows) - t.px(3)), ls);
  }
  if (hot_leaf) {  // the hovered leaf's label, whole and bold, on a backing so it reads over its neighbours
    const std::size_t i = *hot_leaf;
    const Vec2 p = pos(static_cast<int>(i));
    const std::string& name = labels[static_cast<std::size_t>(code.nodes[i].symbol)];
    const TextStyle ls = style(label_size, t.text, Align::center, Align::start, Weight::bold);
    const int row = ll.rows > 0 ? static_cast<int>(l.x[i]) % ll.rows : 0;
    const Vec2 at = ll.rows > 0 ? Vec2{p.x, rows_top + ll.row_h * static_cast<float>(row)} : Vec2{p.x, p.y + radius * 1.5f + t.px(2)};
    if (ll.rows > 0) c.line({p.x, p.y + radius}, at, {t.infinite, t.px(1.5f)});
    const Vec2 sz = c.text_size(name, ls);
    c.fill_rect({at.x - sz.x / 2 - t.px(2), at.y, at.x + sz.x / 2 + t.px(2), at.y + sz.y}, t.plot_bg);
    c.text(at, name, ls);
  }
}

// [SECTION] area view

double y_top(const CodingFigureData& d) {
  const CodeComparison& k = d.codes;
  double top = 1;
  for (std::size_t x = 0; x < k.p.size(); ++x) {
    if (k.p[x] <= 0) continue;
    top = std::max(top, static_cast<double>(std::max(k.code_p.lengths[x], k.code_q.lengths[x])));
  }
  return top + 0.6;
}

}  // namespace

CodingFigureData coding_figure_data(const Scenario& s) {
  if (s.kind != Kind::discrete) throw std::invalid_argument("a code is built for a discrete scenario");
  CodingFigureData d;
  d.codes = compare_codes(s.p_mass, s.q_mass);
  d.labels.resize(s.p_mass.size());
  for (std::size_t x = 0; x < d.labels.size(); ++x) d.labels[x] = s.labels.empty() ? std::to_string(x) : s.labels[x];
  return d;
}

std::vector<SymbolHit> figure_code_trees(Canvas& c, const Theme& t, Rect r, const CodingFigureData& d,
                                         std::optional<int> highlight) {
  std::vector<SymbolHit> hits;
  const float gap = t.px(12), title = t.font(1.0f);
  const float half = (r.width() - gap) / 2;
  const std::array<Rect, 2> boxes{Rect{r.x0, r.y0, r.x0 + half, r.y1}, Rect{r.x1 - half, r.y0, r.x1, r.y1}};
  const CodeComparison& k = d.codes;
  for (int w = 0; w < 2; ++w) {
    const Rect b = boxes[w];
    c.fill_rect(b, t.plot_bg);
    const bool is_p = w == 0;
    const std::string head = is_p ? "P's code: E_P[ℓ_P] = " + bits_text(k.length_p_code_p)
                                  : "Q's code: E_P[ℓ_Q] = " + bits_text(k.length_p_code_q);
    const std::string short_head = is_p ? "P's code" : "Q's code";
    const TextStyle hs = style(title, is_p ? t.p : t.q, Align::center, Align::start, Weight::bold);
    c.text({(b.x0 + b.x1) / 2, b.y0 + t.px(4)}, fitting(c, head, short_head, hs, b.width() - t.px(8)), hs);
    const Rect tree{b.x0, b.y0 + title * 1.7f, b.x1, b.y1};
    c.push_clip(b);
    draw_tree(c, t, tree, is_p ? k.code_p : k.code_q, d.labels, is_p ? t.p : t.q, highlight, hits);
    c.pop_clip();
  }
  return hits;
}

std::vector<SymbolHit> figure_code_table(Canvas& c, const Theme& t, Rect r, const CodingFigureData& d,
                                         std::optional<int> highlight) {
  std::vector<SymbolHit> hits;
  const CodeComparison& k = d.codes;
  const float fs = t.font(0.9f), row_h = fs * 1.55f, pad = t.px(10);
  const std::array<std::string, 9> head{"symbol", "p", "q", "P's code", "Q's code", "ℓ_P", "ℓ_Q", "−log₂ p", "−log₂ q"};
  const std::size_t n = k.p.size();
  const int fit_rows = std::max(0, static_cast<int>((r.height() - row_h * 1.3f) / row_h));
  const std::size_t shown = std::min(n, static_cast<std::size_t>(fit_rows) - (static_cast<std::size_t>(fit_rows) < n ? 1 : 0) * (fit_rows > 0));
  auto cell = [&](std::size_t x, int col) -> std::string {
    switch (col) {
      case 0: return d.labels[x];
      case 1: return format_value(k.p[x], 4);
      case 2: return format_value(k.q[x], 4);
      case 3: return std::string(k.code_p.codeword_or(x, "—"));
      case 4: return std::string(k.code_q.codeword_or(x, "—"));
      case 5: return length_text(k.code_p, x);
      case 6: return length_text(k.code_q, x);
      case 7: return ideal_text(k.p[x]);
      default: return ideal_text(k.q[x]);
    }
  };
  std::array<float, 9> width{};
  for (int col = 0; col < 9; ++col) {
    width[col] = c.text_size(head[col], style(fs, t.text, Align::start, Align::center, Weight::bold)).x;
    for (std::size_t x = 0; x < shown; ++x) width[col] = std::max(width[col], c.text_size(cell(x, col), style(fs, t.text)).x);
  }
  float total = 0;
  for (float w : width) total += w + pad;
  const float x0 = r.x0 + std::max(0.0f, (r.width() - total) / 2);
  c.push_clip(r);
  float y = r.y0 + row_h * 0.6f;
  float xc = x0;
  for (int col = 0; col < 9; ++col) {
    const Color hc = col == 3 || col == 5 ? t.p : col == 4 || col == 6 ? t.q : t.text;
    c.text({xc, y}, head[col], style(fs, hc, Align::start, Align::center, Weight::bold));
    xc += width[col] + pad;
  }
  c.line({x0, y + row_h * 0.55f}, {x0 + total - pad, y + row_h * 0.55f}, {t.axis, t.px(1)});
  y += row_h * 1.1f;
  for (std::size_t x = 0; x < shown; ++x) {
    const Rect row{x0 - pad / 2, y - row_h / 2, x0 + total - pad / 2, y + row_h / 2};
    if (highlight && *highlight == static_cast<int>(x)) c.fill_rect(row, t.infinite.with_alpha(0.22f));
    xc = x0;
    for (int col = 0; col < 9; ++col) {
      const std::string s = cell(x, col);
      const Color tc = s == "—" || s == "∞" ? t.text_dim : t.text;
      c.text({xc, y}, s, style(fs, tc));
      xc += width[col] + pad;
    }
    hits.push_back({static_cast<int>(x), row});
    y += row_h;
  }
  if (shown < n) c.text({x0, y}, "… " + std::to_string(n - shown) + " more symbols", style(fs, t.text_dim));
  c.pop_clip();
  return hits;
}

std::vector<SymbolHit> figure_code_area(Canvas& c, const Theme& t, Rect r, const CodingFigureData& d,
                                        std::optional<int> highlight) {
  std::vector<SymbolHit> right, left;
  const CodeComparison& k = d.codes;
  const float gap = t.px(10);
  const float half = (r.width() - gap) / 2;
  const Range yr{0, y_top(d)};
  const Stroke ideal{t.text_dim, t.px(1.5f), Dash::dotted};
  // Side by side, or one above the other when the panels would be narrow (presentation scale).
  const bool stacked = half < t.font() * 26 && r.height() > t.font() * 30;
  const float half_h = (r.height() - gap) / 2;
  for (int panel = 0; panel < 2; ++panel) {
    const bool own = panel == 0;
    const Rect outer = stacked ? (own ? Rect{r.x0, r.y0, r.x1, r.y0 + half_h} : Rect{r.x0, r.y1 - half_h, r.x1, r.y1})
                               : (own ? Rect{r.x0, r.y0, r.x0 + half, r.y1} : Rect{r.x1 - half, r.y0, r.x1, r.y1});
    const std::vector<LegendEntry> legend =
        own ? std::vector<LegendEntry>{{"P's code", t.p, Dash::solid, true}, {"−log₂ p (area H(P))", t.text_dim, Dash::dotted}}
            : std::vector<LegendEntry>{{"Q's code ℓ_Q", t.q},
                                       {"P's code ℓ_P", t.p},
                                       {"extra bits (ℓ_Q > ℓ_P)", t.negative.with_alpha(0.8f), Dash::solid, true},
                                       {"bits saved (ℓ_Q < ℓ_P)", t.positive.with_alpha(0.45f), Dash::solid, true},
                                       {"−log₂ p", t.text_dim, Dash::dotted}};
    AxesSpec spec;
    spec.x = {0, 1};
    spec.y = yr;
    const std::string long_title = own ? "P's code on P's data: area E_P[ℓ_P] = " + bits_text(k.length_p_code_p)
                                       : "Q's code on P's data: area E_P[ℓ_Q] = " + bits_text(k.length_p_code_q);
    const std::string short_title = own ? "E_P[ℓ_P] = " + bits_text(k.length_p_code_p) : "E_P[ℓ_Q] = " + bits_text(k.length_p_code_q);
    spec.title = std::string(fitting(c, long_title, short_title, style(t.font(1.05f), t.text), outer.width() - t.px(20)));
    spec.x_label = std::string(fitting(c, "cumulative p(x): each bar is p(x) wide", "cumulative p(x)",
                                       style(t.font(0.9f), t.text), outer.width() - t.px(60)));
    spec.y_label = "bits";
    // Both panels keep the same plot height (one scale): the reserve of the longer legend, Q's.
    const std::vector<LegendEntry> q_legend{{"Q's code ℓ_Q", t.q}, {"P's code ℓ_P", t.p}, {"extra bits (ℓ_Q > ℓ_P)", t.negative, Dash::solid, true},
                                            {"bits saved (ℓ_Q < ℓ_P)", t.positive, Dash::solid, true}, {"−log₂ p", t.text_dim, Dash::dotted}};
    spec.top_reserve = legend_rows_height(c, t, own ? q_legend : legend, outer.width() - t.px(70)) + t.px(4);
    const Axes a = draw_axes(c, t, outer, spec);
    draw_legend_rows(c, t, {a.plot.x0, a.plot.y0 - spec.top_reserve, a.plot.x1, a.plot.y0 - t.px(2)}, legend);
    c.push_clip(a.plot);
    double cum = 0;
    for (std::size_t x = 0; x < k.p.size(); ++x) {
      if (k.p[x] <= 0) continue;
      const double x0 = cum, x1 = cum + k.p[x];
      cum = x1;
      const double lp = k.code_p.lengths[x];
      const bool hot = highlight && *highlight == static_cast<int>(x);
      auto bar = [&](double lo, double hi) {
        const Vec2 p0 = a.px(x0, lo), p1 = a.px(x1, hi);
        return Rect{p0.x, std::min(p0.y, p1.y), std::max(p1.x, p0.x + 0.5f), std::max(p0.y, p1.y)};
      };
      if (own) {
        const Rect b = bar(0, lp);
        c.fill_rect(b, t.p.with_alpha(hot ? 0.75f : 0.45f));
        if (b.width() > 3) c.stroke_rect(b, {t.p, t.px(1)});
        left.push_back({static_cast<int>(x), bar(0, yr.hi)});
      } else {
        const bool none = !k.code_q.has(x);
        const double lq = none ? yr.hi : k.code_q.lengths[x];
        c.fill_rect(bar(0, std::min(lp, lq)), t.text_dim.with_alpha(hot ? 0.4f : 0.18f));  // bits both codes spend
        if (none) {
          c.fill_rect(bar(lp, lq), t.infinite.with_alpha(0.55f));
          const Rect b = bar(lp, lq);
          if (b.width() > t.font(0.8f)) c.text({(b.x0 + b.x1) / 2, b.y0 + t.px(2)}, "∞", style(t.font(0.9f), t.text, Align::center, Align::start, Weight::bold));
        } else if (lq > lp) {
          c.fill_rect(bar(lp, lq), t.negative.with_alpha(0.8f));  // extra bits
        } else if (lq < lp) {
          c.fill_rect(bar(lq, lp), t.positive.with_alpha(0.45f));  // bits saved on this symbol
        }
        // Q's code: the bar's top at ℓ_Q (and its sides when wide enough to read).
        const Rect outline = bar(0, lq);
        if (outline.width() > 3) c.stroke_rect(outline, {t.q.with_alpha(0.6f), t.px(1)});
        if (!none) c.line({outline.x0, outline.y0}, {outline.x1, outline.y0}, {t.q, t.px(2)});
        // P's own code, for comparison.
        const Vec2 a0 = a.px(x0, lp), a1 = a.px(x1, lp);
        c.line(a0, a1, {t.p, t.px(1.5f)});
        right.push_back({static_cast<int>(x), bar(0, yr.hi)});
      }
      // The ideal length −log₂ p(x): its area is H(P).
      const double ideal_len = -std::log2(k.p[x]);
      c.line(a.px(x0, ideal_len), a.px(x1, ideal_len), ideal);
      if (hot) c.stroke_rect(bar(0, yr.hi), {t.infinite, t.px(2)});
    }
    c.pop_clip();
  }
  right.insert(right.end(), left.begin(), left.end());
  return right;
}

namespace {

std::string latex_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += ch; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string latex_number(double v) { return std::isinf(v) ? std::string("$\\infty$") : format_value(v, 4); }

}  // namespace

std::string code_table_latex(const CodingFigureData& d) {
  const CodeComparison& k = d.codes;
  std::string out =
      "% Binary Huffman codes (divlab code; SPEC §6 tie rule). Requires \\usepackage{booktabs}.\n"
      "\\begin{tabular}{lrrllrrrr}\n\\toprule\n"
      "symbol & $p$ & $q$ & code$_P$ & code$_Q$ & $\\ell_P$ & $\\ell_Q$ & $-\\log_2 p$ & $-\\log_2 q$ \\\\\n\\midrule\n";
  for (std::size_t x = 0; x < k.p.size(); ++x) {
    auto word = [](const PrefixCode& code, std::size_t i) {
      return code.has(i) ? "\\texttt{" + std::string(code.codeword(i)) + "}" : std::string("---");
    };
    auto len = [](const PrefixCode& code, std::size_t i) { return code.has(i) ? std::to_string(code.lengths[i]) : std::string("---"); };
    auto ideal = [](double p) { return p > 0 ? format_value(-std::log2(p), 4) : std::string("$\\infty$"); };
    out += latex_escape(d.labels[x]) + " & " + format_value(k.p[x], 4) + " & " + format_value(k.q[x], 4) + " & " +
           word(k.code_p, x) + " & " + word(k.code_q, x) + " & " + len(k.code_p, x) + " & " +
           len(k.code_q, x) + " & " + ideal(k.p[x]) + " & " + ideal(k.q[x]) + " \\\\\n";
  }
  out += "\\midrule\n\\multicolumn{9}{l}{$H(P) = " + latex_number(k.entropy_p) + "$, $E_P[\\ell_P] = " +
         latex_number(k.length_p_code_p) + "$, $H(P,Q) = " + latex_number(k.cross_entropy_pq) + "$, $E_P[\\ell_Q] = " +
         latex_number(k.length_p_code_q) + "$ bits} \\\\\n";
  out += "\\bottomrule\n\\end{tabular}\n";
  return out;
}

std::string code_table_csv(const CodingFigureData& d) {
  const CodeComparison& k = d.codes;
  std::string out = "symbol,p,q,code_p,code_q,length_p,length_q,ideal_p,ideal_q\n";
  auto num = [](double v) {
    if (std::isinf(v)) return std::string("inf");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return std::string(buf);
  };
  for (std::size_t x = 0; x < k.p.size(); ++x) {
    out += csv_field(d.labels[x]) + "," + num(k.p[x]) + "," + num(k.q[x]) + "," + std::string(k.code_p.codeword(x)) +
           "," + std::string(k.code_q.codeword(x)) + "," + (k.code_p.has(x) ? std::to_string(k.code_p.lengths[x]) : "") +
           "," + (k.code_q.has(x) ? std::to_string(k.code_q.lengths[x]) : "") + "," +
           num(k.p[x] > 0 ? -std::log2(k.p[x]) : INFINITY) + "," + num(k.q[x] > 0 ? -std::log2(k.q[x]) : INFINITY) + "\n";
  }
  return out;
}

}  // namespace divlab::plot

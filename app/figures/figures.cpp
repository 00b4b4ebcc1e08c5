#include "figures/figures.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "plot/ticks.hpp"

namespace divlab::plot {

namespace {

std::string unit(const FigureData& d) { return std::string(base_unit(d.base)); }
std::string base_str(const FigureData& d) { return std::string(to_name(d.base)); }

// Max of the finite values (0 if none).
double finite_max(std::span<const double> v) {
  double m = 0;
  for (double x : v)
    if (std::isfinite(x)) m = std::max(m, x);
  return m;
}
double finite_min(std::span<const double> v) {
  double m = 0;
  for (double x : v)
    if (std::isfinite(x)) m = std::min(m, x);
  return m;
}

std::vector<double> indices(std::size_t n) {
  std::vector<double> v(n);
  std::iota(v.begin(), v.end(), 0.0);
  return v;
}

// Category labels for a discrete axis: the bin labels, else the support positions.
std::vector<std::string> categories(const FigureData& d) {
  const std::size_t n = d.curves.p.size();
  std::vector<std::string> out(n);
  bool any_label = false;
  for (const auto& s : d.labels) any_label |= !s.empty();
  bool default_x = true;
  for (std::size_t i = 0; i < d.curves.x.size(); ++i) default_x &= d.curves.x[i] == static_cast<double>(i);
  if (!any_label && default_x) return {};  // bins 0..N−1: numeric ticks read better than N labels
  char buf[32];
  for (std::size_t i = 0; i < n; ++i) {
    if (any_label && i < d.labels.size()) {
      out[i] = d.labels[i];
    } else if (i < d.curves.x.size()) {
      std::snprintf(buf, sizeof buf, "%.4g", d.curves.x[i]);
      out[i] = buf;
    }
  }
  return out;
}

Range x_range(const FigureData& d, const FigureOptions& o) {
  if (o.x) return *o.x;
  return d.x_window;
}

std::string kl_text(double v, const std::string& u) { return format_value(v) + (std::isinf(v) ? "" : " " + u); }

// A legend in rows above the plot: laid out across most of the figure's width, reserved before the axes
// are drawn, then placed from the plot's left edge, or further left when a long row needs the room.
struct LegendRows {
  float width, max_width;  // rows flow in width; one entry alone may take max_width
  Vec2 size;
  LegendRows(Canvas& c, const Theme& t, Rect r, std::span<const LegendEntry> legend)
      : width(r.width() - t.px(60)), max_width(r.width() - t.px(12)),
        size(legend_rows_size(c, t, legend, width, max_width)) {}
  float reserve(const Theme& t) const { return size.y + t.px(4); }
  void draw(Canvas& c, const Theme& t, Rect r, const Axes& a, std::span<const LegendEntry> legend) const {
    const float x0 = std::max(r.x0 + t.px(6), std::min(a.plot.x0, r.x1 - t.px(6) - size.x));
    draw_legend_rows(c, t, {x0, a.plot.y0 - reserve(t), x0 + width, a.plot.y0}, legend, max_width);
  }
};

}  // namespace

// [SECTION] data

Range auto_x_window(const Scenario& s) {
  if (s.kind == Kind::discrete) return {-0.5, static_cast<double>(s.p_mass.size()) - 0.5};
  if (s.view.is_object()) {
    auto it = s.view.find("x_range");
    if (it != s.view.end() && it->is_array() && it->size() == 2 && (*it)[0].is_number() && (*it)[1].is_number()) {
      const double lo = (*it)[0].get<double>(), hi = (*it)[1].get<double>();
      if (std::isfinite(lo) && std::isfinite(hi) && hi > lo) return {lo, hi};
    }
  }
  double lo = INFINITY, hi = -INFINITY;
  for (const Mixture* m : {&s.p_mix, &s.q_mix})
    for (const auto& c : m->components) {
      if (!(c.weight > 0)) continue;
      if (c.family == Family::uniform) {
        const double pad = 0.15 * (c.high - c.low);
        lo = std::min(lo, c.low - pad);
        hi = std::max(hi, c.high + pad);
      } else {
        const double k = c.family == Family::student_t ? 4.0 + 4.0 / std::max(0.5, c.df) : 4.0;
        lo = std::min(lo, c.mean - k * c.scale);
        hi = std::max(hi, c.mean + k * c.scale);
      }
    }
  return fix_range({lo, hi});
}

Measures compute_measures(const Scenario& s, std::optional<Base> base) {
  const Base b = base.value_or(s.base);
  if (s.kind == Kind::discrete) return measure_discrete(s.p_mass, s.q_mass, s.support_x, s.labels, b);
  return measure_continuous(s.p_mix, s.q_mix, b);
}

Curves compute_curves(const Scenario& s, Range x, int samples, std::optional<Base> base) {
  const Base b = base.value_or(s.base);
  if (s.kind == Kind::discrete) return sample_discrete(s.p_mass, s.q_mass, s.support_x, b);
  x = fix_range(x);
  return sample_continuous(s.p_mix, s.q_mix, x.lo, x.hi, std::max(2, samples), b);
}

FigureData compute_figure_data(const Scenario& s, int samples, std::optional<Range> x, std::optional<Base> base) {
  FigureData d;
  d.kind = s.kind;
  d.base = base.value_or(s.base);
  d.labels = s.labels;
  d.x_window = s.kind == Kind::discrete ? auto_x_window(s) : x.value_or(auto_x_window(s));
  d.curves = compute_curves(s, d.x_window, samples, d.base);
  d.measures = compute_measures(s, d.base);
  return d;
}

Range densities_y_range(const FigureData& d, const FigureOptions& o) {
  double hi = std::max(finite_max(o.p_bars.empty() ? std::span<const double>(d.curves.p) : o.p_bars),
                       finite_max(o.q_bars.empty() ? std::span<const double>(d.curves.q) : o.q_bars));
  if (!(hi > 0)) hi = 1;
  return {0, hi * (o.legend ? 1.2 : 1.1)};
}

Range contributions_y_range(const FigureData& d, const FigureOptions& o) {
  double lo = std::min(finite_min(d.curves.contrib_pq), finite_min(d.curves.contrib_qp));
  double hi = std::max(finite_max(d.curves.contrib_pq), finite_max(d.curves.contrib_qp));
  if (o.show_jsd) hi = std::max(hi, finite_max(d.curves.jsd_integrand));
  // P = Q (every contribution 0, or rounding noise of 1e-17): a unit span, not ticks of 1e-10.
  const double span = hi - lo < 1e-6 ? 1.0 : hi - lo;
  // Headroom above the data for the legend in the top-left corner.
  return fix_range({lo < 0 ? lo - 0.08 * span : 0.0, hi + 0.1 * span});
}

// [SECTION] densities

Axes figure_densities(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o) {
  const bool disc = d.kind == Kind::discrete;
  AxesSpec spec;
  spec.title = o.title ? (disc ? "Distributions P and Q (probability mass)" : "Distributions P and Q (density)")
                       : "";
  spec.x = x_range(d, o);
  spec.y = o.y.value_or(densities_y_range(d, o));
  spec.x_label = disc ? "" : "x";
  if (disc) spec.x_categories = categories(d);
  const Axes a = draw_axes(c, t, r, spec);

  std::vector<LegendEntry> legend{{"P", t.p, t.p_dash, disc}, {"Q", t.q, t.q_dash, disc}};
  if (disc) {
    const auto n = d.curves.p.size();
    const auto xs = indices(n);
    const std::span<const double> pb = o.p_bars.size() == n ? o.p_bars : std::span<const double>(d.curves.p);
    const std::span<const double> qb = o.q_bars.size() == n ? o.q_bars : std::span<const double>(d.curves.q);
    const double w = 0.4;
    const float bar_px = static_cast<float>(w) * a.plot.width() / static_cast<float>(a.x.hi - a.x.lo);
    const Stroke outline_p{t.p, bar_px > 6 ? t.px(1.2f) : 0, t.p_dash};
    const Stroke outline_q{t.q, bar_px > 6 ? t.px(1.2f) : 0, t.q_dash};
    plot_bars(c, a, xs, pb, w, -w / 2, t.p.with_alpha(0.78f), outline_p);
    plot_bars(c, a, xs, qb, w, +w / 2, t.q.with_alpha(0.55f), outline_q);
    if (o.show_m) {
      plot_stems(c, a, xs, d.curves.m, {t.m, t.px(1.5f), t.m_dash}, t.px(3.5f));
      legend.push_back({"M = ½(P+Q)", t.m, t.m_dash});
    }
    if (o.highlight_bin >= 0 && static_cast<std::size_t>(o.highlight_bin) < n) {
      const float x0 = a.px_x(o.highlight_bin - 0.5), x1 = a.px_x(o.highlight_bin + 0.5);
      c.push_clip(a.plot);
      c.stroke_rect({x0, a.plot.y0, x1, a.plot.y1}, {t.text_dim.with_alpha(0.5f), t.px(1), Dash::dotted});
      c.pop_clip();
    }
  } else {
    const auto& cv = d.curves;
    plot_fill_to_zero(c, a, cv.x, cv.p, t.p.with_alpha(t.fill_alpha * 0.7f));
    plot_fill_to_zero(c, a, cv.x, cv.q, t.q.with_alpha(t.fill_alpha * 0.7f));
    if (o.show_m) {
      plot_line(c, a, cv.x, cv.m, t.m_stroke());
      legend.push_back({"M = ½(P+Q)", t.m, t.m_dash});
    }
    plot_line(c, a, cv.x, cv.p, t.p_stroke());
    plot_line(c, a, cv.x, cv.q, t.q_stroke());
  }
  if (o.legend) draw_legend(c, t, a, legend);
  return a;
}

// [SECTION] contributions

Axes figure_contributions(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o) {
  const bool disc = d.kind == Kind::discrete;
  const auto& cv = d.curves;
  const std::string u = unit(d);
  AxesSpec spec;
  spec.title = o.title ? "Where each divergence comes from" : "";
  spec.x = x_range(d, o);
  spec.y = o.y.value_or(contributions_y_range(d, o));
  const bool roomy = r.height() > t.font() * 16;  // small plots keep their height for data
  spec.x_label = disc || !roomy ? "" : "x";
  spec.y_label = !roomy ? "" : disc ? u + " per bin" : u + " per unit x";
  if (disc) spec.x_categories = categories(d);
  const std::string sum = disc ? "Σ" : "∫";
  std::vector<LegendEntry> legend{
      {"p·log(p/q):  " + sum + " = D(P‖Q) = " + kl_text(d.measures.kl_pq, u), t.p, t.p_dash, disc},
      {"q·log(q/p):  " + sum + " = D(Q‖P) = " + kl_text(d.measures.kl_qp, u), t.q, t.q_dash, disc}};
  if (o.show_jsd)
    legend.push_back({"JSD integrand:  " + sum + " = " + format_value(d.measures.jsd) + " " + u, t.m,
                      disc ? Dash::solid : t.m_dash});
  const LegendRows rows(c, t, r, legend);
  if (o.legend) spec.top_reserve = rows.reserve(t);
  const Axes a = draw_axes(c, t, r, spec);
  if (disc) {
    const auto xs = indices(cv.p.size());
    const double w = 0.36;
    plot_bars(c, a, xs, cv.contrib_pq, w, -w / 2, t.p.with_alpha(0.8f), {t.p, 0});
    plot_bars(c, a, xs, cv.contrib_qp, w, +w / 2, t.q.with_alpha(0.65f), {t.q, 0});
    std::vector<double> xl(xs), xr(xs);
    for (auto& v : xl) v -= w / 2;
    for (auto& v : xr) v += w / 2;
    plot_infinities(c, a, t, xl, cv.contrib_pq, t.p);
    plot_infinities(c, a, t, xr, cv.contrib_qp, t.q);
    if (o.show_jsd) plot_stems(c, a, xs, cv.jsd_integrand, {t.m, t.px(1.5f)}, t.px(3.5f));
  } else {
    plot_fill_to_zero(c, a, cv.x, cv.contrib_pq, t.p.with_alpha(t.fill_alpha));
    plot_fill_to_zero(c, a, cv.x, cv.contrib_qp, t.q.with_alpha(t.fill_alpha));
    plot_line(c, a, cv.x, cv.contrib_pq, t.p_stroke());
    plot_line(c, a, cv.x, cv.contrib_qp, t.q_stroke());
    plot_infinities(c, a, t, cv.x, cv.contrib_pq, t.p);
    plot_infinities(c, a, t, cv.x, cv.contrib_qp, t.q);
    if (o.show_jsd) plot_line(c, a, cv.x, cv.jsd_integrand, t.m_stroke());
  }
  if (o.legend) rows.draw(c, t, r, a, legend);
  return a;
}

// [SECTION] cdf

Axes figure_cdf(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o) {
  const bool disc = d.kind == Kind::discrete;
  const auto& cv = d.curves;
  std::vector<double> xs, fp, fq;
  Range xr = x_range(d, o);
  if (disc) {
    // Steps on the sorted support positions (the x that W₁ is measured in).
    std::vector<std::size_t> order(cv.x.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](auto i, auto j) { return cv.x[i] < cv.x[j]; });
    const double lo = cv.x.empty() ? 0 : cv.x[order.front()], hi = cv.x.empty() ? 1 : cv.x[order.back()];
    const double pad = std::max(0.5, 0.06 * (hi - lo));
    xr = o.x ? *o.x : Range{lo - pad, hi + pad};
    double prev_p = 0, prev_q = 0;
    xs.push_back(lo - pad), fp.push_back(0), fq.push_back(0);
    for (auto i : order) {
      xs.push_back(cv.x[i]), fp.push_back(prev_p), fq.push_back(prev_q);
      prev_p = cv.cdf_p[i], prev_q = cv.cdf_q[i];
      xs.push_back(cv.x[i]), fp.push_back(prev_p), fq.push_back(prev_q);
    }
    xs.push_back(hi + pad), fp.push_back(prev_p), fq.push_back(prev_q);
  } else {
    xs = cv.x, fp = cv.cdf_p, fq = cv.cdf_q;
  }
  const std::string w1 = format_value(d.measures.wasserstein_1) + (std::isinf(d.measures.wasserstein_1) ? "" : " (x\u00a0units)");
  const std::vector<LegendEntry> legend{
      {"F_P", t.p, t.p_dash}, {"F_Q", t.q, t.q_dash}, {"area |F_P − F_Q| = W₁ = " + w1, t.m.with_alpha(0.5f), Dash::solid, true}};
  AxesSpec spec;
  spec.title = o.title ? "W₁: the area between the CDFs" : "";
  spec.x = xr;
  spec.y = o.y.value_or(Range{0, 1.05});
  spec.x_label = r.height() > t.font() * 16 ? "x" : "";
  const LegendRows rows(c, t, r, legend);
  if (o.legend) spec.top_reserve = rows.reserve(t);
  const Axes a = draw_axes(c, t, r, spec);
  plot_fill_between(c, a, xs, fp, fq, t.m.with_alpha(t.fill_alpha + 0.1f));
  plot_line(c, a, xs, fp, t.p_stroke());
  plot_line(c, a, xs, fq, t.q_stroke());
  if (o.legend) rows.draw(c, t, r, a, legend);
  return a;
}

// [SECTION] metrics

void figure_metrics(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o) {
  const Measures& m = d.measures;
  const std::string u = unit(d);
  c.fill_rect(r, t.background);
  const float gap = t.px(10);
  const Rect left{r.x0, r.y0, r.x0 + r.width() * 0.58f - gap / 2, r.y1};
  const Rect right{left.x1 + gap, r.y0, r.x1, r.y1};

  // Left: forward vs reverse KL side by side, with JSD and its bound log_b 2.
  const std::array<double, 3> kv{m.kl_pq, m.kl_qp, m.jsd};
  const std::array<const char*, 3> kn{"D(P‖Q)", "D(Q‖P)", "JSD"};
  const std::array<Color, 3> kc{t.p, t.q, t.m};
  const double bound = d.base == Base::two ? 1.0 : std::log(2.0);
  double top = bound;
  for (double v : kv)
    if (std::isfinite(v)) top = std::max(top, v);
  AxesSpec ls;
  ls.title = o.title ? "KL both ways (" + u + ")" : "";
  if (o.title && c.text_size(ls.title, {t.font(), t.text, Align::start, Align::start, Weight::bold}).x > left.width() - t.px(12))
    ls.title = "KL (" + u + ")";  // narrow: the short title
  ls.x = {-0.6, 2.6};
  ls.y = o.y.value_or(Range{0, top * 1.22});
  ls.x_categories = {kn.begin(), kn.end()};
  ls.x_categories_short = {"P‖Q", "Q‖P", "JSD"};
  const Axes la = draw_axes(c, t, left, ls);
  const float by = la.px_y(bound);
  c.push_clip(la.plot);
  c.line({la.px_x(1.6), by}, {la.plot.x1, by}, {t.m, t.px(1), Dash::dashed});
  c.pop_clip();
  const TextStyle vs{t.font(0.8f), t.text, Align::center, Align::end, Weight::bold};
  std::vector<Rect> taken;  // bars and their value labels: the bound's label must not cover them
  for (int i = 0; i < 3; ++i) {
    const auto k = static_cast<std::size_t>(i);
    const double xs[1] = {static_cast<double>(i)};
    const double ys[1] = {kv[k]};
    plot_bars(c, la, xs, ys, 0.62, 0, kc[k].with_alpha(0.8f), {kc[k], t.px(1)});
    plot_infinities(c, la, t, xs, ys, kc[k]);
    const float half = la.px_x(0.31) - la.px_x(0);
    const float top = std::isfinite(ys[0]) ? std::clamp(la.px_y(ys[0]), la.plot.y0, la.plot.y1) : la.plot.y0;
    taken.push_back({la.px_x(i) - half, top, la.px_x(i) + half, la.plot.y1});
    const std::string lbl = format_value(ys[0], 3);
    const float lw = c.text_size(lbl, vs).x;
    if (!std::isfinite(ys[0]) || lw >= la.px_x(0.95) - la.px_x(0)) continue;
    float y = std::max(la.plot.y0 + vs.size, la.px_y(ys[0]) - t.px(3));
    if (i == 2 && y > by - t.px(1) && y - vs.size < by + t.px(1)) y = by - t.px(3);  // above the bound, not across it
    c.text({la.px_x(i), y}, lbl, vs);
    taken.push_back({la.px_x(i) - lw / 2, y - vs.size, la.px_x(i) + lw / 2, y});
  }
  // The bound's label above its line at the right: shortened, or left out, where it would cover a bar.
  const TextStyle bs{t.font(0.75f), t.m, Align::end, Align::end};
  const std::array<const char*, 2> bound_texts =
      d.base == Base::two ? std::array<const char*, 2>{"max 1 bit", "1 bit"} : std::array<const char*, 2>{"max ln 2", "ln 2"};
  for (const char* text : bound_texts) {
    const Vec2 sz = c.text_size(text, bs);
    const Rect box{la.plot.x1 - t.px(4) - sz.x, by - t.px(2) - sz.y, la.plot.x1 - t.px(4), by - t.px(2)};
    const bool clear = box.x0 > la.plot.x0 && box.y0 > la.plot.y0 &&
                       std::none_of(taken.begin(), taken.end(), [&](const Rect& b) {
                         return box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1;
                       });
    if (!clear) continue;
    c.text({box.x1, box.y1}, text, bs);
    break;
  }

  // Right: the bounded, symmetric distances on [0, 1].
  const std::array<double, 3> bv{m.total_variation, m.hellinger, m.bhattacharyya};
  AxesSpec rs;
  rs.title = o.title ? "[0, 1]" : "";
  rs.x = {-0.6, 2.6};
  rs.y = {0, 1.12};
  rs.x_categories = {"TV", "Hellinger", "BC"};
  rs.x_categories_short = {"TV", "H", "BC"};  // H as in the metrics table
  const Axes ra = draw_axes(c, t, right, rs);
  for (int i = 0; i < 3; ++i) {
    const double xs[1] = {static_cast<double>(i)};
    const double ys[1] = {bv[static_cast<std::size_t>(i)]};
    plot_bars(c, ra, xs, ys, 0.62, 0, t.text_dim.with_alpha(0.55f), {t.text_dim, t.px(1)});
    const std::string lbl = format_value(ys[0], 3);
    const TextStyle vs{t.font(0.8f), t.text, Align::center, Align::end, Weight::bold};
    if (c.text_size(lbl, vs).x < ra.px_x(0.95) - ra.px_x(0)) c.text({ra.px_x(i), ra.px_y(ys[0]) - t.px(3)}, lbl, vs);
  }
}

// [SECTION] identities

void figure_identities(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o) {
  const Measures& m = d.measures;
  const std::string u = unit(d), b = base_str(d);
  struct Row {
    std::string name, self, div;
    double h, kl, cross;
    Color col;
  };
  const std::array<Row, 2> rows{Row{"H(P,Q)", "H(P)", "D(P‖Q)", m.entropy_p, m.kl_pq, m.cross_entropy_pq, t.p},
                                Row{"H(Q,P)", "H(Q)", "D(Q‖P)", m.entropy_q, m.kl_qp, m.cross_entropy_qp, t.q}};
  double lo = 0, hi = 0;
  for (const auto& row : rows) {
    lo = std::min({lo, row.h, std::isfinite(row.cross) ? row.cross : 0.0});
    hi = std::max({hi, row.h, std::isfinite(row.cross) ? row.cross : row.h});
  }
  AxesSpec spec;
  spec.title = o.title ? "Cross-entropy = entropy + KL (" + u + ")" : "";
  const TextStyle title_style{t.font(), t.text, Align::start, Align::start, Weight::bold};
  if (o.title && c.text_size(spec.title, title_style).x > r.width() - t.px(12)) spec.title = "Cross-entropy (" + u + ")";
  spec.x = o.x.value_or(Range{lo - 0.02 * (hi - lo + 1e-9), hi + 0.25 * (hi - lo + 1e-9)});
  spec.y = {0, 3.3};
  spec.y_ticks = false;
  spec.y_zero_line = false;
  // The perplexity relations below the bars, each on one line, or two where the figure is narrow.
  const TextStyle ps{t.font(0.9f), t.text, Align::start, Align::start};
  const std::array<std::pair<std::string, std::string>, 2> ppl{
      std::pair{"PPL(P,Q) = PPL(P) · " + b + "^D(P‖Q):",
                format_perplexity(m.perplexity_pq, m.cross_entropy_pq, b) + " = " +
                    format_perplexity(m.perplexity_p, m.entropy_p, b) + " × " + b + "^" + format_value(m.kl_pq)},
      std::pair{"PPL(Q,P) = PPL(Q) · " + b + "^D(Q‖P):",
                format_perplexity(m.perplexity_qp, m.cross_entropy_qp, b) + " = " +
                    format_perplexity(m.perplexity_q, m.entropy_q, b) + " × " + b + "^" + format_value(m.kl_qp)}};
  const bool ppl_wrap = std::any_of(ppl.begin(), ppl.end(), [&](const auto& p) {
    return c.text_size(p.first + "  " + p.second, ps).x > r.width() - t.px(16);
  });
  Rect bars = r;
  const float ppl_h = ps.size * (ppl_wrap ? 5.7f : 3.0f);
  bars.y1 = r.y1 - ppl_h;
  const Axes a = draw_axes(c, t, bars, spec);
  c.push_clip(a.plot);
  if (a.x.lo < 0 && a.x.hi > 0) c.line({a.px_x(0), a.plot.y0}, {a.px_x(0), a.plot.y1}, {t.axis, t.px(1.2f)});
  const TextStyle label{t.font(0.85f), t.text, Align::start, Align::end};
  std::vector<std::pair<Vec2, std::string>> labels;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const double y0 = 2.0 - 1.45 * static_cast<double>(i), y1 = y0 + 0.62;
    const float py0 = a.px_y(y1), py1 = a.px_y(y0);
    // H segment from 0 to H, then the KL segment from H to H + D (to the edge when ∞).
    const float xh = a.px_x(row.h);
    c.fill_rect({std::min(a.px_x(0), xh), py0, std::max(a.px_x(0), xh), py1}, row.col.with_alpha(0.8f));
    const bool inf = !std::isfinite(row.kl);
    const float xk = inf ? a.plot.x1 - t.px(2) : a.px_x(row.h + row.kl);
    c.fill_rect({xh, py0, std::max(xh + 1, xk), py1}, row.col.with_alpha(0.3f));
    c.stroke_rect({xh, py0, std::max(xh + 1, xk), py1}, {row.col, t.px(1.2f), Dash::dashed});
    if (inf) c.text({xk - t.px(4), (py0 + py1) / 2}, "∞", {t.font(1.1f), t.infinite, Align::end, Align::center, Weight::bold});
    // The identity with its numbers above the bar; the numbers go on a line of their own when narrow.
    const std::string head = row.name + " = " + row.self + " + " + row.div + ":";
    const std::string numbers = format_value(row.cross) + " = " + format_value(row.h) + " + " + format_value(row.kl);
    const Vec2 at{a.plot.x0 + t.px(4), py0 - t.px(3)};
    if (c.text_size(head + "   " + numbers, label).x <= r.x1 - at.x - t.px(4)) {
      labels.push_back({at, head + "   " + numbers});
    } else {
      labels.push_back({{at.x, at.y - label.size * 1.25f}, head});
      labels.push_back({at, numbers});
    }
  }
  c.pop_clip();
  for (const auto& [pos, text] : labels) c.text(pos, text, label);  // unclipped: short plots keep them whole

  // The perplexity relation, with the current numbers.
  float y = bars.y1 + t.px(4);
  for (std::size_t i = 0; i < ppl.size(); ++i) {
    const TextStyle style{ps.size, i == 0 ? t.text : t.text_dim, Align::start, Align::start};
    if (ppl_wrap) {
      c.text({r.x0 + t.px(8), y}, ppl[i].first, style);
      c.text({r.x0 + t.px(20), y + ps.size * 1.25f}, ppl[i].second, style);
      y += ps.size * 2.6f;
    } else {
      c.text({r.x0 + t.px(8), y}, ppl[i].first + "  " + ppl[i].second, style);
      y += ps.size * 1.35f;
    }
  }
}

// [SECTION] dashboard

void figure_dashboard(Canvas& c, const Theme& t, Rect r, const FigureData& d, const FigureOptions& o) {
  c.fill_rect(r, t.background);
  const float g = t.px(8);
  const float w = (r.width() - g) / 2, h1 = (r.height() - 2 * g) * 0.37f, h2 = h1, h3 = r.height() - 2 * g - h1 - h2;
  FigureOptions no_y = o;
  no_y.y.reset();
  figure_densities(c, t, {r.x0, r.y0, r.x0 + w, r.y0 + h1}, d, no_y);
  figure_contributions(c, t, {r.x0 + w + g, r.y0, r.x1, r.y0 + h1}, d, no_y);
  figure_cdf(c, t, {r.x0, r.y0 + h1 + g, r.x0 + w, r.y0 + h1 + g + h2}, d, no_y);
  figure_metrics(c, t, {r.x0 + w + g, r.y0 + h1 + g, r.x1, r.y0 + h1 + g + h2}, d, no_y);
  figure_identities(c, t, {r.x0, r.y1 - h3, r.x1, r.y1}, d, no_y);
}

}  // namespace divlab::plot

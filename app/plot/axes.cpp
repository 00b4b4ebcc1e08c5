#include "plot/axes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "plot/ticks.hpp"

namespace divlab::plot {

Range fix_range(Range r) {
  if (!std::isfinite(r.lo) || !std::isfinite(r.hi)) return {0, 1};
  if (r.hi < r.lo) std::swap(r.lo, r.hi);
  if (r.hi - r.lo < 1e-12 * std::max(1.0, std::abs(r.lo))) {
    // One value: a range around it that gets readable ticks (0 → [−1, 1], 5 → [2.5, 7.5]).
    const double pad = r.lo == 0 ? 1.0 : std::abs(r.lo) * 0.5;
    return {r.lo - pad, r.hi + pad};
  }
  return r;
}

float Axes::px_x(double v) const {
  return plot.x0 + static_cast<float>((v - x.lo) / (x.hi - x.lo)) * plot.width();
}
float Axes::px_y(double v) const {
  return plot.y1 - static_cast<float>((v - y.lo) / (y.hi - y.lo)) * plot.height();
}
double Axes::data_x(float p) const { return x.lo + (p - plot.x0) / std::max(1e-6f, plot.width()) * (x.hi - x.lo); }
double Axes::data_y(float p) const { return y.lo + (plot.y1 - p) / std::max(1e-6f, plot.height()) * (y.hi - y.lo); }

Axes draw_axes(Canvas& c, const Theme& t, Rect outer, const AxesSpec& spec) {
  Axes a;
  a.x = fix_range(spec.x);
  a.y = fix_range(spec.y);
  const TextStyle tick_style{t.font(0.82f), t.text_dim};
  const TextStyle label_style{t.font(0.9f), t.text_dim};
  const TextStyle title_style{t.font(1.0f), t.text, Align::start, Align::start, Weight::bold};
  const float pad = t.px(6);

  c.fill_rect(outer, t.background);
  float title_h = spec.title.empty() ? pad : c.text_size(spec.title, title_style).y + 2 * pad;
  // The y label sits horizontally above the axis (the Canvas has no rotated text): room for it.
  if (!spec.y_label.empty()) title_h += label_style.size * 1.25f;
  title_h += spec.top_reserve;
  const float xtick_h = tick_style.size * 1.25f + pad;
  const float xlabel_h = spec.x_label.empty() ? 0 : label_style.size * 1.3f;
  // About one y tick per 48 px of the plot's own height (estimated before the y labels' width is known).
  const float plot_h = std::max(10.0f, outer.height() - title_h - xtick_h - xlabel_h - pad);
  Ticks yt = nice_ticks(a.y.lo, a.y.hi, std::clamp(static_cast<int>(plot_h / t.px(42)), 2, 10));
  if (!spec.y_ticks) yt.values.clear();
  float ytw = 0;
  for (double v : yt.values) ytw = std::max(ytw, c.text_size(tick_label(v, yt.step), tick_style).x);
  a.plot = {outer.x0 + pad + ytw + pad, outer.y0 + title_h, outer.x1 - t.px(10),
            outer.y1 - xtick_h - xlabel_h - pad};
  if (a.plot.x1 < a.plot.x0 + 10) a.plot.x1 = a.plot.x0 + 10;
  if (a.plot.y1 < a.plot.y0 + 10) a.plot.y1 = a.plot.y0 + 10;

  if (!spec.title.empty()) {
    // A title wider than the figure (a narrow panel at presentation scale) drops its last words for "…".
    std::string title = spec.title, kept = spec.title;
    const float room = outer.width() - 2 * pad;
    while (c.text_size(title, title_style).x > room) {
      const std::size_t cut = kept.find_last_of(' ');
      if (cut == std::string::npos || cut == 0) break;
      kept.resize(cut);
      while (!kept.empty() && (kept.back() == ',' || kept.back() == ':' || kept.back() == ' ')) kept.pop_back();
      title = kept + " …";
    }
    c.text({outer.x0 + pad, outer.y0 + pad}, title, title_style);
  }
  c.fill_rect(a.plot, t.plot_bg);

  const Stroke grid{t.grid, t.px(t.grid_width)};
  const Stroke axis{t.axis, t.px(1)};
  // y grid and labels
  for (double v : yt.values) {
    const float y = a.px_y(v);
    c.line({a.plot.x0, y}, {a.plot.x1, y}, grid);
    c.text({a.plot.x0 - pad, y}, tick_label(v, yt.step), {tick_style.size, t.text_dim, Align::end, Align::center});
  }
  // x: categories (when they fit) or numeric ticks
  bool drew_categories = false;
  if (!spec.x_categories.empty()) {
    const float slot = a.plot.width() / static_cast<float>(std::max(1.0, a.x.hi - a.x.lo));
    auto widest_of = [&](const std::vector<std::string>& names) {
      float w = 0;
      for (const auto& s : names) w = std::max(w, c.text_size(s, tick_style).x);
      return w;
    };
    const std::vector<std::string>* names = &spec.x_categories;
    float widest = widest_of(*names);
    if (widest + pad > slot && spec.x_categories_short.size() == names->size()) {
      names = &spec.x_categories_short;
      widest = widest_of(*names);
    }
    const auto n = static_cast<int>(names->size());
    if (widest > 0) {
      const int every = std::max(1, static_cast<int>(std::ceil((widest + pad) / std::max(1.0f, slot))));
      for (int i = 0; i < n; i += every) {
        if (i < a.x.lo || i > a.x.hi) continue;
        c.text({a.px_x(i), a.plot.y1 + pad * 0.6f}, (*names)[static_cast<std::size_t>(i)],
               {tick_style.size, t.text_dim, Align::center, Align::start});
      }
      drew_categories = true;
    }
  }
  if (!drew_categories) {
    const Ticks xt = nice_ticks(a.x.lo, a.x.hi, std::max(2, static_cast<int>(a.plot.width() / t.px(80))));
    for (double v : xt.values) {
      const float x = a.px_x(v);
      if (spec.x_categories.empty()) c.line({x, a.plot.y0}, {x, a.plot.y1}, grid);
      c.line({x, a.plot.y1}, {x, a.plot.y1 + t.px(4)}, axis);
      c.text({x, a.plot.y1 + pad * 0.6f}, tick_label(v, xt.step), {tick_style.size, t.text_dim, Align::center});
    }
  }
  if (spec.y_zero_line && a.y.lo < 0 && a.y.hi > 0)
    c.line({a.plot.x0, a.px_y(0)}, {a.plot.x1, a.px_y(0)}, {t.axis, t.px(1.2f)});
  c.line({a.plot.x0, a.plot.y1}, {a.plot.x1, a.plot.y1}, axis);
  c.line({a.plot.x0, a.plot.y0}, {a.plot.x0, a.plot.y1}, axis);

  if (!spec.x_label.empty())
    c.text({(a.plot.x0 + a.plot.x1) / 2, outer.y1 - pad}, spec.x_label,
           {label_style.size, t.text_dim, Align::center, Align::end});
  if (!spec.y_label.empty())  // horizontal, above the axis: no rotated text in the Canvas interface
    c.text({outer.x0 + pad, a.plot.y0 - spec.top_reserve - pad * 0.3f}, spec.y_label,
           {label_style.size, t.text_dim, Align::start, Align::end});
  if (axes_observer) axes_observer(spec.title, a.plot);
  return a;
}

namespace {

// Calls f(begin, end) for every maximal run of indices where all ys are finite.
template <class F>
void finite_runs(std::size_t n, std::span<const double> y1, std::span<const double> y2, F f) {
  std::size_t i = 0;
  auto ok = [&](std::size_t k) { return std::isfinite(y1[k]) && (y2.empty() || std::isfinite(y2[k])); };
  while (i < n) {
    while (i < n && !ok(i)) ++i;
    std::size_t j = i;
    while (j < n && ok(j)) ++j;
    if (j > i) f(i, j);
    i = j;
  }
}

// Clamps far-off-screen pixel values so that huge data never overflows the rasteriser.
float clamp_px(float v, float lo, float hi) {
  const float span = hi - lo;
  return std::clamp(v, lo - 4 * span, hi + 4 * span);
}

}  // namespace

void plot_line(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, const Stroke& s) {
  const std::size_t n = std::min(x.size(), y.size());
  c.push_clip(a.plot);
  std::vector<Vec2> pts;
  finite_runs(n, y, {}, [&](std::size_t i, std::size_t j) {
    pts.clear();
    for (std::size_t k = i; k < j; ++k)
      pts.push_back({a.px_x(x[k]), clamp_px(a.px_y(y[k]), a.plot.y0, a.plot.y1)});
    if (pts.size() == 1) pts.push_back({pts[0].x + 0.5f, pts[0].y});
    c.polyline(pts, s);
  });
  c.pop_clip();
}

void plot_fill_between(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y1,
                       std::span<const double> y2, Color col) {
  const std::size_t n = std::min({x.size(), y1.size(), y2.size()});
  c.push_clip(a.plot);
  std::vector<Vec2> top, bot;
  auto flush = [&] {
    if (top.size() >= 2) c.fill_between(top, bot, col);
    top.clear();
    bot.clear();
  };
  auto add = [&](double xv, double a1, double a2) {
    const float px = a.px_x(xv);
    top.push_back({px, clamp_px(a.px_y(std::max(a1, a2)), a.plot.y0, a.plot.y1)});
    bot.push_back({px, clamp_px(a.px_y(std::min(a1, a2)), a.plot.y0, a.plot.y1)});
  };
  // Split at crossings so that every emitted band has top above bottom throughout.
  finite_runs(n, y1, y2, [&](std::size_t i, std::size_t j) {
    for (std::size_t k = i; k < j; ++k) {
      if (k > i) {
        const double d0 = y1[k - 1] - y2[k - 1], d1 = y1[k] - y2[k];
        if ((d0 > 0 && d1 < 0) || (d0 < 0 && d1 > 0)) {
          const double t = d0 / (d0 - d1);
          const double xc = x[k - 1] + t * (x[k] - x[k - 1]);
          const double yc = y1[k - 1] + t * (y1[k] - y1[k - 1]);
          add(xc, yc, yc);
          flush();
          add(xc, yc, yc);
        }
      }
      add(x[k], y1[k], y2[k]);
    }
    flush();
  });
  c.pop_clip();
}

void plot_fill_to_zero(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, Color col) {
  std::vector<double> zero(y.size(), 0.0);
  for (std::size_t i = 0; i < y.size(); ++i)
    if (!std::isfinite(y[i])) zero[i] = y[i];  // keep the gap
  plot_fill_between(c, a, x, y, zero, col);
}

void plot_fill_signed(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, Color pos,
                      Color neg) {
  std::vector<double> up(y.begin(), y.end()), down(y.begin(), y.end());
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (!std::isfinite(y[i])) continue;
    up[i] = std::max(0.0, y[i]);
    down[i] = std::min(0.0, y[i]);
  }
  // Keep the exact crossing: interpolate zeros into both series by filling against 0 in each.
  plot_fill_to_zero(c, a, x, up, pos);
  plot_fill_to_zero(c, a, x, down, neg);
}

void plot_bars(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, double width,
               double offset, Color fill, const Stroke& outline) {
  const std::size_t n = std::min(x.size(), y.size());
  c.push_clip(a.plot);
  const float base = std::clamp(a.px_y(0), a.plot.y0, a.plot.y1);
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(y[i])) continue;
    float x0 = a.px_x(x[i] + offset - width / 2), x1 = a.px_x(x[i] + offset + width / 2);
    float yv = clamp_px(a.px_y(y[i]), a.plot.y0, a.plot.y1);
    Rect r{x0, std::min(base, yv), std::max(x0 + 1, x1), std::max(base, yv)};
    c.fill_rect(r, fill);
    if (outline.width > 0 && r.height() > 0.5f) c.stroke_rect(r, outline);
  }
  c.pop_clip();
}

void plot_stems(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, const Stroke& s,
                float r) {
  const std::size_t n = std::min(x.size(), y.size());
  c.push_clip(a.plot);
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(y[i])) continue;
    const Vec2 top = a.px(x[i], y[i]);
    c.line({top.x, a.px_y(0)}, top, s);
    if (r > 0) c.circle(top, r, s.color);
  }
  c.pop_clip();
}

void plot_markers(Canvas& c, const Axes& a, std::span<const double> x, std::span<const double> y, float radius,
                  Color col) {
  const std::size_t n = std::min(x.size(), y.size());
  c.push_clip(a.plot);
  for (std::size_t i = 0; i < n; ++i)
    if (std::isfinite(y[i])) c.circle(a.px(x[i], y[i]), radius, col);
  c.pop_clip();
}

int plot_infinities(Canvas& c, const Axes& a, const Theme& t, std::span<const double> x, std::span<const double> y,
                    Color col) {
  const std::size_t n = std::min(x.size(), y.size());
  int count = 0;
  const Stroke s{col, t.px(1.5f), Dash::dashed};
  const float zero = std::clamp(a.px_y(0), a.plot.y0, a.plot.y1);
  c.push_clip(a.plot);
  // One mark per run of consecutive samples that are ∞ of one sign and dense on screen: a single
  // arrow with "∞" for a narrow run, a shaded band with one arrow and one "∞" at its middle for a
  // wide one (never a fence of dashed arrows).
  for (std::size_t i = 0; i < n;) {
    if (!std::isinf(y[i])) {
      ++i;
      continue;
    }
    const bool up = y[i] > 0;
    std::size_t j = i;
    // A run is of samples dense on screen (a sampled curve); bars a bin apart keep an arrow each.
    while (j + 1 < n && std::isinf(y[j + 1]) && (y[j + 1] > 0) == up &&
           std::abs(a.px_x(x[j + 1]) - a.px_x(x[j])) < t.px(12))
      ++j;
    count += static_cast<int>(j - i + 1);
    // The run covers its samples and half the spacing to the finite neighbours on either side.
    const double half_lo = i > 0 ? 0.5 * (x[i] - x[i - 1]) : (j > i ? 0.5 * (x[i + 1] - x[i]) : 0.0);
    const double half_hi = j + 1 < n ? 0.5 * (x[j + 1] - x[j]) : (j > i ? 0.5 * (x[j] - x[j - 1]) : 0.0);
    float x0 = a.px_x(x[i] - half_lo), x1 = a.px_x(x[j] + half_hi);
    if (x0 > x1) std::swap(x0, x1);
    const float tip = up ? a.plot.y0 + t.px(3) : a.plot.y1 - t.px(3);
    const bool band = j > i && x1 - x0 > t.px(8);
    float px = a.px_x(0.5 * (x[i] + x[j]));
    if (band) {
      c.fill_rect({x0, std::min(zero, tip), x1, std::max(zero, tip)}, col.with_alpha(0.16f));
      px = 0.5f * (x0 + x1);
    }
    i = j + 1;
    if (px < a.plot.x0 - 1 || px > a.plot.x1 + 1) {
      if (!band) continue;
      px = std::clamp(px, a.plot.x0 + t.px(8), a.plot.x1 - t.px(8));  // a band partly in view: its mark in view
    }
    c.line({px, zero}, {px, tip}, s);
    const float h = t.px(7) * (up ? 1 : -1);
    const Vec2 tri[3] = {{px, tip}, {px - t.px(5), tip + h}, {px + t.px(5), tip + h}};
    c.fill_polygon(tri, col);
    c.text({px + t.px(7), tip + (up ? t.px(2) : -t.px(2))}, "∞",
           {t.font(1.1f), col, Align::start, up ? Align::start : Align::end, Weight::bold});
  }
  c.pop_clip();
  return count;
}

void draw_readout(Canvas& c, const Theme& t, const Axes& a, float px, std::span<const std::string> lines,
                  std::span<const Color> colors) {
  if (px < a.plot.x0 || px > a.plot.x1 || lines.empty()) return;
  c.line({px, a.plot.y0}, {px, a.plot.y1}, {t.text_dim.with_alpha(0.7f), t.px(1), Dash::dotted});
  const TextStyle ts{t.font(0.85f), t.text, Align::start, Align::start};
  const float pad = t.px(6), row = ts.size * 1.3f;
  float w = 0;
  for (const auto& l : lines) w = std::max(w, c.text_size(l, ts).x);
  w += 2 * pad;
  const float h = row * static_cast<float>(lines.size()) + pad;
  float x0 = px + t.px(10);
  if (x0 + w > a.plot.x1) x0 = px - t.px(10) - w;
  const Rect box{x0, a.plot.y0 + t.px(4), x0 + w, a.plot.y0 + t.px(4) + h};
  c.fill_rect(box, t.background.with_alpha(0.92f));
  c.stroke_rect(box, {t.axis, t.px(1)});
  for (std::size_t i = 0; i < lines.size(); ++i)
    c.text({box.x0 + pad, box.y0 + pad / 2 + row * static_cast<float>(i)}, lines[i],
           {ts.size, i < colors.size() ? colors[i] : t.text});
}

void draw_legend(Canvas& c, const Theme& t, const Axes& a, std::span<const LegendEntry> entries, Corner corner) {
  if (entries.empty()) return;
  const TextStyle ts{t.font(0.85f), t.text, Align::start, Align::center};
  const float pad = t.px(6), swatch = t.px(22), row = ts.size * 1.35f;
  float w = 0;
  for (const auto& e : entries) w = std::max(w, c.text_size(e.label, ts).x);
  w += swatch + 3 * pad;
  const float h = row * static_cast<float>(entries.size()) + pad;
  const float x0 = corner == Corner::top_right ? a.plot.x1 - w - pad : a.plot.x0 + pad;
  const Rect box{x0, a.plot.y0 + pad, x0 + w, a.plot.y0 + pad + h};
  c.fill_rect(box, t.background.with_alpha(0.85f));
  c.stroke_rect(box, {t.grid, t.px(1)});
  float y = box.y0 + pad / 2 + row / 2;
  for (const auto& e : entries) {
    const float sx = box.x0 + pad;
    if (e.filled)
      c.fill_rect({sx, y - row * 0.3f, sx + swatch, y + row * 0.3f}, e.color);
    else
      c.line({sx, y}, {sx + swatch, y}, {e.color, t.px(t.line_width), e.dash});
    c.text({sx + swatch + pad, y}, e.label, ts);
    y += row;
  }
}

}  // namespace divlab::plot

namespace divlab::plot {

namespace {
constexpr float kLegendFont = 0.82f;

// text split at spaces into lines no wider than width (a single word may be wider).
std::vector<std::string> wrap_words(Canvas& c, const TextStyle& ts, std::string_view text, float width) {
  std::vector<std::string> lines{""};
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t word = text.find_first_not_of(' ', i);
    if (word == std::string_view::npos) break;
    const std::size_t end = std::min(text.find(' ', word), text.size());
    std::string candidate = lines.back() + std::string(text.substr(i, end - i));
    if (!lines.back().empty() && c.text_size(candidate, ts).x > width)
      lines.emplace_back(text.substr(word, end - word));
    else
      lines.back() = std::move(candidate);
    i = end;
  }
  return lines;
}

// Calls f(entry, text, x, y, swatch) for each piece of the legend laid out in rows of `width`;
// returns {widest row, total height}. An entry wider than `width` takes a row of its own, and wraps
// its label under itself only beyond `max_width`.
template <class F>
Vec2 layout_legend_rows(Canvas& c, const Theme& t, std::span<const LegendEntry> entries, float width,
                        float max_width, F f) {
  if (entries.empty()) return {0, 0};
  const TextStyle ts{t.font(kLegendFont), t.text};
  const float swatch = t.px(18), gap = t.px(5), sep = t.px(16), row = ts.size * 1.4f;
  max_width = std::max(width, max_width);
  float x = 0, y = 0, widest = 0;
  for (const auto& e : entries) {
    const float w = swatch + gap + c.text_size(e.label, ts).x;
    if (x > 0 && x + w > width) x = 0, y += row;
    if (w <= max_width) {
      f(e, e.label, x, y + row / 2, true);
      widest = std::max(widest, x + w);
      x += w + sep;
      if (w > width) x = width;  // a row of its own
      continue;
    }
    const auto lines = wrap_words(c, ts, e.label, max_width - swatch - gap);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      f(e, lines[k], 0.0f, y + row * (static_cast<float>(k) + 0.5f), k == 0);
      widest = std::max(widest, swatch + gap + c.text_size(lines[k], ts).x);
    }
    y += row * static_cast<float>(lines.size() - 1);
    x = width;  // the next entry starts a new row
  }
  return {widest, y + row};
}
}  // namespace

Vec2 legend_rows_size(Canvas& c, const Theme& t, std::span<const LegendEntry> entries, float width, float max_width) {
  return layout_legend_rows(c, t, entries, width, max_width,
                            [](const LegendEntry&, const std::string&, float, float, bool) {});
}

float legend_rows_height(Canvas& c, const Theme& t, std::span<const LegendEntry> entries, float width) {
  return legend_rows_size(c, t, entries, width, width).y;
}

void draw_legend_rows(Canvas& c, const Theme& t, Rect band, std::span<const LegendEntry> entries, float max_width) {
  const TextStyle ts{t.font(kLegendFont), t.text, Align::start, Align::center};
  const float swatch = t.px(18), gap = t.px(5);
  layout_legend_rows(c, t, entries, band.width(), max_width,
                     [&](const LegendEntry& e, const std::string& text, float x, float y, bool with_swatch) {
                       const float sx = band.x0 + x, sy = band.y0 + y;
                       if (with_swatch && e.filled)
                         c.fill_rect({sx, sy - ts.size * 0.3f, sx + swatch, sy + ts.size * 0.3f}, e.color);
                       else if (with_swatch)
                         c.line({sx, sy}, {sx + swatch, sy}, {e.color, t.px(t.line_width), e.dash});
                       c.text({sx + swatch + gap, sy}, text, ts);
                     });
}

}  // namespace divlab::plot

#include "figures/figures_fit.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <tuple>

#include "divlab/distributions/distribution.hpp"
#include "divlab/fit/fit_plan.hpp"
#include "figures/figures.hpp"

namespace divlab::plot {

namespace {

constexpr Color rgb(int hex) {
  return {((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f, 1.0f};
}

double finite_max(std::span<const double> v, double m = 0) {
  for (double x : v)
    if (std::isfinite(x)) m = std::max(m, x);
  return m;
}

double param(const std::vector<std::pair<std::string, double>>& named, const char* key, double fallback) {
  for (const auto& [k, v] : named)
    if (k == key) return v;
  return fallback;
}

void marker_ring(Canvas& c, Vec2 p, float r, Color fill, Color ring) {
  c.circle(p, r + 1.5f, ring);
  c.circle(p, r, fill);
}

void diamond(Canvas& c, Vec2 p, float r, Color fill, Color ring) {
  const Vec2 outer[4] = {{p.x, p.y - r - 2}, {p.x + r + 2, p.y}, {p.x, p.y + r + 2}, {p.x - r - 2, p.y}};
  const Vec2 inner[4] = {{p.x, p.y - r}, {p.x + r, p.y}, {p.x, p.y + r}, {p.x - r, p.y}};
  c.fill_polygon(outer, ring);
  c.fill_polygon(inner, fill);
}

// A line with a dark outline so it reads on any part of the colour map.
void outlined_path(Canvas& c, std::span<const Vec2> pts, Color col, float w) {
  if (pts.size() < 2) return;
  c.polyline(pts, {Color{0, 0, 0, 0.85f}, w + 2.5f});
  c.polyline(pts, {col, w});
}

// Text wrapped at spaces to max_width, lines going down from pos (h-aligned by style). Returns the
// height used.
float wrapped_text(Canvas& c, Vec2 pos, const std::string& text, const TextStyle& style, float max_width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i <= text.size()) {
    const std::size_t j = std::min(text.find(' ', i), text.size());
    const std::string word = text.substr(i, j - i);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && c.text_size(candidate, style).x > max_width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    i = j + 1;
  }
  if (!line.empty()) lines.push_back(line);
  const float lh = style.size * 1.25f;
  for (std::size_t k = 0; k < lines.size(); ++k) c.text({pos.x, pos.y + lh * static_cast<float>(k)}, lines[k], style);
  return lh * static_cast<float>(lines.size());
}

}  // namespace

// [SECTION] colour map

const std::array<std::array<float, 3>, kColormapStops>& colormap_table() {
  // viridis(10): #440154 #482878 #3E4A89 #31688E #26828E #1F9E89 #35B779 #6DCD59 #B4DE2C #FDE725
  static constexpr std::array<int, kColormapStops> hex = {0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e,
                                                          0x1f9e89, 0x35b779, 0x6dcd59, 0xb4de2c, 0xfde725};
  static const std::array<std::array<float, 3>, kColormapStops> table = [] {
    std::array<std::array<float, 3>, kColormapStops> t{};
    for (int i = 0; i < kColormapStops; ++i) {
      const Color c = rgb(hex[static_cast<std::size_t>(i)]);
      t[static_cast<std::size_t>(i)] = {c.r, c.g, c.b};
    }
    return t;
  }();
  return table;
}

Color colormap(float t) {
  const auto& tab = colormap_table();
  if (!(t >= 0)) t = 0;  // NaN too
  t = std::min(t, 1.0f);
  const float x = t * (kColormapStops - 1);
  const int i = std::min(static_cast<int>(std::floor(x)), kColormapStops - 2);
  const float f = x - static_cast<float>(i);
  const auto& a = tab[static_cast<std::size_t>(i)];
  const auto& b = tab[static_cast<std::size_t>(i + 1)];
  return {a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f, 1.0f};
}

Color infinite_cell_color() { return {0.55f, 0.55f, 0.58f, 1.0f}; }

float landscape_level(float value, float vmin, float vmax) {
  if (!std::isfinite(value)) return -1.0f;
  const double span = std::max(0.0, static_cast<double>(vmax) - vmin);
  if (span <= 0) return 0.0f;
  const double t = std::log1p(std::max(0.0, static_cast<double>(value) - vmin)) / std::log1p(span);
  return static_cast<float>(std::clamp(t, 0.0, 1.0));
}

std::vector<float> landscape_levels(const Landscape& l) {
  std::vector<float> out(l.values.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = landscape_level(l.values[i], l.min, l.max);
  return out;
}

// [SECTION] fit figure data

Color fwd_color(const Theme& t) { return t.q; }
Color rev_color(const Theme& t) {
  return std::string_view(t.name) == to_name(ThemeId::dark) ? rgb(0xe07be0) : rgb(0xaa1f8a);
}

FitFigureData fit_figure_data(const FitProblem& forward, std::span<const double> theta_fwd,
                              std::span<const double> theta_rev, std::span<const double> start_theta,
                              Range x_window, int samples) {
  FitFigureData d;
  const FitTarget& target = forward.target();
  d.discrete = target.discrete;
  const ModelSpec spec = forward.model();
  d.has_start_handles = spec.kind == ModelKind::normal || spec.kind == ModelKind::discretised_normal ||
                        (spec.kind == ModelKind::normal_mixture && spec.components == 1);
  const auto named = forward.named_parameters(start_theta);
  d.start_mean = param(named, "mean", param(named, "mean1", 0));
  d.start_sd = param(named, "sd", param(named, "sd1", 1));
  if (d.discrete) {
    d.p = normalised(target.mass);
    d.x = target.x;
    if (d.x.size() != d.p.size()) {
      d.x.resize(d.p.size());
      for (std::size_t i = 0; i < d.x.size(); ++i) d.x[i] = static_cast<double>(i);
    }
    d.q_fwd = forward.model_masses(theta_fwd);
    d.q_rev = forward.model_masses(theta_rev);
    d.q_start = forward.model_masses(start_theta);
    return d;
  }
  samples = std::max(samples, 2);
  d.x.resize(static_cast<std::size_t>(samples));
  for (int i = 0; i < samples; ++i)
    d.x[static_cast<std::size_t>(i)] = x_window.lo + (x_window.hi - x_window.lo) * i / (samples - 1);
  auto sample = [&](const Mixture& m) {
    std::vector<double> y(d.x.size());
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = pdf(m, d.x[i]);
    return y;
  };
  d.p = sample(target.mixture);
  d.q_fwd = sample(forward.model_mixture(theta_fwd));
  d.q_rev = sample(forward.model_mixture(theta_rev));
  d.q_start = sample(forward.model_mixture(start_theta));
  return d;
}

// [SECTION] the overlay

namespace {

double start_peak_height(const FitFigureData& d) {
  if (d.discrete) return finite_max(d.q_start);
  return 1.0 / (std::max(d.start_sd, 1e-9) * std::sqrt(2 * std::numbers::pi));
}

}  // namespace

Vec2 start_peak_px(const Axes& a, const FitFigureData& d) {
  return a.px(d.start_mean, std::min(start_peak_height(d), a.y.hi));
}
Vec2 start_shoulder_px(const Axes& a, const FitFigureData& d) {
  return a.px(d.start_mean + d.start_sd, std::min(start_peak_height(d) * std::exp(-0.5), a.y.hi));
}

Axes figure_fit(Canvas& c, const Theme& t, Rect r, const FitFigureData& d, std::optional<Range> y) {
  const Color cf = fwd_color(t), cr = rev_color(t);
  AxesSpec spec;
  spec.title = "P and the two fits: forward KL covers, reverse KL seeks";
  spec.x = d.x.empty() ? Range{0, 1} : Range{d.x.front(), d.x.back()};
  if (d.discrete) spec.x = {spec.x.lo - 0.6, spec.x.hi + 0.6};
  const double top = std::max({finite_max(d.p), finite_max(d.q_fwd), finite_max(d.q_rev), finite_max(d.q_start)});
  spec.y = y.value_or(Range{0, std::max(top, 1e-6) * 1.12});
  spec.x_label = d.discrete ? "x (support)" : "x";
  spec.y_label = d.discrete ? "probability" : "density";
  const std::vector<LegendEntry> legend{{"P (target)", t.p, Dash::solid, true},
                                        {"Q fwd: min D(P‖Q) = " + format_value(d.value_fwd), cf},
                                        {"Q rev: min D(Q‖P) = " + format_value(d.value_rev), cr},
                                        {"start", t.text_dim, Dash::dashed}};
  spec.top_reserve = legend_rows_height(c, t, legend, r.width() - t.px(80)) + t.px(4);
  const Axes a = draw_axes(c, t, r, spec);
  draw_legend_rows(c, t, {a.plot.x0, a.plot.y0 - spec.top_reserve, a.plot.x1, a.plot.y0 - t.px(2)}, legend);

  c.push_clip(a.plot);
  const float lw = t.px(t.line_width * 1.3f);
  if (d.discrete) {
    double gap = 1;
    for (std::size_t i = 1; i < d.x.size(); ++i) gap = std::min(gap, std::abs(d.x[i] - d.x[i - 1]));
    plot_bars(c, a, d.x, d.p, gap * 0.7, 0, t.p.with_alpha(0.45f), {t.p, t.px(1.2f)});
    for (const auto& q : d.q_multi) plot_line(c, a, d.x, q, {cr.with_alpha(0.3f), t.px(1.2f)});
    plot_line(c, a, d.x, d.q_start, {t.text_dim, t.px(1.5f), Dash::dashed});
    plot_line(c, a, d.x, d.q_fwd, {cf, lw});
    plot_markers(c, a, d.x, d.q_fwd, t.px(4), cf);
    plot_line(c, a, d.x, d.q_rev, {cr, lw});
    plot_markers(c, a, d.x, d.q_rev, t.px(4), cr);
  } else {
    plot_fill_to_zero(c, a, d.x, d.p, t.p.with_alpha(t.fill_alpha));
    plot_line(c, a, d.x, d.p, {t.p, t.px(1.5f)});
    for (const auto& q : d.q_multi) plot_line(c, a, d.x, q, {cr.with_alpha(0.3f), t.px(1.2f)});
    plot_line(c, a, d.x, d.q_start, {t.text_dim, t.px(1.5f), Dash::dashed});
    plot_line(c, a, d.x, d.q_fwd, {cf, lw});
    plot_line(c, a, d.x, d.q_rev, {cr, lw});
  }
  // The true optima: ▲ under the curves at their means (forward above, reverse below).
  auto tri = [&](double mean, float yb, Color col) {
    const float x = a.px_x(mean), s = t.px(9);
    const Vec2 outer[3] = {{x, yb - s - 2}, {x + s * 0.8f + 2, yb + 1}, {x - s * 0.8f - 2, yb + 1}};
    const Vec2 inner[3] = {{x, yb - s}, {x + s * 0.8f, yb}, {x - s * 0.8f, yb}};
    c.fill_polygon(outer, t.background);
    c.fill_polygon(inner, col);
  };
  for (double m : d.optimum_means_fwd) tri(m, a.plot.y1 - t.px(14), cf);
  for (double m : d.optimum_means_rev) tri(m, a.plot.y1 - t.px(2), cr);
  if (d.has_start_handles) {
    marker_ring(c, start_peak_px(a, d), t.px(5.5f), t.background, t.text);
    marker_ring(c, start_shoulder_px(a, d), t.px(4.5f), t.background, t.text_dim);
  }
  // An infinite objective says why (never a NaN, never a silent blank).
  float why_y = a.plot.y0 + t.px(6);
  const TextStyle why_style{t.font(0.9f), t.infinite, Align::start, Align::start, Weight::bold};
  for (const auto& [v, why, name] : {std::tuple{d.value_fwd, &d.why_fwd, "D(P‖Q)"}, std::tuple{d.value_rev, &d.why_rev, "D(Q‖P)"}})
    if (std::isinf(v) && !why->empty()) {
      why_y += wrapped_text(c, {a.plot.x0 + t.px(8), why_y}, std::string(name) + " = ∞: " + *why, why_style,
                            a.plot.width() - t.px(16));
    }
  c.pop_clip();
  if (!d.optimum_means_fwd.empty() || !d.optimum_means_rev.empty())
    c.text({a.plot.x1 - t.px(4), a.plot.y1 - t.px(22)}, "▲ true optima", {t.font(0.8f), t.text_dim, Align::end, Align::end});
  return a;
}

Axes figure_fit_loss(Canvas& c, const Theme& t, Rect r, const FitTrace& fwd, const FitTrace& rev) {
  AxesSpec spec;
  spec.title = "Objective vs step";
  spec.x_label = "step";
  spec.y_label = "nats";
  const double last = std::max(fwd.steps.empty() ? 0.0 : fwd.steps.back(), rev.steps.empty() ? 0.0 : rev.steps.back());
  spec.x = {0, std::max(10.0, last)};
  double lo = 0, hi = std::max(finite_max(fwd.values), finite_max(rev.values));
  spec.y = fix_range({lo, hi > 0 ? hi * 1.08 : 1});
  const std::vector<LegendEntry> legend{{"D(P‖Q) forward", fwd_color(t)}, {"D(Q‖P) reverse", rev_color(t)}};
  const Axes a = draw_axes(c, t, r, spec);
  c.push_clip(a.plot);
  plot_line(c, a, fwd.steps, fwd.values, {fwd_color(t), t.px(2)});
  plot_line(c, a, rev.steps, rev.values, {rev_color(t), t.px(2)});
  c.pop_clip();
  draw_legend(c, t, a, legend);
  return a;
}

// [SECTION] landscapes

Axes landscape_axes(Canvas& c, const Theme& t, Rect r, const LandscapeFigure& f) {
  AxesSpec spec;
  spec.title = f.title;
  spec.x_label = "mean μ";
  spec.y_label = "log σ";
  spec.y_zero_line = false;
  if (f.landscape) {
    spec.x = {f.landscape->range.mean_lo, f.landscape->range.mean_hi};
    spec.y = {f.landscape->range.log_sd_lo, f.landscape->range.log_sd_hi};
  }
  c.fill_rect(r, t.background);  // the colour bar's strip too
  r.x1 -= t.px(58);              // the colour bar
  return draw_axes(c, t, r, spec);
}

void landscape_cells(Canvas& c, const Axes& a, const LandscapeFigure& f) {
  const Landscape* l = f.landscape;
  if (!l || l->width < 2 || l->height < 2 || f.levels.size() != l->values.size()) return;
  const int w = l->width, h = l->height;
  const double dx = (l->range.mean_hi - l->range.mean_lo) / (w - 1);
  const double dy = (l->range.log_sd_hi - l->range.log_sd_lo) / (h - 1);
  auto level = [&](int row, int col) { return f.levels[static_cast<std::size_t>(row) * w + col]; };
  c.push_clip(a.plot);
  for (int row = 0; row < h; ++row) {
    const float y0 = a.px_y(l->log_sd_at(row) + dy / 2), y1 = a.px_y(l->log_sd_at(row) - dy / 2);
    for (int col = 0; col < w; ++col) {
      const float v = level(row, col);
      const float x0 = a.px_x(l->mean_at(col) - dx / 2), x1 = a.px_x(l->mean_at(col) + dx / 2);
      c.fill_rect({x0, y0, x1 + 0.5f, y1 + 0.5f}, v < 0 ? infinite_cell_color() : colormap(v));  // +½ px: no seams
    }
  }
  // Iso-lines at level k / kContourLevels by marching squares between grid points. Black at alpha
  // kContourDarken over a colour gives colour·(1 − kContourDarken): the shader's darkening.
  const Stroke iso{{0, 0, 0, kContourDarken}, 1.2f};
  for (int row = 0; row + 1 < h; ++row)
    for (int col = 0; col + 1 < w; ++col) {
      const float v[4] = {level(row, col), level(row, col + 1), level(row + 1, col + 1), level(row + 1, col)};
      if (v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0) continue;
      const double gx[4] = {0, 1, 1, 0}, gy[4] = {0, 0, 1, 1};  // corners in cell units
      const float lo = std::min({v[0], v[1], v[2], v[3]}) * kContourLevels;
      const float hi = std::max({v[0], v[1], v[2], v[3]}) * kContourLevels;
      for (float k = std::ceil(lo); k <= hi; k += 1) {
        const float iso_t = k / kContourLevels;
        Vec2 pts[4];
        int n = 0;
        for (int e = 0; e < 4; ++e) {
          const int e2 = (e + 1) % 4;
          if ((v[e] < iso_t) == (v[e2] < iso_t)) continue;
          const double u = (iso_t - v[e]) / (v[e2] - v[e]);
          const double cx = col + gx[e] + u * (gx[e2] - gx[e]), cy = row + gy[e] + u * (gy[e2] - gy[e]);
          pts[n++] = a.px(l->range.mean_lo + cx * dx, l->range.log_sd_lo + cy * dy);
        }
        if (n >= 2) c.line(pts[0], pts[1], iso);
        if (n == 4) c.line(pts[2], pts[3], iso);
      }
    }
  c.pop_clip();
}

void landscape_overlay(Canvas& c, const Theme& t, const Axes& a, const LandscapeFigure& f) {
  const Landscape* l = f.landscape;
  c.stroke_rect(a.plot, {t.axis, t.px(1)});
  c.push_clip(a.plot);
  auto path_px = [&](const FitTrace& tr) {
    std::vector<Vec2> pts;
    pts.reserve(tr.means.size());
    for (std::size_t i = 0; i < tr.means.size() && i < tr.log_sds.size(); ++i)
      if (std::isfinite(tr.means[i]) && std::isfinite(tr.log_sds[i])) pts.push_back(a.px(tr.means[i], tr.log_sds[i]));
    return pts;
  };
  const Color white{1, 1, 1, 1}, black{0, 0, 0, 1};
  for (const FitTrace* m : f.multi) {
    const auto pts = path_px(*m);
    if (pts.empty()) continue;
    c.polyline(pts, {white.with_alpha(0.75f), t.px(1.3f)});
    c.circle(pts.front(), t.px(2.5f), white.with_alpha(0.8f));
    marker_ring(c, pts.back(), t.px(3.5f), f.path_color, black);
  }
  if (f.trace) {
    const auto pts = path_px(*f.trace);
    outlined_path(c, pts, f.path_color, t.px(2.5f));
    if (!pts.empty()) marker_ring(c, pts.back(), t.px(5), f.path_color, white);
  }
  if (f.start) marker_ring(c, a.px(f.start->first, std::log(f.start->second)), t.px(5), white, black);
  const TextStyle label{t.font(0.8f), white, Align::start, Align::end, Weight::bold};
  for (const LocalMinimum& m : f.minima) {
    const Vec2 p = a.px(m.mean, std::log(m.sd));
    c.circle(p, t.px(8), black);
    c.circle(p, t.px(6.5f), white);
    c.circle(p, t.px(3.5f), black);
    const std::string s = format_value(m.value, 3);
    const Vec2 ts = c.text_size(s, label);
    c.fill_rect({p.x + t.px(8), p.y - t.px(8) - ts.y, p.x + t.px(12) + ts.x, p.y - t.px(6)}, black.with_alpha(0.6f));
    c.text({p.x + t.px(10), p.y - t.px(7)}, s, label);
  }
  if (f.closed_form) diamond(c, a.px(f.closed_form->first, std::log(f.closed_form->second)), t.px(6), white, black);
  c.pop_clip();

  bool any_finite = false;
  for (float v : f.levels) any_finite = any_finite || v >= 0;
  if (!any_finite) {  // ∞ everywhere: say why instead of a meaningless colour bar
    const TextStyle big{t.font(1.1f), white, Align::center, Align::center, Weight::bold};
    const float cx = (a.plot.x0 + a.plot.x1) / 2, cy = (a.plot.y0 + a.plot.y1) / 2;
    c.text({cx, cy - t.font(1.5f)}, "∞ everywhere", big);
    if (!f.why_infinite.empty())
      wrapped_text(c, {cx, cy}, f.why_infinite, {t.font(0.85f), white, Align::center, Align::start},
                   a.plot.width() - t.px(24));
    return;
  }
  // Colour bar on the right: the level → value mapping (log-scaled), min at the bottom.
  if (!l || !(l->max >= l->min)) return;
  const float bx0 = a.plot.x1 + t.px(10), bx1 = bx0 + t.px(14);
  const int n = 48;
  for (int i = 0; i < n; ++i) {
    const float y0 = a.plot.y1 - a.plot.height() * (i + 1) / n, y1 = a.plot.y1 - a.plot.height() * i / n;
    c.fill_rect({bx0, y0, bx1, y1 + 0.5f}, colormap((i + 0.5f) / n));
  }
  c.stroke_rect({bx0, a.plot.y0, bx1, a.plot.y1}, {t.axis, t.px(1)});
  const TextStyle small{t.font(0.75f), t.text_dim, Align::start, Align::center};
  const double span = static_cast<double>(l->max) - l->min;
  for (float lv : {0.0f, 0.25f, 0.5f, 0.75f, 1.0f}) {
    const double v = l->min + std::expm1(lv * std::log1p(span));  // inverse of landscape_level
    c.text({bx1 + t.px(3), a.plot.y1 - a.plot.height() * lv}, format_value(v, 2), small);
  }
}

Axes figure_landscape(Canvas& c, const Theme& t, Rect r, const LandscapeFigure& f) {
  const Axes a = landscape_axes(c, t, r, f);
  landscape_cells(c, a, f);
  landscape_overlay(c, t, a, f);
  return a;
}

std::vector<LocalMinimum> interior_minima(std::vector<LocalMinimum> minima, const LandscapeRange& r, double plateau) {
  const double em = 0.01 * (r.mean_hi - r.mean_lo), es = 0.01 * (r.log_sd_hi - r.log_sd_lo);
  std::erase_if(minima, [&](const LocalMinimum& m) {
    const double s = std::log(m.sd);
    const bool on_plateau = std::isfinite(plateau) && m.value >= plateau - 1e-6 * (1 + std::abs(plateau));
    return on_plateau ||
           !(m.mean > r.mean_lo + em && m.mean < r.mean_hi - em && s > r.log_sd_lo + es && s < r.log_sd_hi - es);
  });
  return minima;
}

// [SECTION] whole figures from a scenario

bool is_fit_figure(std::string_view name) {
  return name == "fit" || name == "fit_overlay" || name == "fit_loss" || name == "landscape" ||
         name == "landscape_forward" || name == "landscape_reverse";
}

namespace {

FitTrace trace_of(const Fitter& f) {
  FitTrace t;
  t.theta.assign(f.theta().begin(), f.theta().end());
  t.value = f.value();
  for (const FitPoint& p : f.trajectory()) {
    t.steps.push_back(p.step);
    t.values.push_back(std::isfinite(p.value) ? p.value : NAN);
    if (p.theta.size() == 2) {
      t.means.push_back(p.theta[0]);
      t.log_sds.push_back(p.theta[1]);
    }
  }
  return t;
}

}  // namespace

LandscapeFigure landscape_figure(bool forward, const Theme& t, const Landscape* landscape,
                                 std::span<const float> levels, const FitTrace* trace,
                                 std::span<const LocalMinimum> minima, std::string why_infinite,
                                 std::string_view title_note) {
  LandscapeFigure f;
  f.landscape = landscape;
  f.levels = levels;
  f.title = std::string(forward ? "Forward D(P‖Q) over (μ, log σ)" : "Reverse D(Q‖P) over (μ, log σ)") +
            std::string(title_note);
  f.path_color = forward ? fwd_color(t) : rev_color(t);
  f.trace = trace;
  f.minima = minima;
  f.why_infinite = std::move(why_infinite);
  return f;
}

std::optional<FitFigureRuns> run_fit_figure(const Scenario& s, std::string* error) {
  auto plan = [&](FitObjective o) {
    FitPlanError e;
    std::optional<FitPlan> p = plan_fit(s, {.objective = o}, &e);
    if (!p && error) *error = (e.key.empty() ? "" : fit_plan_place(e) + ": ") + e.what;
    return p;
  };
  std::optional<FitPlan> fwd = plan(FitObjective::forward_kl);
  std::optional<FitPlan> rev = fwd ? plan(FitObjective::reverse_kl) : std::nullopt;
  if (!fwd || !rev) return std::nullopt;
  Fitter fitted_fwd = fwd->run(true), fitted_rev = rev->run(true);
  return FitFigureRuns{std::move(*fwd), std::move(*rev), std::move(fitted_fwd), std::move(fitted_rev)};
}

LandscapeFigure landscape_figure_of(const FitScreen& f, bool forward, const Theme& t) {
  LandscapeFigure l = landscape_figure(forward, t, forward ? f.landscape_fwd : f.landscape_rev,
                                       forward ? f.levels_fwd : f.levels_rev,
                                       f.paths ? (forward ? f.fwd : f.rev) : nullptr,
                                       forward ? f.minima_fwd : f.minima_rev, forward ? f.why_fwd : f.why_rev, f.note);
  if (f.paths) l.multi = forward ? f.multi_fwd : f.multi_rev;
  if (forward) l.closed_form = f.closed_form;
  l.start = f.start;
  return l;
}

bool draw_fit_screen(std::string_view name, Canvas& c, const Theme& t, Rect r, const FitScreen& f) {
  const float gap = t.px(12);
  const FitTrace none;
  const FitTrace& tf = f.fwd ? *f.fwd : none;
  const FitTrace& tr = f.rev ? *f.rev : none;
  if (name == "fit_overlay") return figure_fit(c, t, r, f.overlay), true;
  if (name == "fit_loss") return figure_fit_loss(c, t, r, tf, tr), true;
  if (name == "fit") {
    const float split = r.x0 + std::round(r.width() * 0.64f);
    figure_fit(c, t, {r.x0, r.y0, split - gap / 2, r.y1}, f.overlay);
    figure_fit_loss(c, t, {split + gap / 2, r.y0, r.x1, r.y1}, tf, tr);
    return true;
  }
  const bool fwd = name == "landscape" || name == "landscape_forward";
  const bool rev = name == "landscape" || name == "landscape_reverse";
  if (!fwd && !rev) return false;
  const auto figure = [&](bool forward) { return landscape_figure_of(f, forward, t); };
  const auto ready = [](const Landscape* l) { return l && l->width > 0; };
  if (fwd && rev) {
    if (!ready(f.landscape_fwd) || !ready(f.landscape_rev)) return false;
    const float split = r.x0 + std::round(r.width() / 2);
    figure_landscape(c, t, {r.x0, r.y0, split - gap / 2, r.y1}, figure(true));
    figure_landscape(c, t, {split + gap / 2, r.y0, r.x1, r.y1}, figure(false));
    return true;
  }
  if (!ready(fwd ? f.landscape_fwd : f.landscape_rev)) return false;
  figure_landscape(c, t, r, figure(fwd));
  return true;
}

bool draw_fit_figure(std::string_view name, Canvas& c, const Theme& t, Rect r, const Scenario& s, std::string* error) {
  if (!is_fit_figure(name)) return false;
  const std::optional<FitFigureRuns> runs = run_fit_figure(s, error);
  if (!runs) return false;
  const FitPlan &pf = runs->fwd, &pr = runs->rev;
  const FitTrace tf = trace_of(runs->fitted_fwd), tr = trace_of(runs->fitted_rev);
  // The landscapes show the two-parameter model: the fitted one, or a single Gaussian beside a mixture.
  const FitTarget& target = pf.problem.target();
  const bool two_parameter = pf.problem.parameter_count() == 2;
  const auto land_problem = [&](const FitPlan& p) {
    return two_parameter ? p.problem : *FitProblem::make(target, landscape_model(target), p.objective);
  };
  const FitProblem fwd = land_problem(pf), rev = land_problem(pr);
  const LandscapeRange range = default_landscape_range(target);
  const Landscape lf = landscape(fwd, range, 128, 128), lr = landscape(rev, range, 128, 128);
  const std::vector<LocalMinimum> min_f =
      fwd.infinite() ? std::vector<LocalMinimum>{} : interior_minima(local_minima(fwd, range), range, lf.max);
  const std::vector<LocalMinimum> min_r =
      rev.infinite() ? std::vector<LocalMinimum>{} : interior_minima(local_minima(rev, range), range, lr.max);
  std::optional<std::pair<double, double>> moment;
  if (!target.discrete) moment = moment_matching(target.mixture);

  FitScreen f;
  f.overlay = fit_figure_data(pf.problem, tf.theta, tr.theta, pf.theta0, auto_x_window(s), 401);
  FitFigureData& d = f.overlay;
  d.value_fwd = tf.value;
  d.value_rev = tr.value;
  d.why_fwd = pf.problem.why_infinite();
  d.why_rev = pr.problem.why_infinite();
  if (two_parameter) {  // the true optima of the single Gaussian (a mixture's are not marked)
    if (moment) d.optimum_means_fwd.push_back(moment->first);
    else if (!min_f.empty()) d.optimum_means_fwd.push_back(min_f.front().mean);
    for (const LocalMinimum& m : min_r) d.optimum_means_rev.push_back(m.mean);
  }
  f.fwd = &tf;
  f.rev = &tr;
  const std::vector<float> vf = landscape_levels(lf), vr = landscape_levels(lr);
  f.landscape_fwd = &lf;
  f.landscape_rev = &lr;
  f.levels_fwd = vf;
  f.levels_rev = vr;
  f.minima_fwd = min_f;
  f.minima_rev = min_r;
  f.why_fwd = fwd.why_infinite();
  f.why_rev = rev.why_infinite();
  f.note = two_parameter ? "" : " (single Gaussian)";
  f.closed_form = moment;
  f.start = std::make_pair(pf.start_mean, pf.start_sd);
  if (!draw_fit_screen(name, c, t, r, f)) {
    if (error) *error = "no landscape to draw";
    return false;
  }
  return true;
}

}  // namespace divlab::plot

// The sculpting plot. Discrete: press on a bar and drag to set its probability (the others keep
// their ratios); drag across bars to paint a shape. Mixtures: drag a component's peak (mean and
// weight) or its shoulder (width).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "labs/divergence/panels.hpp"

namespace divlab::gui {

namespace {

using Mode = SculptState::Mode;

int clamp_bin(double x, int n) { return std::clamp(static_cast<int>(std::lround(x)), 0, n - 1); }

// [SECTION] discrete

void discrete_interaction(DivergenceLab& lab, const PlotArea& area, const plot::Axes& a) {
  Document& d = lab.doc;
  SculptState& st = lab.sculpt;
  const int n = d.bins();
  const double bx = a.data_x(area.mouse.x);
  const int bin = clamp_bin(bx, n);
  const double h = std::clamp(a.data_y(area.mouse.y), 0.0, 1.0);
  const float bar_px = a.plot.width() / static_cast<float>(a.x.hi - a.x.lo) * 0.4f;

  if (area.clicked && a.plot.contains({area.mouse.x, area.mouse.y})) {
    // Left half of a bin is P's bar, right half Q's; thin bars follow the edit target.
    st.which = bar_px >= 6 ? (bx < bin ? Which::p : Which::q) : lab.tools.target;
    lab.tools.target = st.which;
    st.mode = Mode::bar;
    st.bin = bin;
    st.last_h = h;
    d.begin_gesture();
    d.set_probability(st.which, bin, h);
  } else if (area.active && (st.mode == Mode::bar || st.mode == Mode::paint)) {
    if (st.mode == Mode::bar && bin == st.bin) {
      d.set_probability(st.which, bin, h);
    } else if (bin != st.bin || st.mode == Mode::paint) {
      st.mode = Mode::paint;  // crossing into another bar paints the shape under the cursor path
      d.paint(st.which, st.bin, st.last_h, bin, h);
      st.bin = bin;
    }
    st.last_h = h;
  }
  if (!area.active && (st.mode == Mode::bar || st.mode == Mode::paint)) {
    if (st.mode == Mode::paint) d.normalise(st.which);
    d.end_gesture();
    st.mode = Mode::none;
  }
}

// [SECTION] mixtures

struct Handle {
  Which which;
  int component;
  bool peak;  // else shoulder
  plot::Vec2 px;
};

double mode_of(const Component& c) { return c.family == Family::uniform ? 0.5 * (c.low + c.high) : c.mean; }
double shoulder_of(const Component& c) { return c.family == Family::uniform ? c.high : c.mean + c.scale; }

std::vector<Handle> mixture_handles(const DivergenceLab& lab, const plot::Axes& a) {
  std::vector<Handle> hs;
  for (Which w : {Which::p, Which::q}) {
    const Mixture& m = lab.doc.mixture(w);
    double total = 0;
    for (const auto& c : m.components) total += c.weight;
    for (int i = 0; i < static_cast<int>(m.components.size()); ++i) {
      const Component& c = m.components[static_cast<std::size_t>(i)];
      if (!(total > 0)) continue;
      const double pi = c.weight / total;
      const double xm = mode_of(c), xs = shoulder_of(c);
      const double ys = c.family == Family::uniform ? pi * pdf(c, xm) : pi * pdf(c, xs);
      hs.push_back({w, i, true, a.px(xm, pi * pdf(c, xm))});
      hs.push_back({w, i, false, a.px(xs, ys)});
    }
  }
  return hs;
}

int nearest_handle(const std::vector<Handle>& hs, ImVec2 m, float radius) {
  int best = -1;
  float best_d = radius * radius;
  for (int i = 0; i < static_cast<int>(hs.size()); ++i) {
    const float dx = hs[static_cast<std::size_t>(i)].px.x - m.x, dy = hs[static_cast<std::size_t>(i)].px.y - m.y;
    const float dd = dx * dx + dy * dy;
    // Prefer the edit target's handles on ties (P and Q may coincide after Copy P → Q).
    if (dd < best_d || (dd <= best_d + 1e-3f && best >= 0 && hs[static_cast<std::size_t>(best)].which != hs[static_cast<std::size_t>(i)].which)) {
      best = i;
      best_d = dd;
    }
  }
  return best;
}

void drag_peak(Document& d, Which w, int i, double x, double y) {
  const Mixture& m = d.mixture(w);
  Component c = m.components[static_cast<std::size_t>(i)];
  const double dx = x - mode_of(c);
  c.mean += dx;
  c.low += dx;
  c.high += dx;
  double others = 0;
  for (int j = 0; j < static_cast<int>(m.components.size()); ++j)
    if (j != i) others += m.components[static_cast<std::size_t>(j)].weight;
  y = std::max(y, 1e-6);
  const double peak = pdf(c, mode_of(c));
  if (others > 0) {
    // The component's peak height is π·f(mode): solve for its share π, others keep their ratios.
    const double pi = std::clamp(y / peak, 0.02, 0.98);
    c.weight = pi / (1 - pi) * others;
  } else {
    // A lone component has weight 1: its height sets the width instead (f(mode) ∝ 1/scale).
    const double f = std::clamp(peak / y, 0.2, 5.0);
    c.scale *= f;
    const double mid = 0.5 * (c.low + c.high), half = 0.5 * (c.high - c.low) * f;
    c.low = mid - half;
    c.high = mid + half;
  }
  d.set_component(w, i, c);
}

void drag_shoulder(Document& d, Which w, int i, double x, double min_width) {
  Component c = d.mixture(w).components[static_cast<std::size_t>(i)];
  if (c.family == Family::uniform)
    c.high = std::max(x, c.low + min_width);
  else
    c.scale = std::max(std::abs(x - c.mean), min_width);
  d.set_component(w, i, c);
}

void mixture_interaction(DivergenceLab& lab, const plot::Theme& t, ImGuiCanvas& canvas, const PlotArea& area,
                         const plot::Axes& a) {
  Document& d = lab.doc;
  SculptState& st = lab.sculpt;
  // Each weighted component as a thin line, so the handles sit on something visible.
  std::vector<double> xs(181), ys(181);
  for (std::size_t k = 0; k < xs.size(); ++k) xs[k] = a.x.lo + (a.x.hi - a.x.lo) * static_cast<double>(k) / 180.0;
  for (Which w : {Which::p, Which::q}) {
    const Mixture& m = d.mixture(w);
    if (m.components.size() < 2) continue;
    double total = 0;
    for (const auto& c : m.components) total += c.weight;
    for (const auto& c : m.components) {
      for (std::size_t k = 0; k < xs.size(); ++k) ys[k] = c.weight / total * pdf(c, xs[k]);
      plot::plot_line(canvas, a, xs, ys, {(w == Which::p ? t.p : t.q).with_alpha(0.55f), t.px(1), plot::Dash::dotted});
    }
  }

  const auto hs = mixture_handles(lab, a);
  const float radius = t.px(12);
  const int hover = area.hovered ? nearest_handle(hs, area.mouse, radius) : -1;
  if (area.clicked && hover >= 0) {
    const Handle& h = hs[static_cast<std::size_t>(hover)];
    st.mode = h.peak ? Mode::peak : Mode::shoulder;
    st.which = h.which;
    st.component = h.component;
    lab.tools.target = h.which;
    d.begin_gesture();
  }
  const bool dragging = st.mode == Mode::peak || st.mode == Mode::shoulder;
  if (dragging && area.active) {
    const double x = a.data_x(area.mouse.x), y = a.data_y(area.mouse.y);
    if (st.component < static_cast<int>(d.mixture(st.which).components.size())) {
      if (st.mode == Mode::peak)
        drag_peak(d, st.which, st.component, x, y);
      else
        drag_shoulder(d, st.which, st.component, x, 0.005 * (a.x.hi - a.x.lo));
    }
  } else if (dragging) {
    d.end_gesture();
    st.mode = Mode::none;
  }
  if (hover >= 0 && !dragging) {  // say what the handle does, with its component's parameters
    const Handle& h = hs[static_cast<std::size_t>(hover)];
    const Component& c = d.mixture(h.which).components[static_cast<std::size_t>(h.component)];
    const char* name = h.which == Which::p ? "P" : "Q";
    const std::string params = c.family == Family::uniform
                                   ? "low " + plot::format_value(c.low) + ", high " + plot::format_value(c.high)
                                   : "mean " + plot::format_value(c.mean) + ", scale " + plot::format_value(c.scale) +
                                         (c.family == Family::student_t ? ", df " + plot::format_value(c.df) : "");
    ImGui::SetTooltip("%s component %d: %s (%s)\n%s", name, h.component + 1, std::string(to_name(c.family)).c_str(),
                      params.c_str(),
                      h.peak ? "Drag: left/right moves it, up/down sets its weight." : "Drag left/right: its width.");
  }
  if (hover >= 0 || dragging)
    ImGui::SetMouseCursor(hover >= 0 && !hs[static_cast<std::size_t>(hover)].peak ? ImGuiMouseCursor_ResizeEW
                                                                                  : ImGuiMouseCursor_Hand);
  // Draw the handles last, on top of the curves.
  canvas.push_clip(a.plot);
  for (int i = 0; i < static_cast<int>(hs.size()); ++i) {
    const Handle& h = hs[static_cast<std::size_t>(i)];
    const bool hot = i == hover || (dragging && h.which == st.which && h.component == st.component &&
                                    h.peak == (st.mode == Mode::peak));
    const plot::Color col = h.which == Which::p ? t.p : t.q;
    const float r = t.px(hot ? 7.5f : 5.5f);
    if (h.peak) {
      canvas.circle(h.px, r + t.px(1.5f), t.background);
      canvas.circle(h.px, r, col);
    } else {
      const plot::Vec2 dia[4] = {{h.px.x, h.px.y - r}, {h.px.x + r, h.px.y}, {h.px.x, h.px.y + r}, {h.px.x - r, h.px.y}};
      canvas.fill_polygon(dia, t.background);
      const float k = 0.7f;
      const plot::Vec2 in[4] = {{h.px.x, h.px.y - r * k}, {h.px.x + r * k, h.px.y}, {h.px.x, h.px.y + r * k}, {h.px.x - r * k, h.px.y}};
      canvas.fill_polygon(in, col);
    }
  }
  canvas.pop_clip();
}

// [SECTION] readout

void readout(DivergenceLab& lab, const plot::Theme& t, ImGuiCanvas& canvas, const PlotArea& area, const plot::Axes& a) {
  if (!area.hovered || lab.sculpt.mode != Mode::none || !a.plot.contains({area.mouse.x, area.mouse.y})) return;
  const auto& cv = lab.data.curves;
  const std::string u(base_unit(lab.data.base));
  std::vector<std::string> lines;
  std::vector<plot::Color> cols;
  float px = area.mouse.x;
  if (lab.data.kind == Kind::discrete) {
    if (cv.p.empty()) return;
    const int i = clamp_bin(a.data_x(area.mouse.x), static_cast<int>(cv.p.size()));
    const auto k = static_cast<std::size_t>(i);
    px = a.px_x(i);
    const std::string label = k < lab.data.labels.size() && !lab.data.labels[k].empty() ? "'" + lab.data.labels[k] + "'"
                                                                                         : "bin " + std::to_string(i);
    lines = {label, "P = " + plot::format_value(cv.p[k]), "Q = " + plot::format_value(cv.q[k]),
             "p·log(p/q) = " + plot::format_value(cv.contrib_pq[k]) + " " + u};
    cols = {t.text, t.p, t.q, t.text_dim};
  } else {
    if (cv.x.size() < 2) return;
    const double x = a.data_x(area.mouse.x);
    const double f = (x - cv.x.front()) / (cv.x.back() - cv.x.front()) * static_cast<double>(cv.x.size() - 1);
    const auto k = static_cast<std::size_t>(std::clamp(std::lround(f), 0L, static_cast<long>(cv.x.size() - 1)));
    lines = {"x = " + plot::format_value(x), "p(x) = " + plot::format_value(cv.p[k]),
             "q(x) = " + plot::format_value(cv.q[k])};
    cols = {t.text, t.p, t.q};
  }
  plot::draw_readout(canvas, t, a, px, lines, cols);
}

}  // namespace

void panel_distributions(App& app, DivergenceLab& lab) {
  const plot::Theme t = current_theme(app);
  const PlotArea area = plot_area("##dist");
  ImGuiCanvas canvas = make_canvas(app, area);
  plot::FigureOptions o;
  o.show_m = lab.doc.view().show_m;
  o.title = false;
  o.x = lab.x_view;
  o.y = lab.density_y.current;
  const bool disc = lab.data.kind == Kind::discrete && lab.doc.scenario().kind == Kind::discrete;
  std::vector<double> raw_p, raw_q;
  if (disc && lab.sculpt.mode == Mode::paint) {  // show the painted heights before renormalising
    raw_p = lab.doc.scenario().p_mass;           // (on the axes frozen at the press, as every drag)
    raw_q = lab.doc.scenario().q_mass;
    o.p_bars = raw_p;
    o.q_bars = raw_q;
  }
  plot::Axes a = plot::figure_densities(canvas, t, area.rect, lab.data, o);
  lab.density_axes = a;
  if (disc && area.hovered && a.plot.contains({area.mouse.x, area.mouse.y})) {
    o.highlight_bin = clamp_bin(a.data_x(area.mouse.x), static_cast<int>(lab.data.curves.p.size()));
    canvas.push_clip(a.plot);
    const float x0 = a.px_x(o.highlight_bin - 0.5), x1 = a.px_x(o.highlight_bin + 0.5);
    canvas.fill_rect({x0, a.plot.y0, x1, a.plot.y1}, t.text_dim.with_alpha(0.06f));
    canvas.pop_clip();
  }
  if (disc)
    discrete_interaction(lab, area, a);
  else if (lab.doc.scenario().kind == Kind::continuous)
    mixture_interaction(lab, t, canvas, area, a);
  handle_x_navigation(lab, area, a);
  readout(lab, t, canvas, area, a);
}

}  // namespace divlab::gui

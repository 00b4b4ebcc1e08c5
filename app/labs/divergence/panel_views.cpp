// The derived views: pointwise contributions (where each divergence comes from) and the CDFs (W₁).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "labs/divergence/panels.hpp"

namespace divlab::gui {

namespace {

// Index of the sample (continuous) or bin (discrete) under pixel x, or −1.
long sample_under(const DivergenceLab& lab, const plot::Axes& a, float px) {
  const auto& cv = lab.data.curves;
  if (cv.p.empty()) return -1;
  const double x = a.data_x(px);
  if (lab.data.kind == Kind::discrete) return std::clamp(std::lround(x), 0L, static_cast<long>(cv.p.size()) - 1);
  if (cv.x.size() < 2) return -1;
  const double f = (x - cv.x.front()) / (cv.x.back() - cv.x.front()) * static_cast<double>(cv.x.size() - 1);
  return std::clamp(std::lround(f), 0L, static_cast<long>(cv.x.size()) - 1);
}

std::string where(const DivergenceLab& lab, std::size_t k) {
  if (lab.data.kind == Kind::continuous) return "x = " + plot::format_value(lab.data.curves.x[k]);
  if (k < lab.data.labels.size() && !lab.data.labels[k].empty()) return "'" + lab.data.labels[k] + "'";
  return "bin " + std::to_string(k);
}

}  // namespace

void panel_contributions(App& app, DivergenceLab& lab) {
  const plot::Theme t = current_theme(app);
  const PlotArea area = plot_area("##contrib");
  ImGuiCanvas canvas = make_canvas(app, area);
  plot::FigureOptions o;
  o.title = false;
  o.show_jsd = lab.doc.view().show_jsd;
  o.x = lab.x_view;
  o.y = lab.contrib_y.current;
  const plot::Axes a = plot::figure_contributions(canvas, t, area.rect, lab.data, o);
  handle_x_navigation(lab, area, a);
  if (!area.hovered || !a.plot.contains({area.mouse.x, area.mouse.y})) return;
  const long i = sample_under(lab, a, area.mouse.x);
  if (i < 0) return;
  const auto k = static_cast<std::size_t>(i);
  const auto& cv = lab.data.curves;
  const std::string u(base_unit(lab.data.base));
  const std::vector<std::string> lines{where(lab, k), "p·log(p/q) = " + plot::format_value(cv.contrib_pq[k]),
                                       "q·log(q/p) = " + plot::format_value(cv.contrib_qp[k]),
                                       "JSD integrand = " + plot::format_value(cv.jsd_integrand[k]) + "  (" + u + ")"};
  const std::vector<plot::Color> cols{t.text, t.p, t.q, t.m};
  plot::draw_readout(canvas, t, a, lab.data.kind == Kind::discrete ? a.px_x(static_cast<double>(i)) : area.mouse.x,
                     lines, cols);
}

void panel_cdf(App& app, DivergenceLab& lab) {
  const plot::Theme t = current_theme(app);
  const PlotArea area = plot_area("##cdf");
  ImGuiCanvas canvas = make_canvas(app, area);
  plot::FigureOptions o;
  o.title = false;
  if (lab.data.kind == Kind::continuous) o.x = lab.x_view;
  const plot::Axes a = plot::figure_cdf(canvas, t, area.rect, lab.data, o);
  if (lab.data.kind == Kind::continuous) handle_x_navigation(lab, area, a);
  if (!area.hovered || !a.plot.contains({area.mouse.x, area.mouse.y})) return;
  const auto& cv = lab.data.curves;
  // Discrete CDFs live on the support x, so find F at the cursor's x directly.
  const double x = a.data_x(area.mouse.x);
  double fp = 0, fq = 0;
  if (lab.data.kind == Kind::discrete) {
    for (std::size_t k = 0; k < cv.x.size(); ++k)
      if (cv.x[k] <= x) fp += cv.p[k], fq += cv.q[k];
  } else {
    const long i = sample_under(lab, a, area.mouse.x);
    if (i < 0) return;
    fp = cv.cdf_p[static_cast<std::size_t>(i)];
    fq = cv.cdf_q[static_cast<std::size_t>(i)];
  }
  const std::vector<std::string> lines{"x = " + plot::format_value(x), "F_P = " + plot::format_value(fp),
                                       "F_Q = " + plot::format_value(fq),
                                       "|F_P − F_Q| = " + plot::format_value(std::abs(fp - fq))};
  const std::vector<plot::Color> cols{t.text, t.p, t.q, t.m};
  plot::draw_readout(canvas, t, a, area.mouse.x, lines, cols);
}

}  // namespace divlab::gui

// A strip of chosen metrics over the recent edits (one point per document revision), so a
// lecturer can show what a drag did.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "divlab/measures/quantities.hpp"
#include "labs/divergence/panels.hpp"
#include "widgets/metric_tooltip.hpp"

namespace divlab::gui {

namespace {

// The quantities the strip can show (their symbols, units and values are the registry's), in the
// order of App::history_show.
const std::array<const Quantity*, 6> kSeries{find_quantity("kl_pq"), find_quantity("kl_qp"), find_quantity("jsd"),
                                             find_quantity("wasserstein_1"), find_quantity("total_variation"),
                                             find_quantity("entropy_p")};

}  // namespace

void panel_history(App& app, DivergenceLab& lab) {
  const plot::Theme t = current_theme(app);
  const std::array<plot::Color, 6> colors{t.p, t.q, t.m, t.text_dim, t.negative, t.p.with_alpha(0.5f)};
  const std::array<plot::Dash, 6> dashes{t.p_dash, t.q_dash, plot::Dash::solid, plot::Dash::dashed,
                                         plot::Dash::dotted, plot::Dash::dashed};
  ImGui::BeginGroup();
  // Two columns of checkboxes: the second starts after the widest of the first.
  float col_w = 0;
  for (std::size_t i = 0; i < kSeries.size(); i += 2)
    col_w = std::max(col_w, ImGui::CalcTextSize(std::string(kSeries[i]->symbol).c_str()).x);
  col_w += ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::GetStyle().ItemSpacing.x * 2;
  for (std::size_t i = 0; i < kSeries.size(); ++i) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_imvec4(colors[i].with_alpha(1)));
    ImGui::Checkbox(std::string(kSeries[i]->symbol).c_str(), &lab.history_show[i]);
    ImGui::PopStyleColor();
    metric_tooltip_if_hovered(kSeries[i]->key, lab.data.measures, {.continuous = lab.data.kind == Kind::continuous});
    if (i % 2 == 0) ImGui::SameLine(col_w);
  }
  ImGui::EndGroup();
  ImGui::SameLine();
  const PlotArea area = plot_area("##history");
  ImGuiCanvas canvas = make_canvas(app, area);
  const auto& h = lab.history;
  std::vector<double> xs(h.size());
  for (std::size_t k = 0; k < h.size(); ++k) xs[k] = static_cast<double>(k) - static_cast<double>(h.size() - 1);
  std::vector<std::vector<double>> ys(kSeries.size());
  double lo = 0, hi = 0;
  for (std::size_t i = 0; i < kSeries.size(); ++i)
    if (lab.history_show[i]) ys[i].resize(h.size());
  for (std::size_t k = 0; k < h.size(); ++k) {
    const Measures m = in_base(h[k].m, lab.data.base);  // the history keeps nats
    for (std::size_t i = 0; i < kSeries.size(); ++i) {
      if (!lab.history_show[i]) continue;
      ys[i][k] = m.*kSeries[i]->value;
      if (std::isfinite(ys[i][k])) lo = std::min(lo, ys[i][k]), hi = std::max(hi, ys[i][k]);
    }
  }
  plot::AxesSpec spec;
  spec.x = {std::min(-10.0, xs.empty() ? -10.0 : xs.front()) - 0.5, 0.5};
  spec.y = {lo, hi > lo ? hi * 1.1 : lo + 1};
  spec.x_label = "edits ago";
  const plot::Axes a = plot::draw_axes(canvas, t, area.rect, spec);
  std::vector<plot::LegendEntry> legend;
  for (std::size_t i = 0; i < kSeries.size(); ++i) {
    if (!lab.history_show[i]) continue;
    plot::plot_line(canvas, a, xs, ys[i], {colors[i], t.px(t.line_width * 0.8f), dashes[i]});
    if (!xs.empty()) plot::plot_markers(canvas, a, std::span(xs).last(1), std::span(ys[i]).last(1), t.px(3.5f), colors[i]);
    plot::plot_infinities(canvas, a, t, xs, ys[i], colors[i]);
  }
}

}  // namespace divlab::gui

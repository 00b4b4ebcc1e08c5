// A strip of chosen metrics over the recent edits (one point per document revision), so a
// lecturer can show what a drag did.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "labs/divergence/panels.hpp"

namespace divlab::gui {

namespace {

struct Series {
  const char* label;
  double (*get)(const Measures&);
  bool in_base_units;  // divided by ln b when shown (the others are unitless or in x units)
};

constexpr std::array<Series, 6> kSeries{{
    {"D(P‖Q)", [](const Measures& m) { return m.kl_pq; }, true},
    {"D(Q‖P)", [](const Measures& m) { return m.kl_qp; }, true},
    {"JSD", [](const Measures& m) { return m.jsd; }, true},
    {"W₁", [](const Measures& m) { return m.wasserstein_1; }, false},
    {"TV", [](const Measures& m) { return m.total_variation; }, false},
    {"H(P)", [](const Measures& m) { return m.entropy_p; }, true},
}};

}  // namespace

void panel_history(App& app, DivergenceLab& lab) {
  const plot::Theme t = current_theme(app);
  const std::array<plot::Color, 6> colors{t.p, t.q, t.m, t.text_dim, t.negative, t.p.with_alpha(0.5f)};
  const std::array<plot::Dash, 6> dashes{t.p_dash, t.q_dash, plot::Dash::solid, plot::Dash::dashed,
                                         plot::Dash::dotted, plot::Dash::dashed};
  ImGui::BeginGroup();
  const float col_w = ImGui::GetFontSize() * 6.5f;
  for (std::size_t i = 0; i < kSeries.size(); ++i) {
    ImGui::PushStyleColor(ImGuiCol_Text, to_imvec4(colors[i].with_alpha(1)));
    ImGui::Checkbox(kSeries[i].label, &lab.history_show[i]);
    ImGui::PopStyleColor();
    if (i % 2 == 0) ImGui::SameLine(col_w * 0.5f + ImGui::GetStyle().ItemSpacing.x * 2 + ImGui::GetFontSize() * 1.5f);
  }
  ImGui::EndGroup();
  ImGui::SameLine();
  const PlotArea area = plot_area("##history");
  ImGuiCanvas canvas = make_canvas(app, area);
  const auto& h = lab.history;
  const double scale = ln_base(lab.data.base);
  std::vector<double> xs(h.size());
  for (std::size_t k = 0; k < h.size(); ++k) xs[k] = static_cast<double>(k) - static_cast<double>(h.size() - 1);
  std::vector<std::vector<double>> ys(kSeries.size());
  double lo = 0, hi = 0;
  for (std::size_t i = 0; i < kSeries.size(); ++i) {
    if (!lab.history_show[i]) continue;
    ys[i].resize(h.size());
    for (std::size_t k = 0; k < h.size(); ++k) {
      const double v = kSeries[i].get(h[k].m);
      ys[i][k] = kSeries[i].in_base_units && std::isfinite(v) ? v / scale : v;
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

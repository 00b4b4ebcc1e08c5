// H(P,Q) = H(P) + D(P‖Q) as stacked bars, and PPL(P,Q) = PPL(P)·b^D(P‖Q), with live numbers.
#include "labs/divergence/panels.hpp"

namespace divlab::gui {

void panel_identities(App& app, DivergenceLab& lab) {
  const plot::Theme t = current_theme(app);
  const PlotArea area = plot_area("##identities");
  ImGuiCanvas canvas = make_canvas(app, area);
  plot::FigureOptions o;
  o.title = false;
  plot::figure_identities(canvas, t, area.rect, lab.data, o);
}

}  // namespace divlab::gui

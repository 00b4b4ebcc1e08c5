// The divergence lab: sculpt P and Q and watch every quantity of SPEC §1 and where it comes from.
#pragma once
#include <cstdint>
#include <deque>
#include <vector>

#include "divlab/measures/measures.hpp"
#include "figures/figures.hpp"
#include "shell/lab.hpp"
#include "widgets/autoscale.hpp"
#include "widgets/pq_tools.hpp"

namespace divlab::gui {

// The distributions editor's drag state (see panel_distributions.cpp).
struct SculptState {
  enum class Mode { none, bar, paint, peak, shoulder, pan };
  Mode mode = Mode::none;
  Which which = Which::p;
  int bin = -1;          // bar/paint: last bin touched
  double last_h = 0;     // paint: last height
  int component = -1;    // peak/shoulder
  bool panning = false;      // the right button is held on the plot: pan from the anchor
  float pan_anchor_px = 0;   // where it went down, and the x window then
  plot::Range pan_anchor_range;
  std::vector<double> paint_p, paint_q;  // heights shown while painting
};

// One point of the history strip.
struct HistoryPoint {
  std::uint64_t revision = 0;
  Measures m;  // in nats; converted at draw time
};

class DivergenceLab final : public Lab {
 public:
  DivergenceLab();

  std::string_view id() const override { return "divergence"; }
  std::string_view title() const override { return "Divergences"; }
  std::string_view tooltip() const override { return "Sculpt P and Q: every quantity, and where on the axis it comes from"; }
  bool opens(Kind kind) const override { return kind != Kind::joint; }
  std::filesystem::path preset_folder() const override { return "presets"; }
  void sync() override;
  void draw(App& app, const LabArea& area) override;
  std::span<const std::string_view> figures() const override;
  plot::FigureSource figure_source() const override { return {&doc.scenario(), &data, shown_base()}; }
  void register_actions(ActionRegistry& registry) override;
  void view_menu(App& app) override;
  void menu_bar_items(App& app) override;
  std::string status_hint() const override;
  std::string status_detail() const override;
  void reset_view() override;
  nlohmann::json layout() const override;

  PqTools tools;  // edit target and the tools' settings

  // Derived data, recomputed when the document revision or the x window changes.
  plot::FigureData data;
  std::uint64_t data_revision = ~std::uint64_t{0};
  std::uint64_t data_generation = ~std::uint64_t{0};  // a new document: snap the views
  plot::Range data_window;
  bool x_zoomed = false;  // the user panned/zoomed x (continuous: resample there)
  plot::Range x_view;     // current x window of the x-sharing plots
  std::string error;      // measures that could not be computed (shown by the shell)

  AutoRange density_y, contrib_y;
  plot::Axes density_axes;  // the distributions plot's mapping in the last frame (tests, e2e)
  SculptState sculpt;
  std::deque<HistoryPoint> history;
  bool history_show[6] = {true, true, true, false, false, false};  // KL→, KL←, JSD, W₁, TV, H

  bool show_explain = false;    // the Explain window
  bool show_tools = false;      // the tools sidebar in the compact (presentation) layout
  bool compact_layout = false;  // set by draw
};

}  // namespace divlab::gui

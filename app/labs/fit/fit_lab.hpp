// The fit lab: gradient fits of a model Q_θ to P under forward and reverse KL side by side
// (mass-covering against mode-seeking), their loss curves and objective landscapes.
#pragma once
#include "labs/fit/fit_state.hpp"
#include "shell/lab.hpp"
#include "widgets/pq_tools.hpp"

namespace divlab::gui {

class FitLab final : public Lab {
 public:
  FitLab();

  std::string_view id() const override { return "fit"; }
  std::string_view title() const override { return "Fit"; }
  std::string_view tooltip() const override {
    return "Fit Q_θ to P by gradient descent: forward KL covers the modes, reverse KL seeks one";
  }
  bool opens(Kind kind) const override { return kind != Kind::joint; }
  std::filesystem::path preset_folder() const override { return "presets"; }
  void sync() override;
  void draw(App& app, const LabArea& area) override;
  std::span<const std::string_view> figures() const override;
  // The figures as on screen (the panel's model, start, runs so far and landscapes) once drawn.
  plot::FigureSource figure_source() const override;
  void register_actions(ActionRegistry& registry) override;
  std::string status_hint() const override;
  bool animating() const override { return fit.advancing(); }
  void reset_view() override;
  void menu_bar_items(App& app) override;

  FitPanelState fit;
  bool compact_layout = false;  // little room: the P editor is a sidebar shown on demand
  bool show_tools = false;
  PqTools tools;  // the P editor's settings (the fit lab sculpts its target P)
};

}  // namespace divlab::gui

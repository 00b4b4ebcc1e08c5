#include "labs/fit/fit_lab.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "labs/fit/panel_fit.hpp"
#include "shell/app.hpp"
#include "shell/panel.hpp"

namespace divlab::gui {

namespace {
constexpr std::string_view kFigures[] = {"fit",       "fit_overlay",       "fit_loss",
                                         "landscape", "landscape_forward", "landscape_reverse"};
}  // namespace

FitLab::FitLab() : Lab(default_scenario()) { tools.p_only = true; }

std::span<const std::string_view> FitLab::figures() const { return kFigures; }

plot::FigureSource FitLab::figure_source() const {
  plot::FigureSource s = Lab::figure_source();
  if (fit.screen_ready) s.fit = &fit.screen;
  return s;
}

void FitLab::sync() { update_fit(doc, fit, ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0); }

void FitLab::reset_view() {
  fit.playing = false;
  reset_fit(fit);
}

void FitLab::draw(App& app, const LabArea& area) {
  const float s = ui_scale(app);
  const float W = area.size.x, H = area.size.y;
  // The P editor on the left (the target of the fits), the fits and landscapes beside it; with
  // little room (presentation scale) the editor is a sidebar shown from the menu bar.
  compact_layout = W / s < 1250 || H / s < 600;
  const float left = compact_layout ? (show_tools ? std::min(W * 0.34f, 420 * s) : 0.0f)
                                    : std::clamp(W * 0.2f, std::min(280 * s, W * 0.3f), std::min(400 * s, W * 0.34f));
  if (left > 0) {
    if (begin_panel("Target P###fit_target", area.pos, {left, H})) draw_pq_tools(doc, tools, current_theme(app));
    ImGui::End();
  }
  if (begin_panel("Fit: forward vs reverse KL — mass-covering vs mode-seeking###fit", {area.pos.x + left, area.pos.y},
                  {W - left, H}, ImGuiWindowFlags_NoScrollbar))
    panel_fit(app, doc, fit);
  ImGui::End();
}

void FitLab::menu_bar_items(App&) {
  if (!compact_layout) return;
  ImGui::Separator();
  if (ImGui::Selectable("≡ Target P", show_tools, 0, ImGui::CalcTextSize("≡ Target P"))) show_tools = !show_tools;
}

std::string FitLab::status_hint() const { return fit.playing ? "Fitting (Space pauses)" : "Space plays the fit"; }

void FitLab::register_actions(ActionRegistry& r) {
  const auto self = [this](auto f) {
    return [this, f](App&, const nlohmann::json&) { return f(*this), std::string(); };
  };
  r.add({"fit.play_pause", "Fit", "Play or pause the fit", "fit", {{GLFW_KEY_SPACE}}, false, "",
         self([](FitLab& l) { toggle_play(l.fit); })});
  r.add({"fit.step", "Fit", "One step of the fit", "fit", {{GLFW_KEY_S}}, false, "",
         self([](FitLab& l) { step_fit(l.fit); })});
  r.add({"fit.reset", "Fit", "Reset the fit to its start", "fit", {{GLFW_KEY_R}}, false, "",
         self([](FitLab& l) { l.reset_view(); })});
  r.add({"fit.play", "Fit", "Play the fit (until every run has converged or stopped)", "fit", {}, false, "",
         self([](FitLab& l) { l.fit.playing = true; })});
}

}  // namespace divlab::gui

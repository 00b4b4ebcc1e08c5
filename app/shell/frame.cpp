// [SECTION] data refresh, layout of the panels, keyboard shortcuts.
#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <utility>

#include "shell/actions.hpp"
#include "shell/app.hpp"
#include "labs/divergence/explain_panel.hpp"
#include "shell/export_menu.hpp"
#include "shell/help_overlay.hpp"
#include "shell/keys.hpp"
#include "labs/fit/panel_fit.hpp"
#include "labs/divergence/panels.hpp"
#include "shell/style.hpp"

namespace divlab::gui {

namespace {

constexpr int kSamples = 721;
constexpr std::size_t kHistoryLength = 300;

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;

bool begin_panel(const char* title, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  return ImGui::Begin(title, nullptr, kPanelFlags | extra);
}

}  // namespace

void refresh_data(App& app) {
  const Scenario& s = app.doc.scenario();
  const bool rev_changed = app.doc.revision() != app.data_revision;
  const bool dragging = app.sculpt.mode != SculptState::Mode::none;
  if (app.doc.generation() != app.data_generation) {  // a new document: fresh view, no easing from the old one
    app.data_generation = app.doc.generation();
    app.x_zoomed = false;
    app.density_y.initialised = app.contrib_y.initialised = false;
    app.sculpt = {};
    app.data.curves = {};
  }
  const bool have = !app.data.curves.x.empty();
  plot::Range window;
  if (s.kind == Kind::discrete) {
    window = plot::auto_x_window(s);
    if (!app.x_zoomed) app.x_view = window;
  } else {
    if (app.x_zoomed) window = app.x_view;
    else if (dragging && have && app.data.kind == Kind::continuous) window = app.data_window;  // hold while dragging
    else window = plot::auto_x_window(s);
    if (!app.x_zoomed) app.x_view = window;
  }
  if (!rev_changed && window == app.data_window && have) return;
  try {
    if (rev_changed) {
      app.data.kind = s.kind;
      app.data.base = s.base;
      app.data.labels = s.labels;
      app.data.measures = plot::compute_measures(s);
      app.history.push_back({app.doc.revision(), in_base(app.data.measures, Base::e)});
      while (app.history.size() > kHistoryLength) app.history.pop_front();
    }
    app.data.x_window = window;
    app.data.curves = plot::compute_curves(s, window, kSamples);
  } catch (const std::exception& e) {
    app.error_message = std::string("Could not compute the measures: ") + e.what();
  }
  app.data_revision = app.doc.revision();
  app.data_window = window;
}

bool write_state(const App& app) {
  if (app.state_out.empty()) return false;
  try {
    save_scenario(app.doc.to_scenario(), app.state_out);
    // Beside it, where the distributions plot is, so end-to-end tests can aim the mouse at a bar.
    const plot::Axes& a = app.density_axes;
    const nlohmann::json layout = {{"density_plot", {a.plot.x0, a.plot.y0, a.plot.x1, a.plot.y1}},
                                   {"x_range", {a.x.lo, a.x.hi}},
                                   {"y_range", {a.y.lo, a.y.hi}},
                                   {"target", app.target == Which::p ? "p" : "q"}};
    std::ofstream(app.state_out + ".layout.json") << layout.dump(2) << "\n";
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void handle_shortcuts(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (const auto action = poll_shortcut(io)) run_action(app, *action);  // the table of gui/shortcuts.hpp
  // F9 writes the state to $DIVLAB_STATE_OUT (a test hook, a no-op without it; not a user shortcut).
  if (ImGui::IsKeyPressed(keys::kF9, false)) write_state(app);
}

void draw_frame(App& app, ImVec2 display) {
  const std::string style_key = app.doc.view().theme + "@" + std::to_string(ui_scale(app));
  if (style_key != app.applied_style) {
    apply_style(app);
    app.applied_style = style_key;
  }
  handle_shortcuts(app);
  refresh_data(app);
  const float dt = ImGui::GetIO().DeltaTime;
  const bool holding = app.sculpt.mode != SculptState::Mode::none;
  // While painting, the distributions panel scales to the painted (unnormalised) bars itself.
  if (app.sculpt.mode != SculptState::Mode::paint) app.density_y.update(plot::densities_y_range(app.data), holding, dt);
  plot::FigureOptions contrib_options;
  contrib_options.show_jsd = app.doc.view().show_jsd;
  app.contrib_y.update(plot::contributions_y_range(app.data, contrib_options), holding, dt);

  menu_bar(app);
  const float s = ui_scale(app);
  const float top = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight();
  const float W = std::max(display.x, 200.0f), H = std::max(display.y - top - status_h, 100.0f);
  // Compact layout when the scaled UI would not fit (presentation mode on a 1600×900 projector):
  // the tools become a toggled sidebar and the right column turns into tabs.
  const bool compact = W / s < 1250 || H / s < 680;
  app.compact_layout = compact;
  const float left = compact ? (app.show_tools ? std::min(W * 0.34f, 420 * s) : 0.0f)
                             : std::clamp(W * 0.2f, std::min(300 * s, W * 0.3f), std::min(440 * s, W * 0.34f));
  const float right = compact ? std::round(W * 0.33f)
                              : std::clamp(W * 0.26f, std::min(330 * s, W * 0.32f), std::min(560 * s, W * 0.36f));
  const float cx = left, cw = W - left - right;
  const float h1 = std::round(H * (compact ? 0.56f : 0.46f)), h2 = compact ? H - h1 : std::round(H * 0.34f),
              h3 = H - h1 - h2;
  const float rh1 = std::round(H * 0.6f);
  const bool disc = app.doc.scenario().kind == Kind::discrete;

  // The framebuffer is cleared to the theme background (= WindowBg, ChildBg), so the tiled panels and
  // their children need not paint it again: a full-screen layer less for a software rasteriser to
  // blend. (A transparent colour, not NoBackground, which would drop the panel borders too.)
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  if (left > 0) {
    if (begin_panel("Sculpt P and Q", {0, top}, {left, H})) panel_tools(app);
    ImGui::End();
  }
  const char* dist_title = compact ? "Distributions###dist"
                           : disc  ? "Distributions — drag a bar, or click-drag across bars to paint###dist"
                                   : "Distributions — drag a peak (mean, weight) or a shoulder (width)###dist";
  if (begin_panel(dist_title, {cx, top}, {cw, h1})) {
    panel_distributions(app);
    export_context_menu(app, "densities");
  }
  ImGui::End();
  const float half = std::round(cw * 0.5f);
  if (begin_panel(compact ? "Contributions###contrib" : "Where each divergence comes from###contrib",
                  {cx, top + h1}, {half, h2})) {
    panel_contributions(app);
    export_context_menu(app, "contributions");
  }
  ImGui::End();
  if (begin_panel(compact ? "W₁ and the CDFs###cdf" : "W₁: the area between the CDFs###cdf", {cx + half, top + h1},
                  {cw - half, h2})) {
    panel_cdf(app);
    export_context_menu(app, "cdf");
  }
  ImGui::End();
  if (compact) {
    if (begin_panel("Quantities###metrics", {W - right, top}, {right, H})) {
      if (ImGui::BeginTabBar("right")) {
        if (ImGui::BeginTabItem("Metrics")) {
          panel_metrics(app);
          export_context_menu(app, "metrics");
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Identities")) {
          panel_identities(app);
          export_context_menu(app, "identities");
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("History")) {
          panel_history(app);
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
    }
    ImGui::End();
  } else {
    if (begin_panel("History of the last edits###history", {cx, top + h1 + h2}, {cw, h3})) panel_history(app);
    ImGui::End();
    if (begin_panel("Metrics###metrics", {W - right, top}, {right, rh1})) {
      panel_metrics(app);
      export_context_menu(app, "metrics");
    }
    ImGui::End();
    if (begin_panel("Identities###identities", {W - right, top + rh1}, {right, H - rh1})) {
      panel_identities(app);
      export_context_menu(app, "identities");
    }
    ImGui::End();
  }
  ImGui::PopStyleColor(2);
  status_bar(app, status_h);
  draw_fit_window(app, app.fit, {left, top}, {W - left, H});  // over the plots; the P editor stays usable

  // Dialogs and overlays on top of the panels.
  if (const auto chosen = draw_file_dialog(app.file_dialog)) {
    if (app.file_dialog.mode == FileDialogMode::open)
      open_file(app, chosen->string());
    else
      save_file(app, chosen->string());
  }
  draw_error_dialog(app.file_error);
  if (app.show_explain)
    draw_explain_panel(app.data.measures, {.continuous = app.data.kind == Kind::continuous}, &app.show_explain);
  draw_help_overlay(&app.show_help);
  if (app.confirm_quit) {
    ImGui::OpenPopup("Discard unsaved work?");
    app.confirm_quit = false;
  }
  if (ImGui::BeginPopupModal("Discard unsaved work?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    // Asked before quitting, or before opening a file or preset over unsaved work.
    const bool opening = !app.pending_open.empty();
    ImGui::TextUnformatted("The scenario has changes that are not saved.");
    if (ImGui::Button("Save", {110 * s, 0})) {
      app.pending_open.clear();
      run_action(app, ActionId::save);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(opening ? "Discard and open" : "Discard and quit", {170 * s, 0})) {
      if (opening)
        open_file(app, std::exchange(app.pending_open, {}), /*discard=*/true);
      else
        app.quit_confirmed = app.want_quit = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel", {110 * s, 0})) {
      app.pending_open.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  if (!app.error_message.empty()) ImGui::OpenPopup("Error");
  ImGui::SetNextWindowSize({std::min(W * 0.6f, 640 * s), 0});
  if (ImGui::BeginPopupModal("Error", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextWrapped("%s", app.error_message.c_str());
    ImGui::Spacing();
    if (ImGui::Button("OK", {120 * s, 0})) {
      app.error_message.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace divlab::gui

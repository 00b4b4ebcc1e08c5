// The divergence lab: data sync, the layout of its panels, its actions and menu items.
#include "labs/divergence/divergence_lab.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <exception>

#include "labs/divergence/explain_panel.hpp"
#include "labs/divergence/panels.hpp"
#include "shell/export_menu.hpp"
#include "shell/panel.hpp"

namespace divlab::gui {

namespace {
constexpr int kSamples = 721;
constexpr std::size_t kHistoryLength = 300;
constexpr std::string_view kFigures[] = {"densities", "contributions", "cdf", "metrics", "identities", "dashboard"};
}  // namespace

namespace {
// Whether two measurements show the same quantities in the history strip (∞ equals ∞).
bool same_quantities(const Measures& a, const Measures& b) {
  const auto eq = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  return eq(a.kl_pq, b.kl_pq) && eq(a.kl_qp, b.kl_qp) && eq(a.jsd, b.jsd) && eq(a.wasserstein_1, b.wasserstein_1) &&
         eq(a.total_variation, b.total_variation) && eq(a.hellinger, b.hellinger) && eq(a.entropy_p, b.entropy_p) &&
         eq(a.entropy_q, b.entropy_q);
}
}  // namespace

DivergenceLab::DivergenceLab() : Lab(default_scenario()) {}

std::span<const std::string_view> DivergenceLab::figures() const { return kFigures; }

void DivergenceLab::reset_view() {
  x_zoomed = false;
  density_y.initialised = contrib_y.initialised = false;
}

void DivergenceLab::sync() {
  const Scenario& s = doc.scenario();
  const bool rev_changed = doc.revision() != data_revision || data.base != shown_base();
  const bool dragging = sculpt.mode != SculptState::Mode::none;
  if (doc.generation() != data_generation) {  // a new document: fresh view, no easing from the old one
    data_generation = doc.generation();
    reset_view();
    sculpt = {};
    data.curves = {};
    history.clear();  // the history strip belongs to the document it was drawn for
  }
  const bool have = !data.curves.x.empty();
  plot::Range window;
  if (s.kind == Kind::discrete) {
    window = plot::auto_x_window(s);
    if (!x_zoomed) x_view = window;
  } else {
    if (x_zoomed) window = x_view;
    else if (dragging && have && data.kind == Kind::continuous) window = data_window;  // hold while dragging
    else window = plot::auto_x_window(s);
    if (!x_zoomed) x_view = window;
  }
  if (!rev_changed && window == data_window && have) return;
  try {
    if (rev_changed) {
      data.kind = s.kind;
      data.base = shown_base();
      data.labels = s.labels;
      data.measures = plot::compute_measures(s, data.base);
      // Real changes only: a label, a title or the units leave the quantities (in nats) as they were.
      const Measures nats = in_base(data.measures, Base::e);
      if (history.empty() || !same_quantities(history.back().m, nats)) history.push_back({doc.revision(), nats});
      while (history.size() > kHistoryLength) history.pop_front();
    }
    data.x_window = window;
    data.curves = plot::compute_curves(s, window, kSamples, data.base);
  } catch (const std::exception& e) {
    error = std::string("Could not compute the measures: ") + e.what();
  }
  data_revision = doc.revision();
  data_window = window;
}

void DivergenceLab::draw(App& app, const LabArea& area) {
  sync();
  const float dt = ImGui::GetIO().DeltaTime;
  const bool holding = sculpt.mode != SculptState::Mode::none;
  // While painting, the distributions panel scales to the painted (unnormalised) bars itself.
  if (sculpt.mode != SculptState::Mode::paint) density_y.update(plot::densities_y_range(data), holding, dt);
  plot::FigureOptions contrib_options;
  contrib_options.show_jsd = doc.view().show_jsd;
  contrib_y.update(plot::contributions_y_range(data, contrib_options), holding, dt);

  const float s = ui_scale(app);
  const float top = area.pos.y;
  const float W = area.size.x, H = area.size.y;
  // Compact layout when the scaled UI would not fit (presentation mode on a 1600×900 projector):
  // the tools become a toggled sidebar and the right column turns into tabs.
  const bool compact = W / s < 1250 || H / s < 680;
  compact_layout = compact;
  const float left = compact ? (show_tools ? std::min(W * 0.34f, 420 * s) : 0.0f)
                             : std::clamp(W * 0.2f, std::min(300 * s, W * 0.3f), std::min(440 * s, W * 0.34f));
  float right = compact ? std::round(W * 0.33f)
                        : std::clamp(W * 0.26f, std::min(330 * s, W * 0.32f), std::min(560 * s, W * 0.36f));
  // The tools open beside the plots on a small screen (1280×720 presentation): they take the right
  // column's place rather than squeeze the plots under their legends (docs/layout.md).
  if (compact && left > 0 && (W - left - right) / s < 400) right = 0;
  const float cx = area.pos.x + left, cw = W - left - right;
  // Little height too (presentation mode up to 1920×1080): the contributions and the CDFs share one
  // panel as tabs across the whole width, so each plot keeps its height under its legend
  // (docs/layout.md: every plot at least 100 px × scale).
  const bool stacked = compact && H / s < 560;
  // Least of all (1280×720 presentation): the three plots are tabs of one panel, each at full size.
  const bool single = compact && H / s < 360;
  const float h1 = std::round(H * (stacked ? 0.5f : compact ? 0.56f : 0.46f)),
              h2 = compact ? H - h1 : std::round(H * 0.34f), h3 = H - h1 - h2;
  const float rh1 = std::round(H * 0.6f);
  const float rx = area.pos.x + W - right;
  const bool disc = doc.scenario().kind == Kind::discrete;

  if (left > 0) {
    if (begin_panel("Sculpt P and Q", {area.pos.x, top}, {left, H})) draw_pq_tools(doc, tools, current_theme(app));
    ImGui::End();
  }
  const char* dist_title = compact ? "Distributions###dist"
                           : disc  ? "Distributions — drag a bar, or click-drag across bars to paint###dist"
                                   : "Distributions — drag a peak (mean, weight) or a shoulder (width)###dist";
  if (single) {
    if (begin_panel("##views", {cx, top}, {cw, H}, ImGuiWindowFlags_NoTitleBar)) {
      if (ImGui::BeginTabBar("views")) {
        if (ImGui::BeginTabItem("Distributions")) {
          panel_distributions(app, *this);
          export_context_menu(app, "densities", figure_source());
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Contributions")) {
          panel_contributions(app, *this);
          export_context_menu(app, "contributions", figure_source());
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("W₁ and the CDFs")) {
          panel_cdf(app, *this);
          export_context_menu(app, "cdf", figure_source());
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
    }
    ImGui::End();
  } else {
    if (begin_panel(dist_title, {cx, top}, {cw, h1})) {
      panel_distributions(app, *this);
      export_context_menu(app, "densities", figure_source());
    }
    ImGui::End();
  }
  if (single) {
  } else if (stacked) {
    if (begin_panel("##views", {cx, top + h1}, {cw, h2}, ImGuiWindowFlags_NoTitleBar)) {
      if (ImGui::BeginTabBar("views")) {
        if (ImGui::BeginTabItem("Contributions")) {
          panel_contributions(app, *this);
          export_context_menu(app, "contributions", figure_source());
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("W₁ and the CDFs")) {
          panel_cdf(app, *this);
          export_context_menu(app, "cdf", figure_source());
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
    }
    ImGui::End();
  } else {
    const float half = std::round(cw * 0.5f);
    if (begin_panel(compact ? "Contributions###contrib" : "Where each divergence comes from###contrib",
                    {cx, top + h1}, {half, h2})) {
      panel_contributions(app, *this);
      export_context_menu(app, "contributions", figure_source());
    }
    ImGui::End();
    if (begin_panel(compact ? "W₁ and the CDFs###cdf" : "W₁: the area between the CDFs###cdf", {cx + half, top + h1},
                    {cw - half, h2})) {
      panel_cdf(app, *this);
      export_context_menu(app, "cdf", figure_source());
    }
    ImGui::End();
  }
  if (compact && right > 0) {
    if (begin_panel("Quantities###metrics", {rx, top}, {right, H})) {
      if (ImGui::BeginTabBar("right")) {
        if (ImGui::BeginTabItem("Metrics")) {
          panel_metrics(app, *this);
          export_context_menu(app, "metrics", figure_source());
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Identities")) {
          panel_identities(app, *this);
          export_context_menu(app, "identities", figure_source());
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("History")) {
          panel_history(app, *this);
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
    }
    ImGui::End();
  } else if (!compact) {
    if (begin_panel("History of the last edits###history", {cx, top + h1 + h2}, {cw, h3})) panel_history(app, *this);
    ImGui::End();
    if (begin_panel("Metrics###metrics", {rx, top}, {right, rh1})) {
      panel_metrics(app, *this);
      export_context_menu(app, "metrics", figure_source());
    }
    ImGui::End();
    if (begin_panel("Identities###identities", {rx, top + rh1}, {right, H - rh1})) {
      panel_identities(app, *this);
      export_context_menu(app, "identities", figure_source());
    }
    ImGui::End();
  }
  if (show_explain) draw_explain_panel(data.measures, {.continuous = data.kind == Kind::continuous}, &show_explain);
  if (!error.empty()) app.error_message = std::exchange(error, {});
}

void DivergenceLab::view_menu(App&) {
  ImGui::MenuItem("Show M = ½(P+Q)", "M", &doc.view().show_m);
  ImGui::MenuItem("Show the JSD integrand", nullptr, &doc.view().show_jsd);
  if (ImGui::MenuItem("Reset zoom", "R / double-click", false, x_zoomed)) x_zoomed = false;
  ImGui::MenuItem("Explain panel", nullptr, &show_explain);
}

void DivergenceLab::menu_bar_items(App&) {
  if (!compact_layout) return;  // the tools sidebar is hidden in the compact layout until asked for
  ImGui::Separator();
  if (ImGui::Selectable("≡ Tools", show_tools, 0, ImGui::CalcTextSize("≡ Tools"))) show_tools = !show_tools;
}

std::string DivergenceLab::status_hint() const {
  return tools.target == Which::p ? "Editing P (Tab switches)" : "Editing Q (Tab switches)";
}

std::string DivergenceLab::status_detail() const { return "wheel: zoom x, right-drag: pan, double-click: reset"; }

nlohmann::json DivergenceLab::layout() const {
  const plot::Axes& a = density_axes;
  return {{"density_plot", {a.plot.x0, a.plot.y0, a.plot.x1, a.plot.y1}},
          {"x_range", {a.x.lo, a.x.hi}},
          {"y_range", {a.y.lo, a.y.hi}},
          {"target", tools.target == Which::p ? "p" : "q"}};
}

void DivergenceLab::register_actions(ActionRegistry& r) {
  const auto self = [this](auto f) {
    return [this, f](App&, const nlohmann::json&) { return f(*this), std::string(); };
  };
  r.add({"divergence.toggle_mixture", "View", "Show or hide the mixture M = ½(P + Q)", "divergence",
         {{GLFW_KEY_M}}, false, "", self([](DivergenceLab& l) { l.doc.view().show_m = !l.doc.view().show_m; })});
  r.add({"divergence.reset_view", "View", "Reset the view (zoom and axes)", "divergence", {{GLFW_KEY_R}}, false, "",
         self([](DivergenceLab& l) { l.reset_view(); })});
  r.add({"divergence.explain", "View", "Show or hide the Explain panel", "divergence", {}, false, "",
         self([](DivergenceLab& l) { l.show_explain = !l.show_explain; })});
  r.add({"divergence.switch_target", "Sculpt", "Edit P or Q (the target of the tools)", "divergence",
         {{GLFW_KEY_TAB}}, false, "", self([](DivergenceLab& l) {
           l.tools.target = l.tools.target == Which::p ? Which::q : Which::p;
         })});
  r.add({"divergence.shift", "Sculpt", "Shift the target one bin left / right (discrete)", "divergence",
         {{GLFW_KEY_LEFT, kNone, {{"by", -1}}}, {GLFW_KEY_RIGHT, kNone, {{"by", 1}}}}, false,
         "by: bins to the right (negative: left)", [this](App&, const nlohmann::json& args) {
           std::string error;
           const auto by = int_arg(args, "by", -kMaxBins, kMaxBins, &error);
           if (by) doc.shift(tools.target, *by);  // a no-op on a continuous scenario
           return error;
         }});
  r.add({"divergence.uniform", "Sculpt", "Make the target uniform (discrete)", "divergence", {{GLFW_KEY_U}}, false, "",
         self([](DivergenceLab& l) { l.doc.uniform(l.tools.target); })});
}

}  // namespace divlab::gui

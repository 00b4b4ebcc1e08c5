// [SECTION] problems from the document, stepping, optima; [SECTION] drawing.
#include "labs/fit/panel_fit.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <random>

#include "shell/app.hpp"
#include "shell/export_menu.hpp"
#include "labs/fit/landscape_view.hpp"
#include "labs/divergence/panels.hpp"

namespace divlab::gui {

namespace {

constexpr int kLandscapeGrid = 128;        // cells per axis on screen (export draws its own)
constexpr double kOptimaRefresh = 0.25;    // s between refreshes of optima/landscapes while P changes
constexpr double kStepBudgetMs = 20;       // never spend more than this per frame on stepping

// The panel's settings over the scenario's fit section: FitPlan plans both fits from them.
FitOverrides overrides_of(const FitPanelState& st, FitObjective objective) {
  return {.objective = objective,
          .model = st.model,
          .start = st.start,
          .optimizer = st.optimizer.kind,
          .learning_rate = st.optimizer.learning_rate,
          .max_steps = st.optimizer.max_steps,
          .tolerance = st.optimizer.tolerance};
}

bool two_parameter(const FitProblem& p) { return p.parameter_count() == 2; }

// A start the user chose (a handle, the drag fields, a click on a landscape): its mean and sd.
void set_start(FitPanelState& st, double mean, double sd) {
  st.start["mean"] = st.start_mean = mean;
  st.start["sd"] = st.start_sd = sd;
}

// Appends the fitter's current point to the trace.
void record(FitRun& r) {
  if (!r.fitter) return;
  const Fitter& f = *r.fitter;
  plot::FitTrace& t = r.trace;
  t.theta.assign(f.theta().begin(), f.theta().end());
  t.value = f.value();
  t.steps.push_back(r.steps());
  t.values.push_back(std::isfinite(f.value()) ? f.value() : NAN);  // a gap in the loss curve
  if (two_parameter(f.problem())) {
    t.means.push_back(f.theta()[0]);
    t.log_sds.push_back(f.theta()[1]);
  }
}

void start_run(FitRun& r, const FitPlan& plan) {
  r = FitRun{};
  r.fitter.emplace(plan.fitter());
  record(r);
}

// A new problem for a run in progress (P edited): θ, the optimiser's state and the step count carry on.
void rebuild_run(FitRun& r, const FitProblem& problem) {
  if (!r.fitter) return;
  if (r.fitter->problem().parameter_count() != problem.parameter_count()) {
    r = FitRun{};  // N bins changed under a categorical model: the caller starts over
    return;
  }
  r.fitter->retarget(problem);
  r.trace.value = r.fitter->value();
}

// The multi-start starts: seeded, uniform over the landscape's frame (a little inside it).
std::vector<std::pair<double, double>> random_starts(const FitTarget& target, std::uint64_t seed, int n) {
  const LandscapeRange r = default_landscape_range(target);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> um(r.mean_lo + 0.1 * (r.mean_hi - r.mean_lo),
                                            r.mean_hi - 0.1 * (r.mean_hi - r.mean_lo));
  std::uniform_real_distribution<double> us(r.log_sd_lo + 0.15 * (r.log_sd_hi - r.log_sd_lo),
                                            r.log_sd_hi - 0.15 * (r.log_sd_hi - r.log_sd_lo));
  std::vector<std::pair<double, double>> out;
  for (int i = 0; i < n; ++i) {
    const double m = um(rng);
    out.emplace_back(m, std::exp(us(rng)));
  }
  return out;
}

void refresh_landscapes(FitPanelState& st) {
  if (!st.land_fwd || !st.land_rev) return;
  const LandscapeRange range = default_landscape_range(st.land_fwd->target());
  st.landscape_fwd = landscape(*st.land_fwd, range, kLandscapeGrid, kLandscapeGrid);
  st.landscape_rev = landscape(*st.land_rev, range, kLandscapeGrid, kLandscapeGrid);
  st.levels_fwd = plot::landscape_levels(st.landscape_fwd);
  st.levels_rev = plot::landscape_levels(st.landscape_rev);
  ++st.landscape_generation;
}

// The optima cost several landscapes' worth (Newton-polished multistart): not during a drag of P.
void refresh_minima(FitPanelState& st) {
  st.minima_fwd.clear();
  st.minima_rev.clear();
  st.moment.reset();
  if (!st.land_fwd || !st.land_rev) return;
  const LandscapeRange range = default_landscape_range(st.land_fwd->target());
  if (!st.land_fwd->infinite())
    st.minima_fwd = plot::interior_minima(local_minima(*st.land_fwd, range), range, st.landscape_fwd.max);
  if (!st.land_rev->infinite())
    st.minima_rev = plot::interior_minima(local_minima(*st.land_rev, range), range, st.landscape_rev.max);
  if (!st.land_fwd->target().discrete) st.moment = moment_matching(st.land_fwd->target().mixture);
}

void rebuild_problems(const Scenario& s, FitPanelState& st) {
  st.error.clear();
  FitPlanError e;
  std::optional<FitPlan> fwd = plan_fit(s, overrides_of(st, FitObjective::forward_kl), &e);
  std::optional<FitPlan> rev = fwd ? plan_fit(s, overrides_of(st, FitObjective::reverse_kl), &e) : std::nullopt;
  if (fwd && rev) {
    st.fwd_problem = std::move(fwd->problem);
    st.rev_problem = std::move(rev->problem);
  } else {
    st.error = e.what;
    st.fwd_problem.reset();
    st.rev_problem.reset();
    st.fwd = st.rev = FitRun{};
    st.multi_fwd.clear();
    st.multi_rev.clear();
    st.playing = false;
  }
}

// The landscapes' two-parameter problems depend on P alone (not on the chosen model).
void rebuild_landscape_problems(const Scenario& s, FitPanelState& st) {
  const FitTarget target = fit_target(s);
  const ModelSpec two = landscape_model(target);
  st.land_fwd = FitProblem::make(target, two, FitObjective::forward_kl);
  st.land_rev = st.land_fwd ? FitProblem::make(target, two, FitObjective::reverse_kl) : std::nullopt;
  st.optima_stale = true;
}

}  // namespace

void reset_fit(FitPanelState& st) {
  st.fwd = st.rev = FitRun{};
  st.multi_fwd.clear();
  st.multi_rev.clear();
  st.start_theta.clear();
  if (!st.fwd_problem || !st.rev_problem) return;  // st.error says why
  st.error.clear();
  // The problems are prepared already: the plans only check the start and turn it into θ.
  FitPlanError e;
  const std::optional<FitPlan> fwd = plan_fit(*st.fwd_problem, st.start, st.optimizer, &e);
  const std::optional<FitPlan> rev = fwd ? plan_fit(*st.rev_problem, st.start, st.optimizer, &e) : std::nullopt;
  if (!fwd || !rev) {
    st.error = e.what;
    return;
  }
  st.start_theta = fwd->theta0;
  st.start_mean = fwd->start_mean;
  st.start_sd = fwd->start_sd;
  start_run(st.fwd, *fwd);
  start_run(st.rev, *rev);
  if (!st.multistart) return;
  for (const auto& [m, sd] : random_starts(st.fwd_problem->target(), st.seed, FitPanelState::kMultistarts)) {
    const std::map<std::string, double> start{{"mean", m}, {"sd", sd}};
    const std::optional<FitPlan> f = plan_fit(*st.fwd_problem, start, st.optimizer);
    const std::optional<FitPlan> r = plan_fit(*st.rev_problem, start, st.optimizer);
    if (!f || !r) continue;
    start_run(st.multi_fwd.emplace_back(), *f);
    start_run(st.multi_rev.emplace_back(), *r);
  }
}

void toggle_play(FitPanelState& st) {
  if (!st.playing && st.fwd.done() && st.rev.done()) reset_fit(st);  // play after the end replays
  st.playing = !st.playing;
}

void step_fit(FitPanelState& st) {
  st.playing = false;
  for (FitRun* r : {&st.fwd, &st.rev})
    if (r->fitter && r->fitter->step()) record(*r);
  for (auto* runs : {&st.multi_fwd, &st.multi_rev})
    for (FitRun& r : *runs)
      if (r.fitter && r.fitter->step()) record(r);
}

void update_fit(const Document& doc, FitPanelState& st, double now) {
  const Scenario& s = doc.scenario();
  if (doc.generation() != st.generation) {  // a new document: the settings of its fit section
    st.generation = doc.generation();
    st.playing = false;
    if (const std::optional<FitSettings> f = resolve_fit_settings(s)) {
      st.model = f->model;
      st.start = f->start;
      st.optimizer = f->optimizer;
      st.scenario_objective = f->objective;
    }
    rebuild_problems(s, st);
    rebuild_landscape_problems(s, st);
    st.revision = doc.revision();
    reset_fit(st);
  } else if (doc.revision() != st.revision) {  // P edited: new problems, the fits carry on from θ
    st.revision = doc.revision();
    const bool had = st.fwd.fitter.has_value();
    rebuild_problems(s, st);
    rebuild_landscape_problems(s, st);
    if (!st.fwd_problem) return;
    if (!had) {
      reset_fit(st);
    } else {
      rebuild_run(st.fwd, *st.fwd_problem);
      rebuild_run(st.rev, *st.rev_problem);
      for (auto& r : st.multi_fwd) rebuild_run(r, *st.fwd_problem);
      for (auto& r : st.multi_rev) rebuild_run(r, *st.rev_problem);
      if (!st.fwd.fitter) reset_fit(st);  // the model's size changed (N bins): start over
    }
  }
  if (st.optima_stale && now - st.optima_time >= kOptimaRefresh) {
    refresh_landscapes(st);
    st.optima_stale = false;
    st.minima_stale = true;
    st.optima_time = now;
  }
  if (st.minima_stale && !doc.in_gesture()) {
    refresh_minima(st);
    st.minima_stale = false;
  }
  if (!st.playing || st.drag != FitPanelState::Drag::none) return;
  const auto t0 = std::chrono::steady_clock::now();
  auto advance = [&](FitRun& r) {
    for (int i = 0; i < st.speed && r.fitter && !r.fitter->done(); ++i) {
      r.fitter->step();
      record(r);
    }
  };
  advance(st.fwd);
  advance(st.rev);
  for (auto* runs : {&st.multi_fwd, &st.multi_rev})
    for (FitRun& r : *runs) {
      if (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() > kStepBudgetMs)
        break;
      advance(r);
    }
  // Converged fits stay "playing": they follow P live when it is edited (retarget resumes them).
}

// [SECTION] drawing

namespace {

std::string run_status(const FitRun& r, const FitProblem* p) {
  if (!r.fitter || !p) return "—";
  std::string s;
  for (const auto& [k, v] : p->named_parameters(r.fitter->theta())) {
    if (s.size() > 90) {
      s += " …";
      break;
    }
    s += (s.empty() ? "" : ", ") + k + " " + plot::format_value(v, 3);
  }
  if (r.fitter->converged()) s += "  converged";
  else if (r.fitter->done()) s += "  stopped: " + r.fitter->stop_reason();
  return s;
}

// SameLine when an item `width` px wide (label included) still fits on this line, else a new line:
// the controls wrap instead of running off the window at presentation scale.
void flow(float width, float gap = -1) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float spacing = gap >= 0 ? gap : style.ItemSpacing.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + spacing + width <= right) ImGui::SameLine(0, spacing);
}
float label_w(const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemInnerSpacing.x; }

// `fold`: little height (presentation scale): the settings (speed, random starts, the start, the model
// and the optimiser) move into a popup behind "Settings…", so the plots keep their height.
void controls(App& app, const Document& doc, FitPanelState& st, bool fold) {
  const float s = ui_scale(app);
  const float bw = 84 * s;
  if (ImGui::Button(st.playing ? "Pause###play" : "▶ Play###play", {bw, 0})) toggle_play(st);
  st.play_button = {(ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                    (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2};
  ImGui::SameLine();
  if (ImGui::Button("Step", {bw, 0})) step_fit(st);
  st.step_button = {(ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                    (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2};
  ImGui::SameLine();
  if (ImGui::Button("Reset", {bw, 0})) {
    st.playing = false;
    reset_fit(st);
  }
  st.reset_button = {(ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                     (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2};
  if (fold) {
    flow(label_w("Settings…") + 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::Button("Settings…")) ImGui::OpenPopup("##fit_settings");
    st.settings_button = {(ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                          (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2};
    ImGui::SetNextWindowSize({std::min(ImGui::GetContentRegionAvail().x, 640 * s), 0});
    if (!ImGui::BeginPopup("##fit_settings")) return;
  }
  flow(150 * s + label_w("steps/frame"));
  ImGui::SetNextItemWidth(150 * s);
  ImGui::SliderInt("steps/frame", &st.speed, 1, 200, "%d", ImGuiSliderFlags_Logarithmic);
  bool restart = false, remodel = false;  // start the runs again; and with a new model
  flow(ImGui::GetFrameHeight() + label_w("8 random starts"), 20 * s);
  if (ImGui::Checkbox("8 random starts", &st.multistart)) restart = true;
  if (st.multistart) {
    flow(label_w("reseed") + 8 * s);
    if (ImGui::SmallButton("reseed")) {
      ++st.seed;
      restart = true;
    }
  }
  // The start as two text fields: a single click takes typed numbers ("-0.5" is a mean, not the
  // keys of preset 5: shortcuts stay quiet while a field has focus), committed on Enter, Tab or a
  // click elsewhere.
  flow(150 * s + label_w("start μ, σ"), 20 * s);
  const float fw = (150 * s - ImGui::GetStyle().ItemInnerSpacing.x) / 2;
  if (const auto mean = typed_double("##start_mean", st.start_mean, fw, st.typing)) {
    set_start(st, *mean, st.start_sd);
    restart = true;
  }
  st.start_mean_field = ImGui::GetItemRectMin();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("the start's mean μ (type a number)");
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  if (const auto sd = typed_double("start μ, σ", st.start_sd, fw, st.typing)) {
    set_start(st, st.start_mean, std::max(0.02, *sd));
    restart = true;
  }
  st.start_sd_field = ImGui::GetItemRectMin();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("the start's standard deviation σ (at least 0.02)");

  // Second row: the model and the optimiser.
  const bool disc = doc.scenario().kind == Kind::discrete;
  ImGui::SetNextItemWidth(disc ? 190 * s : 120 * s);
  if (disc) {
    const char* models[] = {"discretised Gaussian", "free categorical"};
    int m = st.model.kind == ModelKind::categorical ? 1 : 0;
    if (ImGui::Combo("model", &m, models, 2)) {
      st.model = {m == 1 ? ModelKind::categorical : ModelKind::discretised_normal, 1};
      remodel = true;
    }
  } else {
    int k = st.model.kind == ModelKind::normal_mixture ? st.model.components : 1;
    if (ImGui::SliderInt("Gaussians K", &k, 1, std::max(4, k))) {
      st.model = k <= 1 ? ModelSpec{ModelKind::normal, 1} : ModelSpec{ModelKind::normal_mixture, k};
      remodel = true;
    }
  }
  flow(label_w("optimiser") + 110 * s, 20 * s);
  ImGui::TextUnformatted("optimiser");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(110 * s);
  if (ImGui::BeginCombo("##optimizer", to_name(st.optimizer.kind).data())) {
    for (const std::string_view name : names<OptimizerKind>()) {
      const OptimizerKind k = *parse_name<OptimizerKind>(name);
      if (ImGui::Selectable(name.data(), k == st.optimizer.kind) && k != st.optimizer.kind) {
        st.optimizer.kind = k;
        restart = true;
      }
    }
    ImGui::EndCombo();
  }
  flow(120 * s + label_w("learning rate"));
  ImGui::SetNextItemWidth(120 * s);
  float lr = static_cast<float>(st.optimizer.learning_rate);
  if (ImGui::SliderFloat("learning rate", &lr, 0.001f, 0.5f, "%.3f", ImGuiSliderFlags_Logarithmic)) {
    st.optimizer.learning_rate = lr;
    restart = true;
  }
  if (remodel) {  // a component's own start (meanK, sdK, weightK) belongs to the mixture it was for
    if (st.model.kind != ModelKind::normal_mixture)
      std::erase_if(st.start, [](const auto& kv) { return kv.first != "mean" && kv.first != "sd"; });
    rebuild_problems(doc.scenario(), st);
  }
  if (remodel || restart) reset_fit(st);
  if (fold) ImGui::EndPopup();
}

// `fold`: little room: each run's details (where it is, converged or not) go into its value's tooltip.
void status_line(App& app, FitPanelState& st, bool fold) {
  const plot::Theme t = current_theme(app);
  if (!st.error.empty()) {
    ImGui::TextColored(to_imvec4(t.infinite), "%s", st.error.c_str());
    return;
  }
  const FitProblem* fp = st.fwd_problem ? &*st.fwd_problem : nullptr;
  const FitProblem* rp = st.rev_problem ? &*st.rev_problem : nullptr;
  // Rounding leaves ±1e-16 at an exact fit: show 0.
  auto shown = [](double v) { return plot::format_value(std::abs(v) < 1e-12 ? 0.0 : v, 5); };
  ImGui::Text("step %d", std::max(st.fwd.steps(), st.rev.steps()));
  const ImVec4 dim = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
  auto piece = [&](const std::string& text, ImVec4 col, float gap) {
    flow(ImGui::CalcTextSize(text.c_str()).x, gap);
    ImGui::TextColored(col, "%s", text.c_str());
  };
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string at -O3.
  auto paren = [](std::string_view a, const std::string& b) {
    std::string out = "(";
    out += a;
    out += b;
    out += ")";
    return out;
  };
  if (st.scenario_objective)  // which of the two the scenario's fit section is about
    piece(paren("scenario: ", std::string(to_name(*st.scenario_objective))), dim, -1);
  const auto details = [&](const FitRun& run, const FitProblem* p) {
    if (!fold) piece(paren("", run_status(run, p)), dim, -1);
    else if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", run_status(run, p).c_str());
  };
  piece("forward D(P‖Q) = " + shown(st.fwd.trace.value), to_imvec4(plot::fwd_color(t)), 24);
  details(st.fwd, fp);
  if (fp && st.model.components > 1 && !fold) ImGui::NewLine();  // mixtures: one line per fit
  piece("reverse D(Q‖P) = " + shown(st.rev.trace.value), to_imvec4(plot::rev_color(t)), 24);
  details(st.rev, rp);
  // Where the multi-start reverse runs have landed so far: a count per local minimum.
  if (!st.multi_rev.empty() && !st.minima_rev.empty() && rp && two_parameter(*rp)) {
    std::string landed = "8 random starts, reverse KL lands at:";
    for (const LocalMinimum& m : st.minima_rev) {
      int n = 0;
      for (const FitRun& r : st.multi_rev)
        if (r.fitter && std::abs(r.fitter->theta()[0] - m.mean) < 0.05 &&
            std::abs(r.fitter->theta()[1] - std::log(m.sd)) < 0.05)
          ++n;
      landed += "  μ = " + plot::format_value(std::abs(m.mean) < 1e-9 ? 0.0 : m.mean, 3) + " ×" + std::to_string(n);
    }
    ImGui::TextDisabled("%s", landed.c_str());
  }
  for (const FitProblem* p : {fp, rp})
    if (p && p->infinite())
      ImGui::TextColored(to_imvec4(t.infinite), "%s = ∞: %s",
                         p->objective() == FitObjective::forward_kl ? "D(P‖Q)" : "D(Q‖P)", p->why_infinite().c_str());
}

// The overlay's data (P, both fits, the start, the multi-start fits and the optima) from the runs.
void compute_overlay(const Document& doc, FitPanelState& st) {
  const Scenario& s = doc.scenario();
  const plot::Range xw = s.kind == Kind::continuous ? plot::auto_x_window(s) : plot::Range{0, 1};
  st.figure = plot::fit_figure_data(*st.fwd_problem, st.fwd.fitter->theta(), st.rev.fitter->theta(), st.start_theta,
                                    xw, 401);
  plot::FitFigureData& d = st.figure;
  d.value_fwd = std::abs(st.fwd.trace.value) < 1e-12 ? 0.0 : st.fwd.trace.value;
  d.value_rev = std::abs(st.rev.trace.value) < 1e-12 ? 0.0 : st.rev.trace.value;
  d.why_fwd = st.fwd_problem->why_infinite();
  d.why_rev = st.rev_problem->why_infinite();
  d.start_mean = st.start_mean;
  d.start_sd = st.start_sd;
  d.has_start_handles = true;
  for (const FitRun& r : st.multi_rev)
    if (r.fitter) {
      if (d.discrete) d.q_multi.push_back(st.rev_problem->model_masses(r.fitter->theta()));
      else {
        const Mixture m = st.rev_problem->model_mixture(r.fitter->theta());
        auto& y = d.q_multi.emplace_back(d.x.size());
        for (std::size_t i = 0; i < y.size(); ++i) y[i] = pdf(m, d.x[i]);
      }
    }
  if (two_parameter(*st.fwd_problem) || st.model.components == 1) {
    if (st.moment) d.optimum_means_fwd.push_back(st.moment->first);
    else if (!st.minima_fwd.empty()) d.optimum_means_fwd.push_back(st.minima_fwd.front().mean);
    for (const LocalMinimum& m : st.minima_rev) d.optimum_means_rev.push_back(m.mean);
  }
}

bool have_fits(const FitPanelState& st) { return st.fwd_problem && st.rev_problem && st.fwd.fitter && st.rev.fitter; }

// The figures as on screen, for export (FitLab::figure_source): the same data the panels draw.
void fill_screen(FitPanelState& st) {
  st.screen_ready = have_fits(st);
  if (!st.screen_ready) return;
  plot::FitScreen& f = st.screen;
  f.overlay = st.figure;
  f.overlay.has_start_handles = false;  // the handles are for the mouse, not for paper
  f.fwd = &st.fwd.trace;
  f.rev = &st.rev.trace;
  f.landscape_fwd = &st.landscape_fwd;
  f.landscape_rev = &st.landscape_rev;
  f.levels_fwd = st.levels_fwd;
  f.levels_rev = st.levels_rev;
  f.minima_fwd = st.minima_fwd;
  f.minima_rev = st.minima_rev;
  f.why_fwd = st.land_fwd ? st.land_fwd->why_infinite() : "";
  f.why_rev = st.land_rev ? st.land_rev->why_infinite() : "";
  f.paths = two_parameter(*st.fwd_problem);
  f.note = f.paths ? "" : " (single Gaussian)";
  f.multi_fwd.clear();
  f.multi_rev.clear();
  if (f.paths) {
    for (const FitRun& r : st.multi_fwd) f.multi_fwd.push_back(&r.trace);
    for (const FitRun& r : st.multi_rev) f.multi_rev.push_back(&r.trace);
  }
  f.closed_form = st.moment;
  f.start = std::make_pair(st.start_mean, st.start_sd);
}

// The overlay plot with the start's handles (drag the peak for the mean, the shoulder for the sd).
void fit_plot(App& app, FitPanelState& st, const plot::Theme& t, float height) {
  const PlotArea area = plot_area("##fitplot", height);
  ImGuiCanvas c = make_canvas(app, area);
  if (!have_fits(st)) {
    c.text({area.rect.x0 + 10, area.rect.y0 + 10}, "No fit: " + st.error, {t.font(), t.text});
    return;
  }
  const plot::FitFigureData& d = st.figure;
  // The y axis holds while a handle is dragged (the fits restart every frame and would rescale it).
  std::optional<plot::Range> y;
  if (st.drag != FitPanelState::Drag::none) y = st.fit_axes.y;
  st.fit_axes = plot::figure_fit(c, t, area.rect, d, y);
  const plot::Axes& a = st.fit_axes;

  // Handles: pick the nearest within reach on press; drag until release.
  const plot::Vec2 peak = plot::start_peak_px(a, d), shoulder = plot::start_shoulder_px(a, d);
  auto dist = [&](plot::Vec2 p) { return std::hypot(area.mouse.x - p.x, area.mouse.y - p.y); };
  const float reach = 14 * t.scale;
  if (area.clicked) {
    if (dist(peak) < reach) st.drag = FitPanelState::Drag::peak;
    else if (dist(shoulder) < reach) st.drag = FitPanelState::Drag::shoulder;
  }
  if (!area.active) st.drag = FitPanelState::Drag::none;
  if (area.hovered && (dist(peak) < reach || dist(shoulder) < reach)) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  if (st.drag != FitPanelState::Drag::none && ImGui::GetIO().MouseDelta.x != 0) {
    const double x = a.data_x(area.mouse.x);
    if (st.drag == FitPanelState::Drag::peak) set_start(st, x, st.start_sd);
    else set_start(st, st.start_mean, std::max(0.02, std::abs(x - st.start_mean)));
    reset_fit(st);  // the fits restart from the dragged start (and run on when released, if playing)
  }
  if (area.hovered && st.drag == FitPanelState::Drag::none)
    ImGui::SetTooltip("Drag ○ at the peak to move Q's start, ○ on the shoulder to change its width.");
}

void landscapes(App& app, FitPanelState& st, const plot::Theme& t) {
  const PlotArea area = plot_area("##landscapes");
  ImGuiCanvas c = make_canvas(app, area);
  if (!st.view_fwd) st.view_fwd = std::make_shared<LandscapeView>();
  if (!st.view_rev) st.view_rev = std::make_shared<LandscapeView>();
  const plot::LandscapeFigure f = plot::landscape_figure_of(st.screen, true, t);
  const plot::LandscapeFigure g = plot::landscape_figure_of(st.screen, false, t);
  const float half = std::round(area.rect.width() / 2);
  const plot::Rect left{area.rect.x0, area.rect.y0, area.rect.x0 + half, area.rect.y1};
  const plot::Rect right{area.rect.x0 + half, area.rect.y0, area.rect.x1, area.rect.y1};
  bool gpu_l = false, gpu_r = false;
  if (st.landscape_fwd.width > 0) st.fwd_axes = draw_landscape(c, t, left, f, *st.view_fwd, st.landscape_generation, &gpu_l);
  if (st.landscape_rev.width > 0) st.rev_axes = draw_landscape(c, t, right, g, *st.view_rev, st.landscape_generation, &gpu_r);
  st.gpu_heatmap = gpu_l && gpu_r;
  // Each heatmap exports on its own (a right click on it).
  export_context_menu(app, "landscape_forward", app.lab().figure_source(), &left);
  export_context_menu(app, "landscape_reverse", app.lab().figure_source(), &right);
  // A click on either landscape starts both fits there.
  if (area.clicked) {
    for (const plot::Axes* a : {&st.fwd_axes, &st.rev_axes})
      if (a->plot.contains({area.mouse.x, area.mouse.y})) {
        set_start(st, a->data_x(area.mouse.x), std::exp(a->data_y(area.mouse.y)));
        reset_fit(st);
      }
  }
  if (area.hovered) {
    for (const auto& [a, land] : {std::pair{&st.fwd_axes, &st.landscape_fwd}, std::pair{&st.rev_axes, &st.landscape_rev}})
      if (a->plot.contains({area.mouse.x, area.mouse.y}))
        ImGui::SetTooltip("μ = %.3f, σ = %.3f — click to start both fits here\n○ local minimum (value)   ◇ moment matching",
                          a->data_x(area.mouse.x), std::exp(a->data_y(area.mouse.y)));
  }
}

}  // namespace

void panel_fit(App& app, const Document& doc, FitPanelState& st) {
  update_fit(doc, st, ImGui::GetTime());
  if (have_fits(st)) compute_overlay(doc, st);
  fill_screen(st);
  const plot::Theme t = current_theme(app);
  // Little height (presentation scale): the settings fold into a popup (docs/layout.md).
  const bool fold = ImGui::GetContentRegionAvail().y / ui_scale(app) < 600;
  controls(app, doc, st, fold);
  status_line(app, st, fold);
  const float avail = ImGui::GetContentRegionAvail().y;
  // Too little height for both rows (presentation scale): the fits, the objective and the
  // landscapes become tabs, each across the whole width.
  const bool tabs = avail / ui_scale(app) < 560;
  const float top_h = tabs ? avail - ImGui::GetFrameHeightWithSpacing() : std::round(avail * 0.46f);
  bool show_fits = true, show_loss = true, show_landscapes = true;
  if (tabs) {
    show_fits = show_loss = show_landscapes = false;
    if (ImGui::BeginTabBar("##fittabs")) {
      if (ImGui::BeginTabItem("Fits")) {
        show_fits = true;
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Objective")) {
        show_loss = true;
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Landscapes")) {
        show_landscapes = true;
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
    }
  }
  if (tabs && show_fits) {
    fit_plot(app, st, t, 0);
    export_context_menu(app, "fit_overlay", app.lab().figure_source());
  } else if (tabs && show_loss) {
    const PlotArea area = plot_area("##loss");
    ImGuiCanvas c = make_canvas(app, area);
    plot::figure_fit_loss(c, t, area.rect, st.fwd.trace, st.rev.trace);
    export_context_menu(app, "fit_loss", app.lab().figure_source());
  } else if (show_fits) {
    const float w = ImGui::GetContentRegionAvail().x;
    const float loss_w = std::round(w * 0.34f);
    ImGui::BeginGroup();
    ImGui::BeginChild("##fitleft", {w - loss_w - ImGui::GetStyle().ItemSpacing.x, std::min(top_h, ImGui::GetContentRegionAvail().y)},
                      false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    fit_plot(app, st, t, 0);
    export_context_menu(app, "fit_overlay", app.lab().figure_source());
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##fitloss", {0, std::min(top_h, ImGui::GetContentRegionAvail().y)}, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const PlotArea area = plot_area("##loss");
    ImGuiCanvas c = make_canvas(app, area);
    plot::figure_fit_loss(c, t, area.rect, st.fwd.trace, st.rev.trace);
    export_context_menu(app, "fit_loss", app.lab().figure_source());
    ImGui::EndChild();
    ImGui::EndGroup();
  }
  if (show_landscapes) landscapes(app, st, t);
}

}  // namespace divlab::gui

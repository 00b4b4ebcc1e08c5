// The fit mode's state (issue 5 §3–4): forward and reverse KL fits of the same model from the same
// start, stepped a few iterations per frame, optional multi-start runs, the true optima, and the
// two landscapes. Owned by the fit lab; panel_fit draws and advances it.
#pragma once
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "divlab/fit/fit.hpp"
#include "divlab/fit/fit_plan.hpp"
#include "divlab/fit/landscape.hpp"
#include "divlab/fit/optimizer.hpp"
#include "plot/axes.hpp"
#include "figures/figures_fit.hpp"
#include "widgets/typed_field.hpp"

namespace divlab::gui {

class LandscapeView;

// One optimiser run and its recorded path. When P changes the Fitter is retargeted (θ, optimiser
// state and step count carry on).
struct FitRun {
  std::optional<Fitter> fitter;
  plot::FitTrace trace;
  int steps() const { return fitter ? fitter->steps() : 0; }
  bool done() const { return !fitter || fitter->done(); }
};

struct FitPanelState {
  // [SECTION] settings (the user's)
  bool playing = false;
  int speed = 3;                 // optimiser steps per frame
  // The fit's settings: the scenario's fit section as FitPlan resolves it (its defaults without one)
  // when a document opens, then the user's; both fits (and the multi-start runs) are planned from them.
  ModelSpec model;                      // a K-Gaussian mixture, or a free categorical for a discrete P
  std::map<std::string, double> start;  // the start as FitPlan takes it; the handles set mean and sd
  OptimizerSettings optimizer;
  double start_mean = 1.0, start_sd = 1.0;  // where the start is centred (the plan's): the handles
  std::optional<TypedValue> typing;         // the start field being typed in
  bool multistart = false;       // 8 seeded random starts besides the main one
  std::optional<FitObjective> scenario_objective;  // the objective of the scenario's fit section
  std::uint64_t seed = 1;
  static constexpr int kMultistarts = 8;

  // [SECTION] derived (rebuilt from the document)
  std::uint64_t revision = ~std::uint64_t{0};
  std::uint64_t generation = ~std::uint64_t{0};
  std::optional<FitProblem> fwd_problem, rev_problem;  // the chosen model
  std::optional<FitProblem> land_fwd, land_rev;        // the two-parameter model of the landscapes
  std::string error;                                   // a model that does not fit P
  std::vector<double> start_theta;
  FitRun fwd, rev;
  std::vector<FitRun> multi_fwd, multi_rev;
  // Playing and some run still moving (a converged fit stays "playing" but is still).
  bool advancing() const {
    const auto moving = [](const FitRun& r) { return !r.done(); };
    return playing && (moving(fwd) || moving(rev) || std::ranges::any_of(multi_fwd, moving) ||
                       std::ranges::any_of(multi_rev, moving));
  }

  // The true optima and landscapes (of the two-parameter model), refreshed a few times a second
  // at most while P changes.
  bool optima_stale = true;   // landscapes due (at most every 0.25 s while P changes)
  bool minima_stale = true;   // minima due (not while a gesture on P is in progress)
  double optima_time = -1e9;
  std::optional<std::pair<double, double>> moment;  // forward optimum (mean, sd) in closed form
  std::vector<LocalMinimum> minima_fwd, minima_rev;
  Landscape landscape_fwd, landscape_rev;
  std::vector<float> levels_fwd, levels_rev;
  std::uint64_t landscape_generation = 0;
  std::shared_ptr<LandscapeView> view_fwd, view_rev;  // GL textures (shared: the state stays copyable)

  // [SECTION] interaction and layout of the last frame (tests aim the mouse with these)
  enum class Drag { none, peak, shoulder };
  Drag drag = Drag::none;
  ImVec2 play_button{}, step_button{}, reset_button{};
  ImVec2 settings_button{};  // "Settings…", shown when the settings fold into a popup
  ImVec2 start_mean_field{}, start_sd_field{};  // top-left corners of the start's text fields
  plot::Axes fit_axes, fwd_axes, rev_axes;
  plot::FitFigureData figure;
  plot::FitScreen screen;     // the figures as drawn, for export (FitLab::figure_source)
  bool screen_ready = false;  // there are fits to show (else exports run the scenario's fit)
  bool gpu_heatmap = false;  // the last frame drew the heatmaps through the shader
};

}  // namespace divlab::gui

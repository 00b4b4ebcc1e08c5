// The objective of a two-parameter Gaussian model over a (mean, log sd) grid, and its local minima.
#pragma once
#include <vector>

#include "divlab/fit/fit.hpp"

namespace divlab {

struct LandscapeRange {
  double mean_lo = -5, mean_hi = 5;
  double log_sd_lo = -2, log_sd_hi = 1.5;
};

// values[row * width + col]: row 0 is log_sd_lo, col 0 is mean_lo (cell centres at the grid
// points mean_lo + col·(hi−lo)/(width−1)). Plain floats so a GL texture and a CPU colour map can both
// use it; +∞ where the objective is infinite. min/max are over the finite values.
struct Landscape {
  int width = 0, height = 0;
  LandscapeRange range;
  std::vector<float> values;
  float min = 0, max = 0;
  double mean_at(int col) const;
  double log_sd_at(int row) const;
};

// The two-parameter model the landscapes are drawn for, whatever model is fitted: normal (continuous P)
// or discretised_normal (discrete P).
ModelSpec landscape_model(const FitTarget& target);

// A range that frames P: its bulk in mean, sd from a tenth of the narrowest component to 3× P's sd.
LandscapeRange default_landscape_range(const FitTarget& target);

// The objective of a normal (continuous P) or discretised_normal (discrete P) model over the grid.
// Continuous: forward KL in closed form from P's moments; reverse KL by Gauss–Hermite over a
// tabulated log p; JSD by the exact quadrature (slower). Accurate to ~1e-6 nats (display only).
Landscape landscape(const FitProblem& problem, LandscapeRange range, int width = 256, int height = 256);

struct LocalMinimum {
  double mean = 0, sd = 0, value = 0;
  int starts = 0;  // how many of the multistart grid's starts ended here
};

// Every local minimum of a two-parameter model found by Newton-polished descent from a grid of
// starts over the range (dedupe at 1e-5 in (mean, log sd)); sorted by value.
std::vector<LocalMinimum> local_minima(const FitProblem& problem, LandscapeRange range,
                                       int starts_per_axis = 10);

}  // namespace divlab

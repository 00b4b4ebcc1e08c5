// Fit timings: gradient steps per second, landscapes, local minima. Run: build/.../fit_bench
#include <benchmark/benchmark.h>

#include <cmath>

#include "divlab/fit/landscape.hpp"
#include "divlab/fit/optimizer.hpp"
#include "core/fit/fit_test_util.hpp"

namespace {

using namespace divlab;

using fittest::bimodal;

FitProblem problem(const FitTarget& t, FitObjective o) { return fittest::make(t, o); }

// One Adam step = one exact gradient of D(Q_θ‖P) + one update; items/s = gradient steps per second.
// Starts at sd 0.8 (near a mode) and at sd 2 (the broad basin: more quadrature nodes).
void BM_ReverseKlStep(benchmark::State& state) {
  const FitProblem pr = problem(bimodal(), FitObjective::reverse_kl);
  OptimizerSettings s;
  s.tolerance = 0;  // never stop: measure steps
  s.max_steps = 1 << 30;
  s.learning_rate = 1e-4;
  Fitter f(pr, {-1.5, std::log(state.range(0) / 10.0)}, s, false);
  for (auto _ : state) benchmark::DoNotOptimize(f.step());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReverseKlStep)->Arg(8)->Arg(20);

// The general split-quadrature path (a Laplace component: log p has a kink).
void BM_ReverseKlStepKinkedTarget(benchmark::State& state) {
  FitTarget t = bimodal();
  t.mixture.components[0].family = Family::laplace;
  const FitProblem pr = problem(t, FitObjective::reverse_kl);
  std::vector<double> th{-1.5, std::log(0.8)}, g(2);
  for (auto _ : state) benchmark::DoNotOptimize(pr.evaluate(th, g));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReverseKlStepKinkedTarget);

void BM_JsdStep(benchmark::State& state) {
  const FitProblem pr = problem(bimodal(), FitObjective::jsd);
  std::vector<double> th{-1.5, std::log(0.8)}, g(2);
  for (auto _ : state) benchmark::DoNotOptimize(pr.evaluate(th, g));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JsdStep);

// A whole reverse-KL fit from (1, 1) to ‖∇‖ < 1e-8 (what `divlab fit` does).
void BM_ReverseKlFitToConvergence(benchmark::State& state) {
  const FitProblem pr = problem(bimodal(), FitObjective::reverse_kl);
  int steps = 0;
  for (auto _ : state) {
    const Fitter f = run_fit(pr, {1.0, 0.0}, OptimizerSettings{});
    steps = f.steps();
    benchmark::DoNotOptimize(f.value());
  }
  state.counters["steps"] = steps;
}
BENCHMARK(BM_ReverseKlFitToConvergence)->Unit(benchmark::kMillisecond);

// The 256×256 landscapes of both objectives (forward and reverse), as the GUI asks for them.
void BM_LandscapeBoth256(benchmark::State& state) {
  const FitTarget t = bimodal();
  const FitProblem fwd = problem(t, FitObjective::forward_kl), rev = problem(t, FitObjective::reverse_kl);
  const LandscapeRange r = default_landscape_range(t);
  for (auto _ : state) {
    const Landscape a = landscape(fwd, r, 256, 256);
    const Landscape b = landscape(rev, r, 256, 256);
    benchmark::DoNotOptimize(a.values.data());
    benchmark::DoNotOptimize(b.values.data());
  }
}
BENCHMARK(BM_LandscapeBoth256)->Unit(benchmark::kMillisecond);

void BM_LocalMinima(benchmark::State& state) {
  const FitTarget t = bimodal();
  const FitProblem rev = problem(t, FitObjective::reverse_kl);
  for (auto _ : state) benchmark::DoNotOptimize(local_minima(rev, default_landscape_range(t), 8).size());
}
BENCHMARK(BM_LocalMinima)->Unit(benchmark::kMillisecond);

}  // namespace

// Timings of every quantity: discrete N = 64, 4096, 10⁶ and continuous 4-component mixtures.
// scripts/bench_vs_scipy.py runs the same inputs through scipy and prints the ratios.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "divlab/curves.hpp"
#include "divlab/measures.hpp"

namespace divlab {
namespace {

// The same inputs as scripts/bench_vs_scipy.py: p_i = u_i, q_i = v_i with u, v uniform on (0, 1]
// from two seeded generators (the scipy side regenerates them with numpy: same distribution,
// not the same draws, which does not matter for timing).
std::vector<double> masses(size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(1e-12, 1.0);
  std::vector<double> v(n);
  for (double& x : v) x = u(rng);
  return v;
}

void BM_Discrete(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<double> p = masses(n, 1), q = masses(n, 2);
  for (auto _ : state) benchmark::DoNotOptimize(measure_discrete(p, q));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n));
}
BENCHMARK(BM_Discrete)->Arg(64)->Arg(4096)->Arg(1000000)->Unit(benchmark::kMicrosecond);

void BM_DiscreteUnsortedX(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<double> p = masses(n, 1), q = masses(n, 2), x = masses(n, 3);
  for (auto _ : state) benchmark::DoNotOptimize(measure_discrete(p, q, x));
}
BENCHMARK(BM_DiscreteUnsortedX)->Arg(64)->Arg(4096)->Arg(1000000)->Unit(benchmark::kMicrosecond);

// The two 4-component mixtures of bench_vs_scipy.py.
Mixture normals_p() {
  return {{{Family::normal, 0.3, -3, 0.8}, {Family::normal, 0.2, -0.5, 0.5}, {Family::normal, 0.3, 2, 1},
           {Family::normal, 0.2, 4.5, 0.6}}};
}
Mixture normals_q() {
  return {{{Family::normal, 0.4, -2, 1.5}, {Family::normal, 0.3, 1, 0.7}, {Family::normal, 0.2, 3, 1.0},
           {Family::normal, 0.1, 0, 2}}};
}
Mixture mixed_p() {
  return {{{Family::normal, 0.3, -3, 0.8},
           {Family::laplace, 0.2, 0, 0.5},
           {Family::student_t, 0.3, 2, 1, 5},
           {Family::uniform, 0.2, 0, 1, 1, 4, 6}}};
}
Mixture mixed_q() {
  return {{{Family::normal, 0.4, -2, 1.5},
           {Family::normal, 0.3, 1, 0.7},
           {Family::laplace, 0.2, 3, 1.0},
           {Family::student_t, 0.1, 0, 2, 3}}};
}

void BM_ContinuousNormals4v4(benchmark::State& state) {
  const Mixture p = normals_p(), q = normals_q();
  for (auto _ : state) benchmark::DoNotOptimize(measure_continuous(p, q));
}
BENCHMARK(BM_ContinuousNormals4v4)->Unit(benchmark::kMicrosecond);

void BM_ContinuousMixed4v4(benchmark::State& state) {
  const Mixture p = mixed_p(), q = mixed_q();
  for (auto _ : state) benchmark::DoNotOptimize(measure_continuous(p, q));
}
BENCHMARK(BM_ContinuousMixed4v4)->Unit(benchmark::kMicrosecond);

void BM_ContinuousCauchyShift(benchmark::State& state) {
  const Mixture p{{{Family::student_t, 1, 0, 1, 1}}}, q{{{Family::student_t, 1, 2.5, 1, 1}}};
  for (auto _ : state) benchmark::DoNotOptimize(measure_continuous(p, q));
}
BENCHMARK(BM_ContinuousCauchyShift)->Unit(benchmark::kMicrosecond);

void BM_SampleContinuous(benchmark::State& state) {
  const Mixture p = normals_p(), q = normals_q();
  for (auto _ : state) benchmark::DoNotOptimize(sample_continuous(p, q, -8, 8, static_cast<int>(state.range(0))));
}
BENCHMARK(BM_SampleContinuous)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace divlab

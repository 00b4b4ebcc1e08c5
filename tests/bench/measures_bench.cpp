// Timings of every quantity: discrete N = 64, 4096, 10⁶, continuous 4-component mixtures, and joint
// tables up to 256×256 (with a locked-marginals edit, the joint lab's per-frame work).
// scripts/bench_vs_scipy.py runs the same inputs through scipy and prints the ratios.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "divlab/distributions/curves.hpp"
#include "divlab/document/document.hpp"
#include "divlab/measures/joint.hpp"
#include "divlab/measures/measures.hpp"

namespace divlab {
namespace {

// Exactly the inputs of scripts/bench_vs_scipy.py (same IEEE operations in numpy):
// v_i = frac((i+1)·a) + 1e-3 with a = golden ratio − 1 (P), √2 − 1 (Q), plastic-number − 1 (x·n).
std::vector<double> sequence(size_t n, double a, double scale = 1.0, double offset = 1e-3) {
  std::vector<double> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = (std::fmod(static_cast<double>(i + 1) * a, 1.0) + offset) * scale;
  return v;
}
std::vector<double> masses(size_t n, int which) {
  return sequence(n, which == 1 ? 0.6180339887498949 : which == 2 ? 0.41421356237309515 : 0.7548776662466927,
                  which == 3 ? static_cast<double>(n) : 1.0, which == 3 ? 0.0 : 1e-3);
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

// A joint table of n×n cells from the same sequences: row i is P's i-th mass times Q's masses,
// plus a dependent part (i + j) mod 7, so that I(X;Y) > 0 and every cell is positive.
std::vector<std::vector<double>> joint_table(size_t n) {
  const std::vector<double> a = masses(n, 1), b = masses(n, 2);
  std::vector<std::vector<double>> t(n, std::vector<double>(n));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j) t[i][j] = a[i] * b[j] + 1e-3 * static_cast<double>((i + j) % 7);
  return t;
}

// The joint lab's frame budget is 2 ms for a 256×256 table: measure_joint alone (one-off, as the
// CLI calls it), with a reused workspace, everything the lab shows (marginals, measures, pointwise
// MI), and one locked-marginals cell edit plus that analysis, as a drag does every frame (inside a
// gesture: one undo snapshot for the whole drag).
void BM_Joint(benchmark::State& state) {
  const auto t = joint_table(static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(measure_joint(t));
  state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(0));
}
BENCHMARK(BM_Joint)->Arg(64)->Arg(256)->Unit(benchmark::kMicrosecond);

// The same with a JointWorkspace, as a lab redrawing every frame calls it (no allocation).
void BM_JointWorkspace(benchmark::State& state) {
  const auto t = joint_table(static_cast<size_t>(state.range(0)));
  JointWorkspace w;
  for (auto _ : state) benchmark::DoNotOptimize(w.measure(t).mutual_information);
  state.SetItemsProcessed(state.iterations() * state.range(0) * state.range(0));
}
BENCHMARK(BM_JointWorkspace)->Arg(64)->Arg(256)->Unit(benchmark::kMicrosecond);

void BM_JointAnalysis(benchmark::State& state) {
  const auto t = joint_table(static_cast<size_t>(state.range(0)));
  JointWorkspace w;
  for (auto _ : state) benchmark::DoNotOptimize(w.analyse(t).pmi.value.data());
}
BENCHMARK(BM_JointAnalysis)->Arg(256)->Unit(benchmark::kMicrosecond);

void BM_JointLockedEditAndMeasure(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  Scenario s;
  s.kind = Kind::joint;
  s.joint.mass = joint_table(n);
  Document d(s);
  JointWorkspace w;
  d.begin_gesture();
  size_t k = 0;
  for (auto _ : state) {
    const int i = static_cast<int>((k * 37) % n), j = static_cast<int>((k * 101) % n);
    const double p = d.joint_probability(i, j);
    d.set_cell_keep_marginals(i, j, k % 2 ? p * 1.5 : p / 1.5);
    benchmark::DoNotOptimize(w.analyse(d.scenario().joint.mass).measures.mutual_information);
    ++k;
  }
  d.end_gesture();
}
BENCHMARK(BM_JointLockedEditAndMeasure)->Arg(64)->Arg(256)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace divlab

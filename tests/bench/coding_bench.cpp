// Timings of the coding core (SPEC §6): Huffman codes for up to 10⁶ symbols (target ≤ 200 ms), the
// whole comparison of P's and Q's codes, and the arithmetic coder's throughput (encode and decode).
// scripts/coding_bench_compare.py runs the same coder written plainly in Python on the same message
// and prints the ratio.
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "divlab/coding/arithmetic.hpp"
#include "divlab/coding/codes.hpp"

namespace divlab {
namespace {

// v_i = frac((i+1)·a) + 1e-3 (a = golden ratio − 1 for P, √2 − 1 for Q), as measures_bench.
std::vector<double> masses(size_t n, double a) {
  std::vector<double> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = std::fmod(static_cast<double>(i + 1) * a, 1.0) + 1e-3;
  return v;
}

void BM_HuffmanLengths(benchmark::State& state) {
  const std::vector<double> p = masses(static_cast<size_t>(state.range(0)), 0.6180339887498949);
  for (auto _ : state) benchmark::DoNotOptimize(huffman_lengths(p));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_HuffmanLengths)->Arg(256)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_HuffmanCode(benchmark::State& state) {
  const std::vector<double> p = masses(static_cast<size_t>(state.range(0)), 0.6180339887498949);
  for (auto _ : state) benchmark::DoNotOptimize(huffman_code(p));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_HuffmanCode)->Arg(256)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_CompareCodes(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::vector<double> p = masses(n, 0.6180339887498949), q = masses(n, 0.41421356237309515);
  for (auto _ : state) benchmark::DoNotOptimize(compare_codes(p, q));
}
BENCHMARK(BM_CompareCodes)->Arg(256)->Arg(1000000)->Unit(benchmark::kMillisecond);

// The message of scripts/coding_bench_compare.py: 10⁶ symbols from 26 letters' frequencies, seed 1.
const std::vector<double> kLetters{8.167, 1.492, 2.782, 4.253, 12.702, 2.228, 2.015, 6.094, 6.966,
                                   0.153, 0.772, 4.025, 2.406, 6.749, 7.507, 1.929, 0.095, 5.987,
                                   6.327, 9.056, 2.758, 0.978, 2.360, 0.150, 1.974, 0.074};

void BM_ArithmeticEncode(benchmark::State& state) {
  const FrequencyModel m = frequency_model(kLetters);
  const std::vector<int> msg = sample_message(kLetters, static_cast<size_t>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(arithmetic_encode(m, msg));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ArithmeticEncode)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_ArithmeticDecode(benchmark::State& state) {
  const FrequencyModel m = frequency_model(kLetters);
  const std::vector<int> msg = sample_message(kLetters, static_cast<size_t>(state.range(0)), 1);
  const auto code = arithmetic_encode(m, msg);
  for (auto _ : state) benchmark::DoNotOptimize(arithmetic_decode(m, code->bytes, code->bit_count, msg.size()));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ArithmeticDecode)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace divlab

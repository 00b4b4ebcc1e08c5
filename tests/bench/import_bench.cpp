// `divlab import` speed (issue 15: a 100 MB text in ≤ 2 s): letter, character and word counts of a
// text of English-like words, and a CSV of 10⁵ rows, in core (no file reading). Run with
// --benchmark_repetitions=5 --benchmark_report_aggregates_only=true for medians;
// scripts/bench_import.py times the whole command against Python's collections.Counter.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "divlab/import/import.hpp"

namespace {

// n bytes of words drawn from a Zipf-like vocabulary, with capitals, punctuation, line breaks and
// some non-ASCII letters: what a novel looks like to the counters.
std::string text(std::size_t n) {
  static const char* const kWords[] = {"the", "of", "and", "To", "a", "in", "that", "is", "was", "He",
                                       "for", "it", "with", "as", "his", "on", "be", "at", "by", "I",
                                       "Größe", "naïve", "information", "divergence", "entropy", "λόγος"};
  std::mt19937_64 rng(7);
  std::discrete_distribution<std::size_t> pick({40, 25, 20, 18, 16, 14, 10, 9, 9, 8, 7, 7, 6, 6, 5, 5, 5, 4,
                                                 4, 4, 1, 1, 2, 2, 2, 1});
  std::string out;
  out.reserve(n + 32);
  while (out.size() < n) {
    out += kWords[pick(rng)];
    const auto r = rng() % 16;
    out += r == 0 ? ".\n" : r == 1 ? ", " : " ";
  }
  out.resize(n);
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // whole characters
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return out;
}

void BM_CountUnits(benchmark::State& state, divlab::TextUnit unit) {
  const std::string t = text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(divlab::count_units(t, unit, "bench.txt"));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * t.size()));
}
BENCHMARK_CAPTURE(BM_CountUnits, letter, divlab::TextUnit::letter)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CountUnits, char, divlab::TextUnit::character)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_CountUnits, word, divlab::TextUnit::word)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

void BM_CsvScenario(benchmark::State& state) {
  std::string csv = "word,\"count, P\",count Q\r\n";
  for (std::int64_t i = 0; i < state.range(0); ++i)
    csv += "\"w" + std::to_string(i) + "\"," + std::to_string(i % 977) + "," + std::to_string(i % 13 + 1) + "\r\n";
  for (auto _ : state) benchmark::DoNotOptimize(divlab::csv_scenario(csv, "bench.csv", {}));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * csv.size()));
}
BENCHMARK(BM_CsvScenario)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace

// Scenario file speed: parsing, loading and saving a discrete scenario with N = 10⁶ bins (issue 2
// asks for "well under a second"), and a small file for scale. Run with
// --benchmark_repetitions=5 --benchmark_report_aggregates_only=true for medians.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

#include "divlab/document/scenario.hpp"

namespace {

// A discrete scenario with n random bins (full-precision doubles: the worst case for the parser).
divlab::Scenario random_discrete(std::size_t n) {
  divlab::Scenario s;
  s.kind = divlab::Kind::discrete;
  s.title = "benchmark";
  std::mt19937_64 rng(1234);
  std::uniform_real_distribution<double> u(0, 1);
  s.p_mass.reserve(n);
  s.q_mass.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    s.p_mass.push_back(u(rng));
    s.q_mass.push_back(u(rng));
  }
  return s;
}

std::string temp_path(const char* name) {
  return (std::filesystem::temp_directory_path() / ("divlab_bench_" + std::to_string(::getpid()) + name))
      .string();
}

void BM_ParseDiscrete(benchmark::State& state) {
  const std::string text = divlab::to_json_text(random_discrete(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(divlab::parse_scenario(text, "bench.json"));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["file_MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ParseDiscrete)->Arg(64)->Arg(4096)->Arg(1000000)->Unit(benchmark::kMillisecond);

// Reading the file too, as `divlab metrics` and the GUI's Open do.
void BM_LoadDiscreteFile(benchmark::State& state) {
  const std::string path = temp_path("_load.json");
  divlab::save_scenario(random_discrete(static_cast<std::size_t>(state.range(0))), path);
  for (auto _ : state) benchmark::DoNotOptimize(divlab::load_scenario(path));
  std::filesystem::remove(path);
}
BENCHMARK(BM_LoadDiscreteFile)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_ToJsonText(benchmark::State& state) {
  const divlab::Scenario s = random_discrete(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(divlab::to_json_text(s));
}
BENCHMARK(BM_ToJsonText)->Arg(1000000)->Unit(benchmark::kMillisecond);

// Atomic save: text, temporary file, fsync, rename.
void BM_SaveDiscreteFile(benchmark::State& state) {
  const divlab::Scenario s = random_discrete(static_cast<std::size_t>(state.range(0)));
  const std::string path = temp_path("_save.json");
  for (auto _ : state) divlab::save_scenario(s, path);
  std::filesystem::remove(path);
}
BENCHMARK(BM_SaveDiscreteFile)->Arg(64)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_ParseDefaultScenario(benchmark::State& state) {
  const std::string text = divlab::to_json_text(divlab::default_scenario());
  for (auto _ : state) benchmark::DoNotOptimize(divlab::parse_scenario(text, "default.json"));
}
BENCHMARK(BM_ParseDefaultScenario)->Unit(benchmark::kMicrosecond);

}  // namespace

// Export timings: one figure of a continuous scenario (801 samples) into PNG at 1× and 3×, SVG and
// PDF through CairoCanvas, and the whole `render` path (curves + measures + drawing + file).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "divlab/document/scenario.hpp"
#include "export/render_figure.hpp"
#include "figures/figures.hpp"

namespace {

divlab::Scenario bimodal() {
  return divlab::parse_scenario(R"({"format": "divlab.scenario", "version": 1, "kind": "continuous",
    "p": {"components": [{"family": "normal", "weight": 0.5, "mean": -2, "sd": 0.6},
                         {"family": "normal", "weight": 0.5, "mean": 2, "sd": 0.6}]},
    "q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]}})",
                                "bench.json");
}

std::string out_path(const char* ext) {
  return (std::filesystem::temp_directory_path() / ("export_bench." + std::to_string(::getpid()) + "." + ext)).string();
}

void draw(benchmark::State& state, const char* figure, const char* ext, double scale) {
  const divlab::plot::FigureData data = divlab::plot::compute_figure_data(bimodal());
  divlab::exporting::RenderRequest r;
  r.figure = figure;
  r.scale = scale;
  const std::string path = out_path(ext);
  for (auto _ : state) {
    const auto res = divlab::exporting::render_figure(data, path, r);
    if (!res.ok()) state.SkipWithError(res.error.c_str());
  }
  std::filesystem::remove(path);
}

void BM_DensitiesPng1x(benchmark::State& s) { draw(s, "densities", "png", 1); }
void BM_DensitiesPng3x(benchmark::State& s) { draw(s, "densities", "png", 3); }
void BM_DensitiesSvg(benchmark::State& s) { draw(s, "densities", "svg", 1); }
void BM_DensitiesPdf(benchmark::State& s) { draw(s, "densities", "pdf", 1); }
void BM_DashboardPng1x(benchmark::State& s) { draw(s, "dashboard", "png", 1); }
void BM_DashboardPdf(benchmark::State& s) { draw(s, "dashboard", "pdf", 1); }
void BM_DashboardCsv(benchmark::State& s) { draw(s, "dashboard", "csv", 1); }

// What `divlab render` does after parsing: measures over ℝ, curves, drawing, writing.
void BM_RenderScenarioDashboardPng(benchmark::State& state) {
  const divlab::Scenario s = bimodal();
  divlab::exporting::RenderRequest r;
  const std::string path = out_path("png");
  for (auto _ : state) {
    const auto res = divlab::exporting::render_scenario(s, path, r);
    if (!res.ok()) state.SkipWithError(res.error.c_str());
  }
  std::filesystem::remove(path);
}

}  // namespace

BENCHMARK(BM_DensitiesPng1x)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DensitiesPng3x)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DensitiesSvg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DensitiesPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DashboardPng1x)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DashboardPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DashboardCsv)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderScenarioDashboardPng)->Unit(benchmark::kMillisecond);

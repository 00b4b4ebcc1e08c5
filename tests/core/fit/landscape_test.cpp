// Landscapes agree with the exact objective at grid points; their minima sit on the local minima.
#include "divlab/fit/landscape.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/fit/fit_test_util.hpp"

namespace divlab {
namespace {

using namespace fittest;

void expect_matches_objective(const FitProblem& pr, const Landscape& L, double tol) {
  int checked = 0;
  for (int row = 0; row < L.height; row += std::max(1, L.height / 7))
    for (int col = 0; col < L.width; col += std::max(1, L.width / 9)) {
      const double th[2] = {L.mean_at(col), L.log_sd_at(row)};
      const double exact = pr.evaluate(th);
      const float v = L.values[static_cast<size_t>(row) * L.width + col];
      EXPECT_NEAR(v, exact, tol * std::max(1.0, std::abs(exact))) << "row " << row << " col " << col;
      ++checked;
    }
  EXPECT_GT(checked, 50);
}

TEST(Landscape, GridCoordinates) {
  Landscape L;
  L.width = 5;
  L.height = 3;
  L.range = {-2, 2, -1, 1};
  EXPECT_DOUBLE_EQ(L.mean_at(0), -2);
  EXPECT_DOUBLE_EQ(L.mean_at(4), 2);
  EXPECT_DOUBLE_EQ(L.log_sd_at(1), 0);
}

TEST(Landscape, ForwardClosedFormMatchesObjective) {
  const FitProblem pr = make(bimodal(), FitObjective::forward_kl);
  const Landscape L = landscape(pr, {-5, 5, -2, 1.5}, 256, 256);
  ASSERT_EQ(L.values.size(), 256u * 256u);
  expect_matches_objective(pr, L, 1e-6);
}

TEST(Landscape, ReverseMatchesObjectiveForSmoothAndKinkedTargets) {
  for (const FitTarget& t : {bimodal(), continuous({normal(0.7, -1, 0.5), student_t(0.3, 1.5, 1.2, 3)})}) {
    const FitProblem pr = make(t, FitObjective::reverse_kl);
    const Landscape L = landscape(pr, default_landscape_range(t), 256, 256);
    expect_matches_objective(pr, L, 2e-6);
  }
  // A Laplace component (a kink in log p) goes through the exact objective, on a small grid.
  const FitTarget k = continuous({laplace(0.5, -1, 0.5), normal(0.5, 2, 0.7)});
  const FitProblem pr = make(k, FitObjective::reverse_kl);
  expect_matches_objective(pr, landscape(pr, default_landscape_range(k), 40, 40), 1e-6);
}

TEST(Landscape, JsdAndDiscreteUseTheExactObjective) {
  const FitProblem jsd = make(bimodal(), FitObjective::jsd);
  expect_matches_objective(jsd, landscape(jsd, {-4, 4, -1.5, 1.2}, 40, 40), 1e-6);
  const FitTarget d = discrete({0.1, 0.4, 0.2, 0.25, 0.05}, {0, 1, 2, 4, 7});
  const FitProblem dn = make(d, FitObjective::reverse_kl);
  expect_matches_objective(dn, landscape(dn, default_landscape_range(d), 64, 64), 1e-6);
}

TEST(Landscape, LowestCellIsNextToALocalMinimum) {
  const FitTarget t = bimodal();
  const FitProblem pr = make(t, FitObjective::reverse_kl);
  const LandscapeRange r = default_landscape_range(t);
  const Landscape L = landscape(pr, r, 256, 256);
  size_t best = 0;
  for (size_t i = 0; i < L.values.size(); ++i)
    if (L.values[i] < L.values[best]) best = i;
  EXPECT_FLOAT_EQ(L.min, L.values[best]);
  const double mean = L.mean_at(static_cast<int>(best % L.width)),
               ls = L.log_sd_at(static_cast<int>(best / L.width));
  const auto minima = local_minima(pr, r, 6);
  ASSERT_FALSE(minima.empty());
  double closest = 1e9;
  for (const LocalMinimum& m : minima)
    closest = std::min(closest, std::hypot(m.mean - mean, std::log(m.sd) - ls));
  const double cell = std::hypot((r.mean_hi - r.mean_lo) / 255, (r.log_sd_hi - r.log_sd_lo) / 255);
  EXPECT_LT(closest, cell);
}

TEST(Landscape, InfiniteObjectiveIsAllInfinity) {
  const FitProblem pr = make(continuous({uniform(1, -1, 1)}), FitObjective::reverse_kl);
  const Landscape L = landscape(pr, {-2, 2, -1, 1}, 8, 8);
  for (float v : L.values) EXPECT_TRUE(std::isinf(v) && v > 0);
  EXPECT_TRUE(local_minima(pr, {-2, 2, -1, 1}, 3).empty());
}

}  // namespace
}  // namespace divlab

// The joint measures' row kernels: the AVX2 and AVX-512 builds must agree with the scalar build on
// every kind of cell (zero, subnormal, the whole row or column, near independence, the series
// threshold), and their terms must stay ≥ 0 and never NaN.
#include "measures/joint_kernels.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <ostream>
#include <random>
#include <vector>

#include "measures/block_kernels.hpp"

namespace divlab::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// A row of cells with column marginals py (≥ each cell) and a row marginal px, logs taken as the
// joint measures take them (−∞ where 0).
struct Row {
  std::vector<double> p, lp, py, lpy;
  double px, lpx;
  JointRow row(std::size_t n) const { return {p.data(), lp.data(), py.data(), lpy.data(), px, lpx, n}; }
};

Row edge_row() {
  Row r;
  // {cell, column marginal}: empty columns, zero cells, subnormal and tiny cells, a cell that is its
  // whole column, cells equal to px·py (independence), around |d| = 1/8, far from independence.
  std::vector<std::pair<double, double>> v = {
      {0, 0},          {0, 0.2},       {4.9e-324, 0.1}, {1e-300, 0.3},    {0.05, 0.05},    {0.2 * 0.5, 0.5},
      {0.2 * 0.4 * (1 + 1e-9), 0.4}, {0.2 * 0.3 * 9 / 7, 0.3}, {0.2 * 0.3 * 9 / 7 * (1 + 1e-12), 0.3},
      {0.2 * 0.3 * 7 / 9, 0.3},      {1e-6, 0.9},    {0.19, 0.2},     {2e-310, 1e-300}, {0.1, 0.1 + 1e-17}};
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 500; ++i) {
    const double py = u(rng);
    v.push_back({u(rng) < 0.1 ? 0.0 : 0.2 * py * u(rng) * 2, py});
  }
  r.px = 0.2;
  r.lpx = std::log(r.px);
  for (auto [p, py] : v) {
    r.p.push_back(p), r.py.push_back(py);
    r.lp.push_back(std::log(p)), r.lpy.push_back(std::log(py));
  }
  return r;
}

void expect_close(double got, double want, const char* what) {
  EXPECT_FALSE(std::isnan(got)) << what;
  EXPECT_GE(got, 0.0) << what;
  EXPECT_NEAR(got, want, 1e-14 * std::abs(want) + 1e-300) << what;
}

struct Build {
  const char* name;
  bool available;
  JointRowSums (*sum)(const JointRow&);
};

void PrintTo(const Build& b, std::ostream* os) { *os << b.name; }

class JointVectorBuild : public testing::TestWithParam<Build> {};

TEST_P(JointVectorBuild, MatchesTheScalarBuildOnEveryKindOfCell) {
  const Build build = GetParam();
  if (!build.available) GTEST_SKIP() << "this CPU lacks " << build.name;
  const Row r = edge_row();
  for (std::size_t n = 0; n <= r.p.size(); n = n < 20 ? n + 1 : n + 97) {  // every tail length, then longer rows
    const JointRowSums v = build.sum(r.row(n)), s = joint_row_terms_scalar(r.row(n));
    expect_close(v.hxy, s.hxy, "hxy");
    expect_close(v.hx_y, s.hx_y, "hx_y");
    expect_close(v.hy_x, s.hy_x, "hy_x");
    expect_close(v.mi, s.mi, "mi");
  }
}

INSTANTIATE_TEST_SUITE_P(Joint, JointVectorBuild,
                         testing::Values(Build{"AVX2", cpu_has_avx2(), joint_row_terms_avx2},
                                         Build{"AVX-512", cpu_has_avx512(), joint_row_terms_avx512}),
                         [](const testing::TestParamInfo<Build>& info) {
                           return std::string(info.param.name[4] == '5' ? "Avx512" : "Avx2");
                         });

TEST(JointRowTerms, CellsThatAreTheirWholeMarginalAddExactlyZero) {
  // One cell holding its row and column: no conditional entropy, and I's term is p·(−log p) − p + p².
  const double p = 0.3, lp = std::log(p);
  const JointRowSums s = joint_row_terms({&p, &lp, &p, &lp, p, lp, 1});
  EXPECT_EQ(s.hx_y, 0.0);
  EXPECT_EQ(s.hy_x, 0.0);
  EXPECT_NEAR(s.mi, -p * lp - p + p * p, 1e-16);
  EXPECT_NEAR(s.hxy, -p * lp, 1e-16);
  // An empty column (p·ⱼ = 0, log −∞) adds nothing and no NaN.
  const double zero = 0, minus_inf = -kInf;
  const JointRowSums e = joint_row_terms({&zero, &minus_inf, &zero, &minus_inf, p, lp, 1});
  EXPECT_EQ(e.mi, 0.0);
  EXPECT_EQ(e.hxy, 0.0);
}

}  // namespace
}  // namespace divlab::detail

// distribution.hpp: pdf / log_pdf / cdf of each family and of mixtures against scipy + mpmath
// (tests/reference/gen_distribution.py), and normalisation of extreme masses.
#include "divlab/distributions/distribution.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "core/reference_mixture.hpp"

namespace divlab {
namespace {

using nlohmann::json;
using test_data::reference_component;
using test_data::reference_mixture;
constexpr double kInf = std::numeric_limits<double>::infinity();

json load(const char* name) {
  std::ifstream in(std::string(DIVLAB_TEST_DATA_DIR) + "/reference/" + name);
  EXPECT_TRUE(in.good()) << name;
  return json::parse(in);
}

double num(const json& v) {
  if (v.is_string()) return v.get<std::string>() == "inf" ? kInf : -kInf;
  return v.get<double>();
}

// |got − want| ≤ abs + rel·|want|, with ±∞ required to match exactly.
void expect_close(double got, double want, double rel, double abs, const std::string& what) {
  if (std::isinf(want)) {
    EXPECT_EQ(got, want) << what;
    return;
  }
  EXPECT_NEAR(got, want, abs + rel * std::abs(want)) << what;
}

TEST(Distribution, ComponentsMatchScipy) {
  const json ref = load("distribution.json");
  ASSERT_GE(ref.at("components").size(), 40u);
  for (const json& k : ref.at("components")) {
    const Component c = reference_component(k.at("component"));
    const double x = k.at("x");
    const std::string what = k.at("component").dump() + " at x=" + std::to_string(x);
    expect_close(pdf(c, x), num(k.at("pdf")), 1e-13, 1e-300, "pdf " + what);
    expect_close(cdf(c, x), num(k.at("cdf")), 1e-12, 1e-15, "cdf " + what);
    expect_close(log_pdf(c, x), num(k.at("log_pdf")), 1e-13, 1e-13, "log_pdf " + what);
  }
}

TEST(Distribution, MixtureMatchesLogSumExp) {
  const json ref = load("distribution.json").at("mixture");
  Mixture m;
  for (const json& c : ref.at("components")) m.components.push_back(reference_component(c));
  for (const json& k : ref.at("cases")) {
    const double x = k.at("x");
    const std::string what = "mixture at x=" + std::to_string(x);
    expect_close(log_pdf(m, x), num(k.at("log_pdf")), 1e-13, 1e-13, what);
    expect_close(pdf(m, x), num(k.at("pdf")), 1e-13, 1e-300, what);
    expect_close(cdf(m, x), num(k.at("cdf")), 1e-12, 1e-15, what);
  }
}

TEST(Distribution, LogPdfFiniteFarInTheTails) {
  const Mixture m{{{Family::normal, 1, 0, 1}, {Family::laplace, 3, 5, 2}}};
  // At x = 1e4 the normal part is e^-5e7 (underflows) but the Laplace part keeps it finite.
  EXPECT_NEAR(log_pdf(m, 1e4), std::log(0.75) - (1e4 - 5) / 2 - std::log(4.0), 1e-9);
  EXPECT_EQ(pdf(m, 1e4), 0.0);
  EXPECT_NEAR(log_pdf(Mixture{{{Family::normal, 1, 0, 1}}}, 1e100), -0.5e200, 1e188);
  EXPECT_EQ(log_pdf(Mixture{{{Family::uniform, 1, 0, 1, 1, 0, 1}}}, 1.5), -kInf);
  EXPECT_EQ(cdf(m, kInf), 1.0);
  EXPECT_EQ(cdf(m, -kInf), 0.0);
  EXPECT_EQ(pdf(m, kInf), 0.0);
}

TEST(Distribution, NormalisedMassesNearDblMax) {
  const std::vector<double> big{DBL_MAX, DBL_MAX, DBL_MAX / 2};
  const std::vector<double> n = normalised(big);
  EXPECT_DOUBLE_EQ(n[0], 0.4);
  EXPECT_DOUBLE_EQ(n[1], 0.4);
  EXPECT_DOUBLE_EQ(n[2], 0.2);
}

TEST(Distribution, NormalisedSubnormalMassesStayExact) {
  const double tiny = std::numeric_limits<double>::denorm_min();
  const std::vector<double> n = normalised(std::vector<double>{3 * tiny, tiny});
  EXPECT_EQ(n[0], 0.75);
  EXPECT_EQ(n[1], 0.25);
  const std::vector<double> m = normalised(std::vector<double>{1.0, 1e-300, 1e-320, 0.0});
  EXPECT_EQ(m[0], 1.0);
  EXPECT_EQ(m[1], 1e-300);
  EXPECT_EQ(m[2], 1e-320);
  EXPECT_EQ(m[3], 0.0);
}

// Scaling every mass by 2^k changes nothing, bit for bit, whichever way the sum is taken: one pass
// (|k| ≤ 900), a second scaled pass (900 < |k| < 1000) or ldexp per mass (beyond).
TEST(Distribution, NormalisedIgnoresPowerOfTwoScaling) {
  std::vector<double> base(1000);
  for (size_t i = 0; i < base.size(); ++i) base[i] = 1 + std::fmod(0.6180339887498949 * (i + 1), 1.0);
  const std::vector<double> want = normalised(base);
  for (int k : {-1000, -990, -950, -901, -900, -850, -1, 1, 850, 900, 901, 950, 999, 1000, 1012}) {
    std::vector<double> scaled = base;
    for (double& m : scaled) m = std::ldexp(m, k);
    const std::vector<double> got = normalised(scaled);
    for (size_t i = 0; i < base.size(); ++i) ASSERT_EQ(got[i], want[i]) << "k = " << k << ", i = " << i;
  }
}

TEST(Distribution, NormalisedMixtureWeights) {
  const Mixture m{{{Family::normal, 3, 0, 1}, {Family::laplace, 1, 0, 1}, {Family::normal, 0, 0, 1}}};
  const Mixture n = normalised(m);
  EXPECT_DOUBLE_EQ(n.components[0].weight, 0.75);
  EXPECT_DOUBLE_EQ(n.components[1].weight, 0.25);
  EXPECT_EQ(n.components[2].weight, 0.0);
  EXPECT_DOUBLE_EQ(pdf(m, 0.3), pdf(n, 0.3));
  const Mixture huge{{{Family::normal, DBL_MAX, 0, 1}, {Family::normal, DBL_MAX, 2, 1}}};
  EXPECT_NEAR(pdf(huge, 1.0), std::exp(-0.5) / std::sqrt(2 * M_PI), 1e-15);
}

}  // namespace
}  // namespace divlab

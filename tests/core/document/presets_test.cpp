// Every preset in assets/presets/ loads, round-trips, and its metrics match the independent
// mpmath/scipy values of tests/reference/presets/expected.json (generator: gen_presets.py there).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "divlab/teaching/explain.hpp"
#include "divlab/measures/measures.hpp"
#include "divlab/document/scenario.hpp"

namespace divlab {
namespace {

namespace fs = std::filesystem;

const fs::path kPresetDir = fs::path(DIVLAB_SOURCE_DIR) / "assets" / "presets";
const fs::path kExpected = fs::path(DIVLAB_SOURCE_DIR) / "tests" / "reference" / "presets" / "expected.json";

std::vector<std::string> preset_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kPresetDir))
    if (e.path().extension() == ".json") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

nlohmann::json expected() {
  std::ifstream in(kExpected);
  return nlohmann::json::parse(in);
}

double value_of(const Measures& m, const std::string& key) {
  if (const std::optional<double> v = measure_value(m, key)) return *v;
  ADD_FAILURE() << "unknown key " << key;
  return std::nan("");
}

TEST(Presets, AtLeastTheIssueListAndEveryOneHasAReference) {
  const auto names = preset_names();
  EXPECT_GE(names.size(), 8u);
  const nlohmann::json ref = expected();
  std::set<std::string> listed;
  for (const auto& [name, _] : ref.items()) listed.insert(name);
  EXPECT_EQ(listed, std::set<std::string>(names.begin(), names.end()))
      << "re-run tests/reference/presets/gen_presets.py after adding or renaming a preset";
}

class PresetFile : public ::testing::TestWithParam<std::string> {};

TEST_P(PresetFile, LoadsWithATitleAndRoundTrips) {
  const Scenario s = load_scenario((kPresetDir / GetParam()).string());
  ASSERT_TRUE(s.title.has_value());
  EXPECT_GE(s.title->size(), 10u);
  EXPECT_TRUE(s.base_given) << "presets state their base";
  EXPECT_EQ(parse_scenario(to_json_text(s), "rt"), s);
}

TEST_P(PresetFile, MetricsMatchTheIndependentReference) {
  const Scenario s = load_scenario((kPresetDir / GetParam()).string());
  const nlohmann::json ref = expected().at(GetParam());
  EXPECT_EQ(ref.at("base"), std::string(to_name(s.base)));
  const Measures m = measure_scenario(s, s.base);
  EXPECT_EQ(m.base, s.base);
  for (const auto& [key, want] : ref.at("metrics").items()) {
    const double got = value_of(m, key);
    if (want.is_string()) {
      EXPECT_EQ(want, "inf");
      EXPECT_TRUE(std::isinf(got) && got > 0) << key << " = " << got << ", expected +inf";
    } else {
      // 1e-9 relative; the 1e-12 absolute floor only matters for exact zeros (H of a one-hot P).
      const double w = want.get<double>();
      EXPECT_NEAR(got, w, 1e-9 * std::abs(w) + 1e-12) << key;
    }
  }
  // Where ∞ comes from is said, not left blank.
  EXPECT_TRUE(!std::isinf(m.kl_pq) || !m.why_kl_pq.reason.empty());
  EXPECT_TRUE(!std::isinf(m.kl_qp) || !m.why_kl_qp.reason.empty());
  EXPECT_TRUE(!std::isinf(m.wasserstein_1) || !m.why_wasserstein_1.reason.empty());
}

INSTANTIATE_TEST_SUITE_P(All, PresetFile, ::testing::ValuesIn(preset_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(Presets, BimodalPresetIsTheDefaultScenario) {
  EXPECT_EQ(load_scenario((kPresetDir / "04-bimodal-vs-one-gaussian.json").string()), default_scenario());
}

TEST(Presets, InfinitiesComeFromTheRightPlace) {
  auto load = [](const char* name) { return load_scenario((kPresetDir / name).string()); };
  const Measures tails = measure_scenario(load("06-heavy-tails-t-vs-normal.json"), Base::e);
  EXPECT_EQ(tails.why_kl_pq.cause, WhyInfinite::Cause::tails);
  EXPECT_EQ(tails.why_kl_qp.cause, WhyInfinite::Cause::finite);
  const Measures support = measure_scenario(load("10-uniform-inside-wider.json"), Base::two);
  EXPECT_EQ(support.why_kl_qp.cause, WhyInfinite::Cause::support);
  const Measures smoothing = measure_scenario(load("02-label-smoothing.json"), Base::e);
  EXPECT_EQ(smoothing.why_kl_qp.cause, WhyInfinite::Cause::support);
  EXPECT_NE(smoothing.why_kl_qp.reason.find("cat"), std::string::npos) << smoothing.why_kl_qp.reason;
}

}  // namespace
}  // namespace divlab

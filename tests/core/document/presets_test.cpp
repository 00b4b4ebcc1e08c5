// Every preset in assets/presets/ loads, round-trips, and its metrics match the independent
// mpmath/scipy values of tests/reference/presets/expected.json (generator: gen_presets.py there).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "divlab/teaching/explain.hpp"
#include "divlab/measures/joint.hpp"
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

// [SECTION] Joint presets (assets/presets/joint/, SPEC §5) against the mpmath values of
// tests/reference/presets/joint_expected.json (gen_presets.py, run on that folder).

const fs::path kJointPresetDir = kPresetDir / "joint";

std::vector<std::string> joint_preset_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kJointPresetDir))
    if (e.path().extension() == ".json") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

nlohmann::json joint_expected() {
  std::ifstream in(fs::path(DIVLAB_SOURCE_DIR) / "tests" / "reference" / "presets" / "joint_expected.json");
  return nlohmann::json::parse(in);
}

Scenario joint_preset(const std::string& name) { return load_scenario((kJointPresetDir / name).string()); }

TEST(JointPresets, TheFiveAndEveryOneHasAReference) {
  const auto names = joint_preset_names();
  EXPECT_EQ(names, (std::vector<std::string>{"01-independent.json", "02-y-equals-x.json",
                                             "03-noisy-binary-channel.json",
                                             "04-looks-correlated-but-independent.json", "05-weather-transport.json"}));
  const nlohmann::json ref = joint_expected();
  std::set<std::string> listed;
  for (const auto& [name, _] : ref.items()) listed.insert(name);
  EXPECT_EQ(listed, std::set<std::string>(names.begin(), names.end()))
      << "re-run tests/reference/presets/gen_presets.py on assets/presets/joint after adding or renaming one";
}

class JointPresetFile : public ::testing::TestWithParam<std::string> {};

TEST_P(JointPresetFile, LoadsWithTitleAndLabelsAndRoundTrips) {
  const Scenario s = joint_preset(GetParam());
  EXPECT_EQ(s.kind, Kind::joint);
  ASSERT_TRUE(s.title.has_value());
  EXPECT_GE(s.title->size(), 10u);
  EXPECT_TRUE(s.base_given) << "presets state their base";
  EXPECT_EQ(s.joint.x_labels.size(), s.joint.mass.size());
  EXPECT_EQ(s.joint.y_labels.size(), s.joint.mass[0].size());
  EXPECT_EQ(parse_scenario(to_json_text(s), "rt"), s);
}

TEST_P(JointPresetFile, MetricsMatchTheIndependentReference) {
  const Scenario s = joint_preset(GetParam());
  const nlohmann::json ref = joint_expected().at(GetParam());
  EXPECT_EQ(ref.at("base"), std::string(to_name(s.base)));
  const JointMeasures m = measure_joint(s.joint.mass, s.base);
  ASSERT_EQ(ref.at("metrics").size(), kJointQuantities.size());
  for (const JointQuantity& q : kJointQuantities) {
    const double want = ref.at("metrics").at(std::string(q.key)).get<double>();
    EXPECT_NEAR(m.*q.value, want, 1e-9 * std::abs(want) + 1e-12) << q.key;
  }
}

INSTANTIATE_TEST_SUITE_P(All, JointPresetFile, ::testing::ValuesIn(joint_preset_names()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(JointPresets, EachShowsWhatItsTitleSays) {
  // Independent tables made of powers of two: I is exactly 0, not just small.
  const JointMeasures independent = measure_joint(joint_preset("01-independent.json").joint.mass, Base::two);
  EXPECT_EQ(independent.mutual_information, 0.0);
  EXPECT_EQ(independent.joint_entropy, independent.entropy_x + independent.entropy_y);
  const Scenario looks = joint_preset("04-looks-correlated-but-independent.json");
  const JointMeasures agree = measure_joint(looks.joint.mass, Base::two);
  EXPECT_EQ(agree.mutual_information, 0.0);
  const auto& t = looks.joint.mass;
  EXPECT_GE((t[0][0] + t[1][1]) / (t[0][0] + t[0][1] + t[1][0] + t[1][1]), 0.75) << "most mass on the diagonal";
  // Y = X: I = H(X) and nothing is left uncertain.
  const JointMeasures copy = measure_joint(joint_preset("02-y-equals-x.json").joint.mass, Base::two);
  EXPECT_NEAR(copy.mutual_information, copy.entropy_x, 1e-15);
  EXPECT_EQ(copy.conditional_entropy_x_given_y, 0.0);
  EXPECT_EQ(copy.variation_of_information, 0.0);
  // The channel carries 1 − H(0.1) bits.
  const JointMeasures channel = measure_joint(joint_preset("03-noisy-binary-channel.json").joint.mass, Base::two);
  EXPECT_NEAR(channel.mutual_information, 1 + 0.1 * std::log2(0.1) + 0.9 * std::log2(0.9), 1e-15);
}

}  // namespace
}  // namespace divlab

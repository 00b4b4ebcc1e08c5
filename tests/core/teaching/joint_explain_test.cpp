// Every quantity of SPEC §5 explains itself: one entry per kJointQuantities key, in its order, with
// a formula naming its symbol and a live sentence carrying the value.
#include <gtest/gtest.h>

#include <cstdio>

#include "divlab/teaching/joint_explain.hpp"

namespace divlab {
namespace {

TEST(JointExplain, OneEntryPerQuantityInOrderWithItsSymbolAndValue) {
  const std::vector<std::vector<double>> weather = {{30, 10, 5}, {5, 20, 30}};
  const JointMeasures m = measure_joint(weather, Base::two);
  ASSERT_EQ(joint_explanations().size(), kJointQuantities.size());
  for (std::size_t k = 0; k < kJointQuantities.size(); ++k) {
    const JointQuantity& q = kJointQuantities[k];
    const JointExplanation& e = joint_explanations()[k];
    EXPECT_EQ(e.key, q.key);
    EXPECT_EQ(joint_explanation(q.key), &e);
    EXPECT_NE(e.formula.find(q.symbol), std::string_view::npos) << q.key;
    const std::string sentence = joint_sentence(q.key, m);
    char value[32];
    std::snprintf(value, sizeof value, "%.4g", m.*q.value);
    EXPECT_NE(sentence.find(value), std::string::npos) << q.key << ": " << sentence;
    EXPECT_NE(sentence.find("bits"), std::string::npos) << q.key;
  }
  EXPECT_EQ(joint_explanation("nope"), nullptr);
  EXPECT_EQ(joint_sentence("nope", m), "");
}

}  // namespace
}  // namespace divlab

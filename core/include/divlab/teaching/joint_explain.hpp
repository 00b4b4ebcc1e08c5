// What each quantity of the joint lab (SPEC §5) means, for hover help: symbol, name, formula,
// meaning, and a sentence with the current values ("knowing Y saves 0.12 bits about X").
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "divlab/measures/joint.hpp"

namespace divlab {

struct JointExplanation {
  std::string_view key;  // a kJointQuantities key
  std::string_view name;
  std::string_view formula;
  std::string_view meaning;
};

// One per kJointQuantities entry, in the same order.
std::span<const JointExplanation> joint_explanations();
const JointExplanation* joint_explanation(std::string_view key);
// The live sentence for `key` with the values of `m` (in m.base).
std::string joint_sentence(std::string_view key, const JointMeasures& m);

}  // namespace divlab

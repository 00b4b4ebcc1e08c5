#include "divlab/teaching/joint_explain.hpp"

#include <array>
#include <cstdio>

namespace divlab {

namespace {

constexpr std::array<JointExplanation, 7> kExplanations{{
    {"entropy_x", "entropy of X", "H(X) = −Σᵢ p(xᵢ) log p(xᵢ)",
     "How uncertain X is on its own: the bits needed on average to tell which row happened."},
    {"entropy_y", "entropy of Y", "H(Y) = −Σⱼ p(yⱼ) log p(yⱼ)",
     "How uncertain Y is on its own: the bits needed on average to tell which column happened."},
    {"joint_entropy", "joint entropy", "H(X,Y) = −Σᵢⱼ p(xᵢ,yⱼ) log p(xᵢ,yⱼ)",
     "The uncertainty of the pair: H(X,Y) = H(X|Y) + I(X;Y) + H(Y|X), the whole top bar."},
    {"conditional_entropy_x_given_y", "conditional entropy of X given Y", "H(X|Y) = −Σᵢⱼ p(xᵢ,yⱼ) log p(xᵢ|yⱼ)",
     "What is still uncertain about X once Y is known: H(X|Y) = H(X) − I(X;Y)."},
    {"conditional_entropy_y_given_x", "conditional entropy of Y given X", "H(Y|X) = −Σᵢⱼ p(xᵢ,yⱼ) log p(yⱼ|xᵢ)",
     "What is still uncertain about Y once X is known: H(Y|X) = H(Y) − I(X;Y)."},
    {"mutual_information", "mutual information", "I(X;Y) = D(P_XY ‖ P_X ⊗ P_Y) = Σᵢⱼ p(xᵢ,yⱼ) log p(xᵢ,yⱼ)/(p(xᵢ)p(yⱼ))",
     "What X and Y tell about each other: the KL divergence between the table and the table they would make if "
     "they were independent. Symmetric, ≥ 0, and 0 exactly when X and Y are independent."},
    {"variation_of_information", "variation of information", "VI = H(X|Y) + H(Y|X) = H(X,Y) − I(X;Y)",
     "How much X and Y do not share: a true metric between the two variables (0 when each determines the other)."},
}};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

std::span<const JointExplanation> joint_explanations() { return kExplanations; }

const JointExplanation* joint_explanation(std::string_view key) {
  for (const JointExplanation& e : kExplanations)
    if (e.key == key) return &e;
  return nullptr;
}

std::string joint_sentence(std::string_view key, const JointMeasures& m) {
  const std::string u = m.base == Base::two ? " bits" : " nats";
  if (key == "entropy_x") return "Naming the row takes " + num(m.entropy_x) + u + " on average.";
  if (key == "entropy_y") return "Naming the column takes " + num(m.entropy_y) + u + " on average.";
  if (key == "joint_entropy") return "Naming the cell takes " + num(m.joint_entropy) + u + " on average.";
  if (key == "conditional_entropy_x_given_y")
    return "Knowing Y, naming X still takes " + num(m.conditional_entropy_x_given_y) + u + " (of " + num(m.entropy_x) +
           u + " without it).";
  if (key == "conditional_entropy_y_given_x")
    return "Knowing X, naming Y still takes " + num(m.conditional_entropy_y_given_x) + u + " (of " + num(m.entropy_y) +
           u + " without it).";
  if (key == "mutual_information")
    return "Knowing Y saves " + num(m.mutual_information) + u + " when naming X, and knowing X saves the same when naming Y.";
  if (key == "variation_of_information")
    return "X and Y differ by " + num(m.variation_of_information) + u + " of information.";
  return {};
}

}  // namespace divlab

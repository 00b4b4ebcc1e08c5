#include "labs/labs.hpp"

#include "labs/coding/coding_lab.hpp"
#include "labs/divergence/divergence_lab.hpp"
#include "labs/fit/fit_lab.hpp"
#include "labs/joint/joint_lab.hpp"

namespace divlab::gui {

std::vector<std::unique_ptr<Lab>> make_labs() {
  std::vector<std::unique_ptr<Lab>> labs;
  labs.push_back(std::make_unique<DivergenceLab>());
  labs.push_back(std::make_unique<FitLab>());
  labs.push_back(std::make_unique<JointLab>());
  labs.push_back(std::make_unique<CodingLab>());
  return labs;
}

}  // namespace divlab::gui

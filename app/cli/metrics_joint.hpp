// `divlab metrics` on a joint scenario (SPEC §5): every key of kJointQuantities.
#pragma once
#include <string>

#include "divlab/document/scenario.hpp"

namespace divlab::cli {

// The whole output for a joint scenario: JSON ("base" then each key, 17 significant digits) or the
// aligned table with symbols and units. Built whole before anything is printed.
std::string joint_metrics_output(const Scenario& s, Base base, bool json, const std::string& file);

}  // namespace divlab::cli

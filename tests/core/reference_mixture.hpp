// Mixtures as the reference generators write them (tests/reference/gen_*.py): {"family", "weight",
// "mean", "scale", "df", "low", "high"}, each optional but "family". Shared by the core tests.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "divlab/distributions/distribution.hpp"

namespace divlab::test_data {

inline Component reference_component(const nlohmann::json& j) {
  Component c;
  const std::string f = j.at("family");
  c.family = f == "normal" ? Family::normal : f == "laplace" ? Family::laplace
           : f == "student_t" ? Family::student_t : Family::uniform;
  c.weight = j.value("weight", 1.0);
  c.mean = j.value("mean", 0.0);
  c.scale = j.value("scale", 1.0);
  c.df = j.value("df", 1.0);
  c.low = j.value("low", 0.0);
  c.high = j.value("high", 1.0);
  return c;
}

inline Mixture reference_mixture(const nlohmann::json& j) {
  Mixture m;
  for (const nlohmann::json& c : j) m.components.push_back(reference_component(c));
  return m;
}

}  // namespace divlab::test_data

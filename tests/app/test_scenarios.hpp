// Scenarios shared by the frame tests and the frame benchmark.
#pragma once
#include <cmath>
#include <string>

#include "divlab/document/scenario.hpp"

namespace divlab::test {

// Two normal bumps against one wider normal, x in [−6, 6] (the default scenario's shape).
inline Scenario bimodal() {
  Scenario s;
  s.kind = Kind::continuous;
  s.p_mix.components = {{Family::normal, 0.5, -2, 0.6}, {Family::normal, 0.5, 2, 0.6}};
  s.q_mix.components = {{Family::normal, 1, 0, 1}};
  s.view = {{"x_range", {-6, 6}}};
  return s;
}

// 26 labelled bins in bits, like the English/German letters preset (long legend labels).
inline Scenario letters() {
  Scenario s;
  s.kind = Kind::discrete;
  s.base = Base::two;
  for (int i = 0; i < 26; ++i) {
    s.p_mass.push_back(1.0 + std::sin(i * 0.7) * 0.8);
    s.q_mass.push_back(1.0 + std::cos(i * 0.4) * 0.9);
    s.labels.push_back(std::string(1, static_cast<char>('a' + i)));
  }
  return s;
}

}  // namespace divlab::test

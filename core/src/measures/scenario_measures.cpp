#include <stdexcept>

#include "divlab/measures/measures.hpp"
#include "divlab/document/scenario.hpp"

namespace divlab {

Measures measure_scenario(const Scenario& s, Base base) {
  if (s.kind == Kind::joint)  // a table, not a pair: measure_joint (measures/joint.hpp)
    throw std::invalid_argument("a joint scenario has no P and Q to compare (its quantities are those of SPEC §5)");
  if (s.kind == Kind::discrete) return measure_discrete(s.p_mass, s.q_mass, s.support_x, s.labels, base);
  return measure_continuous(s.p_mix, s.q_mix, base);
}

}  // namespace divlab

// How the continuous integrals split the real line (measures_continuous.cpp): the core's
// breakpoints and the mapped tail pieces. Internal to divlab_core.
#pragma once
#include <vector>

#include "distributions/mixture_eval.hpp"
#include "measures/integrate.hpp"

namespace divlab::detail {

// Breakpoints of the core for the pair (p, q): centres, centres ± 2, 6 scales, uniform ends, and
// farther out where a narrow component sits inside a wide one. Sorted, distinct, finite.
std::vector<double> breakpoints(const PreparedMixture& p, const PreparedMixture& q);

// Tail pieces in u for x = origin ± σ(eᵘ − 1) up to `far`: [0,1], [1,2], [2,4], … (doubling).
void add_tail(std::vector<Piece>& pieces, Piece::Map map, double origin, double far, double sigma);

}  // namespace divlab::detail

// Deciding ∞ by analysis for continuous mixtures, and how far out the integrands matter.
// Internal to divlab_core. See docs/numerics.md for the case table.
#pragma once
#include "divlab/measures.hpp"
#include "mixture_eval.hpp"

namespace divlab::detail {

struct TailAnalysis {
  WhyInfinite kl_pq, kl_qp, wasserstein_1;
  // Beyond [far_left, far_right] every finite integrand is negligible (< ~1e-16 in total).
  double far_left = 0, far_right = 0;
};

TailAnalysis analyse_tails(const PreparedMixture& p, const PreparedMixture& q);

}  // namespace divlab::detail

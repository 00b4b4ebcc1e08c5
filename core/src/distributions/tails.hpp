// Deciding ∞ by analysis for continuous mixtures, and how far out the integrands matter.
// Internal to divlab_core. See docs/numerics.md for the case table.
#pragma once
#include "divlab/measures/measures.hpp"
#include "distributions/mixture_eval.hpp"

namespace divlab::detail {

struct TailAnalysis {
  WhyInfinite kl_pq, kl_qp, wasserstein_1;
  // Integrate over [far_left, far_right] (at most 1e150 scales out, so no z² overflows); beyond it
  // every finite integrand is negligible except the slowly decaying ones below, whose remaining
  // tails are added in closed form from the x^−ν−1 asymptotics of Student-t densities.
  double far_left = 0, far_right = 0;
  double kl_pq_tail = 0, kl_qp_tail = 0, w1_tail = 0;
};

TailAnalysis analyse_tails(const PreparedMixture& p, const PreparedMixture& q);

}  // namespace divlab::detail

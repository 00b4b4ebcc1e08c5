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

// The heaviest tail of a mixture, which decides how fast its density decays: a Student-t (smallest df)
// over a Laplace (widest scale) over a normal (widest sd); `bounded` for uniforms only.
struct TailClass {
  Family family = Family::uniform;
  double param = 0;  // df for a Student-t, else the scale
  bool bounded = true;
};
TailClass heaviest_tail(const PreparedMixture& m);

// ∞ by analysis for A = ∫ a^α b^(1−α) dx with α > 1 (SPEC §7; α < 0 is this with a, b swapped and
// 1 − α): by support (a > 0 = b on a stretch) or by tails, where b^(1−α) grows faster than a^α decays:
//   b normal (sd σ_b):     ∞ for a Laplace or Student-t a, and for a normal a iff α σ_b² + (1−α) σ_a² ≤ 0;
//   b Laplace (scale β_b): ∞ for a Student-t a, and for a Laplace a iff α/β_a + (1−α)/β_b ≤ 0;
//   b Student-t (df ν_b):  ∞ iff a is a Student-t with α(ν_a + 1) − (α−1)(ν_b + 1) ≤ 1.
WhyInfinite alpha_check(const PreparedMixture& a, const PreparedMixture& b, double alpha, const char* an,
                        const char* bn);

// Whether the supports of a and b share a stretch of positive length (A > 0 for 0 < α < 1).
bool supports_overlap(const PreparedMixture& a, const PreparedMixture& b);

}  // namespace divlab::detail

// Rényi and Minka α-divergences of SPEC §7 for a pair (P, Q), discrete or continuous, from one
// quantity A(α) = Σ p^α q^(1−α) (∫ for densities), computed in log space. ∞ is decided by analysis
// (support and tails), as for KL (measures.hpp).
#pragma once
#include <array>
#include <span>
#include <string>

#include "divlab/distributions/distribution.hpp"
#include "divlab/measures/measures.hpp"
#include "divlab/measures/quantities.hpp"

namespace divlab {

// The α-family for one α. Rényi values in the base of `base`; Minka's divergence in nats (it has
// no logarithm: its limits are KLs in nats). +∞ is a legitimate value; a finite Minka divergence
// beyond the double range is flagged `alpha_divergence_overflow` (its value is then DBL_MAX),
// never reported as ∞.
struct AlphaMeasures {
  Base base = Base::e;
  double alpha = 1;
  // D^R_α(P‖Q) = 1/(α−1) · log Σ p^α q^(1−α);  α = 1: D(P‖Q).
  double renyi_pq = 0;
  // D^R_α(Q‖P) = 1/(α−1) · log Σ q^α p^(1−α);  α = 1: D(Q‖P).
  double renyi_qp = 0;
  // D_α(P‖Q) = (1 − Σ p^α q^(1−α)) / (α(1−α)) = Σ [αp + (1−α)q − p^α q^(1−α)] / (α(1−α))  (nats);
  // α = 1: D(P‖Q), α = 0: D(Q‖P).
  double alpha_divergence_pq = 0;
  bool alpha_divergence_overflow = false;
  WhyInfinite why_renyi_pq, why_renyi_qp, why_alpha_divergence_pq;
};

// Discrete P, Q (same length N ≥ 1; unnormalised input is normalised, as measure_discrete does).
// α finite; Rényi is meant for α > 0 (for α ≤ 0 the formula's value: α = 0 gives −log Q(supp P)),
// Minka's divergence is defined for every finite α. x and labels (optional) name bins in ∞ reasons.
AlphaMeasures alpha_discrete(std::span<const double> p, std::span<const double> q, double alpha,
                             std::span<const double> x = {}, std::span<const std::string> labels = {},
                             Base base = Base::e);

// Continuous mixtures, integrated over the whole real line; same conventions.
AlphaMeasures alpha_continuous(const Mixture& p, const Mixture& q, double alpha, Base base = Base::e);

// The α-family in the quantity registry's form (quantities.hpp), SPEC §7 order. Rényi values are in
// the measures' base; alpha_divergence_pq is in nats whatever the base (its unit is nats).
using AlphaQuantity = QuantityInfo<AlphaMeasures>;
inline constexpr std::array<AlphaQuantity, 3> kAlphaQuantities{{
    {.key = "renyi_pq", .symbol = "D_α(P‖Q)", .name = "Rényi divergence of order α", .unit = QuantityUnit::information,
     .value = &AlphaMeasures::renyi_pq, .why_infinite = &AlphaMeasures::why_renyi_pq,
     .formula = "D_α(P‖Q) = 1/(α−1) · log ∑ p^α q^(1−α)   (α → 1: D(P‖Q))", .latex = "D_\\alpha(P\\,\\|\\,Q)",
     .meaning = "A one-parameter family through KL: small α forgives Q for missing some of P, large α "
                "punishes the worst ratio p/q (α → ∞: log max p/q). D_½ = −2 log BC, D_2 = log(1 + χ²).",
     .properties = "≥ 0, 0 only for P = Q, non-decreasing in α. Not symmetric except at α = ½. ∞ for α > 1 "
                   "where Q = 0 < P or where P's tails are too heavy for Q's; for α < 1 only when P and Q "
                   "do not overlap."},
    {.key = "renyi_qp", .symbol = "D_α(Q‖P)", .name = "Rényi divergence of order α (reverse)",
     .unit = QuantityUnit::information, .value = &AlphaMeasures::renyi_qp, .why_infinite = &AlphaMeasures::why_renyi_qp,
     .formula = "D_α(Q‖P) = 1/(α−1) · log ∑ q^α p^(1−α)   (α → 1: D(Q‖P))", .latex = "D_\\alpha(Q\\,\\|\\,P)",
     .meaning = "The same family with the roles of P and Q swapped.",
     .properties = "As D_α(P‖Q) with P and Q swapped; (1−α)·D_α(P‖Q) = α·D_(1−α)(Q‖P)."},
    {.key = "alpha_divergence_pq", .symbol = "D_α(P‖Q) (Minka)", .name = "α-divergence (Minka)",
     .unit = QuantityUnit::information, .value = &AlphaMeasures::alpha_divergence_pq,
     .why_infinite = &AlphaMeasures::why_alpha_divergence_pq,
     .formula = "D_α(P‖Q) = (1 − ∑ p^α q^(1−α)) / (α(1−α))   (α → 1: D(P‖Q), α → 0: D(Q‖P))",
     .latex = "D^{\\mathrm{M}}_\\alpha(P\\,\\|\\,Q)",
     .meaning = "Minka's α-divergence: no logarithm, so it is the same in every base (nats at its KL ends). "
                "Fitting Q by it moves from mode-seeking (α ≤ 0) to mass-covering (α ≥ 1).",
     .properties = "≥ 0, 0 only for P = Q. Finite 1/(α(1−α)) for disjoint P and Q when 0 < α < 1; "
                   "α = ½ is 4H² (symmetric), α = 2 is χ²/2."},
}};

}  // namespace divlab

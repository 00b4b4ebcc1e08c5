// Every quantity of SPEC §1 for a pair (P, Q), discrete or continuous. Their words, units and sentences:
// quantities.hpp.
#pragma once
#include <span>
#include <string>

#include "divlab/distributions/distribution.hpp"

namespace divlab {

// Why a quantity is +∞ (decided by analysis, never by a large number from integration).
struct WhyInfinite {
  enum class Cause { finite, support, tails };
  Cause cause = Cause::finite;
  // Human sentence, e.g. "Q = 0 at 'tails' where P > 0" or "P's tails are heavier than Q's".
  std::string reason;
  bool operator==(const WhyInfinite&) const = default;
};

// Values in the base of `base` (perplexities are base-independent). +∞ is a legitimate value.
struct Measures {
  Base base = Base::e;
  double entropy_p = 0, entropy_q = 0;
  double cross_entropy_pq = 0, cross_entropy_qp = 0;
  double kl_pq = 0, kl_qp = 0;
  double jsd = 0, js_distance = 0;
  double wasserstein_1 = 0;
  double total_variation = 0;
  double hellinger = 0, bhattacharyya = 0;
  double perplexity_p = 1, perplexity_q = 1, perplexity_pq = 1, perplexity_qp = 1;
  WhyInfinite why_kl_pq, why_kl_qp, why_wasserstein_1;  // the cross-entropies/perplexities share these
};

// Discrete P, Q (same length N ≥ 1; unnormalised input is normalised) at support positions x
// (empty → 0..N−1; any order). labels (optional, may be empty) name bins in ∞ reasons.
Measures measure_discrete(std::span<const double> p, std::span<const double> q,
                          std::span<const double> x = {}, std::span<const std::string> labels = {},
                          Base base = Base::e);

// Continuous mixtures, integrated over the whole real line.
Measures measure_continuous(const Mixture& p, const Mixture& q, Base base = Base::e);

// The same measures re-expressed in another base.
Measures in_base(const Measures& m, Base base);

}  // namespace divlab

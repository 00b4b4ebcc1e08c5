// Every quantity of SPEC §1 for a pair (P, Q), discrete or continuous.
#pragma once
#include <array>
#include <cmath>
#include <span>
#include <string>
#include <string_view>

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

// What a quantity is measured in: information (nats or bits), its square root, units of x, nothing
// (a number in [0, 1]), or a count of equally likely choices (perplexity; a length for densities).
enum class QuantityUnit { information, root_information, x_units, unitless, choices };

// One quantity of SPEC §1: its JSON key and symbol, its unit, where Measures keeps its value and, for
// those that can be +∞ for a named cause, the reason.
struct Quantity {
  std::string_view key;     // "kl_pq"
  std::string_view symbol;  // "D(P‖Q)"
  QuantityUnit unit;
  double Measures::*value;
  const WhyInfinite Measures::*why_infinite = nullptr;

  // Why it is ±∞ in m: the reason, or "" when it is finite or has no named cause.
  std::string_view infinite_reason(const Measures& m) const {
    return why_infinite && std::isinf(m.*value) ? std::string_view((m.*why_infinite).reason) : std::string_view();
  }
};

// Every quantity of SPEC §1, in SPEC order: the one list the CLI, exports, GUI and explanations follow.
inline constexpr std::array<Quantity, 16> kQuantities{{
    {"entropy_p", "H(P)", QuantityUnit::information, &Measures::entropy_p},
    {"entropy_q", "H(Q)", QuantityUnit::information, &Measures::entropy_q},
    {"cross_entropy_pq", "H(P,Q)", QuantityUnit::information, &Measures::cross_entropy_pq, &Measures::why_kl_pq},
    {"cross_entropy_qp", "H(Q,P)", QuantityUnit::information, &Measures::cross_entropy_qp, &Measures::why_kl_qp},
    {"kl_pq", "D(P‖Q)", QuantityUnit::information, &Measures::kl_pq, &Measures::why_kl_pq},
    {"kl_qp", "D(Q‖P)", QuantityUnit::information, &Measures::kl_qp, &Measures::why_kl_qp},
    {"jsd", "JSD(P,Q)", QuantityUnit::information, &Measures::jsd},
    {"js_distance", "√JSD", QuantityUnit::root_information, &Measures::js_distance},
    {"wasserstein_1", "W₁", QuantityUnit::x_units, &Measures::wasserstein_1, &Measures::why_wasserstein_1},
    {"total_variation", "TV", QuantityUnit::unitless, &Measures::total_variation},
    {"hellinger", "H", QuantityUnit::unitless, &Measures::hellinger},
    {"bhattacharyya", "BC", QuantityUnit::unitless, &Measures::bhattacharyya},
    {"perplexity_p", "PPL(P)", QuantityUnit::choices, &Measures::perplexity_p},
    {"perplexity_q", "PPL(Q)", QuantityUnit::choices, &Measures::perplexity_q},
    {"perplexity_pq", "PPL(P,Q)", QuantityUnit::choices, &Measures::perplexity_pq, &Measures::why_kl_pq},
    {"perplexity_qp", "PPL(Q,P)", QuantityUnit::choices, &Measures::perplexity_qp, &Measures::why_kl_qp},
}};

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

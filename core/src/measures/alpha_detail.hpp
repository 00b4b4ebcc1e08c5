// Shared pieces of the discrete and continuous α-family (alpha.hpp): Minka's pointwise term without
// cancellation and the assembly of Rényi and Minka values from log A. Internal to divlab_core.
#pragma once
#include <algorithm>
#include <cmath>
#include <limits>

#include "divlab/measures/alpha.hpp"

namespace divlab::detail {

// expm1(z)/z, 1 at z = 0.
inline double expm1_over(double z) { return z == 0 ? 1.0 : std::expm1(z) / z; }

// Minka's term at one point (a bin, or a quadrature node) where p, q > 0 (logs lp, lq finite):
//   t_α(p, q) = [αp + (1−α)q − p^α q^(1−α)] / (α(1−α)) ≥ 0,   Σ t_α = D_α(P‖Q) for normalised P, Q;
//   t_1 = p log(p/q) − p + q (KL's term), t_0 = q log(q/p) − q + p (reverse KL's).
// With u = log(p/q) it is q·Σ_{k≥2} c_k u^k/k!, c_k = 1 + α + … + α^(k−2), used where |u|·max(1,|α|,|1−α|)
// ≤ ¼ (no cancellation near p = q, finite at α = 0 and 1). Elsewhere, for α(1−α) away from 0, the direct
// form; near α = 1 (β = 1 − α small) the exact rearrangement [p(1 − e^(−βu))/β − (p − q)]/α, with
// p(1 − e^(−βu))/β = p·u·E(−βu), E(z) = expm1(z)/z, while |βu| < 1 and p − p^α q^(1−α) (in logs: no
// overflow of e^(−βu) where p is tiny) beyond; near α = 0 the same with P and Q swapped
// (t_α(p, q) = t_{1−α}(q, p)).
inline double minka_term(double alpha, double p, double q, double lp, double lq) {
  const double u = lp - lq;
  const double m = std::max({1.0, std::abs(alpha), std::abs(1 - alpha)});
  if (std::abs(u) * m <= 0.25) {
    double pw = u, c = 0, a_pow = 1, s = 0;
    for (int k = 2; k <= 60; ++k) {
      pw *= u / k;
      c += a_pow;
      a_pow *= alpha;
      const double term = c * pw;
      s += term;
      if (std::abs(term) <= 1e-18 * std::abs(s)) break;
    }
    return q * s;
  }
  const double ab = alpha * (1 - alpha), mixed = alpha * lp + (1 - alpha) * lq;  // log p^α q^(1−α)
  if (std::abs(ab) >= 0.05) return (alpha * p + (1 - alpha) * q - std::exp(mixed)) / ab;
  if (alpha >= 0.5) {
    const double b = 1 - alpha, z = -b * u;
    const double lead = std::abs(z) < 1 ? p * u * expm1_over(z) : (p - std::exp(mixed)) / b;
    return (lead - (p - q)) / alpha;
  }
  const double z = alpha * u;
  const double lead = std::abs(z) < 1 ? -q * u * expm1_over(z) : (q - std::exp(mixed)) / alpha;
  return (lead - (q - p)) / (1 - alpha);
}

// The pieces of one direction, in nats: D^R_α(A‖B) and D_α(A‖B) from L = log A(α) and, where
// |L| < ½, the accurate sum S of Minka's terms (S ≥ 0; A − 1 = −α(1−α)·S):
//   |L| < ½:  D_α = S,  D^R_α = log1p(x)/(α−1) = α·S·log1p(x)/x with x = −α(1−α)·S (no 0/0 at α = 1);
//   else:     D_α = −expm1(L)/(α(1−α)) (overflow flagged, never ∞),  D^R_α = L/(α−1).
struct AlphaDirection {
  double renyi = 0, minka = 0;
  bool minka_overflow = false;
  WhyInfinite why;
};
constexpr double kSmallLogA = 0.5;

inline AlphaDirection assemble_from_sum(double alpha, double s) {
  s = std::max(s, 0.0);
  const double x = -alpha * (1 - alpha) * s;
  return {alpha * s * (x == 0 ? 1.0 : std::log1p(x) / x), s, false, {}};
}

inline AlphaDirection assemble_from_log(double alpha, double log_a) {
  AlphaDirection d;
  d.renyi = std::max(log_a / (alpha - 1), 0.0);
  // (1 − A)/α/(1 − α): α(1−α) may overflow (α = 1e300); past A = e^709, (A − 1)/(α(α−1)) in logs.
  if (log_a > 709) {
    const double lm = log_a - std::log(std::abs(alpha)) - std::log(std::abs(1 - alpha));
    d.minka = lm < 709.7 ? std::exp(lm) : std::numeric_limits<double>::infinity();
  } else {
    d.minka = -std::expm1(log_a) / alpha / (1 - alpha);
  }
  if (!std::isfinite(d.minka)) d.minka = std::numeric_limits<double>::max(), d.minka_overflow = true;
  d.minka = std::max(d.minka, 0.0);
  return d;
}

// Rényi of order α ≤ 0 has no sign guarantee: the formula's value as it is (α < 0 can be negative).
inline AlphaDirection assemble_any(double alpha, double log_a) {
  AlphaDirection d = assemble_from_log(alpha, log_a);
  if (alpha <= 0) d.renyi = log_a / (alpha - 1);
  return d;
}

// The measures of alpha.hpp in `base` from both directions (P‖Q, Q‖P) in nats.
inline AlphaMeasures alpha_result(double alpha, const AlphaDirection& pq, const AlphaDirection& qp, Base base) {
  AlphaMeasures m;
  m.base = base;
  m.alpha = alpha;
  m.renyi_pq = pq.renyi / ln_base(base);
  m.renyi_qp = qp.renyi / ln_base(base);
  m.alpha_divergence_pq = pq.minka;
  m.alpha_divergence_overflow = pq.minka_overflow;
  m.why_renyi_pq = pq.why;
  m.why_alpha_divergence_pq = std::isinf(pq.minka) ? pq.why : WhyInfinite{};
  m.why_renyi_qp = qp.why;
  return m;
}

}  // namespace divlab::detail

// Shared pieces of the discrete and continuous measures: cancellation-free pointwise terms and
// the final assembly (base, √JSD, perplexities). Internal to divlab_core.
#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

#include "divlab/measures/measures.hpp"

namespace divlab::detail {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Below this |d| = |p − q|/(p + q) the pointwise terms use the series below (no cancellation).
constexpr double kSeriesD = 0.125;

// Series coefficients, highest order first (Horner): 1/(k(2k−1)), 1/(2k−1), 1/(2k+1) for k = 9..1.
constexpr int kSeriesTerms = 9;
constexpr auto series_coefficients(int which) {
  std::array<double, kSeriesTerms> c{};
  for (int i = 0; i < kSeriesTerms; ++i) {
    const double k = kSeriesTerms - i;
    c[i] = which == 0 ? 1.0 / (k * (2 * k - 1)) : which == 1 ? 1.0 / (2 * k - 1) : 1.0 / (2 * k + 1);
  }
  return c;
}
constexpr auto kJsdCoef = series_coefficients(0), kKlEven = series_coefficients(1), kKlOdd = series_coefficients(2);

// 1 − √(1 − u) = Σ_{k≥1} c_k·u^k with c_1 = ½ and c_{k+1} = c_k·(2k − 1)/(2k + 2); highest first.
constexpr auto hellinger_coefficients() {
  std::array<double, kSeriesTerms> c{};
  double ck = 0.5;
  for (int k = 1; k <= kSeriesTerms; ck *= (2.0 * k - 1) / (2.0 * k + 2), ++k) c[kSeriesTerms - k] = ck;
  return c;
}
constexpr auto kHellingerCoef = hellinger_coefficients();
static_assert(kHellingerCoef[kSeriesTerms - 2] == 1.0 / 8 && kHellingerCoef[kSeriesTerms - 4] == 5.0 / 128);

// (1+d)·log(1+d) + (1−d)·log(1−d) = Σ_{k≥1} d^{2k} / (k(2k−1)), for |d| ≤ kSeriesD: 9 terms
// leave a relative error below 3e-17 (d² ≤ 1/64).
inline double jsd_series(double d) {
  const double d2 = d * d;
  double s = 0;
  for (double c : kJsdCoef) s = s * d2 + c;
  return s * d2;
}

// (1+d)·atanh(d) − d = Σ_{k≥1} d^{2k}/(2k−1) + d^{2k+1}/(2k+1) = d²·(E(d²) + d·O(d²)), for
// |d| ≤ kSeriesD; the value at −d is d²·(E − d·O), so both directions share one evaluation.
struct KlSeries {
  double at_d, at_minus_d;
};
inline KlSeries kl_series_both(double d) {
  const double d2 = d * d;
  double even = 0, odd = 0;
  for (int i = 0; i < kSeriesTerms; ++i) {
    even = even * d2 + kKlEven[i];
    odd = odd * d2 + kKlOdd[i];
  }
  return {d2 * (even + d * odd), d2 * (even - d * odd)};
}

// Pointwise terms at one point (a bin, or a quadrature node) for p, q ≥ 0 with known logs
// (lp = log p, lq = log q; unused where p or q is 0). m = (p+q)/2, d = (p−q)/(p+q).
//   kl_pq  = p·log(p/q) − p + q = 2m·[(1+d)atanh(d) − d]   (≥ 0; sums to D(P‖Q) as Σp = Σq)
//   kl_qp  = q·log(q/p) − q + p                              (same with −d)
//   jsd    = ½p·log(p/m) + ½q·log(q/m) = ½m·[(1+d)log(1+d) + (1−d)log(1−d)]
// kl_* are +∞ where the first density is > 0 and the second is 0.
struct PointTerms {
  double kl_pq, kl_qp, jsd;
};

// lm(m) returns log m; it is called only where the series does not apply, so callers pick
// between a lazy std::log and a precomputed (vectorised) value.
// The terms where both sides have mass (s = p + q > 0, finite lp and lq): the series near p = q,
// else the direct forms.
template <class LogM>
inline PointTerms two_sided_terms(double p, double q, double lp, double lq, LogM lm_of) {
  const double s = p + q, d = (p - q) / s, m = 0.5 * s;
  if (std::abs(d) <= kSeriesD) {
    const KlSeries k = kl_series_both(d);
    return {2 * m * k.at_d, 2 * m * k.at_minus_d, 0.5 * m * jsd_series(d)};
  }
  const double lm = lm_of(m);
  return {p * (lp - lq) - p + q, q * (lq - lp) - q + p, 0.5 * (p * (lp - lm) + q * (lq - lm))};
}

template <class LogM>
inline PointTerms point_terms(double p, double q, double lp, double lq, LogM lm_of) {
  if (!(p + q > 0)) return {0, 0, 0};
  if (q == 0) return {kInf, p, 0.5 * p * std::numbers::ln2};
  if (p == 0) return {q, kInf, 0.5 * q * std::numbers::ln2};
  return two_sided_terms(p, q, lp, lq, lm_of);
}

inline PointTerms point_terms(double p, double q, double lp, double lq) {
  return point_terms(p, q, lp, lq, [](double m) { return std::log(m); });
}

// point_terms for densities: lp = −∞ marks a true zero (outside a uniform support); a
// density that merely underflowed to 0 keeps a finite log and finite terms.
inline PointTerms density_terms(double p, double lp, double q, double lq) {
  if (lp == -kInf && lq == -kInf) return {0, 0, 0};
  if (lp == -kInf) return {q, kInf, 0.5 * q * std::numbers::ln2};
  if (lq == -kInf) return {kInf, p, 0.5 * p * std::numbers::ln2};
  if (!(p + q > 0)) return {0, 0, 0};  // both below 1e-308: nothing measurable
  return two_sided_terms(p, q, lp, lq, [&](double m) {  // log m, also where m underflowed
    const double hi = std::max(lp, lq), lo = std::min(lp, lq);
    return m > 1e-290 ? std::log(m) : hi + std::log1p(std::exp(lo - hi)) - std::numbers::ln2;
  });
}

// (√p − √q)² without cancellation: (p − q)² / (√p + √q)².
inline double hellinger_term(double sp, double sq, double p, double q) {
  const double den = sp + sq;
  if (!(den > 0)) return 0;
  const double r = (p - q) / den;
  return r * r;
}

// The Hellinger and Bhattacharyya terms of one bin (p, q ≤ 1) from a single square root:
//   bc = g = √(p·q),   h2 = (√p − √q)² = s − 2g = s·(1 − √(1 − d²))   (s = p + q, d = (p − q)/s)
// with the series of 1 − √(1 − d²) where |d| ≤ kSeriesD (no cancellation); elsewhere s − 2g
// loses at most 7 bits (2g/s = √(1 − d²) < 0.9922). g = √((p·2^1022)·q)·2^−511, exactly
// scaled, so that p·q does not underflow unless both masses are subnormal (p = q = 1e-300 is fine).
constexpr double kSqrtScaleUp = 0x1p1022, kSqrtScaleDown = 0x1p-511;
struct HellingerTerms {
  double h2, bc;
};
inline HellingerTerms hellinger_bc_terms(double p, double q) {
  const double s = p + q;
  if (!(s > 0)) return {0, 0};
  const double g = std::sqrt(p * kSqrtScaleUp * q) * kSqrtScaleDown, d = (p - q) / s;
  if (std::abs(d) > kSeriesD) return {s - 2 * g, g};
  double c = 0;
  for (double ck : kHellingerCoef) c = c * (d * d) + ck;
  return {s * (d * d) * c, g};
}

// Fills in √JSD, H = √(H²) (`hellinger` holds H² on entry) and the perplexities from the
// quantities in nats, clamps rounding out of the mathematical ranges, then converts to `base`.
inline Measures finish(Measures nats, Base base) {
  nats.base = Base::e;
  nats.kl_pq = std::max(nats.kl_pq, 0.0);
  nats.kl_qp = std::max(nats.kl_qp, 0.0);
  nats.jsd = std::clamp(nats.jsd, 0.0, std::numbers::ln2);
  nats.total_variation = std::clamp(nats.total_variation, 0.0, 1.0);
  nats.bhattacharyya = std::clamp(nats.bhattacharyya, 0.0, 1.0);
  nats.wasserstein_1 = std::max(nats.wasserstein_1, 0.0);
  nats.js_distance = std::sqrt(nats.jsd);
  nats.perplexity_p = std::exp(nats.entropy_p);
  nats.perplexity_q = std::exp(nats.entropy_q);
  nats.perplexity_pq = std::exp(nats.cross_entropy_pq);
  nats.perplexity_qp = std::exp(nats.cross_entropy_qp);
  nats.hellinger = std::sqrt(std::clamp(nats.hellinger, 0.0, 1.0));
  return in_base(nats, base);
}

}  // namespace divlab::detail

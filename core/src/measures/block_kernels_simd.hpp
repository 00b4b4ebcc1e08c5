// sum_terms for W lanes of doubles, written once with GCC vector extensions and compiled twice:
// W = 4 in block_kernels_avx2.cpp (-mavx2 -mfma), W = 8 in block_kernels_avx512.cpp
// (-mavx512f). Branch-free: both the series and the direct form of each pointwise term are
// computed and the right one is selected per lane. Include only from those two files: everything
// here has internal linkage, so no function compiled for AVX can stand in for a baseline one.
#pragma once
#if !defined(__AVX2__) || !defined(__FMA__)
#error "block_kernels_simd.hpp is for the files compiled with -mavx2 -mfma or -mavx512f -mfma"
#endif
#include <immintrin.h>

#include <cstring>
#include <numbers>

#include "measures/block_kernels.hpp"
#include "measures/measures_detail.hpp"

namespace divlab::detail::simd {
namespace {

typedef double V4 __attribute__((vector_size(32)));  // 4 doubles
typedef double V8 __attribute__((vector_size(64)));  // 8 doubles
template <int W>
struct Lanes;
template <>
struct Lanes<4> {
  using V = V4;
};
template <>
struct Lanes<8> {
  using V = V8;
};

template <class V>
V load(const double* p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// The two operations the vector extensions lack, for each width.
#ifdef __AVX512F__
inline V8 sqrt(V8 x) { return _mm512_maskz_sqrt_pd(0xff, x); }  // (GCC 12 warns on _mm512_sqrt_pd)
inline V8 fma(V8 a, V8 b, V8 c) { return _mm512_fmadd_pd(a, b, c); }
#endif
inline V4 sqrt(V4 x) { return _mm256_sqrt_pd(x); }
inline V4 fma(V4 a, V4 b, V4 c) { return _mm256_fmadd_pd(a, b, c); }

template <class V, class Coefficients>
V horner(const Coefficients& c, V x) {
  V s = V{} + 0.0;
  for (double ck : c) s = fma(s, x, V{} + ck);
  return s;
}

template <class V>
double lanes_sum(V v) {
  double s = 0;
  for (unsigned i = 0; i < sizeof v / sizeof v[0]; ++i) s += v[i];
  return s;
}

template <int W>
TermSums sum_terms(const BinBlock& b) {
  using V = typename Lanes<W>::V;
  const V zero = V{} + 0.0, inf = zero + __builtin_inf();
  V hp = zero, hq = zero, xpq = zero, xqp = zero, kl_pq = zero, kl_qp = zero, jsd = zero;
  V tv = zero, h2 = zero, bc = zero;
  std::size_t i = 0;
  for (; i + W <= b.n; i += W) {
    const V p = load<V>(b.p + i), q = load<V>(b.q + i);
    const auto p_pos = p > 0, q_pos = q > 0;
    const V lp = p_pos ? load<V>(b.lp + i) : zero, lq = q_pos ? load<V>(b.lq + i) : zero;  // 0·log 0 = 0
    hp -= p * lp;
    hq -= q * lq;
    xpq -= p * lq;
    xqp -= q * lp;

    // PointTerms (measures_detail.hpp), s = p + q = 2m, d = (p − q)/s:
    //   series (|d| ≤ kSeriesD): kl_pq = s·d²·(E + d·O), kl_qp = s·d²·(E − d·O), jsd = ¼·s·d²·J
    //   direct: kl_pq = p·(lp − lq) − p + q, kl_qp = q·(lq − lp) − q + p, jsd = ½·(p·(lp − lm) + q·(lq − lm))
    const V s = p + q, diff = p - q;
    const auto any_mass = s > 0;  // else p = q = 0: every term is 0
    const V d = diff / s, d2 = d * d, sd2 = s * d2;
    const V even = horner(kKlEven, d2), odd = horner(kKlOdd, d2);
    const V series_pq = sd2 * fma(d, odd, even), series_qp = sd2 * fma(-d, odd, even);
    const V series_jsd = 0.25 * sd2 * horner(kJsdCoef, d2);
    const V lm = load<V>(b.lm + i), lpq = lp - lq;
    const V direct_pq = fma(p, lpq, -p) + q, direct_qp = fma(-q, lpq, -q) + p;
    const V direct_jsd = 0.5 * fma(p, lp - lm, q * (lq - lm));
    // Comparisons with NaN are false: d is NaN where p = q = 0, and |d| = 1 where one is 0.
    const auto series = (d <= kSeriesD) & (d >= -kSeriesD);
    const V t_pq = (p_pos & ~q_pos) ? inf : series ? series_pq : direct_pq;  // P > 0 where Q = 0
    const V t_qp = (q_pos & ~p_pos) ? inf : series ? series_qp : direct_qp;
    kl_pq += any_mass ? t_pq : zero;
    kl_qp += any_mass ? t_qp : zero;
    // Where one side is 0, m = s/2 may underflow to 0 (s = 2^−1074): take the limit ½·s·ln 2,
    // as point_terms does, rather than direct_jsd's 0·(log 0 − log m).
    const auto one_sided = p_pos ^ q_pos;
    jsd += any_mass ? (one_sided ? 0.5 * std::numbers::ln2 * s : series ? series_jsd : direct_jsd) : zero;

    tv += diff < 0 ? -diff : diff;
    // hellinger_bc_terms: h2 = s·d²·C(d²) (series) or s − 2√(pq).
    const V sqrt_pq = sqrt(p * kSqrtScaleUp * q) * kSqrtScaleDown;
    const V h = series ? sd2 * horner(kHellingerCoef, d2) : fma(zero - 2.0, sqrt_pq, s);
    h2 += any_mass ? h : zero;
    bc += sqrt_pq;
  }
  TermSums sums{lanes_sum(hp), lanes_sum(hq),    lanes_sum(xpq), lanes_sum(xqp), lanes_sum(kl_pq),
                lanes_sum(kl_qp), lanes_sum(jsd), lanes_sum(tv),  lanes_sum(h2),  lanes_sum(bc)};
  sums += sum_terms_scalar({b.p + i, b.q + i, b.lp + i, b.lq + i, b.lm + i, b.n - i});  // the last < W bins
  return sums;
}

}  // namespace
}  // namespace divlab::detail::simd

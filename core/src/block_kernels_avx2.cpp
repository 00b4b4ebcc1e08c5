// The AVX2 build of block_kernels.hpp. Compiled with -mavx2 -mfma (core/CMakeLists.txt) and called
// only after cpu_has_avx2(). Four bins per step, without branches: both the series and the direct
// form of each pointwise term are computed and the right one is selected per lane.
#include <immintrin.h>

#include <cmath>
#include <limits>

#include "block_kernels.hpp"
#include "measures_detail.hpp"

extern "C" __m256d _ZGVdN4v_log(__m256d x);  // glibc libmvec: 4 × log in AVX2

namespace divlab::detail {

void log_block_avx2(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(out + i, _ZGVdN4v_log(_mm256_loadu_pd(in + i)));
  for (; i < n; ++i) out[i] = std::log(in[i]);
}

namespace {

template <class Coefficients>
__m256d horner(const Coefficients& c, __m256d x) {
  __m256d s = _mm256_setzero_pd();
  for (double ck : c) s = _mm256_fmadd_pd(s, x, _mm256_set1_pd(ck));
  return s;
}

double lanes_sum(__m256d v) {
  alignas(32) double l[4];
  _mm256_store_pd(l, v);
  return (l[0] + l[1]) + (l[2] + l[3]);
}

}  // namespace

TermSums sum_terms_avx2(const BinBlock& b) {
  const __m256d zero = _mm256_setzero_pd(), half = _mm256_set1_pd(0.5), quarter = _mm256_set1_pd(0.25);
  const __m256d sign = _mm256_set1_pd(-0.0), series_d = _mm256_set1_pd(kSeriesD);
  const __m256d inf = _mm256_set1_pd(std::numeric_limits<double>::infinity());
  __m256d hp = zero, hq = zero, xpq = zero, xqp = zero, kl_pq = zero, kl_qp = zero, jsd = zero;
  __m256d tv = zero, h2 = zero, bc = zero;
  std::size_t i = 0;
  for (; i + 4 <= b.n; i += 4) {
    const __m256d p = _mm256_loadu_pd(b.p + i), q = _mm256_loadu_pd(b.q + i);
    const __m256d p_pos = _mm256_cmp_pd(p, zero, _CMP_GT_OQ), q_pos = _mm256_cmp_pd(q, zero, _CMP_GT_OQ);
    // log 0 → 0, so that 0·log 0 = 0.
    const __m256d lp = _mm256_and_pd(p_pos, _mm256_loadu_pd(b.lp + i));
    const __m256d lq = _mm256_and_pd(q_pos, _mm256_loadu_pd(b.lq + i));
    hp = _mm256_fnmadd_pd(p, lp, hp);
    hq = _mm256_fnmadd_pd(q, lq, hq);
    xpq = _mm256_fnmadd_pd(p, lq, xpq);
    xqp = _mm256_fnmadd_pd(q, lp, xqp);

    // PointTerms (measures_detail.hpp), s = p + q = 2m, d = (p − q)/s:
    //   series (|d| ≤ kSeriesD): kl_pq = s·d²·(E + d·O), kl_qp = s·d²·(E − d·O), jsd = ¼·s·d²·J
    //   direct: kl_pq = p·(lp − lq) − p + q, kl_qp = q·(lq − lp) − q + p, jsd = ½·(p·(lp − lm) + q·(lq − lm))
    const __m256d s = _mm256_add_pd(p, q), diff = _mm256_sub_pd(p, q);
    const __m256d some = _mm256_cmp_pd(s, zero, _CMP_GT_OQ);  // else p = q = 0: every term is 0
    const __m256d d = _mm256_div_pd(diff, s), d2 = _mm256_mul_pd(d, d), sd2 = _mm256_mul_pd(s, d2);
    const __m256d even = horner(kKlEven, d2), odd = horner(kKlOdd, d2);
    const __m256d series_pq = _mm256_mul_pd(sd2, _mm256_fmadd_pd(d, odd, even));
    const __m256d series_qp = _mm256_mul_pd(sd2, _mm256_fnmadd_pd(d, odd, even));
    const __m256d series_jsd = _mm256_mul_pd(_mm256_mul_pd(quarter, sd2), horner(kJsdCoef, d2));

    const __m256d lm = _mm256_loadu_pd(b.lm + i), lpq = _mm256_sub_pd(lp, lq);
    const __m256d direct_pq = _mm256_add_pd(_mm256_fmsub_pd(p, lpq, p), q);
    const __m256d direct_qp = _mm256_add_pd(_mm256_fnmsub_pd(q, lpq, q), p);
    const __m256d direct_jsd =
        _mm256_mul_pd(half, _mm256_fmadd_pd(p, _mm256_sub_pd(lp, lm), _mm256_mul_pd(q, _mm256_sub_pd(lq, lm))));

    // |d| ≤ kSeriesD is false for NaN d (p = q = 0) and for a zero on one side (|d| = 1).
    const __m256d use_series = _mm256_cmp_pd(_mm256_andnot_pd(sign, d), series_d, _CMP_LE_OQ);
    __m256d t_pq = _mm256_blendv_pd(direct_pq, series_pq, use_series);
    __m256d t_qp = _mm256_blendv_pd(direct_qp, series_qp, use_series);
    const __m256d t_jsd = _mm256_blendv_pd(direct_jsd, series_jsd, use_series);
    t_pq = _mm256_blendv_pd(t_pq, inf, _mm256_andnot_pd(q_pos, p_pos));  // P > 0 where Q = 0
    t_qp = _mm256_blendv_pd(t_qp, inf, _mm256_andnot_pd(p_pos, q_pos));
    kl_pq = _mm256_add_pd(kl_pq, _mm256_and_pd(some, t_pq));
    kl_qp = _mm256_add_pd(kl_qp, _mm256_and_pd(some, t_qp));
    jsd = _mm256_add_pd(jsd, _mm256_and_pd(some, t_jsd));

    tv = _mm256_add_pd(tv, _mm256_andnot_pd(sign, diff));
    // hellinger_bc_terms: g = √(pq); h2 = s·d²·C(d²) (series) or s − 2g.
    const __m256d g = _mm256_sqrt_pd(_mm256_mul_pd(p, q));
    const __m256d series_h2 = _mm256_mul_pd(sd2, horner(kHellingerCoef, d2));
    const __m256d direct_h2 = _mm256_fnmadd_pd(_mm256_set1_pd(2.0), g, s);
    h2 = _mm256_add_pd(h2, _mm256_and_pd(some, _mm256_blendv_pd(direct_h2, series_h2, use_series)));
    bc = _mm256_add_pd(bc, g);
  }
  TermSums sums{lanes_sum(hp), lanes_sum(hq), lanes_sum(xpq), lanes_sum(xqp), lanes_sum(kl_pq), lanes_sum(kl_qp),
                lanes_sum(jsd), lanes_sum(tv), lanes_sum(h2), lanes_sum(bc)};
  sums += sum_terms_scalar({b.p + i, b.q + i, b.lp + i, b.lq + i, b.lm + i, b.n - i});  // the last < 4 bins
  return sums;
}

}  // namespace divlab::detail

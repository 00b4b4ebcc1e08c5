// joint_row_terms for W lanes of doubles, written once with GCC vector extensions and compiled
// twice: W = 4 in joint_kernels_avx2.cpp (-mavx2 -mfma), W = 8 in joint_kernels_avx512.cpp
// (-mavx512f -mfma). Branch-free: the series and the direct form of I's term are both computed
// and selected per lane; masked lanes may hold NaN or ∞, which a select never lets through. Include
// only from those two files (internal linkage, as block_kernels_simd.hpp whose helpers it uses).
#pragma once
#include "measures/block_kernels_simd.hpp"
#include "measures/joint_kernels.hpp"

namespace divlab::detail::simd {
namespace {

template <int W>
JointRowSums joint_row_terms(const JointRow& r) {
  using V = typename Lanes<W>::V;
  const V zero = V{} + 0.0, px = zero + r.px, lpx = zero + r.lpx;
  V hxy = zero, hx_y = zero, hy_x = zero, mi = zero;
  std::size_t j = 0;
  for (; j + W <= r.n; j += W) {
    const V p = load<V>(r.p + j), py = load<V>(r.py + j), lpy = load<V>(r.lpy + j);
    const auto pos = p > 0;
    const V lp = pos ? load<V>(r.lp + j) : zero;  // 0·log 0 = 0
    hxy -= p * lp;
    // H(X|Y), H(Y|X): p·max(log marginal − log p, 0), 0 where p = 0 or p is the whole marginal.
    // (A −∞ log of an empty marginal only meets p = 0, and fails "> 0".)
    const V cy = lpy - lp, cx = lpx - lp;
    hx_y += (pos & (p != py) & (cy > 0)) ? p * cy : zero;
    hy_x += (pos & (p != px) & (cx > 0)) ? p * cx : zero;
    // I: q·φ(p/q), q = pᵢ·p·ⱼ; series s·d²·(E + d·O) for |d| ≤ kSeriesD, else p·(lp − lq) − p + q;
    // q where p = 0 (φ(0) = 1).
    const V q = px * py, lq = lpx + lpy;
    const V s = p + q, d = (p - q) / s, d2 = d * d;
    const V series = s * d2 * fma(d, horner(kKlOdd, d2), horner(kKlEven, d2));
    const V direct = fma(p, lp - lq, -p) + q;
    const auto near = (d <= kSeriesD) & (d >= -kSeriesD);
    const V t = pos ? (near ? series : direct) : q;
    mi += t > 0 ? t : zero;
  }
  JointRowSums sums{lanes_sum(hxy), lanes_sum(hx_y), lanes_sum(hy_x), lanes_sum(mi)};
  sums += joint_row_terms_scalar({r.p + j, r.lp + j, r.py + j, r.lpy + j, r.px, r.lpx, r.n - j});  // the last < W
  return sums;
}

}  // namespace
}  // namespace divlab::detail::simd

#include "measures/joint_kernels.hpp"

#include <algorithm>
#include <cmath>

#include "measures/block_kernels.hpp"
#include "measures/measures_detail.hpp"

namespace divlab::detail {

JointRowSums& JointRowSums::operator+=(const JointRowSums& o) {
  hxy += o.hxy, hx_y += o.hx_y, hy_x += o.hy_x, mi += o.mi;
  return *this;
}

namespace {

// q·φ(p/q) = p log(p/q) − p + q ≥ 0: the KL term of p against q = pᵢ·p·ⱼ. Near p = q it is
// s·[(1+d)atanh(d) − d] with s = p + q, d = (p − q)/s (the series of measures_detail.hpp, no
// cancellation); elsewhere p·(log p − log q) − p + q with the logs as given (q may have underflowed
// to 0 while log q is still exact).
double mi_term(double p, double q, double lp, double lq) {
  if (!(p > 0)) return q;  // φ(0) = 1
  const double s = p + q, d = (p - q) / s;
  const double t = std::abs(d) <= kSeriesD ? s * kl_series_both(d).at_d : p * (lp - lq) - p + q;
  return std::max(t, 0.0);
}

}  // namespace

JointRowSums joint_row_terms_scalar(const JointRow& r) {
  JointRowSums s;
  for (std::size_t j = 0; j < r.n; ++j) {
    const double p = r.p[j];
    s.mi += mi_term(p, r.px * r.py[j], r.lp[j], r.lpx + r.lpy[j]);
    if (!(p > 0)) continue;  // 0·log 0 = 0
    s.hxy -= p * r.lp[j];
    // Differences of logs (no ratio to underflow), each ≥ 0; exactly 0 where the cell is its whole
    // column (row), whichever log routine took each.
    if (p != r.py[j]) s.hx_y += p * std::max(r.lpy[j] - r.lp[j], 0.0);
    if (p != r.px) s.hy_x += p * std::max(r.lpx - r.lp[j], 0.0);
  }
  return s;
}

JointRowSums joint_row_terms(const JointRow& r) {
  if (cpu_has_avx512()) return joint_row_terms_avx512(r);
  return cpu_has_avx2() ? joint_row_terms_avx2(r) : joint_row_terms_scalar(r);
}

}  // namespace divlab::detail

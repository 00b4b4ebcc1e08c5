#include "measures/block_kernels.hpp"

#include <cmath>

#include "measures/measures_detail.hpp"

namespace divlab::detail {

void log_block_avx2(const double* in, double* out, std::size_t n);    // block_kernels_avx2.cpp
void log_block_avx512(const double* in, double* out, std::size_t n);  // block_kernels_avx512.cpp

bool cpu_has_avx2() {
  static const bool yes = [] {  // a CPU property, fixed for the process
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  }();
  return yes;
}

bool cpu_has_avx512() {
  static const bool yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f");
  }();
  return yes;
}

void log_block(const double* in, double* out, std::size_t n) {
  if (cpu_has_avx512()) return log_block_avx512(in, out, n);
  if (cpu_has_avx2()) return log_block_avx2(in, out, n);
  for (std::size_t i = 0; i < n; ++i) out[i] = std::log(in[i]);
}

TermSums& TermSums::operator+=(const TermSums& o) {
  hp += o.hp, hq += o.hq, xpq += o.xpq, xqp += o.xqp;
  kl_pq += o.kl_pq, kl_qp += o.kl_qp, jsd += o.jsd;
  tv += o.tv, h2 += o.h2, bc += o.bc;
  return *this;
}

TermSums sum_terms_scalar(const BinBlock& b) {
  TermSums s;
  for (std::size_t i = 0; i < b.n; ++i) {
    const double p = b.p[i], q = b.q[i];
    const double lp = p > 0 ? b.lp[i] : 0.0, lq = q > 0 ? b.lq[i] : 0.0;  // 0·log 0 = 0
    s.hp -= p * lp;
    s.hq -= q * lq;
    s.xpq -= p * lq;
    s.xqp -= q * lp;
    // point_terms asks for log m only where p, q > 0 and |d| > kSeriesD (m = s/2 > 0 there, and
    // the same m as the block's): the precomputed vectorised log is that value.
    const double lm = b.lm[i];
    const PointTerms t = point_terms(p, q, lp, lq, [lm](double) { return lm; });
    s.kl_pq += t.kl_pq;
    s.kl_qp += t.kl_qp;
    s.jsd += t.jsd;
    s.tv += std::abs(p - q);
    const HellingerTerms h = hellinger_bc_terms(p, q);
    s.h2 += h.h2;
    s.bc += h.bc;
  }
  return s;
}

TermSums sum_terms(const BinBlock& b) {
  if (cpu_has_avx512()) return sum_terms_avx512(b);
  return cpu_has_avx2() ? sum_terms_avx2(b) : sum_terms_scalar(b);
}

}  // namespace divlab::detail

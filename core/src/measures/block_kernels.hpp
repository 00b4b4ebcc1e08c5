// The discrete measures' inner loops over a block of bins, in three builds: AVX-512 or AVX2
// (libmvec logs, 8 or 4 bins per instruction, branch-free: block_kernels_simd.hpp) when the CPU
// has it, else plain scalar code. All compute the pointwise terms of measures_detail.hpp.
// Internal to divlab_core.
#pragma once
#include <cstddef>

namespace divlab::detail {

// out[i] = log(in[i]) for i < n (log 0 = −∞, as std::log), with libmvec's AVX-512 or AVX2 log
// (≤ 4 ulp) where the CPU has it.
void log_block(const double* in, double* out, std::size_t n);

// Sums over bins of the pointwise terms, in nats.
struct TermSums {
  double hp = 0, hq = 0;    // −Σ p·log p, −Σ q·log q
  double xpq = 0, xqp = 0;  // −Σ p·log q, −Σ q·log p over bins where the log's argument is > 0
  double kl_pq = 0, kl_qp = 0, jsd = 0;  // Σ of PointTerms: kl_pq = +∞ iff some bin has p > 0 = q
  double tv = 0;  // Σ |p − q|
  double h2 = 0;  // Σ (√p − √q)²  (hellinger_bc_terms in measures_detail.hpp)
  double bc = 0;  // Σ √(p·q)
  TermSums& operator+=(const TermSums& o);
};

// A block of n bins: normalised masses p, q ≥ 0, and log p, log q, log m with m = (p + q)/2.
struct BinBlock {
  const double *p, *q, *lp, *lq, *lm;
  std::size_t n;
};

TermSums sum_terms(const BinBlock& b);

// The three builds, for tests that compare them (sum_terms picks the widest the CPU has).
TermSums sum_terms_scalar(const BinBlock& b);
TermSums sum_terms_avx2(const BinBlock& b);    // only if cpu_has_avx2()
TermSums sum_terms_avx512(const BinBlock& b);  // only if cpu_has_avx512()
bool cpu_has_avx2();    // AVX2 and FMA
bool cpu_has_avx512();  // AVX-512F

}  // namespace divlab::detail

// The joint measures' inner loop over one row of a table, in three builds like block_kernels.hpp:
// AVX-512 or AVX2 (branch-free, 8 or 4 cells per instruction: joint_kernels_simd.hpp) when the CPU
// has it, else plain scalar code. Internal to divlab_core.
#pragma once
#include <cstddef>

namespace divlab::detail {

// Row i of a normalised table: its n cells pᵢⱼ and their logs (unused where pᵢⱼ = 0), the column
// marginals p·ⱼ and their logs (−∞ where 0), and the row marginal pᵢ· with its log.
struct JointRow {
  const double *p, *lp, *py, *lpy;
  double px, lpx;
  std::size_t n;
};

// The row's sums, in nats, of terms that are each ≥ 0 (0·log 0 = 0):
//   hxy  = −Σⱼ pᵢⱼ log pᵢⱼ
//   hx_y = Σⱼ pᵢⱼ (log p·ⱼ − log pᵢⱼ)      (H(X|Y)'s terms; exactly 0 where pᵢⱼ = p·ⱼ)
//   hy_x = Σⱼ pᵢⱼ (log pᵢ· − log pᵢⱼ)      (H(Y|X)'s terms; exactly 0 where pᵢⱼ = pᵢ·)
//   mi   = Σⱼ qⱼ φ(pᵢⱼ/qⱼ), qⱼ = pᵢ·p·ⱼ    (I(X;Y)'s terms; φ(r) = r log r − r + 1)
struct JointRowSums {
  double hxy = 0, hx_y = 0, hy_x = 0, mi = 0;
  JointRowSums& operator+=(const JointRowSums& o);
};

JointRowSums joint_row_terms(const JointRow& r);

// The three builds, for tests that compare them (joint_row_terms picks the widest the CPU has).
JointRowSums joint_row_terms_scalar(const JointRow& r);
JointRowSums joint_row_terms_avx2(const JointRow& r);    // only if cpu_has_avx2()
JointRowSums joint_row_terms_avx512(const JointRow& r);  // only if cpu_has_avx512()

}  // namespace divlab::detail

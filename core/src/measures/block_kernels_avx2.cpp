// The AVX2 build of block_kernels.hpp. Compiled with -mavx2 -mfma (core/CMakeLists.txt) and
// called only after cpu_has_avx2().
#include <cmath>

#include "measures/block_kernels_simd.hpp"

extern "C" __m256d _ZGVdN4v_log(__m256d x);  // glibc libmvec: 4 × log in AVX2

namespace divlab::detail {

void log_block_avx2(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(out + i, _ZGVdN4v_log(_mm256_loadu_pd(in + i)));
  for (; i < n; ++i) out[i] = std::log(in[i]);
}

TermSums sum_terms_avx2(const BinBlock& b) { return simd::sum_terms<4>(b); }

}  // namespace divlab::detail

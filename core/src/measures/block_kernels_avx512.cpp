// The AVX-512 build of block_kernels.hpp. Compiled with -mavx512f -mfma (core/CMakeLists.txt)
// and called only after cpu_has_avx512(): 8 lanes, and libmvec's 8-wide log (~1.5× its 4-wide).
#include <cmath>

#include "measures/block_kernels_simd.hpp"

extern "C" __m512d _ZGVeN8v_log(__m512d x);  // glibc libmvec: 8 × log in AVX-512

namespace divlab::detail {

void log_block_avx512(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) _mm512_storeu_pd(out + i, _ZGVeN8v_log(_mm512_loadu_pd(in + i)));
  for (; i < n; ++i) out[i] = std::log(in[i]);
}

TermSums sum_terms_avx512(const BinBlock& b) { return simd::sum_terms<8>(b); }

}  // namespace divlab::detail

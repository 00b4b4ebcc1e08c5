// Compiled with -mavx2 -mfma (core/CMakeLists.txt); only called after a CPU check.
#include <immintrin.h>

#include <cmath>
#include <cstddef>

extern "C" __m256d _ZGVdN4v_log(__m256d x);  // glibc libmvec: 4 × log in AVX2

namespace divlab::detail {

void log_block_avx2(const double* in, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(out + i, _ZGVdN4v_log(_mm256_loadu_pd(in + i)));
  for (; i < n; ++i) out[i] = std::log(in[i]);
}

}  // namespace divlab::detail

// Natural logarithms of a whole block at once: the discrete measures' bottleneck is three logs
// per bin. Uses glibc's libmvec AVX2 kernel (≤ 4 ulp) when the CPU has AVX2, else std::log.
// Internal to divlab_core.
#pragma once
#include <cstddef>

namespace divlab::detail {

// out[i] = log(in[i]) for i < n (log 0 = −∞, as std::log).
void log_block(const double* in, double* out, std::size_t n);

}  // namespace divlab::detail

#include "vector_log.hpp"

#include <cmath>

namespace divlab::detail {

void log_block_avx2(const double* in, double* out, std::size_t n);  // vector_log_avx2.cpp

namespace {
bool has_avx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
}  // namespace

void log_block(const double* in, double* out, std::size_t n) {
  static const bool avx2 = has_avx2();  // a CPU property, fixed for the process
  if (avx2) return log_block_avx2(in, out, n);
  for (std::size_t i = 0; i < n; ++i) out[i] = std::log(in[i]);
}

}  // namespace divlab::detail

// The AVX-512 build of joint_kernels.hpp. Compiled with -mavx512f -mfma (core/CMakeLists.txt) and
// called only after cpu_has_avx512(): 8 lanes.
#include "measures/joint_kernels_simd.hpp"

namespace divlab::detail {

JointRowSums joint_row_terms_avx512(const JointRow& r) { return simd::joint_row_terms<8>(r); }

}  // namespace divlab::detail

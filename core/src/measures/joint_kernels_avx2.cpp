// The AVX2 build of joint_kernels.hpp. Compiled with -mavx2 -mfma (core/CMakeLists.txt) and
// called only after cpu_has_avx2(): 4 lanes.
#include "measures/joint_kernels_simd.hpp"

namespace divlab::detail {

JointRowSums joint_row_terms_avx2(const JointRow& r) { return simd::joint_row_terms<4>(r); }

}  // namespace divlab::detail

// The normalisation m ↦ m / Σ mass as a reusable map, so hot loops can normalise on the fly
// instead of allocating normalised copies. Internal to divlab_core.
#pragma once
#include <cmath>
#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>

namespace divlab::detail {

struct MassNormaliser {
  bool direct = true;  // 2^−e is a normal double: scale by one exact multiply
  int e = 0;
  double scale = 1, inv = 1;
  double log_sum = 0;         // log Σ mass (in the input's units)
  bool may_underflow = false;  // some positive mass normalises to (about) a subnormal or 0
  // (m·2^−e) is exact (unless subnormal); ·inv is one rounding, or exact when Σ is a power of two.
  double operator()(double m) const { return (direct ? m * scale : std::ldexp(m, -e)) * inv; }
  // out[i] = (*this)(in[i]) for i < n, in a loop the compiler vectorises. A positive mass stays
  // positive: one that would normalise to 0 (a dynamic range beyond 2^1074) becomes the smallest
  // subnormal, so support, and with it ∞, is decided by the masses as given.
  void apply(const double* in, double* out, std::size_t n) const {
    if (!direct)
      for (std::size_t i = 0; i < n; ++i) out[i] = (*this)(in[i]);
    else
      for (std::size_t i = 0; i < n; ++i) out[i] = in[i] * scale * inv;
    if (may_underflow)
      for (std::size_t i = 0; i < n; ++i)
        if (in[i] > 0) out[i] = std::max(out[i], std::numeric_limits<double>::denorm_min());
  }
  // After apply() and log_out[i] = log(out[i]): replaces the logs of normalised masses that are
  // subnormal (imprecise) by log m − log Σ, exact to ~1e-13 absolute.
  void fix_logs(const double* in, const double* out, double* log_out, std::size_t n) const {
    if (!may_underflow) return;
    for (std::size_t i = 0; i < n; ++i)
      if (in[i] > 0 && out[i] < 0x1p-1022) log_out[i] = std::log(in[i]) - log_sum;
  }
};

// Precondition: finite masses ≥ 0 with a positive maximum; otherwise the identity map.
MassNormaliser mass_normaliser(std::span<const double> mass);

}  // namespace divlab::detail

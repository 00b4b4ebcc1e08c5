// The normalisation m ↦ m / Σ mass as a reusable map, so hot loops can normalise on the fly
// instead of allocating normalised copies. Internal to divlab_core.
#pragma once
#include <cmath>
#include <cstddef>
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
  // log of the normalised mass, for a mass whose normalised value is subnormal or 0 (a dynamic
  // range beyond 2^1022): log m − log Σ keeps it finite and exact to ~1e-13 absolute.
  double log_of(double m) const { return std::log(m) - log_sum; }
  // out[i] = (*this)(in[i]) for i < n, in a loop the compiler vectorises.
  void apply(const double* in, double* out, std::size_t n) const {
    if (!direct) {
      for (std::size_t i = 0; i < n; ++i) out[i] = (*this)(in[i]);
      return;
    }
    for (std::size_t i = 0; i < n; ++i) out[i] = in[i] * scale * inv;
  }
};

// Precondition: finite masses ≥ 0 with a positive maximum; otherwise the identity map.
MassNormaliser mass_normaliser(std::span<const double> mass);

}  // namespace divlab::detail

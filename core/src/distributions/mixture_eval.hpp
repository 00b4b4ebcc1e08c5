// A mixture prepared for fast repeated evaluation at quadrature nodes: normalised weights and
// log-normalising constants computed once; density, log-density, CDF and survival at once.
// Internal to divlab_core.
#pragma once
#include <vector>

#include "divlab/distributions/distribution.hpp"

namespace divlab::detail {

struct PreparedComponent {
  Family family;
  double weight;   // normalised, > 0
  double log_c;    // log weight + log of the density's normalising constant
  double mean, scale, df, low, high;
};

// Density p, log-density lp (−∞ only where p is truly 0: outside uniform support; finite where
// p merely underflows), CDF F and survival S = 1 − F (each accurate in its own tail).
struct MixtureValue {
  double p, lp, F, S;
};

class PreparedMixture {
 public:
  explicit PreparedMixture(const Mixture& m);
  // Density and log-density only (cheap).
  void density(double x, double& p, double& lp) const;
  MixtureValue eval(double x) const;
  const std::vector<PreparedComponent>& components() const { return comps_; }
  bool has_unbounded_support() const;  // any non-uniform component

 private:
  std::vector<PreparedComponent> comps_;
};

// Standard Student-t survival S(z) = P(T > z), accurate far into the upper tail.
double student_t_sf(double nu, double z);

// log of the Student-t density's normalising constant, log Γ((ν+1)/2) − log Γ(ν/2) − ½ log νπ, to
// ~1e-16 absolute for every ν > 0: by the ratio Γ(a+½)/Γ(a) (not two lgammas, which cancel to
// nothing at ν = 1e8), and for ν ≥ 1000 by its asymptotic series (→ −½ log 2π, the normal's).
double student_t_log_norm(double nu);
// The Student-t log-kernel −(ν+1)/2 · log(1 + z²/ν), accurate for every ν (up to 1e300, where
// z²/ν underflows: there it is −z²/2·(1 + 1/ν)·(1 − u/2 + u²/3 − …), u = z²/ν) and every z (no z²
// overflow); a non-finite z gives −DBL_MAX, like a normal's far tail.
double student_t_log_kernel(double nu, double z);

}  // namespace divlab::detail

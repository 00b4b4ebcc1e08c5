// Sampled curves for the plots: densities, pointwise divergence contributions and CDFs.
#pragma once
#include <span>
#include <vector>

#include "divlab/distributions/distribution.hpp"

namespace divlab {

// Each vector has one entry per x. Contributions are in the given base; +∞ where the term is
// infinite (P > 0 = Q for contrib_pq), which plots draw as a gap with a marker.
struct Curves {
  std::vector<double> x;
  std::vector<double> p, q, m;          // densities (continuous) or masses (discrete); m = (p+q)/2
  std::vector<double> contrib_pq;       // p·log(p/q): its sum/integral is D(P‖Q)
  std::vector<double> contrib_qp;       // q·log(q/p): its sum/integral is D(Q‖P)
  std::vector<double> jsd_integrand;    // ½p·log(p/m) + ½q·log(q/m): its sum/integral is JSD
  std::vector<double> cdf_p, cdf_q;     // F_P, F_Q
  std::vector<double> cdf_absdiff;      // |F_P − F_Q|: its integral is W₁
};

// n ≥ 2 evenly spaced samples on [lo, hi] (plus the uniform components' endpoints, so jumps are sharp).
Curves sample_continuous(const Mixture& p, const Mixture& q, double lo, double hi, int n,
                         Base base = Base::e);

// One entry per bin, in the order given; x empty → 0..N−1. CDFs accumulate in sorted-x order.
Curves sample_discrete(std::span<const double> p, std::span<const double> q,
                       std::span<const double> x = {}, Base base = Base::e);

}  // namespace divlab

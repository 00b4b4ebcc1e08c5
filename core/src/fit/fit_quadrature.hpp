// Internal to the fit code: a continuous target prepared for fast log p, its features (where log p
// bends sharply), and Gauss–Legendre rules for expectations under one component, split at features.
#pragma once
#include <cmath>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "divlab/distributions/distribution.hpp"

namespace divlab::fitq {

inline constexpr double kHalfLog2Pi = 0.91893853320467274178;  // ½ log 2π

// log(e^a + e^b) without overflow; log(0 + 0) = −∞.
inline double log_add_exp(double a, double b) {
  if (a < b) std::swap(a, b);
  if (a == -HUGE_VAL) return a;
  return a + std::log1p(std::exp(b - a));
}

// A place where a log-density changes on the length scale `scale` (a component's centre, a kink,
// a jump, or where the dominant component switches). Panels are graded towards it.
struct Feature {
  double x = 0;
  double scale = 1;
  bool crossing = false;  // a switch of the dominant component: log p is singular ~π·scale off the axis
};

// One component with its log-normaliser folded in: log f(x) = log_c + shape(x).
struct PreparedComponent {
  Family family = Family::normal;
  double log_w = 0;  // log of the normalised weight
  double mean = 0, scale = 1, df = 1, low = 0, high = 1;
  double log_c = 0;  // log of the density's normalising constant
  double inv_scale = 1;
  double width() const;  // the component's own length scale (sd-like; (high−low)/4 for uniform)
};

double component_log_pdf(const PreparedComponent& c, double x);        // without the weight
double component_log_pdf_slope(const PreparedComponent& c, double x);  // d/dx

class PreparedMixture {
 public:
  explicit PreparedMixture(const Mixture& m);
  double log_pdf(double x) const;  // −∞ outside the support
  const std::vector<PreparedComponent>& components() const { return comps_; }
  const std::vector<Feature>& features() const { return features_; }
  bool all_uniform() const;
  bool heavy_tailed() const;  // some student_t with df ≤ 2: E[x²] = ∞

 private:
  std::vector<PreparedComponent> comps_;
  std::vector<Feature> features_;
};

// Quadrature nodes x and plain Gauss–Legendre weights w (no density) covering the effective
// support of `c`, split at and graded towards every feature. Appends to x, w.
void append_rule(const PreparedComponent& c, std::span<const Feature> features, std::vector<double>& x,
                 std::vector<double>& w);

// A normal component as a PreparedComponent (weight 1).
PreparedComponent normal_component(double mean, double sd);

// Where two normal log-densities (with log weights) cross: up to two points, with the switching
// scale 1/|Δ slope| capped at the smaller sd. Appends to out.
void append_normal_crossings(double lw1, double m1, double s1, double lw2, double m2, double s2,
                             std::vector<Feature>& out);

// log p on the lattice x_i = x0 + i·h with h a sixth of the distance from the real axis to log p's
// nearest complex singularity (π·scale at crossings, s√ν for student_t), tabulated over
// P's bulk (evaluated directly outside). The trapezoid rule on this lattice is spectrally accurate
// for smooth log p (error ~ e^(−2π·distance to the nearest singularity / h) ≈ e^−30), so it exists
// only when P has no kinks or jumps (normal and student_t components).
class LogpLattice {
 public:
  static std::optional<LogpLattice> make(const PreparedMixture& p);
  // The lattice step for p, if it has one (make() without the table).
  static std::optional<double> step(const PreparedMixture& p);
  double h() const { return h_; }
  double x(long i) const { return static_cast<double>(i) * h_; }
  double log_pdf(long i) const {
    const long k = i - first_;
    return (k >= 0 && k < static_cast<long>(lp_.size())) ? lp_[k] : p_->log_pdf(x(i));
  }

 private:
  const PreparedMixture* p_ = nullptr;
  double h_ = 1;
  long first_ = 0;
  std::vector<double> lp_;
};

// D(N(μ, σ²)‖P) and its gradient in (μ, log σ) by the trapezoid rule on the lattice, with the
// Gaussian weights from an exp-free recurrence. Needs σ ≥ 4h (else use the split rule).
double reverse_kl_on_lattice(const LogpLattice& lat, double mu, double log_sd, double* grad);

}  // namespace divlab::fitq

// Internal to the fit code: a continuous target prepared for fast log p, its features (where log p
// bends sharply), and Gauss–Legendre rules for expectations under one component, split at features.
#pragma once
#include <cmath>
#include <span>
#include <utility>
#include <vector>

#include "divlab/distribution.hpp"

namespace divlab::fitq {

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
};

// One component with its log-normaliser folded in: log f(x) = log_c + shape(x).
struct PreparedComponent {
  Family family = Family::normal;
  double log_w = 0;      // log of the normalised weight
  double mean = 0, scale = 1, df = 1, low = 0, high = 1;
  double log_c = 0;      // log of the density's normalising constant
  double inv_scale = 1;
  double width() const;  // the component's own length scale (sd-like; (high−low)/4 for uniform)
};

double component_log_pdf(const PreparedComponent& c, double x);          // without the weight
double component_log_pdf_slope(const PreparedComponent& c, double x);    // d/dx

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

}  // namespace divlab::fitq

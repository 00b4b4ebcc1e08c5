// Shared helpers for the fit tests: targets used across files.
#pragma once
#include <cmath>

#include "divlab/fit.hpp"

namespace divlab::fittest {

inline Component normal(double w, double m, double s) {
  Component c;
  c.family = Family::normal;
  c.weight = w;
  c.mean = m;
  c.scale = s;
  return c;
}
inline Component laplace(double w, double m, double b) {
  Component c = normal(w, m, b);
  c.family = Family::laplace;
  return c;
}
inline Component student_t(double w, double m, double s, double df) {
  Component c = normal(w, m, s);
  c.family = Family::student_t;
  c.df = df;
  return c;
}
inline Component uniform(double w, double lo, double hi) {
  Component c;
  c.family = Family::uniform;
  c.weight = w;
  c.low = lo;
  c.high = hi;
  return c;
}
inline FitTarget continuous(std::vector<Component> comps) {
  FitTarget t;
  t.mixture.components = std::move(comps);
  return t;
}
inline FitTarget discrete(std::vector<double> mass, std::vector<double> x = {}) {
  FitTarget t;
  t.discrete = true;
  t.mass = std::move(mass);
  t.x = std::move(x);
  return t;
}
inline FitTarget bimodal() { return continuous({normal(0.5, -2, 0.6), normal(0.5, 2, 0.6)}); }

inline FitProblem make(const FitTarget& t, FitObjective o, ModelSpec m = {}) {
  std::string err;
  auto p = FitProblem::make(t, m, o, &err);
  if (!p) throw std::runtime_error(err);
  return *p;
}

}  // namespace divlab::fittest

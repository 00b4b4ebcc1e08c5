// Shared helpers for the fit tests: targets used across files.
#pragma once
#include <cmath>

#include "divlab/fit/fit.hpp"

namespace divlab::fittest {

inline Component normal(double w, double m, double s) { return {Family::normal, w, m, s}; }
inline Component laplace(double w, double m, double b) { return {Family::laplace, w, m, b}; }
inline Component student_t(double w, double m, double s, double df) { return {Family::student_t, w, m, s, df}; }
inline Component uniform(double w, double lo, double hi) { return {Family::uniform, w, 0, 1, 1, lo, hi}; }
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

// Vector-valued globally adaptive Gauss–Kronrod (G7–K15) quadrature: every integrand is evaluated
// from the same nodes, so one density evaluation feeds all quantities. The real line is given as
// pieces: finite intervals in x, and the two tails in u ≥ 0 through x = o ± σ(eᵘ − 1), which turns
// algebraic decay x^−α into exponential decay e^−(α−1)u. Internal to divlab_core.
#pragma once
#include <algorithm>
#include <array>
#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <cstdio>
#include <vector>

namespace divlab::detail {

// How a piece's variable t maps to x: identity, or the right/left tail from origin o with scale σ.
struct Piece {
  enum class Map { identity, right_tail, left_tail };
  Map map = Map::identity;
  double a = 0, b = 0;       // range of t
  double origin = 0, sigma = 1;

  // x(t) and dx/dt.
  double x(double t, double& jac) const {
    if (map == Map::identity) {
      jac = 1;
      return t;
    }
    const double e = std::exp(t);
    jac = sigma * e;
    return map == Map::right_tail ? origin + sigma * (e - 1) : origin - sigma * std::expm1(t);
  }
};

template <int K>
struct QuadResult {
  std::array<double, K> value{}, error{};
  int evaluations = 0;
  int intervals = 0;
  bool converged = true;
};

// Integrates f over the union of `pieces`. f(x, out) writes K integrand values at x (out is zeroed
// first). Quantity k is converged when Σ|error_k| ≤ max(abs_tol, rel_tol·|value_k|); inactive
// quantities (active[k] false) are ignored. Stops at max_intervals.
template <int K, class F>
QuadResult<K> integrate_pieces(const std::vector<Piece>& pieces, F&& f, const std::array<bool, K>& active,
                               double abs_tol, double rel_tol, int max_intervals = 3000) {
  using GK = boost::math::quadrature::gauss_kronrod<double, 15>;
  using G = boost::math::quadrature::gauss<double, 7>;
  const auto& xk = GK::abscissa();
  const auto& wk = GK::weights();
  const auto& wg = G::weights();

  struct Interval {
    int piece;
    double a, b;
    std::array<double, K> val, err;
  };
  QuadResult<K> res;

  auto eval = [&](int piece, double a, double b) {
    const Piece& pc = pieces[piece];
    const double c = 0.5 * (a + b), h = 0.5 * (b - a);
    std::array<double, K> kr{}, ga{}, out;
    auto at = [&](double t) {
      double jac;
      const double x = pc.x(t, jac);
      out.fill(0.0);
      f(x, out);
      for (int k = 0; k < K; ++k) out[k] *= jac;
      ++res.evaluations;
      return out;
    };
    // Node 0 (centre) is a Gauss node; odd-indexed abscissae are Kronrod-only, even are Gauss.
    {
      const auto v = at(c);
      for (int k = 0; k < K; ++k) {
        kr[k] = v[k] * wk[0];
        ga[k] = v[k] * wg[0];
      }
    }
    for (size_t i = 1; i < xk.size(); ++i) {
      const auto vp = at(c + h * xk[i]);
      const auto vm = at(c - h * xk[i]);
      for (int k = 0; k < K; ++k) {
        const double s = vp[k] + vm[k];
        kr[k] += s * wk[i];
        if (i % 2 == 0) ga[k] += s * wg[i / 2];
      }
    }
    Interval iv{piece, a, b, {}, {}};
    for (int k = 0; k < K; ++k) {
      iv.val[k] = kr[k] * h;
      iv.err[k] = std::abs((kr[k] - ga[k]) * h);
      // Non-finite node values (never expected) must not poison the sum: mark them as unresolved.
      if (!std::isfinite(iv.val[k])) iv.val[k] = 0, iv.err[k] = 0;
    }
    return iv;
  };

  std::vector<Interval> ivs;
  for (int i = 0; i < static_cast<int>(pieces.size()); ++i)
    if (pieces[i].b > pieces[i].a) ivs.push_back(eval(i, pieces[i].a, pieces[i].b));

  for (;;) {
    std::array<double, K> tot{}, err{};
    for (const Interval& iv : ivs)
      for (int k = 0; k < K; ++k) tot[k] += iv.val[k], err[k] += iv.err[k];
    int worst = -1;
    double worst_ratio = 1;
    for (int k = 0; k < K; ++k) {
      if (!active[k]) continue;
      const double ratio = err[k] / std::max(abs_tol, rel_tol * std::abs(tot[k]));
      if (ratio > worst_ratio) worst_ratio = ratio, worst = k;
    }
    res.value = tot;
    res.error = err;
    res.intervals = static_cast<int>(ivs.size());
    if (worst < 0) break;
    if (static_cast<int>(ivs.size()) >= max_intervals) {
      res.converged = false;
      break;
    }
#ifdef DIVLAB_QUAD_TRACE
    std::fprintf(stderr, "split for slot %d ratio %g\n", worst, worst_ratio);
#endif
    const auto it = std::max_element(ivs.begin(), ivs.end(),
                                     [&](const Interval& l, const Interval& r) { return l.err[worst] < r.err[worst]; });
    const Interval parent = *it;
    const double mid = 0.5 * (parent.a + parent.b);
    if (!(mid > parent.a && mid < parent.b)) {  // cannot split further: accept as is
      it->err[worst] = 0;
      continue;
    }
    *it = eval(parent.piece, parent.a, mid);
    ivs.push_back(eval(parent.piece, mid, parent.b));
  }
#ifdef DIVLAB_QUAD_TRACE
  std::fprintf(stderr, "quad: %d evaluations, %d intervals, %zu pieces\n", res.evaluations, res.intervals, pieces.size());
#endif
  return res;
}

}  // namespace divlab::detail

// Sampled curves for the plots: densities/masses, pointwise contributions, JSD integrand, CDFs.
#include "divlab/distributions/curves.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "measures/measures_detail.hpp"
#include "distributions/mixture_eval.hpp"

namespace divlab {

namespace {

using detail::kInf;

// a·log(a/b) in nats from logs: 0 where a = 0, +∞ where a > 0 = b.
double contribution(double a, double la, double lb) {
  if (!(a > 0)) return 0;
  if (lb == -kInf) return kInf;
  return a * (la - lb);
}

void reserve_all(Curves& c, size_t n) {
  for (std::vector<double>* v : {&c.x, &c.p, &c.q, &c.m, &c.contrib_pq, &c.contrib_qp, &c.jsd_integrand, &c.cdf_p,
                                 &c.cdf_q, &c.cdf_absdiff})
    v->reserve(n);
}

}  // namespace

Curves sample_continuous(const Mixture& p_in, const Mixture& q_in, double lo, double hi, int n, Base base) {
  Curves c;
  n = std::max(n, 2);
  if (!(hi >= lo) || !std::isfinite(lo) || !std::isfinite(hi)) return c;  // precondition: finite lo ≤ hi
  const detail::PreparedMixture P(p_in), Q(q_in);

  // Even grid plus both one-sided limits at each uniform endpoint inside the window.
  std::vector<double> xs(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) xs[static_cast<size_t>(i)] = i + 1 == n ? hi : lo + (hi - lo) * i / (n - 1);
  for (const auto* mix : {&P, &Q})
    for (const detail::PreparedComponent& comp : mix->components())
      if (comp.family == Family::uniform) {
        for (double e : {comp.low, comp.high}) {
          for (double v : {std::nextafter(e, -kInf), e, std::nextafter(e, kInf)})
            if (v > lo && v < hi) xs.push_back(v);
        }
      }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());

  const double lb = ln_base(base), mid = 0.5 * (lo + hi);
  reserve_all(c, xs.size());
  for (double x : xs) {
    const detail::MixtureValue vp = P.eval(x), vq = Q.eval(x);
    c.x.push_back(x);
    c.p.push_back(vp.p);
    c.q.push_back(vq.p);
    c.m.push_back(0.5 * (vp.p + vq.p));
    c.contrib_pq.push_back(contribution(vp.p, vp.lp, vq.lp) / lb);
    c.contrib_qp.push_back(contribution(vq.p, vq.lp, vp.lp) / lb);
    c.jsd_integrand.push_back(detail::density_terms(vp.p, vp.lp, vq.p, vq.lp).jsd / lb);
    c.cdf_p.push_back(vp.F);
    c.cdf_q.push_back(vq.F);
    // Right of the middle the survival functions keep far-tail differences exact.
    c.cdf_absdiff.push_back(x < mid ? std::abs(vp.F - vq.F) : std::abs(vp.S - vq.S));
  }
  return c;
}

Curves sample_discrete(std::span<const double> p_in, std::span<const double> q_in, std::span<const double> x,
                       Base base) {
  Curves c;
  const size_t n = std::min(p_in.size(), q_in.size());
  if (x.size() < n) x = {};
  const std::vector<double> p = normalised(p_in.first(n)), q = normalised(q_in.first(n));
  const double lb = ln_base(base);
  reserve_all(c, n);
  for (size_t i = 0; i < n; ++i) {
    const double lp = p[i] > 0 ? std::log(p[i]) : -kInf, lq = q[i] > 0 ? std::log(q[i]) : -kInf;
    c.x.push_back(x.empty() ? static_cast<double>(i) : x[i]);
    c.p.push_back(p[i]);
    c.q.push_back(q[i]);
    c.m.push_back(0.5 * (p[i] + q[i]));
    c.contrib_pq.push_back(contribution(p[i], lp, lq) / lb);
    c.contrib_qp.push_back(contribution(q[i], lq, lp) / lb);
    c.jsd_integrand.push_back(detail::point_terms(p[i], q[i], lp, lq).jsd / lb);
  }
  // CDFs at each bin's position: F(x_i) = Σ_{j: x_j ≤ x_i}, ties included, accumulated in sorted order.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return c.x[a] < c.x[b]; });
  c.cdf_p.assign(n, 0);
  c.cdf_q.assign(n, 0);
  c.cdf_absdiff.assign(n, 0);
  double fp = 0, fq = 0, diff = 0;
  for (size_t k = 0; k < n;) {
    size_t e = k;  // [k, e) share one position
    while (e < n && c.x[order[e]] == c.x[order[k]]) {
      fp += p[order[e]];
      fq += q[order[e]];
      diff += p[order[e]] - q[order[e]];
      ++e;
    }
    for (size_t j = k; j < e; ++j) {
      c.cdf_p[order[j]] = std::min(fp, 1.0);
      c.cdf_q[order[j]] = std::min(fq, 1.0);
      c.cdf_absdiff[order[j]] = std::abs(diff);
    }
    k = e;
  }
  return c;
}

}  // namespace divlab

// Every quantity of SPEC §1 for continuous mixtures: ∞ decided by analysis (tails.cpp), the finite
// ones as integrals over ℝ from one vector-valued adaptive Gauss–Kronrod pass (integrate.hpp).
#include <algorithm>
#include <boost/math/tools/roots.hpp>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <span>
#include <vector>

#include "divlab/measures/measures.hpp"
#include "measures/integrate.hpp"
#include "measures/measures_detail.hpp"
#include "measures/pieces.hpp"
#include "distributions/mixture_eval.hpp"
#include "distributions/tails.hpp"

namespace divlab {

namespace {

using detail::kInf;
using detail::Piece;
using detail::add_tail;
using detail::breakpoints;
using Cause = WhyInfinite::Cause;

// Integrand slots, all integrated over ℝ in one pass:
//   HP = −p log p · HQ = −q log q · KLPQ = p log(p/q) − p + q · KLQP = q log(q/p) − q + p
//   JSD = ½p log(p/m) + ½q log(q/m) · TV = |p − q| · H2 = (√p − √q)² · BC = √(pq) · W1 = |F_P − F_Q|
enum Slot { HP, HQ, KLPQ, KLQP, JSD, TV, H2, BC, W1, kSlots };

// Where p − q or F_P − F_Q change sign inside the core: |p − q| and |F_P − F_Q| have kinks
// there, which would otherwise cost the adaptive quadrature dozens of bisections each.
// Sign changes are looked for on a grid of `per_piece` steps per core piece, then refined by TOMS 748.
std::vector<double> crossings(const detail::PreparedMixture& P, const detail::PreparedMixture& Q,
                              const std::vector<double>& b, bool with_cdf, double mid) {
  constexpr int per_piece = 4;
  auto dens = [&](double x) {
    double p, lp, q, lq;
    P.density(x, p, lp);
    Q.density(x, q, lq);
    return p - q;
  };
  auto cdfd = [&](double x) {
    const detail::MixtureValue vp = P.eval(x), vq = Q.eval(x);
    return x < mid ? vp.F - vq.F : vq.S - vp.S;
  };
  std::vector<double> out;
  auto refine = [&](auto& g, double a, double c, double ga, double gc) {
    std::uintmax_t iters = 60;
    const auto r = boost::math::tools::toms748_solve(g, a, c, ga, gc, boost::math::tools::eps_tolerance<double>(48),
                                                     iters);
    out.push_back(0.5 * (r.first + r.second));
  };
  for (size_t i = 0; i + 1 < b.size(); ++i) {
    double x0 = b[i], d0 = dens(x0), c0 = with_cdf ? cdfd(x0) : 0;
    for (int k = 1; k <= per_piece; ++k) {
      const double x1 = k == per_piece ? b[i + 1] : b[i] + (b[i + 1] - b[i]) * k / per_piece;
      const double d1 = dens(x1), c1 = with_cdf ? cdfd(x1) : 0;
      if (d0 * d1 < 0) refine(dens, x0, x1, d0, d1);
      if (c0 * c1 < 0) refine(cdfd, x0, x1, c0, c1);
      x0 = x1, d0 = d1, c0 = c1;
    }
  }
  return out;
}

}  // namespace

namespace detail {

// Breakpoints of the core: each component's centre and centre ± 2, 6 scales; uniform endpoints. Where
// the next breakpoint beyond a component's ± 6 lies more than 24 of its scales away (or the tail
// beyond is mapped with a scale over 4 times its own), the component also gets breakpoints on out to
// where it vanishes (± 12, 24, 40 sd for a normal, ± 12, 24, 48, 100 scales for a Laplace, 24·4^k
// scales for a Student-t's power law): without them the tail of Laplace(0, 1) inside Laplace(0, 1e4)
// lay in one piece [6, 2e4] whose Kronrod nodes all missed it (H off by 1e-3). Only then: the extra
// pieces would double the cost of ordinary mixtures for nothing.
std::vector<double> breakpoints(const detail::PreparedMixture& p, const detail::PreparedMixture& q) {
  std::vector<double> b;
  double tail_sigma = 0;  // the tail map's scale (measure_continuous)
  for (const auto* m : {&p, &q})
    for (const detail::PreparedComponent& c : m->components()) {
      tail_sigma = std::max(tail_sigma, c.family == Family::uniform ? c.high - c.low : c.scale);
      if (c.family == Family::uniform) {
        b.push_back(c.low);
        b.push_back(c.high);
        continue;
      }
      for (double k : {-6.0, -2.0, 0.0, 2.0, 6.0}) b.push_back(c.mean + k * c.scale);
    }
  std::sort(b.begin(), b.end());
  const std::vector<double> base = b;
  const double width = base.back() - base.front();
  constexpr double kNormal[] = {12, 24, 40}, kLaplace[] = {12, 24, 48, 100};
  for (const auto* m : {&p, &q})
    for (const detail::PreparedComponent& c : m->components()) {
      if (c.family == Family::uniform) continue;
      for (const double dir : {-1.0, 1.0}) {
        const double x6 = c.mean + dir * 6 * c.scale;
        // The room beyond x6: to the next base breakpoint, or unbounded when x6 is the last and the
        // tail map's scale is much wider than this component's.
        double room;
        if (dir > 0) {
          const auto it = std::upper_bound(base.begin(), base.end(), x6);
          room = it != base.end() ? *it - x6 : (tail_sigma > 4 * c.scale ? kInf : 0);
        } else {
          const auto it = std::lower_bound(base.begin(), base.end(), x6);
          room = it != base.begin() ? x6 - *(it - 1) : (tail_sigma > 4 * c.scale ? kInf : 0);
        }
        if (!(room > 24 * c.scale)) continue;
        auto add = [&](double k) { b.push_back(c.mean + dir * k * c.scale); };
        if (c.family == Family::normal)
          for (double k : kNormal) add(k);
        else if (c.family == Family::laplace)
          for (double k : kLaplace) add(k);
        else
          for (double k = 24; k * c.scale < std::min(room, width); k *= 4) add(k);
      }
    }
  std::sort(b.begin(), b.end());
  std::vector<double> out;
  for (double x : b)
    if (std::isfinite(x) && (out.empty() || x - out.back() > 1e-15 * std::max(std::abs(x), std::abs(out.back()))))
      out.push_back(x);
  return out;
}

// Tail pieces in u for x = origin ± σ(eᵘ − 1) up to `far`: [0,1], [1,2], [2,4], … (doubling).
void add_tail(std::vector<Piece>& pieces, Piece::Map map, double origin, double far, double sigma) {
  const double dist = map == Piece::Map::right_tail ? far - origin : origin - far;
  if (!(dist > 0)) return;
  const double U = std::log1p(dist / sigma);
  double a = 0, b = std::min(1.0, U);
  while (a < U) {
    pieces.push_back({map, a, b, origin, sigma});
    a = b;
    b = std::min(2 * b, U);
  }
}

}  // namespace detail

Measures measure_continuous(const Mixture& p_in, const Mixture& q_in, Base base) {
  const detail::PreparedMixture P(p_in), Q(q_in);
  Measures m;
  if (P.components().empty() || Q.components().empty()) return detail::finish(m, base);  // precondition

  const detail::TailAnalysis tails = detail::analyse_tails(P, Q);
  const bool kl_pq = tails.kl_pq.cause == Cause::finite, kl_qp = tails.kl_qp.cause == Cause::finite;
  const bool w1 = tails.wasserstein_1.cause == Cause::finite;

  // Pieces: the core between breakpoints, then both tails out to where integrands vanish.
  std::vector<double> b = breakpoints(P, Q);
  // |F_P − F_Q| from the CDFs left of the middle and from the survival functions right of it, so
  // that far-tail differences are not lost to cancellation against 1.
  const double mid = 0.5 * (b.front() + b.back());
  const std::vector<double> cross = crossings(P, Q, b, w1, mid);
  b.insert(b.end(), cross.begin(), cross.end());
  std::sort(b.begin(), b.end());
  std::vector<Piece> pieces;
  for (size_t i = 0; i + 1 < b.size(); ++i) pieces.push_back({Piece::Map::identity, b[i], b[i + 1]});
  double sigma = 0;
  for (const auto* mix : {&P, &Q})
    for (const auto& c : mix->components())
      sigma = std::max(sigma, c.family == Family::uniform ? c.high - c.low : c.scale);
  add_tail(pieces, Piece::Map::left_tail, b.front(), tails.far_left, sigma);
  add_tail(pieces, Piece::Map::right_tail, b.back(), tails.far_right, sigma);

  auto integrand = [&](double x, std::array<double, kSlots>& out) {
    double p, lp, q, lq;
    if (w1) {
      const detail::MixtureValue vp = P.eval(x), vq = Q.eval(x);
      p = vp.p, lp = vp.lp, q = vq.p, lq = vq.lp;
      out[W1] = x < mid ? std::abs(vp.F - vq.F) : std::abs(vp.S - vq.S);
    } else {
      P.density(x, p, lp);
      Q.density(x, q, lq);
    }
    out[HP] = p > 0 ? -p * lp : 0;
    out[HQ] = q > 0 ? -q * lq : 0;
    const detail::PointTerms t = detail::density_terms(p, lp, q, lq);
    out[KLPQ] = kl_pq ? t.kl_pq : 0;
    out[KLQP] = kl_qp ? t.kl_qp : 0;
    out[JSD] = t.jsd;
    out[TV] = std::abs(p - q);
    const double sp = std::sqrt(p), sq = std::sqrt(q);
    out[H2] = detail::hellinger_term(sp, sq, p, q);
    out[BC] = sp * sq;
  };
  const std::array<bool, kSlots> active{true, true, kl_pq, kl_qp, true, true, true, true, w1};
  const auto r = detail::integrate_pieces<kSlots>(pieces, integrand, active, 1e-11, 1e-10);

  m.entropy_p = r.value[HP];
  m.entropy_q = r.value[HQ];
  m.kl_pq = kl_pq ? r.value[KLPQ] + tails.kl_pq_tail : kInf;
  m.kl_qp = kl_qp ? r.value[KLQP] + tails.kl_qp_tail : kInf;
  m.cross_entropy_pq = kl_pq ? m.entropy_p + std::max(m.kl_pq, 0.0) : kInf;  // H(P,Q) = H(P) + D(P‖Q)
  m.cross_entropy_qp = kl_qp ? m.entropy_q + std::max(m.kl_qp, 0.0) : kInf;
  m.why_kl_pq = tails.kl_pq;
  m.why_kl_qp = tails.kl_qp;
  m.jsd = r.value[JSD];
  m.total_variation = 0.5 * r.value[TV];
  m.hellinger = 0.5 * r.value[H2];  // H²; finish() takes the root
  m.bhattacharyya = r.value[BC];
  m.wasserstein_1 = w1 ? r.value[W1] + tails.w1_tail : kInf;
  m.why_wasserstein_1 = tails.wasserstein_1;
  return detail::finish(m, base);
}

}  // namespace divlab

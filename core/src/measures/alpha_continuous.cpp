// The α-family of SPEC §7 for continuous mixtures: ∞ by analysis (distributions/tails.cpp), log A(α) =
// log ∫ p^α q^(1−α) dx as s + log ∫ exp(α log p + (1−α) log q − s) dx over ℝ (integrate.hpp), and
// Minka's terms integrated directly where A is near 1.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "divlab/measures/alpha.hpp"
#include "distributions/mixture_eval.hpp"
#include "distributions/tails.hpp"
#include "measures/alpha_detail.hpp"
#include "measures/integrate.hpp"
#include "measures/pieces.hpp"

namespace divlab {

namespace {

using detail::AlphaDirection;
using detail::Piece;
using detail::PreparedComponent;
using detail::PreparedMixture;
using Cause = WhyInfinite::Cause;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Where a^α b^(1−α) lives beyond the usual breakpoints: for α outside [0, 1] it can peak far from
// every component and decay much more slowly than either density.
//   normal a_i, normal b_j:  ∝ N(μ_α, σ_e²) with σ_α² = α σ_b² + (1−α) σ_a², σ_e² = σ_a² σ_b² / σ_α²,
//                            μ_α = (α μ_a σ_b² + (1−α) μ_b σ_a²) / σ_α²  (any α);
//   a normal with weight w > 1 (w = α, or 1 − α with the roles swapped) against a Laplace of scale β:
//                            peaks at μ ± (w−1)σ²/(wβ), width σ/√w;
//   two Laplaces (rate r = w/β_1 + (1−w)/β_2 > 0): out to 100/r; two Student-t (power 1 + e): out to
//   10^(19/e) scales (at most 1e150).
void alpha_breakpoints(const PreparedMixture& a, const PreparedMixture& b, double alpha, std::vector<double>& bp) {
  constexpr double kNormalK[] = {-40, -12, -6, -2, 0, 2, 6, 12, 40};
  auto add_around = [&](double centre, double width) {
    for (double k : kNormalK)
      if (const double x = centre + k * width; std::isfinite(x)) bp.push_back(x);
  };
  for (const PreparedComponent& ca : a.components())
    for (const PreparedComponent& cb : b.components()) {
      const Family fa = ca.family, fb = cb.family;
      if (fa == Family::normal && fb == Family::normal) {
        const double va = ca.scale * ca.scale, vb = cb.scale * cb.scale, s2 = alpha * vb + (1 - alpha) * va;
        if (s2 > 0 && std::isfinite(s2))
          add_around((alpha * ca.mean * vb + (1 - alpha) * cb.mean * va) / s2, std::sqrt(va / s2) * cb.scale);
        continue;
      }
      if (alpha >= 0 && alpha <= 1) continue;
      // The component raised to the power > 1 (w) and the one raised to 1 − w < 0.
      const bool a_up = alpha > 1;
      const PreparedComponent &up = a_up ? ca : cb, &down = a_up ? cb : ca;
      const double w = a_up ? alpha : 1 - alpha;
      if (up.family == Family::normal && down.family == Family::laplace) {
        const double shift = (w - 1) * up.scale * up.scale / (w * down.scale), width = up.scale / std::sqrt(w);
        add_around(up.mean + shift, width);
        add_around(up.mean - shift, width);
      } else if (up.family == Family::laplace && down.family == Family::laplace) {
        const double r = w / up.scale + (1 - w) / down.scale;
        if (r > 0)
          for (double k : {2.0, 6.0, 12.0, 24.0, 48.0, 100.0}) bp.push_back(up.mean + k / r), bp.push_back(up.mean - k / r);
      } else if (up.family == Family::student_t && down.family == Family::student_t) {
        const double e = w * (up.df + 1) - (w - 1) * (down.df + 1) - 1;
        if (e > 0) {
          const double reach = std::pow(10.0, std::min(150.0, 19 / e)) * up.scale;
          bp.push_back(up.mean + reach), bp.push_back(up.mean - reach);
        }
      }
    }
}

// One direction D(A‖B) for α ≠ 1 (α = 0: D^R_0 only; the caller sets Minka's D_0 = D(Q‖P)).
AlphaDirection direction(const PreparedMixture& A, const PreparedMixture& B, double alpha, const char* an,
                         const char* bn) {
  AlphaDirection d;
  if (alpha > 1 || alpha < 0) {
    d.why = alpha > 1 ? detail::alpha_check(A, B, alpha, an, bn) : detail::alpha_check(B, A, 1 - alpha, bn, an);
    if (d.why.cause != Cause::finite) {
      d.renyi = alpha > 1 ? kInf : -kInf, d.minka = kInf;
      return d;
    }
  } else if (!detail::supports_overlap(A, B)) {  // A = 0
    d.renyi = kInf;
    d.minka = alpha == 0 ? kInf : 1 / (alpha * (1 - alpha));
    d.why = {Cause::support, std::string(an) + " and " + bn + " do not overlap: ∫ " + "p^α q^(1−α) dx = 0"};
    return d;
  }

  // Pieces: the core between breakpoints (the pair's usual ones and the α peaks), then both tails.
  std::vector<double> b = detail::breakpoints(A, B);
  alpha_breakpoints(A, B, alpha, b);
  std::sort(b.begin(), b.end());
  b.erase(std::unique(b.begin(), b.end()), b.end());
  const detail::TailAnalysis tails = detail::analyse_tails(A, B);
  double sigma = 0;
  for (const PreparedMixture* m : {&A, &B})
    for (const PreparedComponent& c : m->components())
      sigma = std::max(sigma, c.family == Family::uniform ? c.high - c.low : c.scale);
  std::vector<Piece> pieces;
  for (size_t i = 0; i + 1 < b.size(); ++i) pieces.push_back({Piece::Map::identity, b[i], b[i + 1]});
  detail::add_tail(pieces, Piece::Map::left_tail, b.front(), std::min(tails.far_left, b.front()), sigma);
  detail::add_tail(pieces, Piece::Map::right_tail, b.back(), std::max(tails.far_right, b.back()), sigma);

  // g(x) = α log a + (1−α) log b where both are > 0 (elsewhere the integrand is 0: one-sided stretches
  // that would make it ∞ were decided above), handled as g/λ = log(a/b) + log b/α with λ = α for α > 1
  // (no α·log overflow at α = 1e300), λ = 1 otherwise.
  const double lambda = alpha > 1 ? alpha : 1;
  auto g_at = [&](double x, double& pa, double& la, double& pb, double& lb) {
    A.density(x, pa, la);
    B.density(x, pb, lb);
    if (la == -kInf || lb == -kInf) return -kInf;
    return alpha > 1 ? la - lb + lb / alpha : alpha * la + (1 - alpha) * lb;
  };
  auto g = [&](double x) {
    double pa, la, pb, lb;
    return g_at(x, pa, la, pb, lb);
  };
  // The shift s = max g/λ: the best of 32 points per core piece, refined by golden section. For large α
  // the integrand is a spike around that maximum, so breakpoints close in on it geometrically (down to
  // 1e-12 of the grid step): the adaptive quadrature then resolves any width.
  double shift = -kInf, best = b.front(), step = 0;
  for (size_t i = 0; i + 1 < b.size(); ++i)
    for (int k = 0; k < 32; ++k) {
      const double x = b[i] + (b[i + 1] - b[i]) * k / 32, v = g(x);
      if (v > shift) shift = v, best = x, step = (b[i + 1] - b[i]) / 32;
    }
  if (std::isfinite(shift) && step > 0) {
    double lo = best - step, hi = best + step;
    constexpr double kGolden = 0.6180339887498949;
    for (int it = 0; it < 80 && hi - lo > 1e-15 * std::max(1.0, std::abs(best)); ++it) {
      const double x1 = hi - kGolden * (hi - lo), x2 = lo + kGolden * (hi - lo);
      if (g(x1) > g(x2)) {
        hi = x2;
      } else {
        lo = x1;
      }
    }
    const double xm = 0.5 * (lo + hi);
    if (const double v = g(xm); v > shift) shift = v, best = xm;
    std::vector<double> extra{best};
    for (double h = step; h > 1e-12 * step; h *= 0.25) extra.push_back(best - h), extra.push_back(best + h);
    b.insert(b.end(), extra.begin(), extra.end());
    std::sort(b.begin(), b.end());
    b.erase(std::unique(b.begin(), b.end()), b.end());
    std::vector<Piece> core;
    for (size_t i = 0; i + 1 < b.size(); ++i) core.push_back({Piece::Map::identity, b[i], b[i + 1]});
    for (const Piece& pc : pieces)
      if (pc.map != Piece::Map::identity) core.push_back(pc);
    pieces = std::move(core);
  }
  if (!std::isfinite(shift)) shift = 0;
  auto integrand = [&](double x, std::array<double, 1>& out) {
    double pa, la, pb, lb;
    const double g = g_at(x, pa, la, pb, lb);
    out[0] = g == -kInf ? 0 : std::exp(lambda * (g - shift));
  };
  const auto r = detail::integrate_pieces<1>(pieces, integrand, {true}, 1e-300, 1e-12);
  // r > 0: the integrand is e^0 = 1 at the maximum. (Should the spike still be missed, the estimate
  // log A ≈ max g keeps every value finite, never a false ∞.)
  const double log_i = r.value[0] > 0 ? std::log(r.value[0]) : 0.0, log_a = lambda * shift + log_i;
  if (!std::isfinite(log_a)) {  // λ·s beyond the double range: Rényi = s·λ/(α−1) + log I/(α−1) is not
    AlphaDirection big = detail::assemble_any(alpha, log_a);
    big.renyi = shift * (lambda / (alpha - 1)) + log_i / (alpha - 1);
    return big;
  }
  if (std::abs(log_a) >= detail::kSmallLogA || alpha == 0) return detail::assemble_any(alpha, log_a);

  // Near A = 1: Minka's terms (alpha_detail.hpp), each ≥ 0; one-sided stretches add a/(1−α) or b/α.
  bool overflowed = false;  // a one-sided term a/(1−α) or b/α beyond the double range (α within 1e-308 of 0)
  auto terms = [&](double x, std::array<double, 1>& out) {
    double pa, la, pb, lb;
    A.density(x, pa, la);
    B.density(x, pb, lb);
    if (la == -kInf && lb == -kInf) return;
    if (lb == -kInf) out[0] = pa / (1 - alpha);
    else if (la == -kInf) out[0] = pb / alpha;
    else out[0] = detail::minka_term(alpha, pa, pb, la, lb);
    overflowed = overflowed || !std::isfinite(out[0]);
  };
  const auto s = detail::integrate_pieces<1>(pieces, terms, {true}, 1e-14, 1e-11);
  if (overflowed) return detail::assemble_any(alpha, log_a);
  return detail::assemble_from_sum(alpha, s.value[0]);
}

}  // namespace

AlphaMeasures alpha_continuous(const Mixture& p_in, const Mixture& q_in, double alpha, Base base) {
  const PreparedMixture P(p_in), Q(q_in);
  AlphaMeasures m;
  m.base = base;
  m.alpha = alpha;
  if (P.components().empty() || Q.components().empty()) return m;  // precondition
  if (alpha == 1) {  // the exact limit: KL both ways
    const Measures nats = measure_continuous(p_in, q_in, Base::e), kl = in_base(nats, base);
    m.renyi_pq = kl.kl_pq, m.renyi_qp = kl.kl_qp;
    m.alpha_divergence_pq = nats.kl_pq;
    m.why_renyi_pq = m.why_alpha_divergence_pq = kl.why_kl_pq;
    m.why_renyi_qp = kl.why_kl_qp;
    return m;
  }
  m = detail::alpha_result(alpha, direction(P, Q, alpha, "P", "Q"), direction(Q, P, alpha, "Q", "P"), base);
  if (alpha == 0) {  // Minka's exact limit D_0 = D(Q‖P)
    const Measures kl = measure_continuous(p_in, q_in, Base::e);
    m.alpha_divergence_pq = kl.kl_qp;
    m.alpha_divergence_overflow = false;
    m.why_alpha_divergence_pq = kl.why_kl_qp;
  }
  return m;
}

}  // namespace divlab

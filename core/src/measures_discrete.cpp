// Every quantity of SPEC §1 for discrete P, Q: one pass over the bins, cancellation-free terms.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

#include "divlab/measures.hpp"
#include "measures_detail.hpp"
#include "normalise.hpp"
#include "vector_log.hpp"

namespace divlab {

namespace {

using detail::kInf;

// How bin i is named in a reason: its label, else its position x, else its index.
std::string bin_name(size_t i, std::span<const double> x, std::span<const std::string> labels) {
  if (i < labels.size() && !labels[i].empty()) return "'" + labels[i] + "'";
  char buf[64];
  if (i < x.size())
    std::snprintf(buf, sizeof buf, "x = %.17g", x[i]);
  else
    std::snprintf(buf, sizeof buf, "x = %zu", i);
  return buf;
}

// "Q = 0 at 'tails' where P > 0" (+ how many more such bins).
WhyInfinite support_reason(const char* zero, const char* pos, size_t first, size_t count,
                           std::span<const double> x, std::span<const std::string> labels) {
  std::string r = std::string(zero) + " = 0 at " + bin_name(first, x, labels) + " where " + pos + " > 0";
  if (count > 1) r += " (and " + std::to_string(count - 1) + (count == 2 ? " other bin)" : " other bins)");
  return {WhyInfinite::Cause::support, r};
}

// W₁ = Σ_k |F_P(x_k) − F_Q(x_k)|·(x_{k+1} − x_k) over the positions in sorted order, with the
// running difference F_P − F_Q accumulated directly (compensated) rather than as two CDFs.
double wasserstein_discrete(std::span<const double> p, const detail::MassNormaliser& fp,
                            std::span<const double> q, const detail::MassNormaliser& fq, std::span<const double> x) {
  const size_t n = p.size();
  std::vector<size_t> order;
  const bool sorted = x.empty() || std::is_sorted(x.begin(), x.begin() + n);
  if (!sorted) {
    order.resize(n);
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return x[a] < x[b]; });
  }
  auto at = [&](size_t k) { return sorted ? k : order[k]; };
  auto pos = [&](size_t i) { return x.empty() ? static_cast<double>(i) : x[i]; };
  double diff = 0, comp = 0, w = 0;
  for (size_t k = 0; k + 1 < n; ++k) {
    const size_t i = at(k);
    const double v = fp(p[i]) - fq(q[i]), t = diff + v;  // Neumaier step
    comp += std::abs(diff) >= std::abs(v) ? (diff - t) + v : (v - t) + diff;
    diff = t;
    w += std::abs(diff + comp) * (pos(at(k + 1)) - pos(i));
  }
  return w;
}

}  // namespace

Measures measure_discrete(std::span<const double> p_in, std::span<const double> q_in, std::span<const double> x,
                          std::span<const std::string> labels, Base base) {
  const size_t n = std::min(p_in.size(), q_in.size());
  if (x.size() < n) x = {};
  const std::span<const double> p = p_in.first(n), q = q_in.first(n);
  // Normalised on the fly: p_i = fp(p_in[i]) (no copies of 10⁶-long arrays).
  const detail::MassNormaliser fp = detail::mass_normaliser(p), fq = detail::mass_normaliser(q);

  // Sums in nats. hp/hq: entropies; xpq/xqp: cross-entropies over bins where both are > 0.
  double hp = 0, hq = 0, xpq = 0, xqp = 0, klpq = 0, klqp = 0, jsd = 0, tv = 0, h2 = 0, bc = 0;
  size_t q_zero = 0, p_zero = 0, first_q_zero = 0, first_p_zero = 0;
  // Blocks of bins: normalise, then take all logs of a block in one vectorised call.
  constexpr size_t kBlock = 256;
  std::array<double, kBlock> pb, qb, mb, lpb, lqb, lmb;
  for (size_t start = 0; start < n; start += kBlock) {
    const size_t len = std::min(kBlock, n - start);
    for (size_t j = 0; j < len; ++j) {
      pb[j] = fp(p[start + j]);
      qb[j] = fq(q[start + j]);
      mb[j] = 0.5 * (pb[j] + qb[j]);
    }
    detail::log_block(pb.data(), lpb.data(), len);
    detail::log_block(qb.data(), lqb.data(), len);
    detail::log_block(mb.data(), lmb.data(), len);
    for (size_t j = 0; j < len; ++j) {
      const size_t i = start + j;
      const double pi = pb[j], qi = qb[j];
      const double lp = pi > 0 ? lpb[j] : 0.0, lq = qi > 0 ? lqb[j] : 0.0;
      hp -= pi * lp;
      hq -= qi * lq;
      xpq -= pi * lq;
      xqp -= qi * lp;
      if (pi > 0 && qi == 0 && q_zero++ == 0) first_q_zero = i;
      if (qi > 0 && pi == 0 && p_zero++ == 0) first_p_zero = i;
      // m = (p+q)/2 is exact unless it underflows (p + q < 2·DBL_MIN): then log m directly.
      const double lm_block = lmb[j];
      const detail::PointTerms t = detail::point_terms(
          pi, qi, lp, lq, [&](double m) { return m >= 0x1p-1021 ? lm_block : std::log(m); });
      klpq += t.kl_pq;
      klqp += t.kl_qp;
      jsd += t.jsd;
      tv += std::abs(pi - qi);
      const double sp = std::sqrt(pi), sq = std::sqrt(qi);
      h2 += detail::hellinger_term(sp, sq, pi, qi);
      bc += sp * sq;
    }
  }

  Measures m;
  m.entropy_p = hp;
  m.entropy_q = hq;
  m.cross_entropy_pq = q_zero ? kInf : xpq;
  m.cross_entropy_qp = p_zero ? kInf : xqp;
  m.kl_pq = q_zero ? kInf : klpq;
  m.kl_qp = p_zero ? kInf : klqp;
  if (q_zero) m.why_kl_pq = support_reason("Q", "P", first_q_zero, q_zero, x, labels);
  if (p_zero) m.why_kl_qp = support_reason("P", "Q", first_p_zero, p_zero, x, labels);
  m.jsd = jsd;
  m.total_variation = 0.5 * tv;
  m.hellinger = 0.5 * h2;  // H²; finish() takes the root
  m.bhattacharyya = bc;
  m.wasserstein_1 = wasserstein_discrete(p, fp, q, fq, x);
  return detail::finish(m, base);
}

}  // namespace divlab

// The α-family of SPEC §7 for discrete P, Q: log A(α) = log Σ p^α q^(1−α) by log-sum-exp, Minka's
// terms without cancellation, ∞ by support.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "divlab/measures/alpha.hpp"
#include "measures/alpha_detail.hpp"
#include "measures/bin_reason.hpp"
#include "measures/normalise.hpp"

namespace divlab {

namespace {

using detail::AlphaDirection;
using Cause = WhyInfinite::Cause;
constexpr double kInf = std::numeric_limits<double>::infinity();

// A normalised distribution with the logs of its masses (−∞ where the mass is 0).
struct LogMasses {
  std::vector<double> m, lm;
};
LogMasses log_masses(std::span<const double> in) {
  const detail::MassNormaliser f = detail::mass_normaliser(in);
  LogMasses out{std::vector<double>(in.size()), std::vector<double>(in.size())};
  f.apply(in.data(), out.m.data(), in.size());
  for (size_t i = 0; i < in.size(); ++i) out.lm[i] = out.m[i] > 0 ? std::log(out.m[i]) : -kInf;
  f.fix_logs(in.data(), out.m.data(), out.lm.data(), in.size());  // masses normalised below the double range
  return out;
}

// One direction D(A‖B) for α ∉ {0, 1}; A(α) = Σ a^α b^(1−α).
//   ∞ by support: α > 1 and b = 0 < a somewhere (a^α b^(1−α) = ∞) → D^R = D_α = ∞;
//                 α < 0 and a = 0 < b somewhere → D_α = ∞ (and D^R = −∞, the formula's value);
//                 0 < α < 1 and no bin with a, b > 0 → A = 0: D^R = ∞, D_α = 1/(α(1−α)).
// A bin with a = 0 contributes nothing for α > 0, one with b = 0 nothing for α < 1.
AlphaDirection direction(const LogMasses& a, const LogMasses& b, double alpha, const char* an, const char* bn,
                         std::span<const double> x, std::span<const std::string> labels) {
  const size_t n = a.m.size();
  size_t b_zero = 0, a_zero = 0, first_b_zero = 0, first_a_zero = 0, common = 0;
  // Pivot of the log-sum-exp: V = max (α ≥ 0) or min (α < 0) of u = log(a/b) over the common bins, so
  // that log A = α·V + log Σ b·e^(α(u − V)) has every exponent ≤ 0 and no α·log overflows to ±∞ − ∞.
  double v = alpha >= 0 ? -kInf : kInf;
  for (size_t i = 0; i < n; ++i) {
    const bool ap = a.m[i] > 0, bp = b.m[i] > 0;
    if (ap && !bp && b_zero++ == 0) first_b_zero = i;
    if (bp && !ap && a_zero++ == 0) first_a_zero = i;
    if (ap && bp) ++common, v = alpha >= 0 ? std::max(v, a.lm[i] - b.lm[i]) : std::min(v, a.lm[i] - b.lm[i]);
  }
  AlphaDirection d;
  if (alpha > 1 && b_zero) {
    d.renyi = d.minka = kInf;
    d.why = detail::support_reason(bn, an, first_b_zero, b_zero, x, labels);
    return d;
  }
  if (alpha < 0 && a_zero) {
    d.renyi = -kInf, d.minka = kInf;
    d.why = detail::support_reason(an, bn, first_a_zero, a_zero, x, labels);
    return d;
  }
  if (common == 0) {  // 0 < α < 1 here: A = 0
    d.renyi = kInf;
    d.minka = 1 / (alpha * (1 - alpha));
    d.why = {Cause::support, std::string(an) + " and " + bn + " share no outcome: ∑ p^α q^(1−α) = 0"};
    return d;
  }
  double sum = 0;  // Σ b·e^(α(u − V)) over the common bins
  for (size_t i = 0; i < n; ++i)
    if (a.m[i] > 0 && b.m[i] > 0) sum += std::exp(b.lm[i] + alpha * (a.lm[i] - b.lm[i] - v));
  const double log_sum = std::log(sum), log_a = alpha * v + log_sum;
  if (!std::isfinite(log_a)) {  // α·V beyond the double range: Rényi = V·α/(α−1) + log Σ/(α−1) still is not
    AlphaDirection big = detail::assemble_any(alpha, log_a);
    big.renyi = v * (alpha / (alpha - 1)) + log_sum / (alpha - 1);
    return big;
  }
  if (std::abs(log_a) >= detail::kSmallLogA) return detail::assemble_any(alpha, log_a);
  // Near A = 1: Minka's terms, each ≥ 0 (one-sided bins: a/(1−α) where b = 0, b/α where a = 0).
  double s = 0;
  for (size_t i = 0; i < n; ++i) {
    const double ai = a.m[i], bi = b.m[i];
    if (ai > 0 && bi > 0)
      s += detail::minka_term(alpha, ai, bi, a.lm[i], b.lm[i]);
    else if (ai > 0)
      s += ai / (1 - alpha);
    else if (bi > 0)
      s += bi / alpha;
  }
  if (!std::isfinite(s)) return detail::assemble_any(alpha, log_a);  // α or 1 − α below ~1e-308: b/α overflows
  return detail::assemble_from_sum(alpha, s);
}

}  // namespace

AlphaMeasures alpha_discrete(std::span<const double> p_in, std::span<const double> q_in, double alpha,
                             std::span<const double> x, std::span<const std::string> labels, Base base) {
  const size_t n = std::min(p_in.size(), q_in.size());
  if (x.size() < n) x = {};
  if (alpha == 1 || alpha == 0) {  // the exact limits: KL (Minka's D_0 is D(Q‖P))
    const Measures nats = measure_discrete(p_in.first(n), q_in.first(n), x, labels, Base::e);
    const Measures kl = in_base(nats, base);  // what measure_discrete gives in `base`
    AlphaMeasures m;
    m.base = base;
    m.alpha = alpha;
    m.alpha_divergence_pq = alpha == 1 ? nats.kl_pq : nats.kl_qp;
    m.why_alpha_divergence_pq = alpha == 1 ? kl.why_kl_pq : kl.why_kl_qp;
    if (alpha == 1) {
      m.renyi_pq = kl.kl_pq, m.renyi_qp = kl.kl_qp;
      m.why_renyi_pq = kl.why_kl_pq, m.why_renyi_qp = kl.why_kl_qp;
      return m;
    }
    // α = 0: D^R_0(P‖Q) = −log Q(supp P), from the general formula below.
    const LogMasses p = log_masses(p_in.first(n)), q = log_masses(q_in.first(n));
    double qs = 0, ps = 0;
    for (size_t i = 0; i < n; ++i) qs += p.m[i] > 0 ? q.m[i] : 0, ps += q.m[i] > 0 ? p.m[i] : 0;
    m.renyi_pq = std::max(-std::log(qs), 0.0) / ln_base(base);
    m.renyi_qp = std::max(-std::log(ps), 0.0) / ln_base(base);
    return m;
  }
  const LogMasses p = log_masses(p_in.first(n)), q = log_masses(q_in.first(n));
  return detail::alpha_result(alpha, direction(p, q, alpha, "P", "Q", x, labels),
                              direction(q, p, alpha, "Q", "P", x, labels), base);
}

}  // namespace divlab

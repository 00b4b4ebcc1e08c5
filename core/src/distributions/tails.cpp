// ∞ by analysis (support and tails) for continuous mixtures; how far the integrands reach.
#include "distributions/tails.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numbers>
#include <string>
#include <vector>

namespace divlab::detail {

namespace {

using Cause = WhyInfinite::Cause;
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Span {
  double lo, hi;
};

std::string fmt(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The union of a bounded mixture's uniform intervals, merged where they overlap or touch.
std::vector<Span> support_union(const PreparedMixture& m) {
  std::vector<Span> s;
  for (const PreparedComponent& c : m.components()) s.push_back({c.low, c.high});
  std::sort(s.begin(), s.end(), [](const Span& a, const Span& b) { return a.lo < b.lo; });
  std::vector<Span> out;
  for (const Span& v : s) {
    if (!out.empty() && v.lo <= out.back().hi)
      out.back().hi = std::max(out.back().hi, v.hi);
    else
      out.push_back(v);
  }
  return out;
}

std::string describe(const std::vector<Span>& u) {
  std::string r;
  for (size_t i = 0; i < u.size() && i < 3; ++i)
    r += (i ? " ∪ [" : "[") + fmt(u[i].lo) + ", " + fmt(u[i].hi) + "]";
  if (u.size() > 3) r += " ∪ …";
  return r;
}

// Support: D(A‖B) = ∞ when A has mass where b = 0, which needs B bounded (uniform components only).
WhyInfinite support_check(const PreparedMixture& a, const PreparedMixture& b, const char* an, const char* bn) {
  if (b.has_unbounded_support()) return {};
  const std::vector<Span> ub = support_union(b);
  if (a.has_unbounded_support())
    return {Cause::support, std::string(bn) + " = 0 outside " + describe(ub) + " where " + an + " > 0"};
  // Both bounded: find the first stretch of A's support of positive length outside B's union.
  for (const Span& s : support_union(a)) {
    double x = s.lo;  // everything in [s.lo, x) is covered
    for (const Span& v : ub) {
      if (v.hi <= x) continue;
      if (v.lo > x) break;
      x = v.hi;
    }
    if (x < s.hi) {
      double end = s.hi;
      for (const Span& v : ub)
        if (v.lo > x) end = std::min(end, v.lo);
      return {Cause::support, std::string(bn) + " = 0 on [" + fmt(x) + ", " + fmt(end) + "] where " + an + " > 0"};
    }
  }
  return {};
}

// How −log b(x) grows in b's tails: 0 for log|x| (a Student-t present), 1 for |x| (Laplace), 2 for x².
int log_growth(const PreparedMixture& b) {
  int g = -1;
  for (const PreparedComponent& c : b.components()) {
    if (c.family == Family::student_t) return 0;
    if (c.family == Family::laplace) g = 1;
    if (c.family == Family::normal && g < 0) g = 2;
  }
  return g;
}

// The smallest Student-t df among a's components (∞ if none).
double min_df(const PreparedMixture& a) {
  double nu = kInf;
  for (const PreparedComponent& c : a.components())
    if (c.family == Family::student_t) nu = std::min(nu, c.df);
  return nu;
}

// Tails: D(A‖B) = ∫a log a − ∫a log b; the first is finite for these families, the second is ∞ iff
// E_A[growth of −log b] = ∞: E|x|^g under a Student-t of df ν is ∞ iff ν ≤ g.
WhyInfinite tails_check(const PreparedMixture& a, const PreparedMixture& b, const char* an, const char* bn) {
  const int g = log_growth(b);
  const double nu = min_df(a);
  if (g <= 0 || nu > g) return {};
  const std::string moment = g == 2 ? "E_" + std::string(an) + "[x²] = ∞" : "E_" + std::string(an) + "|x| = ∞";
  return {Cause::tails, std::string(an) + "'s student_t tails (df = " + fmt(nu) + ") are too heavy for " + bn +
                            (g == 2 ? "'s normal tails: " : "'s Laplace tails: ") + moment};
}

// W₁: 1 − F ~ Σ_t (K_ν/ν)·w·s^ν·x^−ν for each Student-t term (location only enters at x^−ν−1), so
// ∫|F_P − F_Q| diverges iff for some ν ≤ 1 the coefficients Σ_P w s^ν and Σ_Q w s^ν differ.
WhyInfinite w1_check(const PreparedMixture& p, const PreparedMixture& q) {
  std::map<double, std::pair<double, double>> coef;  // ν → (signed sum, Σ|terms|)
  for (int side = 0; side < 2; ++side)
    for (const PreparedComponent& c : (side ? q : p).components())
      if (c.family == Family::student_t && c.df <= 1) {
        const double t = c.weight * std::pow(c.scale, c.df);
        coef[c.df].first += side ? -t : t;
        coef[c.df].second += t;
      }
  for (const auto& [nu, cs] : coef) {
    if (std::abs(cs.first) <= 1e-12 * cs.second) continue;  // equal to 12 digits: the x^−ν terms cancel
    const bool p_heavier = cs.first > 0;
    return {Cause::tails, std::string(p_heavier ? "P" : "Q") + "'s student_t tails (df = " + fmt(nu) +
                              ") are heavier than " + (p_heavier ? "Q" : "P") + "'s: |F_P − F_Q| decays like |x|^−" +
                              fmt(nu) + ", so ∫|F_P − F_Q| dx diverges"};
  }
  return {};
}

// Distance from a component's centre, in scales, beyond which its integrands are negligible.
// Student-t integrands decay like x^−(1+α) (times logs) with α = the smallest excess decay among
// the finite quantities; the tail beyond X is then ~X^−α/α.
double reach(const PreparedComponent& c, int other_growth, bool w1_finite) {
  switch (c.family) {
    case Family::normal: return 40;     // e^−800
    case Family::laplace: return 100;   // e^−100 times any polynomial growth
    case Family::uniform: return 0;
    case Family::student_t: break;
  }
  const double nu = c.df;
  double alpha = nu;                                           // entropies, JSD, TV, BC, H²
  if (other_growth > 0 && nu > other_growth) alpha = std::min(alpha, nu - other_growth);  // KL
  if (w1_finite && nu > 1) alpha = std::min(alpha, nu - 1);  // W₁ (x^−ν decay of 1 − F)
  // Beyond 10^(19/α) scales the power-law tail x^−(1+α) leaves < 1e-19 — but only where the density
  // follows its power law, z ≳ 10ν (for large ν it is a normal out to z ~ √ν: cutting t₂₀₀₀ at 1.01
  // scales and adding the power law beyond is what gave D(t₂₀₀₀‖N) = 1e98).
  const double log10_power = std::max(19.0 / alpha, std::log10(10 * nu));
  // Never past where the density itself falls below ~1e-280 of its peak, (ν+1)/2·log(1 + z²/ν) = 645,
  // z = √(ν·expm1(1290/(ν+1))) (≈ 36 scales for large ν, ≈ √ν·10^(280/(ν+1)) for small), so the
  // integrand has no cliff; the closed-form tails below take over from there.
  const double e = 1290 / (nu + 1);
  const double log10_underflow =
      e > 700 ? 0.5 * std::log10(nu) + e / (2 * std::numbers::ln10) : 0.5 * std::log10(nu * std::expm1(e));
  return std::pow(10.0, std::min({150.0, log10_power, log10_underflow}));
}

// log w·f(x) of a Student-t component at a tail cut x. The closed-form tails below use the power law
// w·f(x) ≈ A·|x|^−ν−1 with A matched to the density at the cut, A = w·f(X)·X^(ν+1): far out that is
// the asymptote's A = w·c_ν/s·ν^((ν+1)/2)·s^(ν+1); nearer in, where a large-ν density still falls
// faster than its power law, it keeps the tail at the true density's size instead of the asymptote's
// (ν^((ν+1)/2) overflows). A's X^(ν+1) and the integral's X^(k−ν) are combined into X^(k+1) (no
// ∞ − ∞ in the exponent for large ν).
double log_density_at(const PreparedComponent& c, double x) {
  return c.log_c + student_t_log_kernel(c.df, (x - c.mean) / c.scale);
}

// ∫ beyond both cuts of a's density times −log b, to leading order, when D(a‖b) is finite:
//   −log b ≈ x²/(2σ²) (normal tails, σ the widest) → Σ A·X^(2−ν)/(2σ²(ν−2)) per side;
//   −log b ≈ |x|/β (Laplace tails, β the widest)   → Σ A·X^(1−ν)/(β(ν−1)) per side.
// (log-growth tails and all other terms leave < 1e-40 beyond 1e150.)
double kl_tail(const PreparedMixture& a, const PreparedMixture& b, double xl, double xr) {
  const int g = log_growth(b);
  if (g <= 0) return 0;
  double width = 0;
  for (const PreparedComponent& c : b.components())
    if (c.family == (g == 2 ? Family::normal : Family::laplace)) width = std::max(width, c.scale);
  double sum = 0;
  for (const PreparedComponent& c : a.components()) {
    if (c.family != Family::student_t || c.df <= g) continue;
    const double den = g == 2 ? 2 * width * width * (c.df - 2) : width * (c.df - 1);
    // A·X^(g−ν) = w·f(X)·X^(g+1)
    for (const double x : {-xl, xr})
      if (std::abs(x) > 1) sum += std::exp(log_density_at(c, x) + (g + 1) * std::log(std::abs(x))) / den;
  }
  return sum;
}

// ∫ beyond both cuts of |F_P − F_Q| when W₁ is finite: 1 − F ≈ Σ (A/ν)·x^−ν, so per side
// |Σ_P (A/ν)·X^(1−ν)/(ν−1) − Σ_Q (…)| over the Student-t components with ν > 1.
double w1_tail(const PreparedMixture& p, const PreparedMixture& q, double xl, double xr) {
  double total = 0;
  for (const double x : {-xl, xr}) {
    const double X = std::abs(x);
    if (!(X > 1)) continue;
    double s = 0;
    for (int side = 0; side < 2; ++side)
      for (const PreparedComponent& c : (side ? q : p).components())
        if (c.family == Family::student_t && c.df > 1) {
          // (A/ν)·X^(1−ν)/(ν−1) = w·f(X)·X²/(ν(ν−1))
          const double v = std::exp(log_density_at(c, x) + 2 * std::log(X)) / (c.df * (c.df - 1));
          s += side ? -v : v;
        }
    total += std::abs(s);
  }
  return total;
}

}  // namespace

TailClass heaviest_tail(const PreparedMixture& m) {
  TailClass h;
  auto rank = [](Family f) { return f == Family::student_t ? 3 : f == Family::laplace ? 2 : f == Family::normal ? 1 : 0; };
  for (const PreparedComponent& c : m.components()) {
    if (c.family == Family::uniform) continue;
    const double param = c.family == Family::student_t ? c.df : c.scale;
    if (h.bounded || rank(c.family) > rank(h.family)) {
      h = {c.family, param, false};
    } else if (c.family == h.family) {
      h.param = c.family == Family::student_t ? std::min(h.param, param) : std::max(h.param, param);
    }
  }
  return h;
}

WhyInfinite alpha_check(const PreparedMixture& a, const PreparedMixture& b, double alpha, const char* an,
                        const char* bn) {
  if (WhyInfinite s = support_check(a, b, an, bn); s.cause != Cause::finite) return s;
  const TailClass ha = heaviest_tail(a), hb = heaviest_tail(b);
  if (ha.bounded || hb.bounded) return {};
  const std::string A(an), B(bn);
  auto lower = [](std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  const std::string intro = "∫ " + lower(A) + "^α " + lower(B) + "^(1−α) dx diverges at α = " + fmt(alpha) + ": ";
  auto name = [](const TailClass& h) {
    return h.family == Family::student_t ? "student_t tails (df = " + fmt(h.param) + ")"
           : h.family == Family::laplace ? "Laplace tails (scale = " + fmt(h.param) + ")"
                                         : "normal tails (sd = " + fmt(h.param) + ")";
  };
  const std::string heavy = intro + A + "'s " + name(ha) + " are too heavy for " + B + "'s " + name(hb);
  switch (hb.family) {
    case Family::normal:
      if (ha.family != Family::normal) return {Cause::tails, heavy};
      if (const double s2 = alpha * hb.param * hb.param + (1 - alpha) * ha.param * ha.param; !(s2 > 0))
        return {Cause::tails, heavy + " (σ_α² = α σ_" + B + "² + (1−α) σ_" + A + "² = " + fmt(s2) + " ≤ 0)"};
      return {};
    case Family::laplace:
      if (ha.family == Family::student_t) return {Cause::tails, heavy};
      if (ha.family == Family::laplace && !(alpha / ha.param + (1 - alpha) / hb.param > 0))
        return {Cause::tails, heavy + " (α/β_" + A + " + (1−α)/β_" + B + " ≤ 0)"};
      return {};
    case Family::student_t:
      if (ha.family == Family::student_t && !(alpha * (ha.param + 1) - (alpha - 1) * (hb.param + 1) > 1))
        return {Cause::tails, heavy + " (the integrand decays no faster than 1/|x|)"};
      return {};
    case Family::uniform: break;
  }
  return {};
}

bool supports_overlap(const PreparedMixture& a, const PreparedMixture& b) {
  if (a.has_unbounded_support() || b.has_unbounded_support()) return true;
  const std::vector<Span> ua = support_union(a), ub = support_union(b);
  for (const Span& x : ua)
    for (const Span& y : ub)
      if (std::min(x.hi, y.hi) > std::max(x.lo, y.lo)) return true;
  return false;
}

TailAnalysis analyse_tails(const PreparedMixture& p, const PreparedMixture& q) {
  TailAnalysis t;
  t.kl_pq = support_check(p, q, "P", "Q");
  if (t.kl_pq.cause == Cause::finite) t.kl_pq = tails_check(p, q, "P", "Q");
  t.kl_qp = support_check(q, p, "Q", "P");
  if (t.kl_qp.cause == Cause::finite) t.kl_qp = tails_check(q, p, "Q", "P");
  t.wasserstein_1 = w1_check(p, q);

  const bool w1_finite = t.wasserstein_1.cause == Cause::finite;
  double lo = kInf, hi = -kInf;
  for (int side = 0; side < 2; ++side) {
    const PreparedMixture& m = side ? q : p;
    const int g = log_growth(side ? p : q);
    for (const PreparedComponent& c : m.components()) {
      if (c.family == Family::uniform) {
        lo = std::min(lo, c.low);
        hi = std::max(hi, c.high);
        continue;
      }
      const double r = reach(c, g, w1_finite) * c.scale;
      // r ≤ 1e150 scales already (no z² overflow); clamp only against overflowing x itself.
      lo = std::min(lo, std::max(c.mean - r, -1e307));
      hi = std::max(hi, std::min(c.mean + r, 1e307));
    }
  }
  t.far_left = lo;
  t.far_right = hi;
  if (t.kl_pq.cause == Cause::finite) t.kl_pq_tail = kl_tail(p, q, -lo, hi);
  if (t.kl_qp.cause == Cause::finite) t.kl_qp_tail = kl_tail(q, p, -lo, hi);
  if (w1_finite) t.w1_tail = w1_tail(p, q, -lo, hi);
  return t;
}

}  // namespace divlab::detail

// Densities, log-densities and CDFs of the four families and of their mixtures; normalisation.
#include "divlab/distributions/distribution.hpp"

#include "distributions/mixture_eval.hpp"
#include "measures/normalise.hpp"

#include <algorithm>
#include <charconv>
#include <boost/math/distributions/laplace.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/distributions/uniform.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <limits>
#include <numbers>

namespace divlab {

namespace {

namespace bm = boost::math;
// Errors become values (NaN/∞ that the callers already guard against), never exceptions.
using Policy = bm::policies::policy<bm::policies::domain_error<bm::policies::ignore_error>,
                                    bm::policies::overflow_error<bm::policies::ignore_error>,
                                    bm::policies::evaluation_error<bm::policies::ignore_error>,
                                    bm::policies::pole_error<bm::policies::ignore_error>>;

constexpr double kInf = std::numeric_limits<double>::infinity();

// The weights divided by their sum (without overflow); all 0 when there is no positive weight.
std::vector<double> unit_weights(const Mixture& m) {
  std::vector<double> w;
  w.reserve(m.components.size());
  bool any = false;
  for (const Component& c : m.components) {
    const bool ok = std::isfinite(c.weight) && c.weight > 0;
    w.push_back(ok ? c.weight : 0.0);
    any = any || ok;
  }
  if (!any) return std::vector<double>(w.size(), 0.0);
  return normalised(w);
}

}  // namespace

namespace detail {

namespace {

// The largest mass and the smallest positive one.
struct Extremes {
  double max = 0, min_positive = std::numeric_limits<double>::infinity();
};

// Σ map(mass) in blocks of 4 lanes, the blocks added with Neumaier's compensation: relative
// error < ~1e-14. With `extremes`, they are found in the same pass.
template <class Map>
double compensated_sum(std::span<const double> mass, Map map, Extremes* extremes = nullptr) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double sum = 0, comp = 0, top[4] = {0, 0, 0, 0}, low[4] = {kInf, kInf, kInf, kInf};
  constexpr size_t kBlock = 1024;
  for (size_t b = 0; b < mass.size(); b += kBlock) {
    double lane[4] = {0, 0, 0, 0};
    const size_t end = std::min(mass.size(), b + kBlock);
    size_t j = b;
    for (; j + 4 <= end; j += 4)
      for (size_t l = 0; l < 4; ++l) {
        const double m = mass[j + l];
        lane[l] += map(m);
        top[l] = m > top[l] ? m : top[l];
        low[l] = m > 0 && m < low[l] ? m : low[l];
      }
    for (; j < end; ++j) {
      const double m = mass[j];
      lane[0] += map(m), top[0] = std::max(top[0], m), low[0] = m > 0 ? std::min(low[0], m) : low[0];
    }
    const double v = (lane[0] + lane[1]) + (lane[2] + lane[3]), t = sum + v;
    comp += std::abs(sum) >= std::abs(v) ? (sum - t) + v : (v - t) + sum;
    sum = t;
  }
  if (extremes) {
    extremes->max = std::max(std::max(top[0], top[1]), std::max(top[2], top[3]));
    extremes->min_positive = std::min(std::min(low[0], low[1]), std::min(low[2], low[3]));
  }
  return sum + comp;
}

}  // namespace

MassNormaliser mass_normaliser(std::span<const double> mass) {
  MassNormaliser f;
  // One pass for the maximum and the plain sum; scaling by a power of two commutes with every
  // rounding in it unless a partial sum leaves the normal range, which a max in
  // [2^-900, 2^900] rules out (N·2^900 cannot overflow).
  Extremes x;
  double sum = compensated_sum(mass, [](double m) { return m; }, &x);
  const double max = x.max;
  if (!(max > 0) || !std::isfinite(max)) return f;  // precondition violated: identity
  // Scale by a power of two near 1/max: exact unless a ratio becomes subnormal, and the scaled
  // sum lies in [1, 2N) so it cannot overflow.
  f.e = std::ilogb(max);
  f.direct = f.e > -1000 && f.e < 1000;
  f.scale = f.direct ? std::ldexp(1.0, -f.e) : 1.0;
  if (std::abs(f.e) <= 900)
    sum = std::ldexp(sum, -f.e);
  else if (f.direct)
    sum = compensated_sum(mass, [&](double m) { return m * f.scale; });
  else  // masses beyond 2^±1000: 2^−e itself is not a normal double
    sum = compensated_sum(mass, [&](double m) { return std::ldexp(m, -f.e); });
  // Exact when the sum is a power of two (e.g. already-normalised input); else the reciprocal,
  // ≤ 1 ulp more than a division and much cheaper over N.
  int se;
  f.inv = std::frexp(sum, &se) == 0.5 ? std::ldexp(1.0, 1 - se) : 1 / sum;
  f.log_sum = std::log(sum) + f.e * std::numbers::ln2;
  f.may_underflow = f(x.min_positive) < 0x1p-1021;  // normalising is monotone: the smallest decides
  return f;
}

}  // namespace detail

std::vector<double> normalised(std::span<const double> mass) {
  const detail::MassNormaliser f = detail::mass_normaliser(mass);
  std::vector<double> out(mass.size());
  for (size_t i = 0; i < mass.size(); ++i) out[i] = f(mass[i]);
  return out;
}

namespace {

// The shortest text that reads back as v (1e+300 → "1e+300", 0.5 → "0.5").
std::string shortest(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace

bool coordinate_in_range(double x) { return std::abs(x) <= kMaxCoordinate; }

std::optional<LimitError> component_limits(const Component& c) {
  const std::string range = "within ±1e300 (the range the numerics resolve)";
  if (c.family == Family::uniform) {
    if (!coordinate_in_range(c.low)) return LimitError{"low", "expected a number " + range + ", got " + shortest(c.low)};
    if (!coordinate_in_range(c.high)) return LimitError{"high", "expected a number " + range + ", got " + shortest(c.high)};
    const double min_width = kMinRelativeScale * std::max(std::abs(c.low), std::abs(c.high));
    if (!(c.high - c.low >= min_width))
      return LimitError{"high", "expected a number >= low + 1e-12·max(|low|, |high|) = " + shortest(c.low + min_width) +
                                    " (a narrower interval is finer than doubles resolve there), got " + shortest(c.high)};
    return std::nullopt;
  }
  const std::string scale_key = c.family == Family::normal ? "sd" : "scale";
  if (!coordinate_in_range(c.mean)) return LimitError{"mean", "expected a number " + range + ", got " + shortest(c.mean)};
  if (!(c.scale >= kMinScale)) return LimitError{scale_key, "expected a number >= 1e-150, got " + shortest(c.scale)};
  if (!(c.scale <= kMaxScale)) return LimitError{scale_key, "expected a number <= 1e300, got " + shortest(c.scale)};
  if (!(c.scale >= kMinRelativeScale * std::abs(c.mean)))
    return LimitError{scale_key, "expected a number >= 1e-12·|mean| = " + shortest(kMinRelativeScale * std::abs(c.mean)) +
                                     " (a narrower density is finer than doubles resolve near its mean), got " +
                                     shortest(c.scale)};
  if (c.family == Family::student_t && !(c.df <= kMaxDf))
    return LimitError{"df", "expected a number <= 1e300, got " + shortest(c.df)};
  return std::nullopt;
}

double pdf(const Component& c, double x) {
  if (std::isnan(x)) return 0;
  switch (c.family) {
    case Family::normal:
      return bm::pdf(bm::normal_distribution<double, Policy>(c.mean, c.scale), x);
    case Family::laplace:
      if (std::isinf(x)) return 0;
      return bm::pdf(bm::laplace_distribution<double, Policy>(c.mean, c.scale), x);
    case Family::student_t:
      if (std::isinf(x)) return 0;
      return std::exp(log_pdf(c, x));  // stable for every df (Boost's pdf loses it past df ~ 1e3)
    case Family::uniform:
      return (x >= c.low && x <= c.high) ? 1.0 / (c.high - c.low) : 0.0;
  }
  return 0;
}

double log_pdf(const Component& c, double x) {
  if (std::isnan(x) || std::isinf(x)) return -kInf;
  switch (c.family) {
    case Family::normal: {
      // −z²/2 − log σ − ½ log 2π
      const double z = (x - c.mean) / c.scale;
      return -0.5 * z * z - std::log(c.scale) - 0.5 * std::log(2 * std::numbers::pi);
    }
    case Family::laplace:
      // −|x − μ|/b − log 2b
      return -std::abs(x - c.mean) / c.scale - std::log(2 * c.scale);
    case Family::student_t: {
      // log Γ((ν+1)/2) − log Γ(ν/2) − ½ log νπ − log s − (ν+1)/2 · log(1 + z²/ν)
      return detail::student_t_log_norm(c.df) - std::log(c.scale) +
             detail::student_t_log_kernel(c.df, (x - c.mean) / c.scale);
    }
    case Family::uniform:
      return (x >= c.low && x <= c.high) ? -std::log(c.high - c.low) : -kInf;
  }
  return -kInf;
}

double cdf(const Component& c, double x) {
  if (std::isnan(x)) return 0;
  if (x == kInf) return 1;
  if (x == -kInf) return 0;
  switch (c.family) {
    case Family::normal:
      return bm::cdf(bm::normal_distribution<double, Policy>(c.mean, c.scale), x);
    case Family::laplace:
      return bm::cdf(bm::laplace_distribution<double, Policy>(c.mean, c.scale), x);
    case Family::student_t:
      return bm::cdf(bm::students_t_distribution<double, Policy>(c.df), (x - c.mean) / c.scale);
    case Family::uniform:
      return bm::cdf(bm::uniform_distribution<double, Policy>(c.low, c.high), std::clamp(x, c.low, c.high));
  }
  return 0;
}

double pdf(const Mixture& m, double x) {
  const std::vector<double> w = unit_weights(m);
  double s = 0;
  for (size_t i = 0; i < w.size(); ++i)
    if (w[i] > 0) s += w[i] * pdf(m.components[i], x);
  return s;
}

double log_pdf(const Mixture& m, double x) {
  // log Σ w_i f_i(x) = a + log Σ exp(log w_i + log f_i(x) − a), a = max_i (log w_i + log f_i(x))
  const std::vector<double> w = unit_weights(m);
  std::vector<double> terms(w.size(), -kInf);
  double a = -kInf;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] > 0) terms[i] = std::log(w[i]) + log_pdf(m.components[i], x);
    a = std::max(a, terms[i]);
  }
  if (a == -kInf) return -kInf;
  double s = 0;
  for (double t : terms) s += std::exp(t - a);
  return a + std::log(s);
}

double cdf(const Mixture& m, double x) {
  const std::vector<double> w = unit_weights(m);
  double s = 0;
  for (size_t i = 0; i < w.size(); ++i)
    if (w[i] > 0) s += w[i] * cdf(m.components[i], x);
  return std::clamp(s, 0.0, 1.0);
}

Mixture normalised(const Mixture& m) {
  Mixture out = m;
  const std::vector<double> w = unit_weights(m);
  for (size_t i = 0; i < w.size(); ++i) out.components[i].weight = w[i];
  return out;
}

}  // namespace divlab

// Prepared log-densities, their features, and split Gauss–Legendre rules for the fit objectives.
#include "fit/fit_quadrature.hpp"

#include <algorithm>
#include <array>
#include <boost/math/quadrature/gauss.hpp>
#include <cmath>
#include <limits>
#include <numbers>

namespace divlab::fitq {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// 10-point Gauss–Legendre on [−1, 1]: Boost stores the 5 positive abscissae and their weights.
using Gauss10 = boost::math::quadrature::gauss<double, 10>;

}  // namespace

double PreparedComponent::width() const {
  switch (family) {
    case Family::normal:
      return scale;
    case Family::laplace:
      return scale;
    case Family::student_t:
      return scale;
    case Family::uniform:
      return (high - low) / 4;
  }
  return scale;
}

double component_log_pdf(const PreparedComponent& c, double x) {
  switch (c.family) {
    case Family::normal: {
      const double z = (x - c.mean) * c.inv_scale;
      return c.log_c - 0.5 * z * z;
    }
    case Family::laplace:
      return c.log_c - std::abs(x - c.mean) * c.inv_scale;
    case Family::student_t: {
      const double z = (x - c.mean) * c.inv_scale;
      return c.log_c - 0.5 * (c.df + 1) * std::log1p(z * z / c.df);
    }
    case Family::uniform:
      return (x >= c.low && x <= c.high) ? c.log_c : -kInf;
  }
  return -kInf;
}

double component_log_pdf_slope(const PreparedComponent& c, double x) {
  switch (c.family) {
    case Family::normal:
      return -(x - c.mean) * c.inv_scale * c.inv_scale;
    case Family::laplace:
      return x > c.mean ? -c.inv_scale : (x < c.mean ? c.inv_scale : 0.0);
    case Family::student_t: {
      const double d = x - c.mean;
      return -(c.df + 1) * d / (c.df * c.scale * c.scale + d * d);
    }
    case Family::uniform:
      return 0;
  }
  return 0;
}

PreparedComponent normal_component(double mean, double sd) {
  PreparedComponent c;
  c.family = Family::normal;
  c.mean = mean;
  c.scale = sd;
  c.inv_scale = 1 / sd;
  c.log_c = -std::log(sd) - kHalfLog2Pi;
  return c;
}

void append_normal_crossings(double lw1, double m1, double s1, double lw2, double m2, double s2,
                             std::vector<Feature>& out) {
  // L_i(x) = lw_i − log s_i − ½((x − m_i)/s_i)²; L1 − L2 = a x² + b x + c.
  const double i1 = 1 / (s1 * s1), i2 = 1 / (s2 * s2);
  const double a = 0.5 * (i2 - i1);
  const double b = m1 * i1 - m2 * i2;
  const double c = 0.5 * (m2 * m2 * i2 - m1 * m1 * i1) + (lw1 - lw2) + std::log(s2 / s1);
  const double cap = std::min(s1, s2);
  auto add = [&](double x) {
    if (!std::isfinite(x)) return;
    const double slope = std::abs(2 * a * x + b);
    out.push_back({x, slope > 0 ? std::min(cap, 1 / slope) : cap, true});
  };
  if (std::abs(a) <= 1e-12 * std::max(i1, i2)) {
    if (b != 0) add(-c / b);
    return;
  }
  const double disc = b * b - 4 * a * c;
  if (disc < 0) return;
  const double q = -0.5 * (b + std::copysign(std::sqrt(disc), b));  // stable roots
  if (q != 0) {
    add(q / a);
    add(c / q);
  } else {
    add(0.0);
  }
}

PreparedMixture::PreparedMixture(const Mixture& m) {
  const Mixture n = normalised(m);
  for (const Component& src : n.components) {
    if (!(src.weight > 0)) continue;
    PreparedComponent c;
    c.family = src.family;
    c.log_w = std::log(src.weight);
    c.mean = src.mean;
    c.scale = src.scale;
    c.df = src.df;
    c.low = src.low;
    c.high = src.high;
    switch (c.family) {
      case Family::normal:
        c.log_c = -std::log(c.scale) - kHalfLog2Pi;
        break;
      case Family::laplace:
        c.log_c = -std::log(2 * c.scale);
        break;
      case Family::student_t:
        c.log_c = std::lgamma(0.5 * (c.df + 1)) - std::lgamma(0.5 * c.df) -
                  0.5 * std::log(c.df * std::numbers::pi) - std::log(c.scale);
        break;
      case Family::uniform:
        c.log_c = -std::log(c.high - c.low);
        c.mean = 0.5 * (c.low + c.high);
        c.scale = c.high - c.low;
        break;
    }
    c.inv_scale = 1 / c.scale;
    comps_.push_back(c);
  }

  // Features: each component's centre (or a uniform's two jumps)...
  for (const PreparedComponent& c : comps_) {
    if (c.family == Family::uniform) {
      features_.push_back({c.low, c.width()});
      features_.push_back({c.high, c.width()});
    } else if (c.family == Family::student_t) {
      features_.push_back({c.mean, c.scale * std::min(1.0, std::sqrt(c.df))});
    } else {
      features_.push_back({c.mean, c.scale});
    }
  }
  // ...and where the dominant component switches (log p bends on the scale 1/|Δ slope| there).
  const bool all_normal = std::all_of(comps_.begin(), comps_.end(),
                                      [](const PreparedComponent& c) { return c.family == Family::normal; });
  std::vector<Feature> crossings;
  if (all_normal) {
    for (size_t i = 0; i < comps_.size(); ++i)
      for (size_t j = i + 1; j < comps_.size(); ++j)
        append_normal_crossings(comps_[i].log_w, comps_[i].mean, comps_[i].scale, comps_[j].log_w,
                                comps_[j].mean, comps_[j].scale, crossings);
  } else if (comps_.size() > 1) {
    // Scan for changes of the arg-max component, then bisect on the difference of the two.
    double lo = kInf, hi = -kInf, finest = kInf;
    for (const PreparedComponent& c : comps_) {
      const double reach = c.family == Family::uniform ? 0.0 : 40 * c.width();
      lo = std::min(lo, (c.family == Family::uniform ? c.low : c.mean) - reach);
      hi = std::max(hi, (c.family == Family::uniform ? c.high : c.mean) + reach);
      finest = std::min(finest, c.width());
    }
    const int n = static_cast<int>(std::clamp((hi - lo) / (finest / 8), 16.0, 200000.0));
    const double h = (hi - lo) / n;
    auto term = [&](size_t k, double x) { return comps_[k].log_w + component_log_pdf(comps_[k], x); };
    auto argmax = [&](double x) {
      size_t best = 0;
      for (size_t k = 1; k < comps_.size(); ++k)
        if (term(k, x) > term(best, x)) best = k;
      return best;
    };
    size_t prev = argmax(lo);
    for (int i = 1; i <= n; ++i) {
      const double x1 = lo + i * h, x0 = x1 - h;
      const size_t cur = argmax(x1);
      if (cur == prev) continue;
      const size_t a = prev, b = cur;
      prev = cur;
      if (!std::isfinite(term(a, x0)) || !std::isfinite(term(b, x0)) || !std::isfinite(term(a, x1)) ||
          !std::isfinite(term(b, x1)))
        continue;  // a uniform's edge: already a feature
      double l = x0, r = x1;
      for (int it = 0; it < 80 && r - l > 1e-15 * (std::abs(l) + 1); ++it) {
        const double mid = 0.5 * (l + r);
        ((term(a, mid) - term(b, mid) > 0) ? l : r) = mid;
      }
      const double x = 0.5 * (l + r);
      const double slope =
          std::abs(component_log_pdf_slope(comps_[a], x) - component_log_pdf_slope(comps_[b], x));
      const double cap = std::min(comps_[a].width(), comps_[b].width());
      crossings.push_back({x, slope > 0 ? std::min(cap, 1 / slope) : cap, true});
    }
  }
  // Keep the crossings where the two components matter (within e^30 of the whole density).
  for (const Feature& f : crossings)
    if (log_pdf(f.x) > -kInf) {
      double top = -kInf;
      for (const PreparedComponent& c : comps_) top = std::max(top, c.log_w + component_log_pdf(c, f.x));
      if (top >= log_pdf(f.x) - 30) features_.push_back(f);
    }
}

double PreparedMixture::log_pdf(double x) const {
  // Online log-sum-exp: one exp per component.
  double m = -kInf, s = 0;
  for (const PreparedComponent& c : comps_) {
    const double t = c.log_w + component_log_pdf(c, x);
    if (t == -kInf) continue;
    if (t > m) {
      s = s * std::exp(m - t) + 1;
      m = t;
    } else {
      s += std::exp(t - m);
    }
  }
  return m == -kInf ? -kInf : m + std::log(s);
}

bool PreparedMixture::all_uniform() const {
  return std::all_of(comps_.begin(), comps_.end(),
                     [](const PreparedComponent& c) { return c.family == Family::uniform; });
}

bool PreparedMixture::heavy_tailed() const {
  return std::any_of(comps_.begin(), comps_.end(),
                     [](const PreparedComponent& c) { return c.family == Family::student_t && c.df <= 2; });
}

void append_rule(const PreparedComponent& c, std::span<const Feature> features, std::vector<double>& x,
                 std::vector<double>& w) {
  // Breakpoints of the component's own panels (in units of its scale, symmetric about the centre).
  std::array<double, 128> br;
  size_t n = 0;
  const double m = c.mean, s = c.scale;
  auto both = [&](double u) {
    if (n + 2 > br.size()) return;
    br[n++] = m - s * u;
    br[n++] = m + s * u;
  };
  double lo = 0, hi = 0, panel = 0;
  switch (c.family) {
    case Family::normal:
      br[n++] = m;
      for (double u = 1.5; u <= 9.01; u += 1.5) both(u);
      lo = m - 9 * s, hi = m + 9 * s, panel = 1.5 * s;
      break;
    case Family::laplace: {
      br[n++] = m;
      for (double u : {1.0, 2.5, 5.0, 8.0, 12.0, 17.0, 23.0, 30.0, 38.0, 46.0}) both(u);
      lo = m - 46 * s, hi = m + 46 * s, panel = s;
      break;
    }
    case Family::student_t: {
      br[n++] = m;
      // Mass beyond u scales are ~u^−df: reach where it is below 1e-17 (at most 1e30 scales).
      const double reach = std::clamp(std::pow(1e17, 1 / c.df), 9.0, 1e30);
      double u = 1;
      for (; u <= 9; u += 1) both(u);
      for (u = 13.5; u < reach; u *= 1.5) both(u);
      both(u);
      lo = m - u * s, hi = m + u * s, panel = s;
      break;
    }
    case Family::uniform:
      for (int k = 0; k <= 4; ++k) br[n++] = c.low + (c.high - c.low) * k / 4;
      lo = c.low, hi = c.high, panel = (c.high - c.low) / 4;
      break;
  }
  std::vector<double> pts(br.begin(), br.begin() + n);
  // Graded refinement towards every feature inside the window: x_f, x_f ± t, ± 2t, ± 4t, ... < panel.
  for (const Feature& f : features) {
    if (!(f.x > lo && f.x < hi)) continue;
    pts.push_back(f.x);
    if (!(f.scale > 0)) continue;
    int levels = 0;
    for (double t = f.scale; t < panel && levels < 48; t *= 2, ++levels) {
      pts.push_back(f.x - t);
      pts.push_back(f.x + t);
    }
  }
  std::sort(pts.begin(), pts.end());
  const double tiny = 1e-13 * (std::abs(m) + s);
  double prev = lo;
  const auto& a = Gauss10::abscissa();
  const auto& wt = Gauss10::weights();
  for (double p : pts) {
    if (p <= prev + tiny) continue;
    const double b = std::min(p, hi);
    if (b <= prev + tiny) continue;
    const double mid = 0.5 * (prev + b), half = 0.5 * (b - prev);
    for (size_t k = 0; k < a.size(); ++k) {
      if (a[k] == 0) {
        x.push_back(mid);
        w.push_back(half * wt[k]);
        continue;
      }
      x.push_back(mid - half * a[k]);
      w.push_back(half * wt[k]);
      x.push_back(mid + half * a[k]);
      w.push_back(half * wt[k]);
    }
    prev = b;
    if (prev >= hi) break;
  }
}

}  // namespace divlab::fitq

// FitProblem: preparation, the three objectives for each model, and their exact gradients.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <sstream>

#include "divlab/fit/fit.hpp"
#include "divlab/document/scenario.hpp"
#include "fit/fit_quadrature.hpp"

namespace divlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
using fitq::kHalfLog2Pi;
constexpr double kLog2 = 0.69314718055994530942;

std::string fmt(double v) {
  std::ostringstream o;
  o.precision(6);
  o << v;
  return o.str();
}

// "name" followed by i (built by appending: GCC 12 warns falsely on "literal" + std::string).
std::string indexed(const char* name, int i) {
  std::string s(name);
  s.append(std::to_string(i));
  return s;
}

// Softmax of a in place into out; returns log Σ e^a.
double softmax(std::span<const double> a, std::span<double> out) {
  const double m = *std::max_element(a.begin(), a.end());
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += (out[i] = std::exp(a[i] - m));
  for (double& v : out) v /= s;
  return m + std::log(s);
}

// The Gaussian mixture Q_θ unpacked from θ (K = 1: [mean, log sd]).
struct GaussMix {
  int k = 1;
  std::vector<double> pi, log_pi, mu, s, sigma, log_c;  // log_c = log π_j − log σ_j − ½ log 2π

  GaussMix(std::span<const double> th, int K)
      : k(K), pi(K, 1.0), log_pi(K, 0.0), mu(K), s(K), sigma(K), log_c(K) {
    if (K == 1) {
      mu[0] = th[0];
      s[0] = th[1];
    } else {
      const double lse = softmax(th.subspan(0, K), pi);
      for (int j = 0; j < K; ++j) {
        log_pi[j] = th[j] - lse;
        mu[j] = th[K + j];
        s[j] = th[2 * K + j];
      }
    }
    for (int j = 0; j < K; ++j) {
      sigma[j] = std::exp(s[j]);
      log_c[j] = log_pi[j] - s[j] - kHalfLog2Pi;
    }
  }
  // log q(x); resp (size k, may be empty) gets the responsibilities π_j N_j(x)/q(x).
  double log_q(double x, std::span<double> resp = {}) const {
    if (k == 1) {
      const double z = (x - mu[0]) / sigma[0];
      if (!resp.empty()) resp[0] = 1;
      return log_c[0] - 0.5 * z * z;
    }
    double m = -kInf;
    double t[64];
    std::vector<double> big;
    double* tt = t;
    if (k > 64) {
      big.resize(k);
      tt = big.data();
    }
    for (int j = 0; j < k; ++j) {
      const double z = (x - mu[j]) / sigma[j];
      tt[j] = log_c[j] - 0.5 * z * z;
      m = std::max(m, tt[j]);
    }
    double sum = 0;
    for (int j = 0; j < k; ++j) sum += (tt[j] = std::exp(tt[j] - m));
    if (!resp.empty())
      for (int j = 0; j < k; ++j) resp[j] = tt[j] / sum;
    return m + std::log(sum);
  }
  // Features of log q: component centres and (K > 1) where two components cross.
  void features(std::vector<fitq::Feature>& out) const {
    if (k == 1) return;
    for (int j = 0; j < k; ++j) out.push_back({mu[j], sigma[j]});
    for (int i = 0; i < k; ++i)
      for (int j = i + 1; j < k; ++j)
        fitq::append_normal_crossings(log_pi[i], mu[i], sigma[i], log_pi[j], mu[j], sigma[j], out);
  }
};

// K of a meanK/sdK/weightK name (1 to 99, no leading zero), or 0 for any other name.
int component_index(std::string_view name) {
  for (const std::string_view prefix : {"mean", "sd", "weight"}) {
    if (!name.starts_with(prefix)) continue;
    const std::string_view digits = name.substr(prefix.size());
    if (digits.empty() || digits.size() > 2 || digits[0] == '0' ||
        digits.find_first_not_of("0123456789") != std::string_view::npos)
      continue;
    return std::atoi(std::string(digits).c_str());
  }
  return 0;
}

// The shortest text that reads back as v.
std::string shortest(double v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace

std::optional<StartError> check_start(ModelKind model, const std::map<std::string, double>& start) {
  const bool mixture = model == ModelKind::normal_mixture;
  for (const auto& [name, v] : start) {
    const int k = mixture ? component_index(name) : 0;
    if (name != "mean" && name != "sd" && k == 0)
      return StartError{name, true, mixture ? "mean, sd, meanK, sdK, weightK" : "mean, sd"};
    if (k > kMaxMixtureComponents)
      return StartError{name, false, "expected a component number from 1 to " + std::to_string(kMaxMixtureComponents) +
                                         ", got " + std::to_string(k)};
    const bool sd = name.starts_with("sd"), weight = name.starts_with("weight");
    const std::string got = ", got " + shortest(v);
    if (!std::isfinite(v)) return StartError{name, false, "expected a finite number" + got};
    if ((sd || weight) && !(v > 0)) return StartError{name, false, "expected a number > 0" + got};
    // The limits of a component (distribution.hpp): θ = (mean, log sd) and the seeded centres stay finite.
    if (!sd && !weight && !coordinate_in_range(v))
      return StartError{name, false, "expected a number within ±1e300 (the range the numerics resolve)" + got};
    if (sd && v < kMinScale) return StartError{name, false, "expected a number >= 1e-150" + got};
    if (sd && v > kMaxScale) return StartError{name, false, "expected a number <= 1e300" + got};
    // The component limit too: an sd below 1e-12·|mean| is finer than doubles resolve there (a start
    // N(−1e300, 1e-150) came back as a fit with value 0).
    if (sd) {
      const auto mean = start.find("mean" + name.substr(2));
      if (mean != start.end() && std::isfinite(mean->second) && v < kMinRelativeScale * std::abs(mean->second))
        return StartError{name, false, "expected a number >= 1e-12·|mean| = " +
                                           shortest(kMinRelativeScale * std::abs(mean->second)) +
                                           " (a narrower normal is finer than doubles resolve near its mean)" + got};
    }
  }
  return std::nullopt;
}

std::string start_error_text(const StartError& e) {
  return e.unknown ? "unknown parameter '" + e.name + "' (expected: " + e.what + ")" : e.name + ": " + e.what;
}

int mixture_components(const std::map<std::string, double>& start) {
  int k = 0;
  for (const auto& [name, v] : start) k = std::max(k, component_index(name));
  return k > 0 ? k : 2;
}

FitTarget fit_target(const Scenario& s) {
  FitTarget t;
  t.discrete = s.kind == Kind::discrete;
  if (t.discrete) {
    t.mass = s.p_mass;
    t.x = s.support_x;
  } else {
    t.mixture = s.p_mix;
  }
  return t;
}

std::optional<Moments> moments(const Mixture& p) {
  const Mixture n = normalised(p);
  double mean = 0;
  for (const Component& c : n.components) {
    if (!(c.weight > 0)) continue;
    if (c.family == Family::student_t && c.df <= 1) return std::nullopt;
    mean += c.weight * (c.family == Family::uniform ? 0.5 * (c.low + c.high) : c.mean);
  }
  Moments m{mean, 0};
  for (const Component& c : n.components) {
    if (!(c.weight > 0)) continue;
    double v = 0, centre = c.mean;
    switch (c.family) {
      case Family::normal:
        v = c.scale * c.scale;
        break;
      case Family::laplace:
        v = 2 * c.scale * c.scale;
        break;
      case Family::student_t:
        v = c.df > 2 ? c.scale * c.scale * c.df / (c.df - 2) : kInf;
        break;
      case Family::uniform:
        v = (c.high - c.low) * (c.high - c.low) / 12;
        centre = 0.5 * (c.low + c.high);
        break;
    }
    m.variance += c.weight * (v + (centre - mean) * (centre - mean));
  }
  return m;
}

std::optional<std::pair<double, double>> moment_matching(const Mixture& p) {
  const auto m = moments(p);
  if (!m || !std::isfinite(m->variance)) return std::nullopt;
  return std::pair{m->mean, std::sqrt(m->variance)};
}

// [SECTION] Impl

struct FitProblem::Impl {
  FitTarget target;
  ModelSpec model;
  FitObjective objective = FitObjective::reverse_kl;
  int n_params = 2;
  bool infinite = false;
  std::string why;
  // Continuous target.
  std::optional<fitq::PreparedMixture> p;
  std::optional<fitq::LogpLattice> lattice;  // fast single-Gaussian reverse KL for smooth P
  std::optional<Moments> mom;
  // Asked for as a normal_mixture (K = 1 is planned as a normal): its start may name mean1, sd1, weight1.
  bool from_mixture = false;
  double entropy_p = 0;  // H(P), nats
  // Discrete target.
  std::vector<double> pm, log_pm, xs;
  double d_mean = 0, d_sd = 1;

  // E_P[g] over P's components, with panels split at P's features plus `extra`.
  template <class G>
  double expect_p(std::span<const fitq::Feature> extra, G&& g) const;
  double eval_continuous(std::span<const double> th, std::span<double> grad) const;
  double eval_discrete(std::span<const double> th, std::span<double> grad) const;
};

template <class G>
double FitProblem::Impl::expect_p(std::span<const fitq::Feature> extra, G&& g) const {
  std::vector<fitq::Feature> feats(p->features());
  feats.insert(feats.end(), extra.begin(), extra.end());
  std::vector<double> x, w;
  double total = 0;
  for (const fitq::PreparedComponent& c : p->components()) {
    x.clear();
    w.clear();
    fitq::append_rule(c, feats, x, w);
    const double cw = std::exp(c.log_w);
    for (size_t i = 0; i < x.size(); ++i) {
      const double f = std::exp(fitq::component_log_pdf(c, x[i]));
      if (f > 0) total += cw * w[i] * f * g(x[i], cw * w[i] * f);
    }
  }
  return total;
}

std::optional<FitProblem> FitProblem::make(const FitTarget& target, ModelSpec model, FitObjective objective,
                                           std::string* error) {
  auto fail = [&](const std::string& msg) -> std::optional<FitProblem> {
    if (error) *error = msg;
    return std::nullopt;
  };
  auto impl = std::make_shared<Impl>();
  impl->target = target;
  impl->objective = objective;
  if (target.discrete) {
    if (model.kind == ModelKind::normal) model.kind = ModelKind::discretised_normal;
    if (model.kind != ModelKind::discretised_normal && model.kind != ModelKind::categorical)
      return fail("model '" + std::string(to_name(model.kind)) + "' needs a continuous P");
    const size_t n = target.mass.size();
    if (n == 0) return fail("P has no mass");
    double sum = 0;
    for (double v : target.mass) {
      if (!std::isfinite(v) || v < 0) return fail("P's masses must be finite and >= 0");
      sum += v;
    }
    if (!(sum > 0)) return fail("P's masses are all zero");
    if (!target.x.empty() && target.x.size() != n) return fail("support x and P's masses differ in length");
    impl->pm = normalised(target.mass);
    impl->xs = target.x;
    if (impl->xs.empty()) {
      impl->xs.resize(n);
      std::iota(impl->xs.begin(), impl->xs.end(), 0.0);
    }
    for (double v : impl->xs)
      if (!std::isfinite(v)) return fail("support positions must be finite");
    impl->log_pm.resize(n);
    double mean = 0, var = 0;
    for (size_t i = 0; i < n; ++i) {
      impl->log_pm[i] = impl->pm[i] > 0 ? std::log(impl->pm[i]) : -kInf;
      mean += impl->pm[i] * impl->xs[i];
    }
    for (size_t i = 0; i < n; ++i) var += impl->pm[i] * (impl->xs[i] - mean) * (impl->xs[i] - mean);
    impl->d_mean = mean;
    impl->d_sd = var > 0 ? std::sqrt(var) : 1.0;
    impl->n_params = model.kind == ModelKind::categorical ? static_cast<int>(n) : 2;
    if (objective == FitObjective::reverse_kl) {
      for (size_t i = 0; i < n; ++i)
        if (impl->pm[i] == 0) {
          impl->infinite = true;
          impl->why = "P = 0 at x = " + fmt(impl->xs[i]) + " (bin " + std::to_string(i + 1) +
                      ") where Q_θ > 0, and every " + std::string(to_name(model.kind)) +
                      " model puts mass on every bin, so D(Q_θ‖P) = ∞ for all θ";
          break;
        }
    }
  } else {
    if (model.kind == ModelKind::discretised_normal || model.kind == ModelKind::categorical)
      return fail("model '" + std::string(to_name(model.kind)) + "' needs a discrete P");
    if (model.kind == ModelKind::normal) model.components = 1;
    if (model.components < 1 || model.components > 64)
      return fail("a mixture model needs 1 to 64 components");
    impl->from_mixture = model.kind == ModelKind::normal_mixture;
    if (model.components == 1) model.kind = ModelKind::normal;
    if (target.mixture.components.empty()) return fail("P has no components");
    double wsum = 0;
    for (const Component& c : target.mixture.components) {
      const bool ok = std::isfinite(c.weight) && c.weight >= 0 && std::isfinite(c.mean) &&
                      std::isfinite(c.scale) && std::isfinite(c.df) && std::isfinite(c.low) &&
                      std::isfinite(c.high) && (c.family == Family::uniform ? c.low < c.high : c.scale > 0) &&
                      (c.family != Family::student_t || c.df > 0);
      if (!ok) return fail("P has an invalid component");
      wsum += c.weight;
    }
    if (!(wsum > 0)) return fail("P's weights are all zero");
    impl->p.emplace(target.mixture);
    impl->mom = moments(target.mixture);
    impl->n_params = model.components == 1 ? 2 : 3 * model.components;
    if (objective == FitObjective::reverse_kl && impl->p->all_uniform()) {
      impl->infinite = true;
      impl->why =
          "P = 0 outside its uniform components' intervals, where every Gaussian Q_θ > 0, so "
          "D(Q_θ‖P) = ∞ for all θ";
    }
    if (objective == FitObjective::forward_kl && impl->p->heavy_tailed()) {
      double df = 0;
      for (const auto& c : impl->p->components())
        if (c.family == Family::student_t && c.df <= 2) df = c.df;
      impl->infinite = true;
      impl->why =
          "P's tails are heavier than any Gaussian's: E_P[x²] = ∞ under its student_t component (df = " +
          fmt(df) + " <= 2), so D(P‖Q_θ) = ∞ for all θ";
    }
    if (objective == FitObjective::reverse_kl && model.kind == ModelKind::normal)  // only K = 1 uses it
      impl->lattice = fitq::LogpLattice::make(*impl->p);
    if (!impl->infinite && objective == FitObjective::forward_kl) {
      // H(P) = −E_P[log p]: a constant of the forward objective.
      const fitq::PreparedMixture& pp = *impl->p;
      impl->entropy_p = -impl->expect_p({}, [&](double x, double) { return pp.log_pdf(x); });
    }
  }
  impl->model = model;
  FitProblem out;
  out.impl_ = impl;
  return out;
}

int FitProblem::parameter_count() const { return impl_->n_params; }
ModelSpec FitProblem::model() const { return impl_->model; }
FitObjective FitProblem::objective() const { return impl_->objective; }
const FitTarget& FitProblem::target() const { return impl_->target; }
bool FitProblem::infinite() const { return impl_->infinite; }
const std::string& FitProblem::why_infinite() const { return impl_->why; }

double FitProblem::evaluate(std::span<const double> theta, std::span<double> grad) const {
  std::fill(grad.begin(), grad.end(), 0.0);
  if (impl_->infinite) return kInf;
  for (double v : theta)
    if (!std::isfinite(v)) return kInf;
  return impl_->target.discrete ? impl_->eval_discrete(theta, grad) : impl_->eval_continuous(theta, grad);
}

// [SECTION] Continuous objectives

double FitProblem::Impl::eval_continuous(std::span<const double> th, std::span<double> grad) const {
  const int K = model.components;
  const GaussMix q(th, K);
  const bool want = !grad.empty();
  const fitq::PreparedMixture& pp = *p;

  if (objective == FitObjective::forward_kl) {
    if (K == 1) {
      // D(P‖N(μ,σ²)) = −H(P) + ½ log 2π + log σ + (Var P + (E P − μ)²)/(2σ²)
      const double d = mom->mean - q.mu[0], sig2 = q.sigma[0] * q.sigma[0];
      const double second = (mom->variance + d * d) / sig2;
      if (want) {
        grad[0] = -d / sig2;
        grad[1] = 1 - second;
      }
      return -entropy_p + kHalfLog2Pi + q.s[0] + 0.5 * second;
    }
    // D(P‖Q) = −H(P) − E_P[log q]; ∂/∂θ = −E_P[Σ_j r_j ∂ log(π_j N_j)]
    std::vector<fitq::Feature> qf;
    q.features(qf);
    std::vector<double> r(K), acc(3 * K, 0.0);
    const double elq = expect_p(qf, [&](double x, double wt) {
      const double lq = q.log_q(x, r);
      if (want)
        for (int j = 0; j < K; ++j) {
          const double z = (x - q.mu[j]) / q.sigma[j];
          acc[j] += wt * (r[j] - q.pi[j]);
          acc[K + j] += wt * r[j] * z / q.sigma[j];
          acc[2 * K + j] += wt * r[j] * (z * z - 1);
        }
      return lq;
    });
    if (want)
      for (int i = 0; i < 3 * K; ++i) grad[i] = -acc[i];
    return -entropy_p - elq;
  }

  // The lattice needs Q wider than 4 steps, and at most ~40k nodes (else the split rule is cheaper).
  if (objective == FitObjective::reverse_kl && K == 1 && lattice && q.sigma[0] >= 4 * lattice->h() &&
      q.sigma[0] <= 2000 * lattice->h())
    return fitq::reverse_kl_on_lattice(*lattice, q.mu[0], q.s[0], want ? grad.data() : nullptr);

  // Reverse KL and JSD share the Q side: J_Q = Σ_j π_j E_j[h], ∂J/∂θ = c ∫ ∂_θ q · h dx with
  //   reverse: h = log q − log p,                  c = 1   (D(Q‖P) = E_Q[log q − log p])
  //   jsd:     h = log 2 + log q − log(p + q),      c = ½   (JSD = ½E_P[log 2p/(p+q)] + ½E_Q[h])
  const bool jsd = objective == FitObjective::jsd;
  std::vector<fitq::Feature> feats(pp.features());
  q.features(feats);
  std::vector<double> x, w, hv;
  std::vector<double> e(K, 0.0);
  double jq = 0;
  for (int j = 0; j < K; ++j) {
    x.clear();
    w.clear();
    fitq::append_rule(fitq::normal_component(q.mu[j], q.sigma[j]), feats, x, w);
    hv.resize(x.size());
    const double inv = 1 / q.sigma[j];
    double ej = 0;
    for (size_t i = 0; i < x.size(); ++i) {
      const double z = (x[i] - q.mu[j]) * inv;
      w[i] *= std::exp(-0.5 * z * z - kHalfLog2Pi) * inv;  // N_j(x_i) folded into the weight
      const double lq = q.log_q(x[i]), lp = pp.log_pdf(x[i]);
      hv[i] = jsd ? kLog2 + lq - fitq::log_add_exp(lp, lq) : lq - lp;
      ej += w[i] * hv[i];
    }
    e[j] = ej;
    jq += q.pi[j] * ej;
    if (want) {
      // Centred on E_j[h]: E_j[score] = 0, and centring removes h's large constant part.
      double gm = 0, gs = 0;
      for (size_t i = 0; i < x.size(); ++i) {
        const double z = (x[i] - q.mu[j]) * inv, hc = w[i] * (hv[i] - ej);
        gm += hc * z;
        gs += hc * (z * z - 1);
      }
      const double c = jsd ? 0.5 : 1.0;
      if (K == 1) {
        grad[0] = c * gm * inv;
        grad[1] = c * gs;
      } else {
        grad[K + j] = c * q.pi[j] * gm * inv;
        grad[2 * K + j] = c * q.pi[j] * gs;
      }
    }
  }
  if (want && K > 1) {
    const double c = jsd ? 0.5 : 1.0;
    for (int l = 0; l < K; ++l) grad[l] = c * q.pi[l] * (e[l] - jq);
  }
  if (!jsd) return jq;
  std::vector<fitq::Feature> qf{{q.mu[0], q.sigma[0]}};
  if (K > 1) {
    qf.clear();
    q.features(qf);
  }
  const double ep = expect_p(qf, [&](double xx, double) {
    const double lp = pp.log_pdf(xx), lq = q.log_q(xx);
    return kLog2 + lp - fitq::log_add_exp(lp, lq);
  });
  return 0.5 * ep + 0.5 * jq;
}

// [SECTION] Discrete objectives

double FitProblem::Impl::eval_discrete(std::span<const double> th, std::span<double> grad) const {
  const size_t n = pm.size();
  std::vector<double> a(n), qv(n), g(n);
  const bool cat = model.kind == ModelKind::categorical;
  const double sigma = cat ? 1.0 : std::exp(th[1]);
  for (size_t i = 0; i < n; ++i) {
    if (cat) {
      a[i] = th[i];
    } else {
      const double z = (xs[i] - th[0]) / sigma;
      a[i] = -0.5 * z * z;
    }
  }
  const double lse = softmax(a, qv);
  auto log_q = [&](size_t i) { return a[i] - lse; };
  double value = 0;
  // gq[i] = ∂J/∂a_i through the softmax.
  switch (objective) {
    case FitObjective::forward_kl:
      // D(P‖Q) = Σ p_i (log p_i − log q_i); ∂/∂a_i = q_i − p_i
      for (size_t i = 0; i < n; ++i) {
        if (pm[i] > 0) value += pm[i] * (log_pm[i] - log_q(i));
        g[i] = qv[i] - pm[i];
      }
      break;
    case FitObjective::reverse_kl: {
      // D(Q‖P) = Σ q_i (log q_i − log p_i); ∂/∂a_i = q_i (h_i − D)
      std::vector<double> h(n);
      for (size_t i = 0; i < n; ++i) {
        h[i] = log_q(i) - log_pm[i];
        if (qv[i] > 0) value += qv[i] * h[i];
      }
      for (size_t i = 0; i < n; ++i) g[i] = qv[i] > 0 ? qv[i] * (h[i] - value) : 0.0;
      break;
    }
    case FitObjective::jsd: {
      // JSD = ½Σ p log(2p/(p+q)) + ½Σ q log(2q/(p+q)); ∂/∂q_i = ½ log(2q_i/(p_i+q_i))
      std::vector<double> dq(n);
      double mean_dq = 0;
      for (size_t i = 0; i < n; ++i) {
        const double lq = log_q(i), lm = fitq::log_add_exp(log_pm[i], lq);
        if (pm[i] > 0) value += 0.5 * pm[i] * (kLog2 + log_pm[i] - lm);
        if (qv[i] > 0) value += 0.5 * qv[i] * (kLog2 + lq - lm);
        dq[i] = 0.5 * (kLog2 + lq - lm);
        mean_dq += qv[i] * dq[i];
      }
      for (size_t i = 0; i < n; ++i) g[i] = qv[i] * (dq[i] - mean_dq);
      break;
    }
  }
  if (!grad.empty()) {
    if (cat) {
      for (size_t i = 0; i < n; ++i) grad[i] = g[i];
    } else {
      // a_i = −½ z_i², z_i = (x_i − μ)/σ: ∂a_i/∂μ = z_i/σ, ∂a_i/∂log σ = z_i²
      double gm = 0, gs = 0;
      for (size_t i = 0; i < n; ++i) {
        const double z = (xs[i] - th[0]) / sigma;
        gm += g[i] * z / sigma;
        gs += g[i] * z * z;
      }
      grad[0] = gm;
      grad[1] = gs;
    }
  }
  return std::max(value, 0.0);
}

// [SECTION] Parameters

std::optional<std::pair<double, double>> FitProblem::start_centre(const std::map<std::string, double>& start,
                                                                  std::string* error) const {
  auto fail = [&](const std::string& m) -> std::optional<std::pair<double, double>> {
    if (error) *error = m;
    return std::nullopt;
  };
  const bool mixture = impl_->model.kind == ModelKind::normal_mixture || impl_->from_mixture;
  if (const auto e = check_start(mixture ? ModelKind::normal_mixture : impl_->model.kind, start))
    return fail(start_error_text(*e));
  double mean = 0, sd = 1;
  if (impl_->target.discrete) {
    mean = impl_->d_mean;
    sd = impl_->d_sd;
  } else if (impl_->mom && std::isfinite(impl_->mom->variance)) {
    mean = impl_->mom->mean;
    sd = std::sqrt(impl_->mom->variance);
  }
  if (auto it = start.find("mean"); it != start.end()) mean = it->second;
  if (auto it = start.find("sd"); it != start.end()) sd = it->second;
  // A one-component mixture is a normal: its component's own start is the start.
  if (impl_->from_mixture && impl_->model.kind == ModelKind::normal) {
    if (auto it = start.find("mean1"); it != start.end()) mean = it->second;
    if (auto it = start.find("sd1"); it != start.end()) sd = it->second;
  }
  return std::pair{mean, sd};
}

std::optional<std::vector<double>> FitProblem::initial_theta(const std::map<std::string, double>& start,
                                                             std::string* error) const {
  const auto centre = start_centre(start, error);
  if (!centre) return std::nullopt;
  const auto [mean, sd] = *centre;
  const ModelSpec m = impl_->model;
  std::vector<double> th;
  switch (m.kind) {
    case ModelKind::normal:
    case ModelKind::discretised_normal:
      th = {mean, std::log(sd)};
      break;
    case ModelKind::normal_mixture: {
      // Equal weights; centres spread one sd apart around the mean (so the components differ).
      const int K = m.components;
      th.assign(3 * K, 0.0);
      for (int j = 0; j < K; ++j) {
        th[K + j] = mean + sd * (j - 0.5 * (K - 1));
        th[2 * K + j] = std::log(sd);
      }
      // A component's own start (meanK, sdK, weightK) replaces the seed.
      for (const auto& [k, v] : start) {
        const int j = component_index(k) - 1;
        if (j < 0 || j >= K) continue;
        if (k.starts_with("mean")) th[K + j] = v;
        else if (k.starts_with("sd")) th[2 * K + j] = std::log(v);
        else th[j] = std::log(v);
      }
      break;
    }
    case ModelKind::categorical: {
      // A bump at (mean, sd) when given, else uniform.
      th.assign(impl_->pm.size(), 0.0);
      if (!start.empty())
        for (size_t i = 0; i < th.size(); ++i) {
          const double z = (impl_->xs[i] - mean) / sd;
          th[i] = -0.5 * z * z;
        }
      break;
    }
  }
  return th;
}

std::vector<std::pair<std::string, double>> FitProblem::named_parameters(std::span<const double> th) const {
  std::vector<std::pair<std::string, double>> out;
  const ModelSpec m = impl_->model;
  switch (m.kind) {
    case ModelKind::normal:
    case ModelKind::discretised_normal:
      out = {{"mean", th[0]}, {"sd", std::exp(th[1])}};
      break;
    case ModelKind::normal_mixture: {
      const GaussMix q(th, m.components);
      for (int j = 0; j < m.components; ++j) {
        out.push_back({indexed("weight", j + 1), q.pi[j]});
        out.push_back({indexed("mean", j + 1), q.mu[j]});
        out.push_back({indexed("sd", j + 1), q.sigma[j]});
      }
      break;
    }
    case ModelKind::categorical: {
      const auto q = model_masses(th);
      for (size_t i = 0; i < q.size(); ++i) out.push_back({indexed("p", static_cast<int>(i) + 1), q[i]});
      break;
    }
  }
  return out;
}

Mixture FitProblem::model_mixture(std::span<const double> th) const {
  Mixture out;
  if (impl_->target.discrete) return out;
  const GaussMix q(th, impl_->model.components);
  for (int j = 0; j < q.k; ++j) {
    Component c;
    c.family = Family::normal;
    c.weight = q.pi[j];
    c.mean = q.mu[j];
    c.scale = q.sigma[j];
    out.components.push_back(c);
  }
  return out;
}

std::vector<double> FitProblem::model_masses(std::span<const double> th) const {
  if (!impl_->target.discrete) return {};
  const size_t n = impl_->pm.size();
  std::vector<double> a(n), q(n);
  for (size_t i = 0; i < n; ++i) {
    if (impl_->model.kind == ModelKind::categorical) {
      a[i] = th[i];
    } else {
      const double z = (impl_->xs[i] - th[0]) / std::exp(th[1]);
      a[i] = -0.5 * z * z;
    }
  }
  softmax(a, q);
  return q;
}

}  // namespace divlab

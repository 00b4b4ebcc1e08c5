// Objective landscapes over (mean, log sd) and the local minima of two-parameter models.
#include "divlab/fit/landscape.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "fit/fit_quadrature.hpp"

namespace divlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kHalfLog2PiE = 1.41893853320467274178;  // ½ log(2πe)

double lerp(double lo, double hi, int i, int n) { return n > 1 ? lo + (hi - lo) * i / (n - 1) : lo; }

void finish(Landscape& L) {
  float lo = std::numeric_limits<float>::max(), hi = -lo;
  for (float v : L.values)
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  L.min = lo <= hi ? lo : 0;
  L.max = lo <= hi ? hi : 0;
}

// Reverse KL of N(μ, σ²) against a smooth P for a whole grid: per row (one σ), E_Q[log p] at every
// μ_j is a correlation of a log p table with one Gaussian kernel. The table's spacing divides the
// μ step, so all points of a row share the kernel: no exp and no interpolation in the inner loop.
//   D(N(μ,σ²)‖P) = −½ log(2πe) − log σ − E_{x~N(μ,σ²)}[log p(x)]
void reverse_rows(const fitq::PreparedMixture& p, double h_max, Landscape& L) {
  const LandscapeRange& r = L.range;
  const int W = L.width, H = L.height;
  const double dmu = W > 1 ? (r.mean_hi - r.mean_lo) / (W - 1) : h_max;
  const int m = std::max(1, static_cast<int>(std::ceil(dmu / h_max)));
  const double h = dmu / m;
  const double sig_hi = std::exp(std::max(r.log_sd_lo, r.log_sd_hi));
  constexpr double kReach = 8.0;  // φ(8) ≈ 5e-15: far below what a colour map shows
  const long pad = static_cast<long>(std::ceil(kReach * sig_hi / h)) + 2;
  const long n_table = static_cast<long>(W - 1) * m + 2 * pad + 1;
  std::vector<double> lp(n_table);
  for (long i = 0; i < n_table; ++i) lp[i] = p.log_pdf(r.mean_lo + (i - pad) * h);
  std::vector<double> kernel;
  for (int row = 0; row < H; ++row) {
    const double s = lerp(r.log_sd_lo, r.log_sd_hi, row, H), sigma = std::exp(s);
    float* out = &L.values[static_cast<size_t>(row) * W];
    if (sigma < 3 * h) {
      // Narrow Q: Gauss–Hermite (probabilists', 20 nodes) on log p directly.
      // Nodes x_k ≥ 0 of e^(−x²) and weights w_k/√π (numpy.polynomial.hermite.hermgauss(20)).
      static constexpr double z[10] = {0.24534070830090124, 0.73747372854539439, 1.2340762153953231,
                                       1.7385377121165861,  2.2549740020892757,  2.7888060584281305,
                                       3.3478545673832163,  3.9447640401156252,  4.6036824495507442,
                                       5.3874808900112328};
      static constexpr double w[10] = {0.26079306344955488,   0.16173933398399998,   0.061506372063976897,
                                       0.013997837447101022,  0.00183010313108049,   0.00012882627996192928,
                                       4.402121090230851e-06, 6.127490259982928e-08, 2.4820623623151755e-10,
                                       1.2578006724379234e-13};
      for (int j = 0; j < W; ++j) {
        const double mu = r.mean_lo + j * dmu;
        double e = 0;
        for (int k = 0; k < 10; ++k) {
          const double dz = std::sqrt(2.0) * z[k] * sigma;
          e += w[k] * (p.log_pdf(mu - dz) + p.log_pdf(mu + dz));
        }
        out[j] = static_cast<float>(-kHalfLog2PiE - s - e);
      }
      continue;
    }
    const long K = static_cast<long>(std::ceil(kReach * sigma / h));
    kernel.resize(2 * K + 1);
    double norm = 0;
    for (long k = -K; k <= K; ++k) {
      const double zz = k * h / sigma;
      norm += (kernel[k + K] = std::exp(-0.5 * zz * zz));
    }
    for (double& v : kernel) v /= norm;  // trapezoid weights h·φ(z)/σ, normalised to sum 1
    for (int j = 0; j < W; ++j) {
      const double* t = &lp[static_cast<long>(j) * m + pad - K];
      double a0 = 0, a1 = 0, a2 = 0, a3 = 0;  // four accumulators: the loop pipelines
      long k = 0;
      for (; k + 3 < 2 * K + 1; k += 4) {
        a0 += kernel[k] * t[k];
        a1 += kernel[k + 1] * t[k + 1];
        a2 += kernel[k + 2] * t[k + 2];
        a3 += kernel[k + 3] * t[k + 3];
      }
      for (; k < 2 * K + 1; ++k) a0 += kernel[k] * t[k];
      out[j] = static_cast<float>(-kHalfLog2PiE - s - ((a0 + a1) + (a2 + a3)));
    }
  }
}

}  // namespace

double Landscape::mean_at(int col) const { return lerp(range.mean_lo, range.mean_hi, col, width); }
double Landscape::log_sd_at(int row) const { return lerp(range.log_sd_lo, range.log_sd_hi, row, height); }

ModelSpec landscape_model(const FitTarget& target) {
  return {target.discrete ? ModelKind::discretised_normal : ModelKind::normal, 1};
}

LandscapeRange default_landscape_range(const FitTarget& target) {
  LandscapeRange r;
  if (target.discrete) {
    std::vector<double> x = target.x;
    if (x.empty())
      for (size_t i = 0; i < target.mass.size(); ++i) x.push_back(static_cast<double>(i));
    if (x.empty()) return r;
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    const double span = std::max(*hi - *lo, 1.0);
    r.mean_lo = *lo - 0.25 * span;
    r.mean_hi = *hi + 0.25 * span;
    r.log_sd_lo = std::log(span / 50);
    r.log_sd_hi = std::log(span * 1.5);
    return r;
  }
  double lo = kInf, hi = -kInf, finest = kInf;
  for (const Component& c : target.mixture.components) {
    if (!(c.weight > 0)) continue;
    const double a = c.family == Family::uniform ? c.low : c.mean - 2.5 * c.scale;
    const double b = c.family == Family::uniform ? c.high : c.mean + 2.5 * c.scale;
    lo = std::min(lo, a);
    hi = std::max(hi, b);
    finest = std::min(finest, c.family == Family::uniform ? (c.high - c.low) / 2 : c.scale);
  }
  if (!(lo < hi)) return r;
  r.mean_lo = lo;
  r.mean_hi = hi;
  r.log_sd_lo = std::log(finest / 4);
  r.log_sd_hi = std::log(hi - lo);
  return r;
}

Landscape landscape(const FitProblem& problem, LandscapeRange range, int width, int height) {
  Landscape L;
  L.width = std::max(width, 1);
  L.height = std::max(height, 1);
  L.range = range;
  L.values.assign(static_cast<size_t>(L.width) * L.height, static_cast<float>(kInf));
  const ModelSpec model = problem.model();
  const bool two_params = model.kind == ModelKind::normal || model.kind == ModelKind::discretised_normal;
  if (problem.infinite() || !two_params) {
    finish(L);
    return L;
  }
  const FitTarget& t = problem.target();
  if (!t.discrete && problem.objective() == FitObjective::forward_kl) {
    // D(P‖N(μ,σ²)) = D at (E P, sd P) + log(σ/sd P) + (Var P + (E P − μ)²)/(2σ²) − ½: closed form.
    const auto mm = moments(t.mixture);
    const double sdp = std::sqrt(mm->variance);
    const double th[2] = {mm->mean, std::log(sdp)};
    const double at_opt = problem.evaluate(th);
    for (int row = 0; row < L.height; ++row) {
      const double s = L.log_sd_at(row), inv2 = std::exp(-2 * s);
      for (int col = 0; col < L.width; ++col) {
        const double d = mm->mean - L.mean_at(col);
        L.values[static_cast<size_t>(row) * L.width + col] =
            static_cast<float>(at_opt + (s - th[1]) + 0.5 * (mm->variance + d * d) * inv2 - 0.5);
      }
    }
    finish(L);
    return L;
  }
  if (!t.discrete && problem.objective() == FitObjective::reverse_kl) {
    const fitq::PreparedMixture p(t.mixture);
    if (const auto h = fitq::LogpLattice::step(p)) {
      reverse_rows(p, *h, L);
      finish(L);
      return L;
    }
  }
  // Everything else (JSD, discrete P, P with kinks or jumps): the exact objective at every point.
  for (int row = 0; row < L.height; ++row)
    for (int col = 0; col < L.width; ++col) {
      const double th[2] = {L.mean_at(col), L.log_sd_at(row)};
      L.values[static_cast<size_t>(row) * L.width + col] = static_cast<float>(problem.evaluate(th));
    }
  finish(L);
  return L;
}

// [SECTION] Local minima

namespace {

// Descent with an adaptive step (grow on success, halve on failure), then Newton on a Hessian from
// central differences of the exact gradient. Returns false when it ends anywhere but a strict minimum.
bool polish(const FitProblem& pr, double th[2], double& value) {
  double g[2], step = 0.1;
  value = pr.evaluate(std::span<const double>(th, 2), g);
  if (!std::isfinite(value)) return false;
  for (int it = 0; it < 3000 && std::hypot(g[0], g[1]) > 1e-5; ++it) {
    const double cand[2] = {th[0] - step * g[0], std::clamp(th[1] - step * g[1], -40.0, 40.0)};
    double gc[2];
    const double v = pr.evaluate(cand, gc);
    if (std::isfinite(v) && v <= value) {
      th[0] = cand[0], th[1] = cand[1], value = v, g[0] = gc[0], g[1] = gc[1];
      step = std::min(step * 1.3, 10.0);
    } else {
      step *= 0.5;
      if (step < 1e-14) break;
    }
  }
  for (int it = 0; it < 60; ++it) {
    const double gn = std::hypot(g[0], g[1]);
    if (gn < 1e-11) break;
    double H[2][2];
    for (int i = 0; i < 2; ++i) {
      const double e = 1e-5;
      double a[2] = {th[0], th[1]}, b[2] = {th[0], th[1]}, ga[2], gb[2];
      a[i] += e;
      b[i] -= e;
      pr.evaluate(a, ga);
      pr.evaluate(b, gb);
      H[0][i] = (ga[0] - gb[0]) / (2 * e);
      H[1][i] = (ga[1] - gb[1]) / (2 * e);
    }
    const double h01 = 0.5 * (H[0][1] + H[1][0]);
    const double det = H[0][0] * H[1][1] - h01 * h01;
    if (!(H[0][0] > 0 && det > 0)) return false;  // not convex here: a saddle or a ridge
    const double d0 = (H[1][1] * g[0] - h01 * g[1]) / det, d1 = (H[0][0] * g[1] - h01 * g[0]) / det;
    const double cand[2] = {th[0] - d0, th[1] - d1};
    double gc[2];
    const double v = pr.evaluate(cand, gc);
    if (!std::isfinite(v)) return false;
    th[0] = cand[0], th[1] = cand[1], value = v, g[0] = gc[0], g[1] = gc[1];
  }
  return std::hypot(g[0], g[1]) < 1e-7;
}

}  // namespace

std::vector<LocalMinimum> local_minima(const FitProblem& problem, LandscapeRange range, int starts_per_axis) {
  std::vector<LocalMinimum> found;
  const ModelSpec model = problem.model();
  if (problem.infinite() || (model.kind != ModelKind::normal && model.kind != ModelKind::discretised_normal))
    return found;
  const int n = std::max(starts_per_axis, 1);
  std::vector<std::array<double, 2>> at;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double th[2] = {lerp(range.mean_lo, range.mean_hi, i, n), lerp(range.log_sd_lo, range.log_sd_hi, j, n)};
      double v = 0;
      if (!polish(problem, th, v)) continue;
      bool dup = false;
      for (size_t k = 0; k < found.size(); ++k)
        if (std::hypot(at[k][0] - th[0], at[k][1] - th[1]) < 1e-5) {
          ++found[k].starts;
          dup = true;
          break;
        }
      if (dup) continue;
      at.push_back({th[0], th[1]});
      found.push_back({th[0], std::exp(th[1]), v, 1});
    }
  std::vector<size_t> order(found.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return found[a].value < found[b].value; });
  std::vector<LocalMinimum> out;
  for (size_t i : order) out.push_back(found[i]);
  return out;
}

}  // namespace divlab

// The quantities of a joint table (SPEC §5): every one a sum of terms ≥ 0, so none cancels.
#include "divlab/measures/joint.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>

#include "measures/block_kernels.hpp"
#include "measures/measures_detail.hpp"
#include "measures/normalise.hpp"

namespace divlab {

namespace {

using detail::kInf;

// [SECTION] The normalised table and its marginals, in nats

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// Checks the preconditions of joint.hpp; throws std::invalid_argument naming the first violation.
void validate(JointRows rows) {
  if (rows.empty()) throw std::invalid_argument("joint table: no rows (expected at least 1)");
  const std::size_t cols = rows[0].size();
  if (cols == 0) throw std::invalid_argument("joint table: row 0 is empty (expected at least 1 column)");
  bool any_positive = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != cols)
      throw std::invalid_argument("joint table: row " + std::to_string(i) + " has " + std::to_string(rows[i].size()) +
                                  " cells, expected " + std::to_string(cols) + " (as many as row 0)");
    for (std::size_t j = 0; j < cols; ++j) {
      const double m = rows[i][j];
      if (!(m >= 0) || !std::isfinite(m))
        throw std::invalid_argument("joint table: cell (" + std::to_string(i) + ", " + std::to_string(j) + ") is " +
                                    number_text(m) + ", expected a finite number >= 0");
      any_positive = any_positive || m > 0;
    }
  }
  if (!any_positive) throw std::invalid_argument("joint table: every mass is 0 (expected at least one > 0)");
}

// log Σ exp(logs[k·stride]) over the entries whose mass is > 0, for a marginal that is
// subnormal: its logs come from the cells' exact logs, not from the imprecise sum.
double log_sum_exp(const double* mass, const double* logs, std::size_t n, std::size_t stride) {
  double top = -kInf;
  for (std::size_t k = 0; k < n; ++k)
    if (mass[k * stride] > 0) top = std::max(top, logs[k * stride]);
  double s = 0;
  for (std::size_t k = 0; k < n; ++k)
    if (mass[k * stride] > 0) s += std::exp(logs[k * stride] - top);
  return top + std::log(s);
}

// The table normalised (pᵢⱼ, row-major), its logs, and both marginals with their logs. Positive
// masses stay positive (the normaliser), and every log of a mass that normalises below the double
// range is log m − log Σ, so nothing here underflows to a wrong 0 or −∞.
struct Prepared {
  std::size_t rows = 0, cols = 0;
  std::vector<double> p, lp;      // cells and their logs (lp unused where p = 0)
  std::vector<double> px, lpx;    // P_X and log P_X (−∞ where 0)
  std::vector<double> py, lpy;    // P_Y and log P_Y
};

Prepared prepare(JointRows table) {
  validate(table);
  Prepared t;
  t.rows = table.size();
  t.cols = table[0].size();
  const std::size_t n = t.rows * t.cols;
  std::vector<double> raw(n);
  for (std::size_t i = 0; i < t.rows; ++i) std::copy(table[i].begin(), table[i].end(), raw.begin() + i * t.cols);
  const detail::MassNormaliser f = detail::mass_normaliser(raw);
  t.p.resize(n);
  t.lp.resize(n);
  f.apply(raw.data(), t.p.data(), n);
  detail::log_block(t.p.data(), t.lp.data(), n);
  f.fix_logs(raw.data(), t.p.data(), t.lp.data(), n);

  // Marginals: row and column sums of the normalised cells; then cells and marginals are divided
  // by the marginals' total T, so that a lone row (or column) is exactly 1 with log exactly 0.
  t.px.assign(t.rows, 0.0);
  t.py.assign(t.cols, 0.0);
  for (std::size_t i = 0; i < t.rows; ++i) {
    const double* row = &t.p[i * t.cols];
    double r = 0;
    for (std::size_t j = 0; j < t.cols; ++j) {
      r += row[j];
      t.py[j] += row[j];
    }
    t.px[i] = r;
  }
  double total = 0;
  for (double r : t.px) total += r;
  t.lpx.resize(t.rows);
  t.lpy.resize(t.cols);
  detail::log_block(t.px.data(), t.lpx.data(), t.rows);
  detail::log_block(t.py.data(), t.lpy.data(), t.cols);
  if (f.may_underflow) {  // rare: a marginal made of masses below the double range
    for (std::size_t i = 0; i < t.rows; ++i)
      if (t.px[i] > 0 && t.px[i] < 0x1p-1022) t.lpx[i] = log_sum_exp(&t.p[i * t.cols], &t.lp[i * t.cols], t.cols, 1);
    for (std::size_t j = 0; j < t.cols; ++j)
      if (t.py[j] > 0 && t.py[j] < 0x1p-1022) t.lpy[j] = log_sum_exp(&t.p[j], &t.lp[j], t.rows, t.cols);
  }
  if (total != 1) {  // cells and marginals over the same total: pᵢⱼ ≤ pᵢ· stays true after rounding
    const double inv = 1 / total, log_total = std::log(total);
    for (std::size_t k = 0; k < n; ++k) t.p[k] *= inv, t.lp[k] -= log_total;
    for (std::size_t i = 0; i < t.rows; ++i) t.px[i] *= inv, t.lpx[i] -= log_total;
    for (std::size_t j = 0; j < t.cols; ++j) t.py[j] *= inv, t.lpy[j] -= log_total;
  }
  return t;
}

// [SECTION] Pointwise terms

// q·φ(p/q) with φ(r) = r log r − r + 1 ≥ 0, i.e. p log(p/q) − p + q: the KL term of p against
// q = pᵢ·p·ⱼ. Near p = q it is s·[(1+d)atanh(d) − d] with s = p + q, d = (p − q)/s (the series of
// measures_detail.hpp, no cancellation); elsewhere p·(log p − log q) − p + q with the logs as
// given (q may have underflowed to 0 while log q is still exact).
double mi_term(double p, double q, double lp, double lq) {
  if (!(p > 0)) return q;  // φ(0) = 1
  const double s = p + q, d = (p - q) / s;
  const double t = std::abs(d) <= detail::kSeriesD ? s * detail::kl_series_both(d).at_d : p * (lp - lq) - p + q;
  return std::max(t, 0.0);
}

// −Σ p log p over a marginal.
double entropy_of(const std::vector<double>& p, const std::vector<double>& lp) {
  double h = 0;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (p[k] > 0) h -= p[k] * lp[k];
  return std::max(h, 0.0);
}

JointMeasures measures_of(const Prepared& t, Base base) {
  JointMeasures m;  // in nats until in_base
  double hxy = 0, hx_y = 0, hy_x = 0, mi = 0;
  for (std::size_t i = 0; i < t.rows; ++i) {
    const double* p = &t.p[i * t.cols];
    const double* lp = &t.lp[i * t.cols];
    const double pxi = t.px[i], lpxi = t.lpx[i];
    // Per-row sums, added to the totals once per row: the rounding error grows with R + C, not R·C.
    double row_hxy = 0, row_hx_y = 0, row_hy_x = 0, row_mi = 0;
    for (std::size_t j = 0; j < t.cols; ++j) {
      const double q = pxi * t.py[j], lq = lpxi + t.lpy[j];
      row_mi += mi_term(p[j], q, lp[j], lq);
      if (!(p[j] > 0)) continue;  // 0·log 0 = 0
      row_hxy -= p[j] * lp[j];
      // −log(pᵢⱼ/p·ⱼ) ≥ 0 and −log(pᵢⱼ/pᵢ·) ≥ 0 as differences of logs (no ratio to underflow);
      // exactly 0 where the cell is its whole column (row), whichever log routine took each.
      if (p[j] != t.py[j]) row_hx_y += p[j] * std::max(t.lpy[j] - lp[j], 0.0);
      if (p[j] != pxi) row_hy_x += p[j] * std::max(lpxi - lp[j], 0.0);
    }
    hxy += row_hxy, hx_y += row_hx_y, hy_x += row_hy_x, mi += row_mi;
  }
  m.entropy_x = entropy_of(t.px, t.lpx);
  m.entropy_y = entropy_of(t.py, t.lpy);
  m.joint_entropy = std::max(hxy, 0.0);
  m.conditional_entropy_x_given_y = hx_y;
  m.conditional_entropy_y_given_x = hy_x;
  m.mutual_information = mi;
  m.variation_of_information = hx_y + hy_x;
  return in_base(m, base);
}

JointMarginals marginals_of(Prepared& t) { return {std::move(t.px), std::move(t.py)}; }

PmiMatrix pmi_of(const Prepared& t, Base base) {
  PmiMatrix out;
  out.rows = t.rows;
  out.cols = t.cols;
  out.value.assign(t.rows * t.cols, 0.0);
  out.defined.assign(t.rows * t.cols, 0);
  const double scale = 1 / ln_base(base);
  for (std::size_t i = 0; i < t.rows; ++i)
    for (std::size_t j = 0; j < t.cols; ++j) {
      if (!(t.px[i] > 0 && t.py[j] > 0)) continue;  // undefined: 0/0
      const std::size_t k = i * t.cols + j;
      out.defined[k] = 1;
      // log pᵢⱼ − log pᵢ· − log p·ⱼ; −∞ where pᵢⱼ = 0 < pᵢ·p·ⱼ.
      out.value[k] = t.p[k] > 0 ? (t.lp[k] - t.lpx[i] - t.lpy[j]) * scale : -kInf;
    }
  return out;
}

}  // namespace

JointMarginals joint_marginals(JointRows rows) {
  Prepared t = prepare(rows);
  return marginals_of(t);
}

JointMeasures measure_joint(JointRows rows, Base base) { return measures_of(prepare(rows), base); }

PmiMatrix pointwise_mutual_information(JointRows rows, Base base) { return pmi_of(prepare(rows), base); }

JointAnalysis analyse_joint(JointRows rows, Base base) {
  Prepared t = prepare(rows);
  JointAnalysis a;
  a.measures = measures_of(t, base);
  a.pmi = pmi_of(t, base);
  a.marginals = marginals_of(t);
  return a;
}

JointMeasures in_base(const JointMeasures& m, Base base) {
  if (m.base == base) return m;
  JointMeasures out = m;
  out.base = base;
  const double factor = ln_base(m.base) / ln_base(base);
  for (const JointQuantity& q : kJointQuantities) out.*q.value = m.*q.value * factor;
  return out;
}

}  // namespace divlab

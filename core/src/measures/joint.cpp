// The quantities of a joint table (SPEC §5): every one a sum of terms ≥ 0, so none cancels.
#include "divlab/measures/joint.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>

#include "measures/block_kernels.hpp"
#include "measures/joint_kernels.hpp"
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
// The common case (a valid table) is one branch-free pass that the compiler vectorises.
// Whether n cells hold a bad mass (NaN, negative, ∞), and whether any is > 0. Two cells at a time in
// GCC vector extensions, with no comparison in the loop (the compiler does not vectorise the scalar
// test: its comparisons may trap; a 256×256 table is checked per edit): the least and the largest
// cell, and Σ v·0, which is NaN once any v is ∞ or NaN and ±0 otherwise.
void check_cells(const double* cell, std::size_t n, int& bad, int& any_positive) {
  using V = double __attribute__((vector_size(16)));
  V lo{}, hi{}, poisoned{};
  std::size_t j = 0;
  for (; j + 2 <= n; j += 2) {
    V v;
    std::memcpy(&v, cell + j, sizeof v);
    lo = v < lo ? v : lo;
    hi = v > hi ? v : hi;
    poisoned += v * 0.0;
  }
  for (int l = 0; l < 2; ++l) bad |= static_cast<int>(lo[l] < 0) | static_cast<int>(poisoned[l] != 0), any_positive |= hi[l] > 0;
  for (; j < n; ++j) {
    bad |= !(cell[j] >= 0) | (cell[j] > std::numeric_limits<double>::max());  // NaN fails both
    any_positive |= cell[j] > 0;
  }
}

void validate(JointRows rows) {
  if (rows.empty()) throw std::invalid_argument("joint table: no rows (expected at least 1)");
  const std::size_t cols = rows[0].size();
  if (cols == 0) throw std::invalid_argument("joint table: row 0 is empty (expected at least 1 column)");
  int bad = 0, any_positive = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != cols)
      throw std::invalid_argument("joint table: row " + std::to_string(i) + " has " + std::to_string(rows[i].size()) +
                                  " cells, expected " + std::to_string(cols) + " (as many as row 0)");
    check_cells(rows[i].data(), cols, bad, any_positive);
  }
  if (bad)
    for (std::size_t i = 0; i < rows.size(); ++i)
      for (std::size_t j = 0; j < cols; ++j)
        if (!(rows[i][j] >= 0) || !std::isfinite(rows[i][j]))
          throw std::invalid_argument("joint table: cell (" + std::to_string(i) + ", " + std::to_string(j) + ") is " +
                                      number_text(rows[i][j]) + ", expected a finite number >= 0");
  if (!any_positive) throw std::invalid_argument("joint table: every mass is 0 (expected at least one > 0)");
}

// Σ row[j] in four running sums (one add's latency per four cells, not per cell).
double row_sum(const double* row, std::size_t n) {
  double a = 0, b = 0, c = 0, d = 0;
  std::size_t j = 0;
  for (; j + 4 <= n; j += 4) a += row[j], b += row[j + 1], c += row[j + 2], d += row[j + 3];
  for (; j < n; ++j) a += row[j];
  return (a + b) + (c + d);
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

// −Σ p log p over a marginal.
double entropy_of(const std::vector<double>& p, const std::vector<double>& lp) {
  double h = 0;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (p[k] > 0) h -= p[k] * lp[k];
  return std::max(h, 0.0);
}

}  // namespace

// The steps of a computation on a workspace's storage (JointWorkspace's friend).
struct JointWorkspaceAccess {
  // The table normalised (pᵢⱼ, row-major), its logs, and both marginals with their logs. Positive
  // masses stay positive (the normaliser), and every log of a mass that normalises below the
  // double range is log m − log Σ, so nothing here underflows to a wrong 0 or −∞.
  static void prepare(JointWorkspace& w, JointRows table) {
    // The shape first; the cells are checked as they are copied (one pass over the table, not two),
    // and validate() names the first bad one.
    if (table.empty() || table[0].empty()) validate(table);
    const std::size_t rows = table.size(), cols = table[0].size(), n = rows * cols;
    for (const auto& row : table)
      if (row.size() != cols) validate(table);
    w.rows_ = rows, w.cols_ = cols;
    w.raw_.resize(n);
    w.p_.resize(n);
    w.lp_.resize(n);
    int bad = 0, any_positive = 0;
    for (std::size_t i = 0; i < rows; ++i) {
      double* out = w.raw_.data() + i * cols;
      std::copy(table[i].begin(), table[i].end(), out);
      check_cells(out, cols, bad, any_positive);  // the row just copied, still in cache
    }
    if (bad || !any_positive) validate(table);  // throws
    const detail::MassNormaliser f = detail::mass_normaliser(w.raw_);

    // Marginals: row and column sums of the normalised cells (each row summed as it is normalised,
    // while it is in cache); then cells and marginals are divided by the marginals' total T (≈ 1
    // after rounding), so that pᵢⱼ ≤ pᵢ· stays true and a lone row (or column) is exactly 1 with log
    // exactly 0.
    std::vector<double>& px = w.analysis_.marginals.x;
    std::vector<double>& py = w.analysis_.marginals.y;
    px.assign(rows, 0.0);
    py.assign(cols, 0.0);
    for (std::size_t i = 0; i < rows; ++i) {
      double* row = &w.p_[i * cols];
      f.apply(&w.raw_[i * cols], row, cols);
      for (std::size_t j = 0; j < cols; ++j) py[j] += row[j];
      px[i] = row_sum(row, cols);
    }
    double total = 0;
    for (double r : px) total += r;
    const double inv = total != 1 ? 1 / total : 1;
    for (double& x : px) x *= inv;
    for (double& y : py) y *= inv;
    // Logs of cells and marginals; those of masses below the double range from log m − log Σ (the
    // normaliser; log T ≈ 1e-16 is below their own error) and, for a marginal made only of such
    // masses, from its cells' logs. The cells a chunk at a time, scaled by 1/T and logged while in
    // cache; a chunk is a multiple of every vector width, so log_block splits them as it would the whole.
    constexpr std::size_t kChunk = 2048;
    for (std::size_t k0 = 0; k0 < n; k0 += kChunk) {
      const std::size_t len = std::min(kChunk, n - k0);
      if (total != 1)
        for (std::size_t k = k0; k < k0 + len; ++k) w.p_[k] *= inv;
      detail::log_block(w.p_.data() + k0, w.lp_.data() + k0, len);
      f.fix_logs(w.raw_.data() + k0, w.p_.data() + k0, w.lp_.data() + k0, len);
    }
    w.lpx_.resize(rows);
    w.lpy_.resize(cols);
    detail::log_block(px.data(), w.lpx_.data(), rows);
    detail::log_block(py.data(), w.lpy_.data(), cols);
    if (f.may_underflow) {  // rare
      for (std::size_t i = 0; i < rows; ++i)
        if (px[i] > 0 && px[i] < 0x1p-1022) w.lpx_[i] = log_sum_exp(&w.p_[i * cols], &w.lp_[i * cols], cols, 1);
      for (std::size_t j = 0; j < cols; ++j)
        if (py[j] > 0 && py[j] < 0x1p-1022) w.lpy_[j] = log_sum_exp(&w.p_[j], &w.lp_[j], rows, cols);
    }
  }

  // The measures, and with `pmi` the pointwise MI too, row by row: a row's pmi is computed right
  // after its terms, while its cells are in cache.
  static void measure(JointWorkspace& w, Base base, bool pmi = false) {
    const std::vector<double>& px = w.analysis_.marginals.x;
    const std::vector<double>& py = w.analysis_.marginals.y;
    if (pmi) size_pmi(w);
    // Row by row (joint_kernels.hpp: the terms and their formulas), added to the totals once per
    // row: the rounding error grows with R + C, not R·C.
    detail::JointRowSums sums;
    for (std::size_t i = 0; i < w.rows_; ++i) {
      sums += detail::joint_row_terms(
          {&w.p_[i * w.cols_], &w.lp_[i * w.cols_], py.data(), w.lpy_.data(), px[i], w.lpx_[i], w.cols_});
      if (pmi) pmi_row(w, i, base);
    }
    JointMeasures m;  // in nats until in_base
    m.entropy_x = entropy_of(px, w.lpx_);
    m.entropy_y = entropy_of(py, w.lpy_);
    m.joint_entropy = std::max(sums.hxy, 0.0);
    m.conditional_entropy_x_given_y = sums.hx_y;
    m.conditional_entropy_y_given_x = sums.hy_x;
    m.mutual_information = sums.mi;
    m.variation_of_information = sums.hx_y + sums.hy_x;
    w.analysis_.measures = in_base(m, base);
  }

  static void size_pmi(JointWorkspace& w) {
    PmiMatrix& out = w.analysis_.pmi;
    out.rows = w.rows_;
    out.cols = w.cols_;
    out.value.resize(w.rows_ * w.cols_);
    out.defined.resize(w.rows_ * w.cols_);
  }

  // Row i of the pointwise MI (size_pmi first).
  static void pmi_row(JointWorkspace& w, std::size_t i, Base base) {
    const std::vector<double>& px = w.analysis_.marginals.x;
    const std::vector<double>& py = w.analysis_.marginals.y;
    PmiMatrix& out = w.analysis_.pmi;
    const double scale = 1 / ln_base(base);
    const double *p = &w.p_[i * w.cols_], *lp = &w.lp_[i * w.cols_];
    double* value = &out.value[i * w.cols_];
    unsigned char* defined = &out.defined[i * w.cols_];
    const bool row_defined = px[i] > 0;
    const double lpx = w.lpx_[i];
    for (std::size_t j = 0; j < w.cols_; ++j) {
      const bool d = row_defined & (py[j] > 0);  // else 0/0
      defined[j] = d;
      // log pᵢⱼ − log pᵢ· − log p·ⱼ; −∞ where pᵢⱼ = 0 < pᵢ·p·ⱼ.
      const double v = p[j] > 0 ? (lp[j] - lpx - w.lpy_[j]) * scale : -kInf;
      value[j] = d ? v : 0.0;
    }
  }

  static void pmi(JointWorkspace& w, Base base) {
    size_pmi(w);
    for (std::size_t i = 0; i < w.rows_; ++i) pmi_row(w, i, base);
  }

  static JointAnalysis take(JointWorkspace& w) { return std::move(w.analysis_); }
};

const JointAnalysis& JointWorkspace::analyse(JointRows rows, Base base) {
  JointWorkspaceAccess::prepare(*this, rows);
  JointWorkspaceAccess::measure(*this, base, /*pmi=*/true);
  return analysis_;
}

const JointMeasures& JointWorkspace::measure(JointRows rows, Base base) {
  JointWorkspaceAccess::prepare(*this, rows);
  JointWorkspaceAccess::measure(*this, base);
  return analysis_.measures;
}

JointMarginals joint_marginals(JointRows rows) {
  JointWorkspace w;
  JointWorkspaceAccess::prepare(w, rows);
  return JointWorkspaceAccess::take(w).marginals;
}

JointMeasures measure_joint(JointRows rows, Base base) { return JointWorkspace().measure(rows, base); }

PmiMatrix pointwise_mutual_information(JointRows rows, Base base) {
  JointWorkspace w;
  JointWorkspaceAccess::prepare(w, rows);
  JointWorkspaceAccess::pmi(w, base);
  return JointWorkspaceAccess::take(w).pmi;
}

JointAnalysis analyse_joint(JointRows rows, Base base) {
  JointWorkspace w;
  w.analyse(rows, base);
  return JointWorkspaceAccess::take(w);
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

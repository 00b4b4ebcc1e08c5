// Document edits of a joint table (SPEC §5): cells, painting, rows and columns, labels, and edits
// with both marginals locked. Every edit goes through before_edit()/after_edit() (undo, dirty).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

#include "divlab/distributions/distribution.hpp"
#include "divlab/document/document.hpp"

namespace divlab {

namespace {

using Table = std::vector<std::vector<double>>;

bool any_positive(const Table& t) {
  for (const auto& row : t)
    for (double m : row)
      if (m > 0) return true;
  return false;
}

// Normalises in place to sum 1, also for masses near DBL_MAX or below 1e-300 (divlab::normalised);
// non-finite or negative cells become 0, and a table with no positive cell becomes uniform.
void normalise_table(Table& t) {
  std::size_t n = 0;
  for (const auto& row : t) n += row.size();
  if (n == 0) return;
  for (auto& row : t)
    for (double& m : row)
      if (!std::isfinite(m) || m < 0) m = 0;
  if (!any_positive(t)) {
    for (auto& row : t) std::fill(row.begin(), row.end(), 1.0 / static_cast<double>(n));
    return;
  }
  std::vector<double> flat;
  flat.reserve(n);
  for (const auto& row : t) flat.insert(flat.end(), row.begin(), row.end());
  const std::vector<double> p = normalised(flat);
  std::size_t k = 0;
  for (auto& row : t)
    for (double& m : row) m = p[k++];
}

// Σ v in four running sums (one add's latency per four values, not per value).
double total(const std::vector<double>& v) {
  double a = 0, b = 0, c = 0, d = 0;
  std::size_t k = 0;
  for (; k + 4 <= v.size(); k += 4) a += v[k], b += v[k + 1], c += v[k + 2], d += v[k + 3];
  for (; k < v.size(); ++k) a += v[k];
  return (a + b) + (c + d);
}

// Σ v, as total(), and whether any v is not a finite number ≥ 0 (bad |= 1): one pass, not two.
double checked_total(const std::vector<double>& v, int& bad) {
  double a = 0, b = 0, c = 0, d = 0;
  int x = 0;
  std::size_t k = 0;
  for (; k + 4 <= v.size(); k += 4) {
    a += v[k], b += v[k + 1], c += v[k + 2], d += v[k + 3];
    for (std::size_t l = k; l < k + 4; ++l) x |= static_cast<int>(!(v[l] >= 0)) | static_cast<int>(v[l] > std::numeric_limits<double>::max());
  }
  for (; k < v.size(); ++k) {
    a += v[k];
    x |= static_cast<int>(!(v[k] >= 0)) | static_cast<int>(v[k] > std::numeric_limits<double>::max());
  }
  bad |= x;
  return (a + b) + (c + d);
}

// Row sums (one per row) and column sums (one per column) of the stored masses.
void sums(const Table& t, std::vector<double>& rows, std::vector<double>& cols) {
  rows.assign(t.size(), 0.0);
  cols.assign(t.empty() ? 0 : t[0].size(), 0.0);
  for (std::size_t k = 0; k < t.size(); ++k) {
    for (std::size_t l = 0; l < t[k].size(); ++l) cols[l] += t[k][l];
    rows[k] = total(t[k]);
  }
}

// Σ_{k≠skip} p_k: 1 − p_skip without cancellation.
double sum_except(const std::vector<double>& p, std::size_t skip) {
  double s = 0;
  for (std::size_t k = 0; k < p.size(); ++k)
    if (k != skip) s += p[k];
  return s;
}

}  // namespace

double Document::joint_probability(int i, int j) const {
  if (!joint() || i < 0 || j < 0 || i >= joint_rows() || j >= joint_cols()) return 0;
  const Table& t = scn_.joint.mass;
  double s = 0;
  for (const auto& row : t) s += total(row);  // (a drag asks every frame: four running sums)
  const double m = t[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
  if (s > 0 && std::isfinite(s)) return m / s;
  Table p = t;  // masses near DBL_MAX: the sum overflowed
  normalise_table(p);
  return p[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
}

void Document::set_joint_probability(int i, int j, double prob) {
  if (!joint() || i < 0 || j < 0 || i >= joint_rows() || j >= joint_cols() || !std::isfinite(prob)) return;
  prob = std::clamp(prob, 0.0, 1.0);
  const auto ui = static_cast<std::size_t>(i), uj = static_cast<std::size_t>(j);
  // In place when every mass is finite and ≥ 0 and the others' total R = Σ_{(k,l)≠(i,j)} m_kl is in
  // range: m_kl ← m_kl·(1 − prob)/R and m_ij ← prob (a drag edits a 256×256 table every frame).
  {
    Table& m = scn_.joint.mass;
    double rest = 0;  // summed without m_ij (not Σ − m_ij: no cancellation)
    int bad = 0;
    for (std::size_t k = 0; k < m.size(); ++k) {
      const double row = checked_total(m[k], bad);
      rest += k == ui ? sum_except(m[k], uj) : row;
    }
    if (!bad && rest >= 0x1p-960 && rest <= 0x1p960) {
      const double f = (1 - prob) / rest;
      if (f == 1 && m[ui][uj] == prob) return;
      before_edit();
      for (auto& row : m)
        for (double& v : row) v *= f;
      m[ui][uj] = prob;
      after_edit();
      return;
    }
  }
  Table t = scn_.joint.mass;
  normalise_table(t);
  const std::size_t cells = t.size() * t[0].size();
  double rest = 0;  // Σ of the other cells (not 1 − p_ij: no cancellation)
  for (std::size_t k = 0; k < t.size(); ++k)
    for (std::size_t l = 0; l < t[k].size(); ++l)
      if (k != ui || l != uj) rest += t[k][l];
  for (std::size_t k = 0; k < t.size(); ++k)
    for (std::size_t l = 0; l < t[k].size(); ++l) {
      double& m = t[k][l];
      if (k == ui && l == uj)
        m = cells == 1 ? 1.0 : prob;
      else if (rest > 0)
        m = m / rest * (1 - prob);  // m/rest ≤ 1: no overflow when rest is tiny
      else  // all mass was in cell (i, j): share the remainder evenly
        m = (1 - prob) / static_cast<double>(cells - 1);
    }
  if (t == scn_.joint.mass) return;
  before_edit();
  scn_.joint.mass = std::move(t);
  after_edit();
}

void Document::paint_joint(int i, int j, double mass) {
  if (!joint() || i < 0 || j < 0 || i >= joint_rows() || j >= joint_cols()) return;
  mass = std::isfinite(mass) ? std::max(0.0, mass) : 0.0;
  double& cell = scn_.joint.mass[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
  if (cell == mass) return;
  if (!(mass > 0)) {  // the last positive cell stays: an all-zero table is no distribution
    const double old = cell;
    cell = 0;
    const bool others = any_positive(scn_.joint.mass);
    cell = old;
    if (!others) return;
  }
  before_edit();
  scn_.joint.mass[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = mass;
  after_edit();
}

void Document::normalise_joint() {
  if (!joint()) return;
  Table t = scn_.joint.mass;
  normalise_table(t);
  if (t == scn_.joint.mass) return;
  before_edit();
  scn_.joint.mass = std::move(t);
  after_edit();
}

void Document::insert_joint_row(int at) {
  if (!joint() || joint_rows() >= kMaxJointSide || joint_cols() == 0) return;
  Table t = scn_.joint.mass;
  normalise_table(t);
  std::vector<double> rows, cols;
  sums(t, rows, cols);
  const double share = 1.0 / static_cast<double>(t.size());  // the mean row mass
  for (double& c : cols) c *= share;                          // P_Y · 1/R
  const auto where = static_cast<std::size_t>(std::clamp(at, 0, joint_rows()));
  t.insert(t.begin() + static_cast<std::ptrdiff_t>(where), std::move(cols));
  normalise_table(t);
  before_edit();
  scn_.joint.mass = std::move(t);
  auto& labels = scn_.joint.x_labels;
  if (!labels.empty()) labels.insert(labels.begin() + static_cast<std::ptrdiff_t>(where), std::string());
  after_edit();
}

void Document::insert_joint_col(int at) {
  if (!joint() || joint_cols() >= kMaxJointSide || joint_rows() == 0) return;
  Table t = scn_.joint.mass;
  normalise_table(t);
  std::vector<double> rows, cols;
  sums(t, rows, cols);
  const double share = 1.0 / static_cast<double>(t[0].size());  // the mean column mass
  const auto where = static_cast<std::size_t>(std::clamp(at, 0, joint_cols()));
  for (std::size_t k = 0; k < t.size(); ++k)
    t[k].insert(t[k].begin() + static_cast<std::ptrdiff_t>(where), rows[k] * share);  // P_X · 1/C
  normalise_table(t);
  before_edit();
  scn_.joint.mass = std::move(t);
  auto& labels = scn_.joint.y_labels;
  if (!labels.empty()) labels.insert(labels.begin() + static_cast<std::ptrdiff_t>(where), std::string());
  after_edit();
}

void Document::remove_joint_row(int i) {
  if (!joint() || joint_rows() <= kMinJointSide || i < 0 || i >= joint_rows()) return;
  before_edit();
  const auto where = static_cast<std::ptrdiff_t>(i);
  scn_.joint.mass.erase(scn_.joint.mass.begin() + where);
  if (!scn_.joint.x_labels.empty()) scn_.joint.x_labels.erase(scn_.joint.x_labels.begin() + where);
  normalise_table(scn_.joint.mass);
  after_edit();
}

void Document::remove_joint_col(int j) {
  if (!joint() || joint_cols() <= kMinJointSide || j < 0 || j >= joint_cols()) return;
  before_edit();
  const auto where = static_cast<std::ptrdiff_t>(j);
  for (auto& row : scn_.joint.mass) row.erase(row.begin() + where);
  if (!scn_.joint.y_labels.empty()) scn_.joint.y_labels.erase(scn_.joint.y_labels.begin() + where);
  normalise_table(scn_.joint.mass);
  after_edit();
}

void Document::set_joint_x_label(int i, const std::string& label) {
  if (!joint() || i < 0 || i >= joint_rows()) return;
  auto& labels = scn_.joint.x_labels;
  if (!labels.empty() && labels[static_cast<std::size_t>(i)] == label) return;
  if (labels.empty() && label.empty()) return;
  before_edit();
  if (labels.empty()) labels.resize(static_cast<std::size_t>(joint_rows()));
  labels[static_cast<std::size_t>(i)] = label;
  after_edit();
}

void Document::set_joint_y_label(int j, const std::string& label) {
  if (!joint() || j < 0 || j >= joint_cols()) return;
  auto& labels = scn_.joint.y_labels;
  if (!labels.empty() && labels[static_cast<std::size_t>(j)] == label) return;
  if (labels.empty() && label.empty()) return;
  before_edit();
  if (labels.empty()) labels.resize(static_cast<std::size_t>(joint_cols()));
  labels[static_cast<std::size_t>(j)] = label;
  after_edit();
}

// P' = P + d·a·bᵀ with a = eᵢ − P_X and b = eⱼ − P_Y. Σ_l a_k·b_l = a_k·(1 − 1) = 0 for every row k
// and Σ_k a_k·b_l = 0 for every column l, so both marginals stay; cell (i, j) moves by
// d·(1 − pᵢ·)(1 − p·ⱼ). Where a_k·b_l < 0 a cell shrinks as d grows, where > 0 as d falls: each
// such cell bounds d so that it stays ≥ 0, and the one that binds is set to exactly 0.
// Everything is in the table's own units (no renormalising, which would move every cell).
double Document::set_cell_keep_marginals(int i, int j, double target_prob) {
  if (!joint() || i < 0 || j < 0 || i >= joint_rows() || j >= joint_cols()) return 0;
  const std::size_t R = static_cast<std::size_t>(joint_rows()), C = static_cast<std::size_t>(joint_cols());
  if (!std::isfinite(target_prob) || R == 1 || C == 1) return joint_probability(i, j);
  const auto ui = static_cast<std::size_t>(i), uj = static_cast<std::size_t>(j);

  // Tables whose total leaves [2^-960, 2^960] are normalised first (part of this edit).
  const Table* source = &scn_.joint.mass;
  Table normalised_copy;
  std::vector<double> rows, cols;
  sums(*source, rows, cols);
  double s = total(rows);
  const bool rescale = !(s >= 0x1p-960 && s <= 0x1p960);
  if (rescale) {
    normalised_copy = scn_.joint.mass;
    normalise_table(normalised_copy);
    source = &normalised_copy;
    sums(*source, rows, cols);
    s = total(rows);
  }
  // The marginals to keep: those of the previous locked edit if nothing else happened since.
  if (!rescale && lock_.revision == revision_ && lock_.rows.size() == R && lock_.cols.size() == C) {
    rows = lock_.rows;
    cols = lock_.cols;
    s = total(rows);
  }
  std::vector<double> px(R), py(C);
  for (std::size_t k = 0; k < R; ++k) px[k] = rows[k] / s;
  for (std::size_t l = 0; l < C; ++l) py[l] = cols[l] / s;
  // a = eᵢ − P_X, b = eⱼ − P_Y, with 1 − pᵢ· summed from the other rows.
  std::vector<double> a(R), b(C);
  for (std::size_t k = 0; k < R; ++k) a[k] = k == ui ? sum_except(px, ui) : -px[k];
  for (std::size_t l = 0; l < C; ++l) b[l] = l == uj ? sum_except(py, uj) : -py[l];
  const Table& t = *source;
  const double now = t[ui][uj] / s;
  if (!(a[ui] > 0 && b[uj] > 0)) return now;  // row i or column j holds all the mass: nothing can move

  const double target = std::clamp(target_prob, 0.0, 1.0) * s;
  double d = (target - t[ui][uj]) / (a[ui] * b[uj]);
  std::size_t bind_k = R, bind_l = C;  // the cell that limits d, if any
  // A cell that would go below 0 at this d bounds it: d = −t_kl/w_kl with w_kl = a_k·b_l.
  auto bound_by = [&](std::size_t k, std::size_t l) {
    const double w = a[k] * b[l];
    if (t[k][l] + d * w < 0) {
      d = -t[k][l] / w;
      bind_k = k, bind_l = l;
    }
  };
  if (d > 0) {  // w < 0 only in row i and column j: they shrink
    for (std::size_t l = 0; l < C; ++l)
      if (l != uj) bound_by(ui, l);
    for (std::size_t k = 0; k < R; ++k)
      if (k != ui) bound_by(k, uj);
  } else if (d < 0) {  // w > 0 at (i, j) and off row i and column j: they shrink
    bound_by(ui, uj);
    for (std::size_t k = 0; k < R; ++k) {
      if (k == ui) continue;
      // One branch-free pass finds whether any cell of row k goes below 0 (column j only grows).
      const double dak = d * a[k];
      const double* row = t[k].data();
      int below = 0;
      for (std::size_t l = 0; l < C; ++l) below |= row[l] + dak * b[l] < 0;
      if (below)
        for (std::size_t l = 0; l < C; ++l)
          if (l != uj) bound_by(k, l);
    }
  }
  if (d == 0 && !rescale) return now;

  before_edit();
  if (rescale) scn_.joint.mass = std::move(normalised_copy);
  Table& m = scn_.joint.mass;
  for (std::size_t k = 0; k < R; ++k) {
    const double dak = d * a[k];
    double* row = m[k].data();
    for (std::size_t l = 0; l < C; ++l) row[l] = std::max(row[l] + dak * b[l], 0.0);
  }
  if (bind_k < R) m[bind_k][bind_l] = 0;
  // Rounding moved the sums by ~1e-17 per cell: take e_k (rows) and f_l (columns) back out of the
  // positive cells with the rank-two c_kl = e_k·p·_l + p_k·f_l − (Σe)·p_k·p·_l, whose row and
  // column sums are e_k and f_l. Against the kept marginals, so a long drag does not drift.
  std::vector<double> new_rows, new_cols;
  sums(m, new_rows, new_cols);
  for (std::size_t k = 0; k < R; ++k) new_rows[k] -= rows[k];
  for (std::size_t l = 0; l < C; ++l) new_cols[l] -= cols[l];
  const double e_total = total(new_rows);
  for (std::size_t k = 0; k < R; ++k) {
    const double ek = new_rows[k], pk = px[k], se = e_total * px[k];
    double* row = m[k].data();
    for (std::size_t l = 0; l < C; ++l) {
      const double c = ek * py[l] + pk * new_cols[l] - se * py[l], v = std::max(row[l] - c, 0.0);
      row[l] = row[l] > 0 ? v : 0.0;  // a zero cell stays exactly 0
    }
  }
  after_edit();
  lock_ = {revision_, std::move(rows), std::move(cols)};
  return m[ui][uj] / s;
}

}  // namespace divlab

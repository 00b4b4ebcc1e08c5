// Every quantity of SPEC §1 for discrete P, Q: one pass over the bins, cancellation-free terms.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "divlab/measures/measures.hpp"
#include "measures/bin_reason.hpp"
#include "measures/block_kernels.hpp"
#include "measures/measures_detail.hpp"
#include "measures/normalise.hpp"
#include "measures/radix_sort.hpp"

namespace divlab {

namespace {

using detail::kInf;
using detail::support_reason;

// W₁ = Σ_k |F_P(x_k) − F_Q(x_k)|·(x_{k+1} − x_k), fed the bins in position order. The running
// difference D = F_P − F_Q is accumulated directly (not as two CDFs) and compensated with
// TwoSum, which is branch-free, so the loop is bound only by one add's latency per bin.
class Wasserstein1 {
 public:
  explicit Wasserstein1(double first_x) : last_x_(first_x) {}
  // n more bins in position order: bin(k) = {x, p − q} for k < n. Not inlined into the big
  // caller, where the running sums would be spilled to memory.
  template <class Bin>
  [[gnu::noinline]] void add(size_t n, Bin bin) {
    double diff = diff_, comp = comp_, w = w_, last_x = last_x_;  // registers, not members
    for (size_t k = 0; k < n; ++k) {
      const auto [xk, v] = bin(k);
      // The step from the previous bin to xk; one wider than DBL_MAX (x from −1e308 to 1e308) is
      // taken in halves, so |F_P − F_Q|·step stays finite when it is.
      const double step = xk - last_x, a = std::abs(diff + comp);
      w += std::isfinite(step) ? a * step : 2 * (a * (0.5 * xk - 0.5 * last_x));
      const double t = diff + v, tv = t - diff;
      comp += (diff - (t - tv)) + (v - tv);
      diff = t;
      last_x = xk;
    }
    diff_ = diff, comp_ = comp, w_ = w, last_x_ = last_x;
  }
  double value() const { return w_; }

 private:
  double diff_ = 0, comp_ = 0, w_ = 0, last_x_;
};

}  // namespace

Measures measure_discrete(std::span<const double> p_in, std::span<const double> q_in, std::span<const double> x,
                          std::span<const std::string> labels, Base base) {
  const size_t n = std::min(p_in.size(), q_in.size());
  if (x.size() < n) x = {};
  const std::span<const double> p = p_in.first(n), q = q_in.first(n);
  // Normalised on the fly: p_i = fp(p_in[i]) (no copies of 10⁶-long arrays).
  const detail::MassNormaliser fp = detail::mass_normaliser(p), fq = detail::mass_normaliser(q);

  // Blocks of bins: normalise, take all logs of a block in one vectorised call, then sum the
  // pointwise terms (block_kernels.hpp). Summing per block also keeps the rounding error small.
  detail::TermSums sums;
  size_t q_zero = 0, p_zero = 0, first_q_zero = 0, first_p_zero = 0;
  constexpr size_t kBlock = 256;
  std::array<double, kBlock> pb, qb, mb, lpb, lqb, lmb, db;
  // W₁ in the same pass when the positions are in order (the default x = 0, 1, …, N−1);
  // otherwise p − q is kept per bin and fed to W₁ in sorted order afterwards.
  const bool in_order = x.empty() || std::is_sorted(x.begin(), x.begin() + n);
  Wasserstein1 w1(x.empty() || n == 0 ? 0.0 : x[0]);
  std::vector<detail::PositionedValue> unordered(in_order ? 0 : n);  // (x, p − q) of each bin
  for (size_t start = 0; start < n; start += kBlock) {
    const size_t len = std::min(kBlock, n - start);
    fp.apply(&p[start], pb.data(), len);
    fq.apply(&q[start], qb.data(), len);
    for (size_t j = 0; j < len; ++j) mb[j] = 0.5 * (pb[j] + qb[j]), db[j] = pb[j] - qb[j];
    detail::log_block(pb.data(), lpb.data(), len);
    detail::log_block(qb.data(), lqb.data(), len);
    detail::log_block(mb.data(), lmb.data(), len);
    fp.fix_logs(&p[start], pb.data(), lpb.data(), len);  // masses normalised below the double range
    fq.fix_logs(&q[start], qb.data(), lqb.data(), len);
    const detail::TermSums block = detail::sum_terms({pb.data(), qb.data(), lpb.data(), lqb.data(), lmb.data(), len});
    sums += block;
    if (std::isinf(block.kl_pq) || std::isinf(block.kl_qp))  // rare: a bin where only one side is 0
      for (size_t j = 0; j < len; ++j) {
        if (pb[j] > 0 && qb[j] == 0 && q_zero++ == 0) first_q_zero = start + j;
        if (qb[j] > 0 && pb[j] == 0 && p_zero++ == 0) first_p_zero = start + j;
      }
    if (in_order)
      w1.add(len, [&](size_t j) {
        return detail::PositionedValue{x.empty() ? static_cast<double>(start + j) : x[start + j], db[j]};
      });
    else
      for (size_t j = 0; j < len; ++j) unordered[start + j] = {x[start + j], db[j]};
  }
  if (!in_order) {  // W₁ over the bins in position order
    detail::radix_sort_by_x(unordered);
    w1 = Wasserstein1(unordered[0].x);
    w1.add(n, [&](size_t k) { return unordered[k]; });
  }

  Measures m;
  m.entropy_p = sums.hp;
  m.entropy_q = sums.hq;
  m.cross_entropy_pq = q_zero ? kInf : sums.xpq;
  m.cross_entropy_qp = p_zero ? kInf : sums.xqp;
  m.kl_pq = q_zero ? kInf : sums.kl_pq;
  m.kl_qp = p_zero ? kInf : sums.kl_qp;
  if (q_zero) m.why_kl_pq = support_reason("Q", "P", first_q_zero, q_zero, x, labels);
  if (p_zero) m.why_kl_qp = support_reason("P", "Q", first_p_zero, p_zero, x, labels);
  m.jsd = sums.jsd;
  m.total_variation = 0.5 * sums.tv;
  m.hellinger = 0.5 * sums.h2;  // H²; finish() takes the root
  m.bhattacharyya = sums.bc;
  m.wasserstein_1 = w1.value();
  return detail::finish(m, base);
}

}  // namespace divlab

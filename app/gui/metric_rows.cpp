#include "gui/metric_rows.hpp"

#include <cmath>

#include "plot/axes.hpp"

namespace divlab::gui {

std::vector<MetricRow> metric_rows(const Measures& m, bool discrete) {
  const std::string u(base_unit(m.base)), b = m.base == Base::two ? "2" : "e";
  const std::string sum = discrete ? "Σ " : "∫ ";
  auto v = [](double x) { return plot::format_value(x); };
  std::vector<MetricRow> r;
  r.push_back({"entropy_p", "H(P)", "entropy", m.entropy_p, u, "−" + sum + "p log p",
               discrete ? "On average a symbol drawn from P carries " + v(m.entropy_p) + " " + u + " of surprise."
                        : "Differential entropy of P (may be negative for narrow densities).",
               "", Tint::p, true});
  r.push_back({"entropy_q", "H(Q)", "entropy", m.entropy_q, u, "−" + sum + "q log q",
               "The same for Q: " + v(m.entropy_q) + " " + u + ".", "", Tint::q});
  r.push_back({"cross_entropy_pq", "H(P,Q)", "cross-entropy", m.cross_entropy_pq, u, "−" + sum + "p log q",
               "Coding samples of P with a code built for Q costs " + v(m.cross_entropy_pq) + " " + u + " per symbol.",
               m.why_kl_pq.reason, Tint::p, true});
  r.push_back({"cross_entropy_qp", "H(Q,P)", "cross-entropy", m.cross_entropy_qp, u, "−" + sum + "q log p",
               "Coding samples of Q with a code built for P costs " + v(m.cross_entropy_qp) + " " + u + " per symbol.",
               m.why_kl_qp.reason, Tint::q});
  r.push_back({"kl_pq", "D(P‖Q)", "forward KL", m.kl_pq, u, sum + "p log(p/q) = H(P,Q) − H(P)",
               "Coding P with a code built for Q costs " + v(m.kl_pq) + " extra " + u + " per symbol.",
               m.why_kl_pq.reason, Tint::p, true});
  r.push_back({"kl_qp", "D(Q‖P)", "reverse KL", m.kl_qp, u, sum + "q log(q/p) = H(Q,P) − H(Q)",
               "Coding Q with a code built for P costs " + v(m.kl_qp) + " extra " + u + " per symbol.",
               m.why_kl_qp.reason, Tint::q});
  r.push_back({"jsd", "JSD", "Jensen–Shannon", m.jsd, u, "½D(P‖M) + ½D(Q‖M),  M = ½(P+Q);  ≤ log_" + b + " 2",
               "Symmetric and always finite: " + v(m.jsd) + " " + u + " (at most " +
                   v(m.base == Base::two ? 1.0 : std::log(2.0)) + ").",
               "", Tint::m});
  r.push_back({"js_distance", "√JSD", "JS distance", m.js_distance, "", "√JSD  (a metric)",
               "The square root of JSD is a true distance.", "", Tint::m});
  r.push_back({"wasserstein_1", "W₁", "Wasserstein-1", m.wasserstein_1, "x units", "∫ |F_P − F_Q| dx",
               "The least work to move P's mass onto Q's: " + v(m.wasserstein_1) + " (mass × distance).",
               m.why_wasserstein_1.reason, Tint::neutral, true});
  r.push_back({"total_variation", "TV", "total variation", m.total_variation, "", "½ " + sum + "|p − q|",
               "The largest difference in probability P and Q give one event: " + v(m.total_variation) + ".", "",
               Tint::neutral});
  r.push_back({"hellinger", "H", "Hellinger", m.hellinger, "", "√(1 − BC)", "A bounded metric in [0, 1].", "",
               Tint::neutral});
  r.push_back({"bhattacharyya", "BC", "Bhattacharyya coeff.", m.bhattacharyya, "", sum + "√(p q)",
               "Overlap of P and Q: 1 when equal, 0 when disjoint.", "", Tint::neutral});
  r.push_back({"perplexity_p", "PPL(P)", "perplexity", m.perplexity_p, "", b + "^H(P)",
               "P is as uncertain as a fair choice among " + v(m.perplexity_p) + " options.", "", Tint::p, true});
  r.push_back({"perplexity_q", "PPL(Q)", "perplexity", m.perplexity_q, "", b + "^H(Q)",
               "Q is as uncertain as a fair choice among " + v(m.perplexity_q) + " options.", "", Tint::q});
  r.push_back({"perplexity_pq", "PPL(P,Q)", "cross-perplexity", m.perplexity_pq, "",
               b + "^H(P,Q) = PPL(P) · " + b + "^D(P‖Q)",
               "A model Q of data P is as confused as a fair choice among " + v(m.perplexity_pq) +
                   " options (not exp(KL) alone).",
               m.why_kl_pq.reason, Tint::p});
  r.push_back({"perplexity_qp", "PPL(Q,P)", "cross-perplexity", m.perplexity_qp, "",
               b + "^H(Q,P) = PPL(Q) · " + b + "^D(Q‖P)",
               "A model P of data Q is as confused as a fair choice among " + v(m.perplexity_qp) + " options.",
               m.why_kl_qp.reason, Tint::q});
  for (auto& row : r)
    if (std::isfinite(row.value)) row.why_infinite.clear();
    else if (row.why_infinite.empty()) row.why_infinite = "infinite";
  return r;
}

}  // namespace divlab::gui

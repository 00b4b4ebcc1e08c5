#include "labs/divergence/metric_rows.hpp"

#include <array>
#include <cmath>

#include "plot/axes.hpp"

namespace divlab::gui {

namespace {

// The panel's words for one quantity.
struct Words {
  std::string name, formula, meaning;
  Tint tint = Tint::neutral;
  bool group_start = false;  // a separator goes above this row
};

std::string unit_text(QuantityUnit unit, Base base) {
  switch (unit) {
    case QuantityUnit::information: return std::string(base_unit(base));
    case QuantityUnit::x_units: return "x units";
    case QuantityUnit::root_information:  // √JSD reads as a bare distance here
    case QuantityUnit::unitless:
    case QuantityUnit::choices: break;
  }
  return "";
}

}  // namespace

std::vector<MetricRow> metric_rows(const Measures& m, bool discrete) {
  const std::string u(base_unit(m.base)), b = m.base == Base::two ? "2" : "e";
  const std::string sum = discrete ? "Σ " : "∫ ";
  auto v = [](double x) { return plot::format_value(x); };
  // In kQuantities order.
  const std::array<Words, kQuantities.size()> words{{
      {"entropy", "−" + sum + "p log p",
       discrete ? "On average a symbol drawn from P carries " + v(m.entropy_p) + " " + u + " of surprise."
                : "Differential entropy of P (may be negative for narrow densities).",
       Tint::p, true},
      {"entropy", "−" + sum + "q log q", "The same for Q: " + v(m.entropy_q) + " " + u + ".", Tint::q},
      {"cross-entropy", "−" + sum + "p log q",
       "Coding samples of P with a code built for Q costs " + v(m.cross_entropy_pq) + " " + u + " per symbol.",
       Tint::p, true},
      {"cross-entropy", "−" + sum + "q log p",
       "Coding samples of Q with a code built for P costs " + v(m.cross_entropy_qp) + " " + u + " per symbol.",
       Tint::q},
      {"forward KL", sum + "p log(p/q) = H(P,Q) − H(P)",
       "Coding P with a code built for Q costs " + v(m.kl_pq) + " extra " + u + " per symbol.", Tint::p, true},
      {"reverse KL", sum + "q log(q/p) = H(Q,P) − H(Q)",
       "Coding Q with a code built for P costs " + v(m.kl_qp) + " extra " + u + " per symbol.", Tint::q},
      {"Jensen–Shannon", "½D(P‖M) + ½D(Q‖M),  M = ½(P+Q);  ≤ log_" + b + " 2",
       "Symmetric and always finite: " + v(m.jsd) + " " + u + " (at most " +
           v(m.base == Base::two ? 1.0 : std::log(2.0)) + ").",
       Tint::m},
      {"JS distance", "√JSD  (a metric)", "The square root of JSD is a true distance.", Tint::m},
      {"Wasserstein-1", "∫ |F_P − F_Q| dx",
       "The least work to move P's mass onto Q's: " + v(m.wasserstein_1) + " (mass × distance).", Tint::neutral,
       true},
      {"total variation", "½ " + sum + "|p − q|",
       "The largest difference in probability P and Q give one event: " + v(m.total_variation) + "."},
      {"Hellinger", "√(1 − BC)", "A bounded metric in [0, 1]."},
      {"Bhattacharyya coeff.", sum + "√(p q)", "Overlap of P and Q: 1 when equal, 0 when disjoint."},
      {"perplexity", b + "^H(P)",
       "P is as uncertain as a fair choice among " + v(m.perplexity_p) + " options.", Tint::p, true},
      {"perplexity", b + "^H(Q)",
       "Q is as uncertain as a fair choice among " + v(m.perplexity_q) + " options.", Tint::q},
      {"cross-perplexity", b + "^H(P,Q) = PPL(P) · " + b + "^D(P‖Q)",
       "A model Q of data P is as confused as a fair choice among " + v(m.perplexity_pq) +
           " options (not exp(KL) alone).",
       Tint::p},
      {"cross-perplexity", b + "^H(Q,P) = PPL(Q) · " + b + "^D(Q‖P)",
       "A model P of data Q is as confused as a fair choice among " + v(m.perplexity_qp) + " options.", Tint::q},
  }};
  std::vector<MetricRow> rows;
  for (std::size_t i = 0; i < kQuantities.size(); ++i) {
    const Quantity& q = kQuantities[i];
    const Words& w = words[i];
    const double value = m.*q.value;
    std::string why(q.infinite_reason(m));
    if (!std::isfinite(value) && why.empty()) why = "infinite";
    rows.push_back({std::string(q.key), std::string(q.symbol), w.name, value, unit_text(q.unit, m.base), w.formula,
                    w.meaning, why, w.tint, w.group_start});
  }
  return rows;
}

}  // namespace divlab::gui

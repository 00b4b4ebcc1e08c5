#include "divlab/teaching/explain.hpp"

#include <cmath>

#include "measures/quantity_text.hpp"

namespace divlab {

namespace {

using namespace text;

std::string s(std::string_view v) { return std::string(v); }

// "finite (0.42 bits)" or "∞ because …" for the "why ∞" section.
std::string status_line(std::string_view symbol, double v, const std::string& value_text,
                        const WhyInfinite& why, std::string_view zero_side, std::string_view mass_side) {
  if (std::isinf(v)) return sentence_end(s(symbol) + " = ∞ because " + why_text(why, zero_side, mass_side));
  return s(symbol) + " is finite: " + value_text + ".";
}

std::string compare(double a, double b) { return a == b ? "=" : (a < b ? "<" : ">"); }

}  // namespace

// [SECTION] The Explain panel's content.

std::vector<ExplainSection> explain_sections(const Measures& m, ExplainContext ctx) {
  const Base b = m.base;
  std::vector<ExplainSection> out;

  ExplainSection defs{"Definitions", {}};
  for (const Quantity& e : kQuantities)
    defs.paragraphs.push_back(s(e.formula) + " — " + s(e.name) + ". " + s(e.meaning) + " Now: " +
                              e.sentence(m, ctx));
  out.push_back(std::move(defs));

  // Relations, with the current numbers substituted.
  ExplainSection rel{"How they relate", {}};
  rel.paragraphs.push_back("Cross-entropy = entropy + KL: H(P,Q) = H(P) + D(P‖Q). Now " +
                           info(m.cross_entropy_pq, b) + " = " + info(m.entropy_p, b) + " + " +
                           info(m.kl_pq, b) + ". Likewise H(Q,P) = H(Q) + D(Q‖P): " +
                           info(m.cross_entropy_qp, b) + " = " + info(m.entropy_q, b) + " + " +
                           info(m.kl_qp, b) + ".");
  rel.paragraphs.push_back(
      "JSD goes through the mixture M = ½(P + Q): JSD(P,Q) = ½ D(P‖M) + ½ D(Q‖M) = H(M) − ½ H(P) − "
      "½ H(Q). M > 0 wherever P or Q is, so JSD is always finite: now " + info(m.jsd, b) +
      ", at most log_b 2 = " + info(log_b_2(b), b) + ".");
  rel.paragraphs.push_back("Hellinger from Bhattacharyya: H = √(1 − BC). Now √(1 − " +
                           format_number(m.bhattacharyya) + ") = " + format_number(m.hellinger) + ".");
  const double h = m.hellinger;
  rel.paragraphs.push_back("Hellinger brackets total variation: H² ≤ TV ≤ H·√(2 − H²). Now " +
                           format_number(h * h) + " ≤ " + format_number(m.total_variation) + " ≤ " +
                           format_number(h * std::sqrt(2 - h * h)) + ".");
  const double kl_nats = m.kl_pq * ln_base(b);
  rel.paragraphs.push_back("Pinsker's inequality: TV ≤ √(½ D(P‖Q)) with D in nats. Now " +
                           format_number(m.total_variation) + " ≤ " +
                           format_number(std::sqrt(0.5 * kl_nats)) + ".");
  out.push_back(std::move(rel));

  ExplainSection names{"Forward and reverse KL: read the formula, not the name", {}};
  names.paragraphs.push_back(
      "Forward KL: D(P‖Q) = ∑ p log(p/q), the expectation under the data P, with Q the model. "
      "Minimising it over Q is maximum likelihood and is mass-covering: Q spreads over every mode of P, "
      "because Q ≈ 0 where P > 0 costs ∞. Now D(P‖Q) = " + info(m.kl_pq, b) + ".");
  names.paragraphs.push_back(
      "Reverse KL: D(Q‖P) = ∑ q log(q/p), the expectation under the model Q. Minimising it is "
      "mode-seeking (zero-forcing): Q may sit on one mode of P and ignore the others, because Q pays "
      "nothing where Q = 0. Variational inference minimises this direction. Now D(Q‖P) = " +
      info(m.kl_qp, b) + ".");
  names.paragraphs.push_back(
      "Sources disagree on these names: some call D(Q‖P) the forward divergence, or write KL(q‖p) with "
      "the letters' roles swapped. divlab always shows the formula next to the name. The two directions "
      "differ in general: now D(P‖Q) " + compare(m.kl_pq, m.kl_qp) + " D(Q‖P).");
  out.push_back(std::move(names));

  ExplainSection props{"Symmetric, bounded, metric", {}};
  std::string sym = "Symmetric (swapping P and Q changes nothing):";
  std::string bounded = "Bounded for every pair (P, Q):";
  std::string metric = "Metrics (symmetric, 0 only for P = Q, triangle inequality):";
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on " " + std::string at -O3.
  for (const Quantity& e : kQuantities) {
    if (e.symmetric) sym.append(" ").append(e.symbol).append(",");
    if (e.bounded) bounded.append(" ").append(e.symbol).append(",");
    if (e.metric) metric.append(" ").append(e.symbol).append(",");
  }
  for (std::string* line : {&sym, &bounded, &metric}) line->back() = '.';
  bounded += " (JSD ≤ log_b 2, √JSD ≤ √(log_b 2), TV ≤ 1, H ≤ 1, BC ≤ 1.)";
  props.paragraphs = {sym, bounded, metric,
                      "Not metrics: KL in either direction (not symmetric, no triangle inequality, "
                      "can be ∞); JSD (symmetric and bounded, but only its square root obeys the "
                      "triangle inequality); cross-entropy (not 0 when P = Q); BC (a similarity)."};
  out.push_back(std::move(props));

  ExplainSection inf{"Why ∞ happens", {}};
  inf.paragraphs.push_back(
      "Support: where Q = 0 at an outcome with P > 0, the term p log(p/q) is infinite, so D(P‖Q), "
      "H(P,Q) and PPL(P,Q) are ∞: a model that rules out something that happens is infinitely "
      "surprised when it does. That is why smoothing (label smoothing, add-one) never leaves a zero.");
  inf.paragraphs.push_back(
      "Tails: for densities ∞ also comes from the tails. D(t₂‖N) = ∞ because log(p/q) grows like x² "
      "while E[x²] diverges under a Student-t with 2 degrees of freedom. W₁ = ∞ when "
      "∫ |F_P − F_Q| dx diverges, e.g. a Cauchy against a normal. divlab decides ∞ by analysis, not "
      "from a large number.");
  inf.paragraphs.push_back(
      "The bounded quantities never go to ∞: JSD ≤ log_b 2, TV ≤ 1, H ≤ 1; they stay meaningful "
      "when the supports do not even overlap.");
  inf.paragraphs.push_back("Now: " +
                           status_line("D(P‖Q)", m.kl_pq, info(m.kl_pq, b), m.why_kl_pq, "Q", "P") + " " +
                           status_line("D(Q‖P)", m.kl_qp, info(m.kl_qp, b), m.why_kl_qp, "P", "Q") + " " +
                           status_line("W₁", m.wasserstein_1, format_number(m.wasserstein_1),
                                       m.why_wasserstein_1, "Q", "P"));
  out.push_back(std::move(inf));

  ExplainSection ppl{"Perplexity is not exp(KL)", {}};
  ppl.paragraphs.push_back(
      "A popular mistake says perplexity = exp(KL). The truth: PPL(P,Q) = b^H(P,Q) = b^(H(P) + D(P‖Q)) "
      "= PPL(P) · b^D(P‖Q).");
  if (std::isinf(m.perplexity_pq)) {
    ppl.paragraphs.push_back(sentence_end("Now PPL(P,Q) = ∞ because " + why_text(m.why_kl_pq, "Q", "P")) +
                             " PPL(P) = " + format_number(m.perplexity_p) + " stays finite.");
  } else {
    const double factor = std::exp(kl_nats);
    ppl.paragraphs.push_back("Now PPL(P,Q) = " + format_number(m.perplexity_pq) + " = " +
                             format_number(m.perplexity_p) + " × " + format_number(factor) +
                             ", while exp(KL) alone, " + s(to_name(b)) + "^D(P‖Q) = " +
                             format_number(factor) + ", misses P's own perplexity " +
                             format_number(m.perplexity_p) + ".");
  }
  ppl.paragraphs.push_back(
      "b^D(P‖Q) is only the factor by which Q's perplexity on P's data exceeds the best possible, "
      "PPL(P); the two agree only when P is certain (PPL(P) = 1). The factor is the same number in "
      "every base: 2^D in bits equals e^D in nats.");
  out.push_back(std::move(ppl));
  return out;
}

}  // namespace divlab

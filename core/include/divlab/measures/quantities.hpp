// The one registry of quantities: for each its JSON key, symbol, name, unit, formula, LaTeX, meaning and
// properties, the live sentence with today's numbers, its ∞ reason and where its value lives. The
// metrics panel and its tooltips, Explain, the history strip, `divlab metrics` and the CSV, LaTeX and
// JSON exports all read it and keep no words of their own.
//
// QuantityInfo<Values> serves any quantity set: kQuantities (SPEC §1, a pair P, Q) reads Measures;
// the joint/MI keys of SPEC §5 can be a kJointQuantities of QuantityInfo<JointMeasures>.
#pragma once
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "divlab/measures/measures.hpp"

namespace divlab {

// [SECTION] Units and numbers

// What a quantity is measured in: information (nats or bits), its square root, units of x, nothing
// (a number in [0, 1]), or a count of equally likely choices (perplexity; a length for densities).
enum class QuantityUnit { information, root_information, x_units, unitless, choices };

// What the words depend on besides the numbers: continuous densities change some wording
// (differential entropy; a density's perplexity is a length along x).
struct QuantityContext {
  bool continuous = false;
};

// The unit every output prints: "nats" or "bits", "√nats" or "√bits", "units of x", "choices" (for
// densities "units of x"), or "" for a plain number.
std::string unit_text(QuantityUnit unit, Base base, QuantityContext ctx = {});
// The unit for exactly one of it: "bit", "√nat", "choice", "unit of x".
std::string singular_unit(std::string_view unit);

// A value as every panel shows it (the metrics panel, Explain, tooltips, plot readouts):
// `significant` digits, fixed from 1e-3 up to 1e6 ("3.099", "0.4900"), else in exponent form
// ("1.234e-05"); "∞" / "-∞"; "—" for NaN.
std::string format_value(double v, int significant = 4);
// A perplexity b^H as format_value, or as the power "2^1440" when H is finite but b^H is beyond a
// double (a finite value is never shown as ∞). `base` is "2" or "e".
std::string format_perplexity(double ppl, double exponent, std::string_view base, int significant = 4);
// A number for a sentence: format_value's digits without trailing zeros ("0.42", "3.099", "690.8",
// "1.2e-05"), "∞" for +∞, "NaN". (A quantity's value beside its name is shown_quantity's.)
std::string format_number(double v);
// A number with its unit_text, singular for exactly 1: "0.42 bits", "1 bit", "∞ nats", "0.3 √bits",
// "0.8 units of x", "3.2 choices", "0.15".
std::string format_quantity(double v, QuantityUnit unit, Base base, QuantityContext ctx = {});

// [SECTION] The entry type

template <class Values>
struct QuantityInfo {
  std::string_view key;         // JSON key: "kl_pq"
  std::string_view symbol;      // with the app's Unicode symbols: "D(P‖Q)"
  std::string_view name;        // "KL divergence (forward)"
  QuantityUnit unit = QuantityUnit::information;
  double Values::*value = nullptr;  // where its value lives (in the values' base)
  const WhyInfinite Values::*why_infinite = nullptr;  // for those ∞ for a named cause
  std::string_view formula;     // plain, with the app's symbols: "D(P‖Q) = ∑ p log(p/q) = H(P,Q) − H(P)"
  std::string_view latex;       // math mode: "D(P\,\|\,Q)"
  // The live sentence with the current values, e.g. "Coding samples of P with a code built for Q
  // costs 0.42 extra bits per symbol."; ∞ says why.
  std::string (*sentence)(const Values&, QuantityContext) = nullptr;
  std::string_view meaning;     // one or two sentences in plain words
  std::string_view properties;  // symmetric? bounded (by what)? a metric?
  bool symmetric = false;
  bool bounded = false;  // bounded above for every pair (P, Q)
  bool metric = false;   // a distance: symmetric, zero only for P = Q, triangle inequality

  std::string unit_in(Base base, QuantityContext ctx = {}) const { return unit_text(unit, base, ctx); }
  // Why it is ±∞ in m: the reason, or "" when it is finite or has no named cause.
  std::string_view infinite_reason(const Values& m) const {
    return why_infinite && std::isinf(m.*value) ? std::string_view((m.*why_infinite).reason) : std::string_view();
  }
};

using Quantity = QuantityInfo<Measures>;

// The live sentences of kQuantities (quantities.cpp).
namespace sentences {
std::string entropy_p(const Measures& m, QuantityContext ctx);
std::string entropy_q(const Measures& m, QuantityContext ctx);
std::string cross_entropy_pq(const Measures& m, QuantityContext ctx);
std::string cross_entropy_qp(const Measures& m, QuantityContext ctx);
std::string kl_pq(const Measures& m, QuantityContext ctx);
std::string kl_qp(const Measures& m, QuantityContext ctx);
std::string jsd(const Measures& m, QuantityContext ctx);
std::string js_distance(const Measures& m, QuantityContext ctx);
std::string wasserstein_1(const Measures& m, QuantityContext ctx);
std::string total_variation(const Measures& m, QuantityContext ctx);
std::string hellinger(const Measures& m, QuantityContext ctx);
std::string bhattacharyya(const Measures& m, QuantityContext ctx);
std::string perplexity_p(const Measures& m, QuantityContext ctx);
std::string perplexity_q(const Measures& m, QuantityContext ctx);
std::string perplexity_pq(const Measures& m, QuantityContext ctx);
std::string perplexity_qp(const Measures& m, QuantityContext ctx);
}  // namespace sentences

// [SECTION] SPEC §1

// Every quantity of SPEC §1, in SPEC order.
inline constexpr std::array<Quantity, 16> kQuantities{{
    {.key = "entropy_p", .symbol = "H(P)", .name = "entropy of P", .unit = QuantityUnit::information,
     .value = &Measures::entropy_p,
     .formula = "H(P) = −∑ p log p   (densities: −∫ p log p dx)", .latex = "H(P)",
     .sentence = sentences::entropy_p,
     .meaning = "The average surprise −log p(x) of a sample x drawn from P: the code length per symbol of "
                "the best code for P. For a density it is the differential entropy, which can be negative.",
     .properties = "Describes P alone. Discrete: 0 ≤ H(P) ≤ log N, 0 only when one outcome is certain, log N "
                   "for the uniform distribution. Differential entropy is unbounded in both directions."},
    {.key = "entropy_q", .symbol = "H(Q)", .name = "entropy of Q", .unit = QuantityUnit::information,
     .value = &Measures::entropy_q,
     .formula = "H(Q) = −∑ q log q   (densities: −∫ q log q dx)", .latex = "H(Q)",
     .sentence = sentences::entropy_q,
     .meaning = "The average surprise −log q(x) of a sample x drawn from Q: the code length per symbol of "
                "the best code for Q. For a density it is the differential entropy, which can be negative.",
     .properties = "Describes Q alone. Discrete: 0 ≤ H(Q) ≤ log N. Differential entropy is unbounded in "
                   "both directions."},
    {.key = "cross_entropy_pq", .symbol = "H(P,Q)", .name = "cross-entropy: P coded for Q",
     .unit = QuantityUnit::information, .value = &Measures::cross_entropy_pq, .why_infinite = &Measures::why_kl_pq,
     .formula = "H(P,Q) = −∑ p log q = H(P) + D(P‖Q)", .latex = "H(P,Q)",
     .sentence = sentences::cross_entropy_pq,
     .meaning = "The average surprise −log q(x) of samples x ~ P scored by the model Q: the code length "
                "per symbol when data from P are coded with a code built for Q. The \"log loss\" of "
                "classifiers.",
     .properties = "Not symmetric: H(P,Q) ≠ H(Q,P) in general. H(P,Q) ≥ H(P), equal only for Q = P, so it "
                   "is not 0 for identical distributions and not a distance. Unbounded: ∞ where Q = 0 but "
                   "P > 0."},
    {.key = "cross_entropy_qp", .symbol = "H(Q,P)", .name = "cross-entropy: Q coded for P",
     .unit = QuantityUnit::information, .value = &Measures::cross_entropy_qp, .why_infinite = &Measures::why_kl_qp,
     .formula = "H(Q,P) = −∑ q log p = H(Q) + D(Q‖P)", .latex = "H(Q,P)",
     .sentence = sentences::cross_entropy_qp,
     .meaning = "The average surprise −log p(x) of samples x ~ Q scored by P: the code length per symbol "
                "when data from Q are coded with a code built for P.",
     .properties = "Not symmetric. H(Q,P) ≥ H(Q), equal only for P = Q. Unbounded: ∞ where P = 0 but "
                   "Q > 0."},
    {.key = "kl_pq", .symbol = "D(P‖Q)", .name = "KL divergence (forward)", .unit = QuantityUnit::information,
     .value = &Measures::kl_pq, .why_infinite = &Measures::why_kl_pq,
     .formula = "D(P‖Q) = ∑ p log(p/q) = H(P,Q) − H(P)", .latex = "D(P\\,\\|\\,Q)",
     .sentence = sentences::kl_pq,
     .meaning = "The Kullback–Leibler divergence, \"forward\" when Q is the model: the extra code length "
                "per symbol paid for coding samples of P with a code built for Q instead of P; the "
                "expected log-likelihood ratio log(p/q) under P. Fitting a model Q by minimising it is "
                "maximum likelihood, and it is mass-covering: Q must put mass wherever P has some.",
     .properties = "D(P‖Q) ≥ 0, and 0 only for P = Q (Gibbs' inequality). Not symmetric, no triangle "
                   "inequality: not a metric. Unbounded: ∞ where Q = 0 but P > 0, or when P's tails are "
                   "so much heavier than Q's that the average of log(p/q) under P diverges (a Student-t "
                   "with 2 degrees of freedom against a normal)."},
    {.key = "kl_qp", .symbol = "D(Q‖P)", .name = "KL divergence (reverse)", .unit = QuantityUnit::information,
     .value = &Measures::kl_qp, .why_infinite = &Measures::why_kl_qp,
     .formula = "D(Q‖P) = ∑ q log(q/p) = H(Q,P) − H(Q)", .latex = "D(Q\\,\\|\\,P)",
     .sentence = sentences::kl_qp,
     .meaning = "The same divergence with the roles swapped, \"reverse\" when Q is the model: the "
                "expectation is under Q. Fitting a model Q by minimising it is mode-seeking: Q avoids "
                "places where P is small and may lock onto one mode (variational inference minimises "
                "this direction).",
     .properties = "D(Q‖P) ≥ 0, and 0 only for P = Q. Not symmetric, no triangle inequality: not a metric. "
                   "Unbounded: ∞ where P = 0 but Q > 0, or when Q's tails are so much heavier than P's "
                   "that the average of log(q/p) under Q diverges."},
    {.key = "jsd", .symbol = "JSD(P,Q)", .name = "Jensen–Shannon divergence", .unit = QuantityUnit::information,
     .value = &Measures::jsd, .formula = "JSD(P,Q) = ½ D(P‖M) + ½ D(Q‖M),   M = ½(P + Q)",
     .latex = "\\mathrm{JSD}(P,Q)", .sentence = sentences::jsd,
     .meaning = "How far P and Q each are from their average M. It is the information a sample carries "
                "about which of P or Q produced it, when a fair coin picks the source.",
     .properties = "Symmetric and always finite: 0 ≤ JSD ≤ log_b 2 (1 bit, ln 2 nats), the maximum exactly "
                   "for disjoint supports. Not a metric itself: its square root √JSD is.",
     .symmetric = true, .bounded = true},
    {.key = "js_distance", .symbol = "√JSD", .name = "Jensen–Shannon distance", .unit = QuantityUnit::root_information,
     .value = &Measures::js_distance, .formula = "√JSD(P,Q), in the same base (scipy's jensenshannon)",
     .latex = "\\sqrt{\\mathrm{JSD}}", .sentence = sentences::js_distance,
     .meaning = "The square root of the Jensen–Shannon divergence: a distance you can reason about "
                "geometrically.",
     .properties = "A metric: symmetric, 0 only for P = Q, obeys the triangle inequality. Bounded: "
                   "√JSD ≤ √(log_b 2), i.e. 1 in bits and 0.833 in nats.",
     .symmetric = true, .bounded = true, .metric = true},
    {.key = "wasserstein_1", .symbol = "W₁", .name = "Wasserstein-1 (earth mover's)", .unit = QuantityUnit::x_units,
     .value = &Measures::wasserstein_1, .why_infinite = &Measures::why_wasserstein_1,
     .formula = "W₁(P,Q) = ∫ |F_P(x) − F_Q(x)| dx", .latex = "W_1", .sentence = sentences::wasserstein_1,
     .meaning = "The least average distance that probability mass must travel along x to turn P into Q. "
                "Unlike KL it knows where outcomes lie: moving a bar twice as far doubles it.",
     .properties = "A metric (on distributions with a finite mean): symmetric, triangle inequality. In "
                   "units of x, unbounded: ∞ when ∫ |F_P − F_Q| dx diverges (e.g. a Cauchy against a "
                   "normal).",
     .symmetric = true, .metric = true},
    {.key = "total_variation", .symbol = "TV", .name = "total variation distance", .unit = QuantityUnit::unitless,
     .value = &Measures::total_variation, .formula = "TV(P,Q) = ½ ∑ |p − q| = max over events A of |P(A) − Q(A)|",
     .latex = "\\mathrm{TV}", .sentence = sentences::total_variation,
     .meaning = "The largest difference in probability that P and Q give to one event. Seeing one sample, "
                "the best guess of its source (P or Q equally likely) is right with probability ½(1 + TV).",
     .properties = "A metric, bounded: 0 ≤ TV ≤ 1, 1 exactly for disjoint supports. Pinsker: "
                   "TV ≤ √(½ D(P‖Q)) with D in nats.",
     .symmetric = true, .bounded = true, .metric = true},
    {.key = "hellinger", .symbol = "H", .name = "Hellinger distance", .unit = QuantityUnit::unitless,
     .value = &Measures::hellinger, .formula = "H = √(1 − BC) = √(½ ∑ (√p − √q)²)", .latex = "H",
     .sentence = sentences::hellinger,
     .meaning = "The Euclidean distance between the vectors √p and √q, scaled to lie in [0, 1]. (Not to "
                "be confused with the entropies H(P) and H(P,Q).)",
     .properties = "A metric, bounded: 0 ≤ H ≤ 1, 1 exactly for disjoint supports. It brackets TV: "
                   "H² ≤ TV ≤ H·√(2 − H²).",
     .symmetric = true, .bounded = true, .metric = true},
    {.key = "bhattacharyya", .symbol = "BC", .name = "Bhattacharyya coefficient", .unit = QuantityUnit::unitless,
     .value = &Measures::bhattacharyya, .formula = "BC(P,Q) = ∑ √(p q)", .latex = "\\mathrm{BC}",
     .sentence = sentences::bhattacharyya,
     .meaning = "The overlap of P and Q: 1 when they are identical, 0 when they never share an outcome.",
     .properties = "Symmetric and bounded: 0 ≤ BC ≤ 1. A similarity, not a distance: larger means closer. "
                   "(−ln BC, the Bhattacharyya distance, is not a metric.)",
     .symmetric = true, .bounded = true},
    {.key = "perplexity_p", .symbol = "PPL(P)", .name = "perplexity of P", .unit = QuantityUnit::choices,
     .value = &Measures::perplexity_p, .formula = "PPL(P) = b^H(P)   (the same in every base b)",
     .latex = "\\mathrm{PPL}(P)", .sentence = sentences::perplexity_p,
     .meaning = "The effective number of equally likely outcomes: P is as uncertain as a fair die with "
                "PPL(P) faces. For a density: the length of the uniform interval with the same entropy.",
     .properties = "Independent of the base. Discrete: 1 ≤ PPL(P) ≤ N, 1 for a certain outcome, N for the "
                   "uniform distribution over N outcomes."},
    {.key = "perplexity_q", .symbol = "PPL(Q)", .name = "perplexity of Q", .unit = QuantityUnit::choices,
     .value = &Measures::perplexity_q, .formula = "PPL(Q) = b^H(Q)   (the same in every base b)",
     .latex = "\\mathrm{PPL}(Q)", .sentence = sentences::perplexity_q,
     .meaning = "The effective number of equally likely outcomes of Q. For a density: the length of the "
                "uniform interval with the same entropy.",
     .properties = "Independent of the base. Discrete: 1 ≤ PPL(Q) ≤ N."},
    {.key = "perplexity_pq", .symbol = "PPL(P,Q)", .name = "cross-perplexity: P coded for Q",
     .unit = QuantityUnit::choices, .value = &Measures::perplexity_pq, .why_infinite = &Measures::why_kl_pq,
     .formula = "PPL(P,Q) = b^H(P,Q) = PPL(P) · b^D(P‖Q)", .latex = "\\mathrm{PPL}(P,Q)",
     .sentence = sentences::perplexity_pq,
     .meaning = "How perplexed the model Q is, on average, by samples of P: the number language models "
                "report. It is P's own perplexity times the penalty b^D(P‖Q) for using Q instead of P; not "
                "exp(KL) alone.",
     .properties = "Independent of the base. PPL(P,Q) ≥ PPL(P), equal only for Q = P. Not symmetric. ∞ "
                   "where Q = 0 but P > 0."},
    {.key = "perplexity_qp", .symbol = "PPL(Q,P)", .name = "cross-perplexity: Q coded for P",
     .unit = QuantityUnit::choices, .value = &Measures::perplexity_qp, .why_infinite = &Measures::why_kl_qp,
     .formula = "PPL(Q,P) = b^H(Q,P) = PPL(Q) · b^D(Q‖P)", .latex = "\\mathrm{PPL}(Q,P)",
     .sentence = sentences::perplexity_qp,
     .meaning = "How perplexed P is, on average, by samples of Q: Q's own perplexity times the penalty "
                "b^D(Q‖P).",
     .properties = "Independent of the base. PPL(Q,P) ≥ PPL(Q), equal only for P = Q. ∞ where P = 0 but "
                   "Q > 0."},
}};

// [SECTION] Lookup

// The value of q in m as every panel shows it: format_value, a perplexity past the largest double as
// its power b^H. With its unit: "3.099 bits", "2^1440 choices", "0.4900" — the one text of the
// metrics panel's value column, Explain's definitions and the metric tooltips.
std::string shown_value(const Quantity& q, const Measures& m);
std::string shown_quantity(const Quantity& q, const Measures& m, QuantityContext ctx = {});

// The entry for `key`, or nullptr for an unknown key.
const Quantity* find_quantity(std::string_view key);
// The value of `key` in m (in m.base), or nullopt for an unknown key.
std::optional<double> measure_value(const Measures& m, std::string_view key);
// The live sentence for `key` with m's values; empty for an unknown key.
std::string live_sentence(std::string_view key, const Measures& m, QuantityContext ctx = {});

}  // namespace divlab

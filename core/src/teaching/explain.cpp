#include "divlab/teaching/explain.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace divlab {

namespace {

// [SECTION] The fixed table, in SPEC §1 order.
using U = QuantityUnit;
constexpr std::array<Explanation, 16> kTable{{
    {"entropy_p", "H(P)", "Entropy of P", "H(P) = −∑ p log p   (densities: −∫ p log p dx)",
     "The average surprise −log p(x) of a sample x drawn from P: the code length per symbol of the "
     "best code for P. For a density it is the differential entropy, which can be negative.",
     "Describes P alone. Discrete: 0 ≤ H(P) ≤ log N, 0 only when one outcome is certain, log N for the "
     "uniform distribution. Differential entropy is unbounded in both directions.",
     U::information, false, false, false},
    {"entropy_q", "H(Q)", "Entropy of Q", "H(Q) = −∑ q log q   (densities: −∫ q log q dx)",
     "The average surprise −log q(x) of a sample x drawn from Q: the code length per symbol of the "
     "best code for Q. For a density it is the differential entropy, which can be negative.",
     "Describes Q alone. Discrete: 0 ≤ H(Q) ≤ log N. Differential entropy is unbounded in both "
     "directions.",
     U::information, false, false, false},
    {"cross_entropy_pq", "H(P,Q)", "Cross-entropy of the model Q on data from P",
     "H(P,Q) = −∑ p log q = H(P) + D(P‖Q)",
     "The average surprise −log q(x) of samples x ~ P scored by the model Q: the code length per symbol "
     "when data from P are coded with a code built for Q. The \"log loss\" of classifiers.",
     "Not symmetric: H(P,Q) ≠ H(Q,P) in general. H(P,Q) ≥ H(P), equal only for Q = P, so it is not "
     "0 for identical distributions and not a distance. Unbounded: ∞ where Q = 0 but P > 0.",
     U::information, false, false, false},
    {"cross_entropy_qp", "H(Q,P)", "Cross-entropy of the model P on data from Q",
     "H(Q,P) = −∑ q log p = H(Q) + D(Q‖P)",
     "The average surprise −log p(x) of samples x ~ Q scored by P: the code length per symbol when data "
     "from Q are coded with a code built for P.",
     "Not symmetric. H(Q,P) ≥ H(Q), equal only for P = Q. Unbounded: ∞ where P = 0 but Q > 0.",
     U::information, false, false, false},
    {"kl_pq", "D(P‖Q)", "Kullback–Leibler divergence D(P‖Q), \"forward\" KL when Q is the model",
     "D(P‖Q) = ∑ p log(p/q) = H(P,Q) − H(P)",
     "The extra code length per symbol paid for coding samples of P with a code built for Q instead of "
     "P; the expected log-likelihood ratio log(p/q) under P. Fitting a model Q by minimising it is "
     "maximum likelihood, and it is mass-covering: Q must put mass wherever P has some.",
     "D(P‖Q) ≥ 0, and 0 only for P = Q (Gibbs' inequality). Not symmetric, no triangle inequality: "
     "not a metric. Unbounded: ∞ where Q = 0 but P > 0, or when P's tails are so much heavier than Q's "
     "that the average of log(p/q) under P diverges (a Student-t with 2 degrees of freedom against a "
     "normal).",
     U::information, false, false, false},
    {"kl_qp", "D(Q‖P)", "Kullback–Leibler divergence D(Q‖P), \"reverse\" KL when Q is the model",
     "D(Q‖P) = ∑ q log(q/p) = H(Q,P) − H(Q)",
     "The same divergence with the roles swapped: the expectation is under Q. Fitting a model Q by "
     "minimising it is mode-seeking: Q avoids places where P is small and may lock onto one mode "
     "(variational inference minimises this direction).",
     "D(Q‖P) ≥ 0, and 0 only for P = Q. Not symmetric, no triangle inequality: not a metric. "
     "Unbounded: ∞ where P = 0 but Q > 0, or when Q's tails are so much heavier than P's that the "
     "average of log(q/p) under Q diverges.",
     U::information, false, false, false},
    {"jsd", "JSD(P,Q)", "Jensen–Shannon divergence", "JSD(P,Q) = ½ D(P‖M) + ½ D(Q‖M),   M = ½(P + Q)",
     "How far P and Q each are from their average M. It is the information a sample carries about "
     "which of P or Q produced it, when a fair coin picks the source.",
     "Symmetric and always finite: 0 ≤ JSD ≤ log_b 2 (1 bit, ln 2 nats), the maximum exactly for "
     "disjoint supports. Not a metric itself: its square root √JSD is.",
     U::information, true, true, false},
    {"js_distance", "√JSD", "Jensen–Shannon distance",
     "√JSD(P,Q), in the same base (scipy's jensenshannon)",
     "The square root of the Jensen–Shannon divergence: a distance you can reason about geometrically.",
     "A metric: symmetric, 0 only for P = Q, obeys the triangle inequality. Bounded: √JSD ≤ √(log_b 2), "
     "i.e. 1 in bits and 0.833 in nats.",
     U::unitless, true, true, true},
    {"wasserstein_1", "W₁", "Wasserstein-1 (earth mover's) distance",
     "W₁(P,Q) = ∫ |F_P(x) − F_Q(x)| dx",
     "The least average distance that probability mass must travel along x to turn P into Q. Unlike "
     "KL it knows where outcomes lie: moving a bar twice as far doubles it.",
     "A metric (on distributions with a finite mean): symmetric, triangle inequality. In units of x, "
     "unbounded: ∞ when ∫ |F_P − F_Q| dx diverges (e.g. a Cauchy against a normal).",
     U::x_units, true, false, true},
    {"total_variation", "TV", "Total variation distance",
     "TV(P,Q) = ½ ∑ |p − q| = max over events A of |P(A) − Q(A)|",
     "The largest difference in probability that P and Q give to one event. Seeing one sample, the "
     "best guess of its source (P or Q equally likely) is right with probability ½(1 + TV).",
     "A metric, bounded: 0 ≤ TV ≤ 1, 1 exactly for disjoint supports. Pinsker: TV ≤ √(½ D(P‖Q)) with "
     "D in nats.",
     U::unitless, true, true, true},
    {"hellinger", "H", "Hellinger distance", "H = √(1 − BC) = √(½ ∑ (√p − √q)²)",
     "The Euclidean distance between the vectors √p and √q, scaled to lie in [0, 1]. (Not to be "
     "confused with the entropies H(P) and H(P,Q).)",
     "A metric, bounded: 0 ≤ H ≤ 1, 1 exactly for disjoint supports. It brackets TV: "
     "H² ≤ TV ≤ H·√(2 − H²).",
     U::unitless, true, true, true},
    {"bhattacharyya", "BC", "Bhattacharyya coefficient", "BC(P,Q) = ∑ √(p q)",
     "The overlap of P and Q: 1 when they are identical, 0 when they never share an outcome.",
     "Symmetric and bounded: 0 ≤ BC ≤ 1. A similarity, not a distance: larger means closer. "
     "(−ln BC, the Bhattacharyya distance, is not a metric.)",
     U::unitless, true, true, false},
    {"perplexity_p", "PPL(P)", "Perplexity of P", "PPL(P) = b^H(P)   (the same in every base b)",
     "The effective number of equally likely outcomes: P is as uncertain as a fair die with PPL(P) "
     "faces. For a density: the length of the uniform interval with the same entropy.",
     "Independent of the base. Discrete: 1 ≤ PPL(P) ≤ N, 1 for a certain outcome, N for the uniform "
     "distribution over N outcomes.",
     U::choices, false, false, false},
    {"perplexity_q", "PPL(Q)", "Perplexity of Q", "PPL(Q) = b^H(Q)   (the same in every base b)",
     "The effective number of equally likely outcomes of Q. For a density: the length of the uniform "
     "interval with the same entropy.",
     "Independent of the base. Discrete: 1 ≤ PPL(Q) ≤ N.", U::choices, false, false, false},
    {"perplexity_pq", "PPL(P,Q)", "Perplexity of the model Q on data from P",
     "PPL(P,Q) = b^H(P,Q) = PPL(P) · b^D(P‖Q)",
     "How perplexed the model Q is, on average, by samples of P: the number language models report. "
     "It is P's own perplexity times the penalty b^D(P‖Q) for using Q instead of P; not exp(KL) alone.",
     "Independent of the base. PPL(P,Q) ≥ PPL(P), equal only for Q = P. Not symmetric. ∞ where Q = 0 "
     "but P > 0.",
     U::choices, false, false, false},
    {"perplexity_qp", "PPL(Q,P)", "Perplexity of the model P on data from Q",
     "PPL(Q,P) = b^H(Q,P) = PPL(Q) · b^D(Q‖P)",
     "How perplexed P is, on average, by samples of Q: Q's own perplexity times the penalty "
     "b^D(Q‖P).",
     "Independent of the base. PPL(Q,P) ≥ PPL(Q), equal only for P = Q. ∞ where P = 0 but Q > 0.",
     U::choices, false, false, false},
}};

// [SECTION] Small text helpers.

// Information with its unit, with the number and the unit split around a word when needed.
std::string unit_word(const std::string& number, Base base) {
  const bool one = number == "1";
  if (base == Base::two) return one ? "bit" : "bits";
  return one ? "nat" : "nats";
}

std::string info(double v, Base b) { return format_quantity(v, QuantityUnit::information, b); }

// 100·v as a percentage with 3 significant digits.
std::string percent(double v) { return format_number(100.0 * v) + "%"; }

// "b" as the reader sees it in exponents: "2" or "e".
std::string base_letter(Base b) { return b == Base::two ? "2" : "e"; }

// log_b 2: the maximum of JSD.
double log_b_2(Base b) { return std::numbers::ln2 / ln_base(b); }

// Why a quantity is ∞: the analysed reason, or a generic one when the reason is missing.
std::string why_text(const WhyInfinite& why, std::string_view zero_side, std::string_view mass_side) {
  if (!why.reason.empty()) return why.reason;
  if (why.cause == WhyInfinite::Cause::tails) return std::string(mass_side) + "'s tails are heavier than " +
                                                     std::string(zero_side) + "'s";
  return std::string(zero_side) + " = 0 somewhere " + std::string(mass_side) + " > 0";
}

// What an infinite divergence means, given its cause; `model` is the distribution giving zero.
std::string infinite_consequence(const WhyInfinite& why, std::string_view data, std::string_view model) {
  if (why.cause == WhyInfinite::Cause::tails)
    return "Samples of " + std::string(data) + " land so far out that their surprise under " +
           std::string(model) + " has an infinite average.";
  return "A sample of " + std::string(data) + " can land where " + std::string(model) +
         " gives it zero probability, and its surprise −log 0 is infinite.";
}

// "<text>." without doubling a final period (reasons may end with one).
std::string sentence_end(std::string text) {
  if (text.empty() || text.back() != '.') text += '.';
  return text;
}

// "D(P‖Q) = ∞ because <reason>. <Consequence>." (Reasons may hold colons of their own, so the
// consequence is a sentence of its own.)
std::string infinite_sentence(std::string_view symbol, const WhyInfinite& why, std::string_view data,
                              std::string_view model) {
  return sentence_end(std::string(symbol) + " = ∞ because " + why_text(why, model, data)) + " " +
         infinite_consequence(why, data, model);
}

// The sentences for one direction: data X is scored by model Y.
struct Direction {
  std::string_view x, y;                          // "P", "Q"
  double h_x, cross, kl, ppl_x, ppl_cross;        // H(X), H(X,Y), D(X‖Y), PPL(X), PPL(X,Y)
  const WhyInfinite* why;                         // why D(X‖Y) is ∞
  std::string_view kl_symbol, cross_symbol, ppl_symbol, ppl_x_symbol;
};

Direction forward(const Measures& m) {
  return {"P", "Q", m.entropy_p, m.cross_entropy_pq, m.kl_pq, m.perplexity_p, m.perplexity_pq,
          &m.why_kl_pq, "D(P‖Q)", "H(P,Q)", "PPL(P,Q)", "PPL(P)"};
}
Direction reverse(const Measures& m) {
  return {"Q", "P", m.entropy_q, m.cross_entropy_qp, m.kl_qp, m.perplexity_q, m.perplexity_qp,
          &m.why_kl_qp, "D(Q‖P)", "H(Q,P)", "PPL(Q,P)", "PPL(Q)"};
}

std::string s(std::string_view v) { return std::string(v); }

std::string entropy_sentence(std::string_view x, double h, double ppl, Base b, ExplainContext ctx) {
  if (std::isinf(h)) return "H(" + s(x) + ") = " + info(h, b) + ".";
  if (ctx.continuous) {
    std::string text = s(x) + "'s differential entropy is " + info(h, b) + ": " + s(x) +
                       " is as spread out as a uniform distribution on an interval of length " +
                       format_number(ppl) + ".";
    if (h < 0) text += " It is negative because that interval is shorter than 1 unit of x.";
    return text;
  }
  if (h == 0) return s(x) + " is certain: a sample of " + s(x) + " carries no information (0 " +
                     unit_word("0", b) + ").";
  return "The best code for " + s(x) + " needs " + info(h, b) + " per symbol on average: the average "
         "surprise of a sample of " + s(x) + ".";
}

std::string cross_sentence(const Direction& d, Base b, ExplainContext ctx) {
  if (std::isinf(d.cross)) return infinite_sentence(d.cross_symbol, *d.why, d.x, d.y);
  const std::string parts = "H(" + s(d.x) + ") = " + info(d.h_x, b) + " plus " + s(d.kl_symbol) + " = " +
                            info(d.kl, b) + ".";
  if (ctx.continuous)
    return "Samples of " + s(d.x) + " scored by the model " + s(d.y) + " have an average surprise −log " +
           (d.y == "Q" ? "q" : "p") + " of " + info(d.cross, b) + ": " + parts;
  return "Coding samples of " + s(d.x) + " with a code built for " + s(d.y) + " costs " + info(d.cross, b) +
         " per symbol: " + parts;
}

std::string kl_sentence(const Direction& d, Base b, ExplainContext ctx) {
  if (std::isinf(d.kl)) return infinite_sentence(d.kl_symbol, *d.why, d.x, d.y);
  const std::string n = format_number(d.kl);
  if (ctx.continuous)
    return "Samples of " + s(d.x) + " are on average " + n + " " + unit_word(n, b) +
           " more surprising under the model " + s(d.y) + " than under " + s(d.x) + " itself.";
  return "Coding samples of " + s(d.x) + " with a code built for " + s(d.y) + " costs " + n + " extra " +
         unit_word(n, b) + " per symbol.";
}

std::string choices_phrase(double ppl, ExplainContext ctx) {
  if (ctx.continuous) return "a uniform distribution on an interval of length " + format_number(ppl);
  return "a fair choice among " + format_number(ppl) + " options";
}

std::string ppl_cross_sentence(const Direction& d, Base b, ExplainContext ctx) {
  if (std::isinf(d.ppl_cross)) return infinite_sentence(d.ppl_symbol, *d.why, d.x, d.y);
  const double factor = std::exp(d.kl * ln_base(b));  // b^D, the same number in every base
  return "The model " + s(d.y) + " predicting samples of " + s(d.x) + " is as perplexed as " +
         choices_phrase(d.ppl_cross, ctx) + ": " + s(d.ppl_x_symbol) + " · " + base_letter(b) + "^" +
         s(d.kl_symbol) + " = " + format_number(d.ppl_x) + " × " + format_number(factor) + ".";
}

// "finite (0.42 bits)" or "∞ because …" for the "why ∞" section.
std::string status_line(std::string_view symbol, double v, const std::string& value_text,
                        const WhyInfinite& why, std::string_view zero_side, std::string_view mass_side) {
  if (std::isinf(v)) return sentence_end(s(symbol) + " = ∞ because " + why_text(why, zero_side, mass_side));
  return s(symbol) + " is finite: " + value_text + ".";
}

std::string compare(double a, double b) { return a == b ? "=" : (a < b ? "<" : ">"); }

}  // namespace

// [SECTION] Table access and formatting.

std::span<const Explanation> explanations() { return kTable; }

const Explanation* find_explanation(std::string_view key) {
  for (const Explanation& e : kTable)
    if (e.key == key) return &e;
  return nullptr;
}

std::optional<double> measure_value(const Measures& m, std::string_view key) {
  for (const Quantity& q : kQuantities)
    if (q.key == key) return m.*q.value;
  return std::nullopt;
}

std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
  if (v == 0) return "0";
  const double a = std::fabs(v);
  char buf[64];
  if (a < 1e-3 || a >= 1e7) {
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
  }
  // 3 significant digits, but at least one decimal from 100 on (690.8, not 691).
  const int exponent = static_cast<int>(std::floor(std::log10(a)));
  const int decimals = exponent >= 2 ? 1 : 2 - exponent;
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string text = buf;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

std::string format_quantity(double v, QuantityUnit unit, Base base) {
  const std::string n = format_number(v);
  switch (unit) {
    case QuantityUnit::information:
      return n + " " + unit_word(n, base);
    case QuantityUnit::root_information:
      return n + " √" + std::string(base_unit(base));
    case QuantityUnit::x_units:
      return n + " (units of x)";
    case QuantityUnit::unitless:
    case QuantityUnit::choices:
      break;
  }
  return n;
}

// [SECTION] Live sentences.

std::string live_sentence(std::string_view key, const Measures& m, ExplainContext ctx) {
  const Base b = m.base;
  if (key == "entropy_p") return entropy_sentence("P", m.entropy_p, m.perplexity_p, b, ctx);
  if (key == "entropy_q") return entropy_sentence("Q", m.entropy_q, m.perplexity_q, b, ctx);
  if (key == "cross_entropy_pq") return cross_sentence(forward(m), b, ctx);
  if (key == "cross_entropy_qp") return cross_sentence(reverse(m), b, ctx);
  if (key == "kl_pq") return kl_sentence(forward(m), b, ctx);
  if (key == "kl_qp") return kl_sentence(reverse(m), b, ctx);
  if (key == "jsd") {
    const double max = log_b_2(b);
    return "A sample drawn from P or Q by a fair coin flip tells you " + info(m.jsd, b) +
           " about which of the two produced it: " + percent(m.jsd / max) + " of the maximum " +
           info(max, b) + ", reached when P and Q never overlap.";
  }
  if (key == "js_distance")
    return "√JSD = " + format_number(m.js_distance) + " on a scale from 0 (P = Q) to " +
           format_number(std::sqrt(log_b_2(b))) +
           " (disjoint supports); a true distance, so it obeys the triangle inequality.";
  if (key == "wasserstein_1") {
    if (std::isinf(m.wasserstein_1)) {
      const std::string reason = why_text(m.why_wasserstein_1, "Q", "P");
      const bool says_diverges = reason.find("diverges") != std::string::npos;
      return sentence_end("W₁ = ∞ because " + reason) + (says_diverges ? "" : " ∫ |F_P − F_Q| dx diverges.") +
             " No finite amount of moving turns P into Q.";
    }
    return "Turning P into Q means moving probability mass an average distance of " +
           format_number(m.wasserstein_1) + " along x (the earth mover's distance).";
  }
  if (key == "total_variation")
    return "P and Q disagree by at most " + format_number(m.total_variation) +
           " on the probability of any event; seeing one sample, the best guess of its source is right " +
           percent(0.5 * (1 + m.total_variation)) + " of the time.";
  if (key == "hellinger")
    return "H = " + format_number(m.hellinger) +
           " on a scale from 0 (identical) to 1 (disjoint supports); H² = 1 − BC = " +
           format_number(1 - m.bhattacharyya) + ".";
  if (key == "bhattacharyya")
    return "P and Q overlap by BC = " + format_number(m.bhattacharyya) +
           ", from 0 (they never share an outcome) to 1 (identical).";
  if (key == "perplexity_p") return "P is as uncertain as " + choices_phrase(m.perplexity_p, ctx) + ".";
  if (key == "perplexity_q") return "Q is as uncertain as " + choices_phrase(m.perplexity_q, ctx) + ".";
  if (key == "perplexity_pq") return ppl_cross_sentence(forward(m), b, ctx);
  if (key == "perplexity_qp") return ppl_cross_sentence(reverse(m), b, ctx);
  return {};
}

// [SECTION] The Explain panel's content.

std::vector<ExplainSection> explain_sections(const Measures& m, ExplainContext ctx) {
  const Base b = m.base;
  std::vector<ExplainSection> out;

  ExplainSection defs{"Definitions", {}};
  for (const Explanation& e : kTable)
    defs.paragraphs.push_back(s(e.formula) + " — " + s(e.name) + ". " + s(e.meaning) + " Now: " +
                              live_sentence(e.key, m, ctx));
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
  for (const Explanation& e : kTable) {
    if (e.symmetric) sym += " " + s(e.symbol) + ",";
    if (e.bounded) bounded += " " + s(e.symbol) + ",";
    if (e.metric) metric += " " + s(e.symbol) + ",";
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
                             ", while exp(KL) alone, " + base_letter(b) + "^D(P‖Q) = " +
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

// The registry's units, number formatting and live sentences; [SECTION] markers follow the header.
#include "divlab/measures/quantities.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

#include "measures/quantity_text.hpp"

namespace divlab {

// [SECTION] Units and numbers

std::string unit_text(QuantityUnit unit, Base base, QuantityContext ctx) {
  switch (unit) {
    case QuantityUnit::information: return std::string(base_unit(base));
    case QuantityUnit::root_information: return "√" + std::string(base_unit(base));
    case QuantityUnit::x_units: return "units of x";
    case QuantityUnit::unitless: return "";
    case QuantityUnit::choices: return ctx.continuous ? "units of x" : "choices";  // a density's PPL is a length
  }
  return "";
}

std::string singular_unit(std::string_view unit) {
  // The first word loses its plural s: "bits" → "bit", "units of x" → "unit of x".
  const std::size_t end = std::min(unit.find(' '), unit.size());
  std::string out(unit);
  if (end > 0 && unit[end - 1] == 's') out.erase(end - 1, 1);
  return out;
}

std::string format_value(double v, int significant) {
  if (std::isnan(v)) return "—";
  if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
  char buf[64];
  const double a = std::abs(v);
  if (a != 0 && (a < 1e-3 || a >= 1e6))
    std::snprintf(buf, sizeof buf, "%.*e", std::max(0, significant - 1), v);
  else
    std::snprintf(buf, sizeof buf, "%.*f",
                  std::clamp(significant - 1 - (a == 0 ? 0 : static_cast<int>(std::floor(std::log10(a)))), 0, 12), v);
  std::string s = buf;
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

std::string format_perplexity(double ppl, double exponent, std::string_view base, int significant) {
  if (!std::isinf(ppl) || !std::isfinite(exponent)) return format_value(ppl, significant);
  std::string s(base);
  s += "^";
  s += format_value(exponent, significant);
  return s;
}

std::string format_number(double v) {
  if (std::isnan(v)) return "NaN";
  // The panels' digits (format_value), so a sentence never says 3.1 beside a value of 3.099; only
  // the trailing zeros a sentence does not need go ("0.49", not "0.4900").
  const std::string text = format_value(v);
  const std::size_t e = std::min(text.find('e'), text.size());
  std::string mantissa = text.substr(0, e);
  if (mantissa.find('.') != std::string::npos) {
    while (mantissa.back() == '0') mantissa.pop_back();
    if (mantissa.back() == '.') mantissa.pop_back();
  }
  return mantissa + text.substr(e);
}

std::string format_quantity(double v, QuantityUnit unit, Base base, QuantityContext ctx) {
  const std::string n = format_number(v);
  const std::string u = unit_text(unit, base, ctx);
  if (u.empty()) return n;
  return n + " " + (n == "1" ? singular_unit(u) : u);
}

// The logarithm (in m.base) of a perplexity: its entropy or cross-entropy; NaN for other keys.
namespace {
double log_of(const Measures& m, std::string_view key) {
  if (key == "perplexity_p") return m.entropy_p;
  if (key == "perplexity_q") return m.entropy_q;
  if (key == "perplexity_pq") return m.cross_entropy_pq;
  if (key == "perplexity_qp") return m.cross_entropy_qp;
  return std::nan("");
}
}  // namespace

std::string shown_value(const Quantity& q, const Measures& m) {
  return format_perplexity(m.*q.value, log_of(m, q.key), m.base == Base::two ? "2" : "e");
}

std::string shown_quantity(const Quantity& q, const Measures& m, QuantityContext ctx) {
  const std::string unit = q.unit_in(m.base, ctx);
  return shown_value(q, m) + (unit.empty() ? "" : " " + unit);
}

// [SECTION] Text helpers (quantity_text.hpp)

namespace text {

std::string info(double v, Base b) { return format_quantity(v, QuantityUnit::information, b); }

std::string percent(double v) { return format_number(100.0 * v) + "%"; }

double log_b_2(Base b) { return std::numbers::ln2 / ln_base(b); }

std::string sentence_end(std::string text) {
  if (text.empty() || text.back() != '.') text += '.';
  return text;
}

std::string why_text(const WhyInfinite& why, std::string_view zero_side, std::string_view mass_side) {
  if (!why.reason.empty()) return why.reason;
  if (why.cause == WhyInfinite::Cause::tails) return std::string(mass_side) + "'s tails are heavier than " +
                                                     std::string(zero_side) + "'s";
  return std::string(zero_side) + " = 0 somewhere " + std::string(mass_side) + " > 0";
}

std::string_view symbol(std::string_view key) {
  const Quantity* q = find_quantity(key);
  return q ? q->symbol : std::string_view();
}

}  // namespace text

// [SECTION] Live sentences

namespace {

using namespace text;

std::string s(std::string_view v) { return std::string(v); }

// "1 bit", "0.42 bits": a number and the information unit, for sentences that put words between them.
std::string unit_word(const std::string& number, Base base) {
  const std::string u = unit_text(QuantityUnit::information, base);
  return number == "1" ? singular_unit(u) : u;
}

// What an infinite divergence means, given its cause; `model` is the distribution giving zero.
std::string infinite_consequence(const WhyInfinite& why, std::string_view data, std::string_view model) {
  if (why.cause == WhyInfinite::Cause::tails)
    return "Samples of " + std::string(data) + " land so far out that their surprise under " +
           std::string(model) + " has an infinite average.";
  return "A sample of " + std::string(data) + " can land where " + std::string(model) +
         " gives it zero probability, and its surprise −log 0 is infinite.";
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
          &m.why_kl_pq, symbol("kl_pq"), symbol("cross_entropy_pq"), symbol("perplexity_pq"),
          symbol("perplexity_p")};
}
Direction reverse(const Measures& m) {
  return {"Q", "P", m.entropy_q, m.cross_entropy_qp, m.kl_qp, m.perplexity_q, m.perplexity_qp,
          &m.why_kl_qp, symbol("kl_qp"), symbol("cross_entropy_qp"), symbol("perplexity_qp"),
          symbol("perplexity_q")};
}

std::string entropy_sentence(std::string_view x, double h, double ppl, Base b, QuantityContext ctx) {
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

std::string cross_sentence(const Direction& d, Base b, QuantityContext ctx) {
  if (std::isinf(d.cross)) return infinite_sentence(d.cross_symbol, *d.why, d.x, d.y);
  const std::string parts = "H(" + s(d.x) + ") = " + info(d.h_x, b) + " plus " + s(d.kl_symbol) + " = " +
                            info(d.kl, b) + ".";
  if (ctx.continuous)
    return "Samples of " + s(d.x) + " scored by the model " + s(d.y) + " have an average surprise −log " +
           (d.y == "Q" ? "q" : "p") + " of " + info(d.cross, b) + ": " + parts;
  return "Coding samples of " + s(d.x) + " with a code built for " + s(d.y) + " costs " + info(d.cross, b) +
         " per symbol: " + parts;
}

std::string kl_sentence(const Direction& d, Base b, QuantityContext ctx) {
  if (std::isinf(d.kl)) return infinite_sentence(d.kl_symbol, *d.why, d.x, d.y);
  const std::string n = format_number(d.kl);
  if (ctx.continuous)
    return "Samples of " + s(d.x) + " are on average " + n + " " + unit_word(n, b) +
           " more surprising under the model " + s(d.y) + " than under " + s(d.x) + " itself.";
  return "Coding samples of " + s(d.x) + " with a code built for " + s(d.y) + " costs " + n + " extra " +
         unit_word(n, b) + " per symbol.";
}

std::string choices_phrase(double ppl, QuantityContext ctx) {
  if (ctx.continuous) return "a uniform distribution on an interval of length " + format_number(ppl);
  return "a fair choice among " + format_number(ppl) + " options";
}

std::string ppl_cross_sentence(const Direction& d, Base b, QuantityContext ctx) {
  if (std::isinf(d.ppl_cross)) return infinite_sentence(d.ppl_symbol, *d.why, d.x, d.y);
  const double factor = std::exp(d.kl * ln_base(b));  // b^D, the same number in every base
  return "The model " + s(d.y) + " predicting samples of " + s(d.x) + " is as perplexed as " +
         choices_phrase(d.ppl_cross, ctx) + ": " + s(d.ppl_x_symbol) + " · " + s(to_name(b)) + "^" +
         s(d.kl_symbol) + " = " + format_number(d.ppl_x) + " × " + format_number(factor) + ".";
}

}  // namespace

namespace sentences {

std::string entropy_p(const Measures& m, QuantityContext ctx) {
  return entropy_sentence("P", m.entropy_p, m.perplexity_p, m.base, ctx);
}
std::string entropy_q(const Measures& m, QuantityContext ctx) {
  return entropy_sentence("Q", m.entropy_q, m.perplexity_q, m.base, ctx);
}
std::string cross_entropy_pq(const Measures& m, QuantityContext ctx) { return cross_sentence(forward(m), m.base, ctx); }
std::string cross_entropy_qp(const Measures& m, QuantityContext ctx) { return cross_sentence(reverse(m), m.base, ctx); }
std::string kl_pq(const Measures& m, QuantityContext ctx) { return kl_sentence(forward(m), m.base, ctx); }
std::string kl_qp(const Measures& m, QuantityContext ctx) { return kl_sentence(reverse(m), m.base, ctx); }

std::string jsd(const Measures& m, QuantityContext) {
  const double max = log_b_2(m.base);
  return "A sample drawn from P or Q by a fair coin flip tells you " + info(m.jsd, m.base) +
         " about which of the two produced it: " + percent(m.jsd / max) + " of the maximum " +
         info(max, m.base) + ", reached when P and Q never overlap.";
}

std::string js_distance(const Measures& m, QuantityContext) {
  return "√JSD = " + format_number(m.js_distance) + " on a scale from 0 (P = Q) to " +
         format_number(std::sqrt(log_b_2(m.base))) +
         " (disjoint supports); a true distance, so it obeys the triangle inequality.";
}

std::string wasserstein_1(const Measures& m, QuantityContext) {
  if (std::isinf(m.wasserstein_1)) {
    const std::string reason = why_text(m.why_wasserstein_1, "Q", "P");
    const bool says_diverges = reason.find("diverges") != std::string::npos;
    return sentence_end("W₁ = ∞ because " + reason) + (says_diverges ? "" : " ∫ |F_P − F_Q| dx diverges.") +
           " No finite amount of moving turns P into Q.";
  }
  return "Turning P into Q means moving probability mass an average distance of " +
         format_number(m.wasserstein_1) + " along x (the earth mover's distance).";
}

std::string total_variation(const Measures& m, QuantityContext) {
  return "P and Q disagree by at most " + format_number(m.total_variation) +
         " on the probability of any event; seeing one sample, the best guess of its source is right " +
         percent(0.5 * (1 + m.total_variation)) + " of the time.";
}

std::string hellinger(const Measures& m, QuantityContext) {
  return "H = " + format_number(m.hellinger) + " on a scale from 0 (identical) to 1 (disjoint supports); H² = 1 − BC = " +
         format_number(1 - m.bhattacharyya) + ".";
}

std::string bhattacharyya(const Measures& m, QuantityContext) {
  return "P and Q overlap by BC = " + format_number(m.bhattacharyya) +
         ", from 0 (they never share an outcome) to 1 (identical).";
}

std::string perplexity_p(const Measures& m, QuantityContext ctx) {
  return "P is as uncertain as " + choices_phrase(m.perplexity_p, ctx) + ".";
}
std::string perplexity_q(const Measures& m, QuantityContext ctx) {
  return "Q is as uncertain as " + choices_phrase(m.perplexity_q, ctx) + ".";
}
std::string perplexity_pq(const Measures& m, QuantityContext ctx) { return ppl_cross_sentence(forward(m), m.base, ctx); }
std::string perplexity_qp(const Measures& m, QuantityContext ctx) { return ppl_cross_sentence(reverse(m), m.base, ctx); }

}  // namespace sentences

// [SECTION] Lookup

const Quantity* find_quantity(std::string_view key) {
  for (const Quantity& q : kQuantities)
    if (q.key == key) return &q;
  return nullptr;
}

std::optional<double> measure_value(const Measures& m, std::string_view key) {
  const Quantity* q = find_quantity(key);
  return q ? std::optional<double>(m.*q->value) : std::nullopt;
}

std::string live_sentence(std::string_view key, const Measures& m, QuantityContext ctx) {
  const Quantity* q = find_quantity(key);
  return q ? q->sentence(m, ctx) : std::string();
}

}  // namespace divlab

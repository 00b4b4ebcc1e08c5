// Tests of the teaching text (core/include/divlab/explain.hpp): every SPEC key has an entry, and the
// live sentences carry the exact current numbers, in bits and nats, finite and ∞.
//
// The coin and label-smoothing Measures below come from scipy, not from divlab (run with
// /usr/bin/python3; prints the dicts pasted below):
//
//   import numpy as np
//   from scipy.stats import entropy, wasserstein_distance
//   from scipy.spatial.distance import jensenshannon
//   def measures(p, q, base):
//       p = np.array(p, float); q = np.array(q, float); x = np.arange(len(p))
//       hp = entropy(p, base=base); hq = entropy(q, base=base)
//       kpq = entropy(p, q, base=base); kqp = entropy(q, p, base=base)
//       js = jensenshannon(p, q, base=base); bc = np.sum(np.sqrt(p * q))
//       return dict(entropy_p=hp, entropy_q=hq, cross_entropy_pq=hp + kpq, cross_entropy_qp=hq + kqp,
//                   kl_pq=kpq, kl_qp=kqp, jsd=js**2, js_distance=js,
//                   wasserstein_1=wasserstein_distance(x, x, p, q),
//                   total_variation=0.5 * np.abs(p - q).sum(), hellinger=np.sqrt(max(0, 1 - bc)),
//                   bhattacharyya=bc, perplexity_p=base**hp, perplexity_q=base**hq,
//                   perplexity_pq=base**(hp + kpq), perplexity_qp=base**(hq + kqp))
//   for name, p, q in [("coin", [.5, .5], [.99, .01]), ("smooth", [0, 0, 1, 0], [.05, .05, .85, .05])]:
//       for base in (2, np.e):
//           print(name, base, {k: float(v) for k, v in measures(p, q, base).items()})
#include "divlab/teaching/explain.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>

namespace divlab {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Fair coin P = (0.5, 0.5) vs rigged coin Q = (0.99, 0.01), bits (scipy).
Measures coin_bits() {
  Measures m;
  m.base = Base::two;
  m.entropy_p = 1.0;
  m.entropy_q = 0.08079313589591118;
  m.cross_entropy_pq = 3.32917787973492;
  m.cross_entropy_qp = 1.0;
  m.kl_pq = 2.32917787973492;
  m.kl_qp = 0.9192068641040888;
  m.jsd = 0.2787106118797274;
  m.js_distance = 0.5279304990997654;
  m.wasserstein_1 = 0.49;
  m.total_variation = 0.49;
  m.hellinger = 0.4751073119915445;
  m.bhattacharyya = 0.7742730420921692;
  m.perplexity_p = 2.0;
  m.perplexity_q = 1.0575993064679887;
  m.perplexity_pq = 10.050378152592122;
  m.perplexity_qp = 2.0;
  return m;
}

// The same pair in nats (scipy).
Measures coin_nats() {
  Measures m = coin_bits();
  m.base = Base::e;
  m.entropy_p = 0.6931471805599454;
  m.entropy_q = 0.05600153435484735;
  m.cross_entropy_pq = 2.3076102609207965;
  m.cross_entropy_qp = 0.6931471805599454;
  m.kl_pq = 1.6144630803608513;
  m.kl_qp = 0.6371456462050981;
  m.jsd = 0.19318747481657025;
  m.js_distance = 0.4395309713962945;
  return m;
}

// Label smoothing: P = (0, 0, 1, 0), Q = (.05, .05, .85, .05), bits (scipy); D(Q‖P) = ∞.
Measures smoothing_bits() {
  Measures m;
  m.base = Base::two;
  m.entropy_p = 0.0;
  m.entropy_q = 0.847584679824574;
  m.cross_entropy_pq = 0.23446525363702297;
  m.cross_entropy_qp = kInf;
  m.kl_pq = 0.23446525363702297;
  m.kl_qp = kInf;
  m.jsd = 0.07939139176829674;
  m.js_distance = 0.28176478092248636;
  m.wasserstein_1 = 0.20000000000000007;
  m.total_variation = 0.15;
  m.hellinger = 0.27936634419827894;
  m.bhattacharyya = 0.9219544457292888;
  m.perplexity_p = 1.0;
  m.perplexity_q = 1.799485752639783;
  m.perplexity_pq = 1.1764705882352942;
  m.perplexity_qp = kInf;
  m.why_kl_qp = {WhyInfinite::Cause::support, "P = 0 at 'cat' where Q > 0"};
  return m;
}

// Student-t (df 1, a Cauchy) P against a standard normal Q, nats: tails make D(P‖Q) and W₁ infinite.
// H(Q) = ½ ln(2πe) = 1.4189385332046727; H(P) = ln(4π) = 2.5310242469692907.
Measures cauchy_vs_normal() {
  Measures m;
  m.base = Base::e;
  m.entropy_p = 2.5310242469692907;
  m.entropy_q = 1.4189385332046727;
  m.perplexity_p = std::exp(m.entropy_p);
  m.perplexity_q = std::exp(m.entropy_q);
  m.kl_pq = m.cross_entropy_pq = m.perplexity_pq = kInf;
  m.kl_qp = 0.25;
  m.cross_entropy_qp = m.entropy_q + m.kl_qp;
  m.perplexity_qp = std::exp(m.cross_entropy_qp);
  m.wasserstein_1 = kInf;
  m.why_kl_pq = {WhyInfinite::Cause::tails, "P's tails are heavier than Q's"};
  m.why_wasserstein_1 = {WhyInfinite::Cause::tails, "P has no finite mean"};
  return m;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// [SECTION] The table.

TEST(ExplainTable, SymbolsAndFormulasUseTheUnicodeNotation) {
  EXPECT_EQ(find_quantity("kl_pq")->symbol, "D(P‖Q)");
  EXPECT_EQ(find_quantity("kl_qp")->symbol, "D(Q‖P)");
  EXPECT_EQ(find_quantity("js_distance")->symbol, "√JSD");
  EXPECT_EQ(find_quantity("wasserstein_1")->symbol, "W₁");
  EXPECT_EQ(find_quantity("perplexity_pq")->symbol, "PPL(P,Q)");
  EXPECT_TRUE(find_quantity("entropy_p")->formula.starts_with("H(P) = −∑ p log p"));
  EXPECT_TRUE(contains(std::string(find_quantity("perplexity_pq")->formula), "PPL(P) · b^D(P‖Q)"));
  EXPECT_TRUE(contains(std::string(find_quantity("jsd")->formula), "M = ½(P + Q)"));
  EXPECT_TRUE(contains(std::string(find_quantity("wasserstein_1")->formula), "∫ |F_P(x) − F_Q(x)| dx"));
  // Hellinger's H never appears as "H(P,Q)", which is the cross-entropy.
  EXPECT_FALSE(contains(std::string(find_quantity("hellinger")->formula), "H(P,Q)"));
}

TEST(ExplainTable, PropertiesMatchTheMathematics) {
  // The metrics are exactly √JSD, W₁, TV and Hellinger; KL, JSD and BC are not.
  std::set<std::string> metrics, symmetric, bounded;
  for (const Quantity& e : kQuantities) {
    if (e.metric) metrics.insert(std::string(e.key));
    if (e.symmetric) symmetric.insert(std::string(e.key));
    if (e.bounded) bounded.insert(std::string(e.key));
  }
  EXPECT_EQ(metrics, (std::set<std::string>{"js_distance", "wasserstein_1", "total_variation", "hellinger"}));
  EXPECT_EQ(symmetric, (std::set<std::string>{"jsd", "js_distance", "wasserstein_1", "total_variation",
                                              "hellinger", "bhattacharyya"}));
  EXPECT_EQ(bounded, (std::set<std::string>{"jsd", "js_distance", "total_variation", "hellinger",
                                            "bhattacharyya"}));
  EXPECT_TRUE(contains(std::string(find_quantity("kl_pq")->properties), "not a metric"));
  EXPECT_EQ(find_quantity("wasserstein_1")->unit, QuantityUnit::x_units);
  EXPECT_EQ(find_quantity("perplexity_p")->unit, QuantityUnit::choices);
  EXPECT_EQ(find_quantity("kl_qp")->unit, QuantityUnit::information);
}

TEST(ExplainTable, MeasureValueReadsTheFieldOfEachKey) {
  Measures m;
  for (size_t i = 0; i < kQuantities.size(); ++i) m.*kQuantities[i].value = 100.0 + static_cast<double>(i);
  for (size_t i = 0; i < kQuantities.size(); ++i) {
    SCOPED_TRACE(kQuantities[i].key);
    ASSERT_TRUE(measure_value(m, kQuantities[i].key).has_value());
    EXPECT_EQ(*measure_value(m, kQuantities[i].key), 100.0 + static_cast<double>(i));
  }
  EXPECT_FALSE(measure_value(m, "perplexity").has_value());
}

// [SECTION] Number formatting.

TEST(ExplainFormat, ThePanelsDigitsWithoutTrailingZeros) {
  EXPECT_EQ(format_number(0.41996), "0.42");
  EXPECT_EQ(format_number(3.2), "3.2");
  EXPECT_EQ(format_number(2.0), "2");
  EXPECT_EQ(format_number(0.9996), "0.9996");  // the panels' 4 digits
  EXPECT_EQ(format_number(10.050378152592122), "10.05");
  EXPECT_EQ(format_number(690.7755278982137), "690.8");  // 1e-300 vs 1 in nats, from SPEC §1
  EXPECT_EQ(format_number(0.0), "0");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(-0.8836), "-0.8836");
  EXPECT_EQ(format_number(1.234e-5), "1.234e-05");
  EXPECT_EQ(format_number(2.5e9), "2.5e+09");
  EXPECT_EQ(format_number(kInf), "∞");
  EXPECT_EQ(format_number(-kInf), "-∞");
}

// Issue 11 §5: a sentence never rounds differently from the value beside it (3.1 beside 3.099).
TEST(ExplainFormat, EverySentenceSaysItsValueAsThePanelShowsIt) {
  for (const Measures& m : {coin_bits(), coin_nats()})
    for (const Quantity& q : kQuantities) {
      const double v = m.*q.value;
      const std::string shown = shown_value(q, m);  // "2.329", as the metrics panel prints it
      EXPECT_EQ(std::stod(format_number(v)), std::stod(shown)) << q.key;
      EXPECT_NE(live_sentence(q.key, m).find(format_number(v)), std::string::npos)
          << q.key << ": " << live_sentence(q.key, m) << " (panel: " << shown << ")";
    }
}

TEST(ExplainFormat, UnitsFollowTheBaseAndTheNumber) {
  EXPECT_EQ(format_quantity(0.42, QuantityUnit::information, Base::two), "0.42 bits");
  EXPECT_EQ(format_quantity(1.0, QuantityUnit::information, Base::two), "1 bit");
  EXPECT_EQ(format_quantity(1.0, QuantityUnit::information, Base::e), "1 nat");
  EXPECT_EQ(format_quantity(kInf, QuantityUnit::information, Base::e), "∞ nats");
  EXPECT_EQ(format_quantity(0.8, QuantityUnit::x_units, Base::e), "0.8 units of x");
  EXPECT_EQ(format_quantity(1.0, QuantityUnit::x_units, Base::e), "1 unit of x");
  EXPECT_EQ(format_quantity(0.3, QuantityUnit::root_information, Base::two), "0.3 √bits");
  EXPECT_EQ(format_quantity(3.2, QuantityUnit::choices, Base::two), "3.2 choices");
  EXPECT_EQ(format_quantity(1.0, QuantityUnit::choices, Base::two), "1 choice");
  EXPECT_EQ(format_quantity(3.2, QuantityUnit::choices, Base::two, {.continuous = true}), "3.2 units of x");
  EXPECT_EQ(format_quantity(0.15, QuantityUnit::unitless, Base::two), "0.15");
}

// [SECTION] Live sentences, finite.

TEST(ExplainSentence, KlInBitsIsTheExtraCodeLength) {
  EXPECT_EQ(live_sentence("kl_pq", coin_bits()),
            "Coding samples of P with a code built for Q costs 2.329 extra bits per symbol.");
  EXPECT_EQ(live_sentence("kl_qp", coin_bits()),
            "Coding samples of Q with a code built for P costs 0.9192 extra bits per symbol.");
}

TEST(ExplainSentence, KlInNatsSaysNats) {
  EXPECT_EQ(live_sentence("kl_pq", coin_nats()),
            "Coding samples of P with a code built for Q costs 1.614 extra nats per symbol.");
}

TEST(ExplainSentence, CrossEntropyShowsItsDecomposition) {
  EXPECT_EQ(live_sentence("cross_entropy_pq", coin_bits()),
            "Coding samples of P with a code built for Q costs 3.329 bits per symbol: H(P) = 1 bit plus "
            "D(P‖Q) = 2.329 bits.");
  EXPECT_EQ(live_sentence("cross_entropy_qp", coin_nats()),
            "Coding samples of Q with a code built for P costs 0.6931 nats per symbol: H(Q) = 0.056 nats "
            "plus D(Q‖P) = 0.6371 nats.");
}

TEST(ExplainSentence, EntropyAndPerplexityAsChoices) {
  EXPECT_EQ(live_sentence("entropy_p", coin_bits()),
            "The best code for P needs 1 bit per symbol on average: the average surprise of a sample of P.");
  EXPECT_EQ(live_sentence("perplexity_p", coin_bits()), "P is as uncertain as a fair choice among 2 options.");
  EXPECT_EQ(live_sentence("perplexity_q", coin_bits()),
            "Q is as uncertain as a fair choice among 1.058 options.");
  EXPECT_EQ(live_sentence("entropy_p", smoothing_bits()),
            "P is certain: a sample of P carries no information (0 bits).");
}

TEST(ExplainSentence, CrossPerplexityIsPplTimesTheKlFactorInEveryBase) {
  // 2^2.329 bits = e^1.614 nats = 5.025: the factor is base-independent.
  const std::string bits = live_sentence("perplexity_pq", coin_bits());
  EXPECT_EQ(bits,
            "The model Q predicting samples of P is as perplexed as a fair choice among 10.05 options: "
            "PPL(P) · 2^D(P‖Q) = 2 × 5.025.");
  EXPECT_EQ(live_sentence("perplexity_pq", coin_nats()),
            "The model Q predicting samples of P is as perplexed as a fair choice among 10.05 options: "
            "PPL(P) · e^D(P‖Q) = 2 × 5.025.");
}

TEST(ExplainSentence, SymmetricQuantities) {
  EXPECT_EQ(live_sentence("jsd", coin_bits()),
            "A sample drawn from P or Q by a fair coin flip tells you 0.2787 bits about which of the two "
            "produced it: 27.87% of the maximum 1 bit, reached when P and Q never overlap.");
  EXPECT_EQ(live_sentence("jsd", coin_nats()),
            "A sample drawn from P or Q by a fair coin flip tells you 0.1932 nats about which of the two "
            "produced it: 27.87% of the maximum 0.6931 nats, reached when P and Q never overlap.");
  EXPECT_EQ(live_sentence("js_distance", coin_bits()),
            "√JSD = 0.5279 on a scale from 0 (P = Q) to 1 (disjoint supports); a true distance, so it obeys "
            "the triangle inequality.");
  EXPECT_EQ(live_sentence("js_distance", coin_nats()),
            "√JSD = 0.4395 on a scale from 0 (P = Q) to 0.8326 (disjoint supports); a true distance, so it "
            "obeys the triangle inequality.");
  EXPECT_EQ(live_sentence("total_variation", coin_bits()),
            "P and Q disagree by at most 0.49 on the probability of any event; seeing one sample, the best "
            "guess of its source is right 74.5% of the time.");
  EXPECT_EQ(live_sentence("hellinger", coin_bits()),
            "H = 0.4751 on a scale from 0 (identical) to 1 (disjoint supports); H² = 1 − BC = 0.2257.");
  EXPECT_EQ(live_sentence("bhattacharyya", coin_bits()),
            "P and Q overlap by BC = 0.7743, from 0 (they never share an outcome) to 1 (identical).");
  EXPECT_EQ(live_sentence("wasserstein_1", smoothing_bits()),
            "Turning P into Q means moving probability mass an average distance of 0.2 along x (the earth "
            "mover's distance).");
}

// [SECTION] Live sentences, ∞.

TEST(ExplainSentence, InfiniteBySupportSaysWhere) {
  const Measures m = smoothing_bits();
  EXPECT_EQ(live_sentence("kl_qp", m),
            "D(Q‖P) = ∞ because P = 0 at 'cat' where Q > 0. A sample of Q can land where P gives it zero "
            "probability, and its surprise −log 0 is infinite.");
  EXPECT_TRUE(live_sentence("cross_entropy_qp", m).starts_with("H(Q,P) = ∞ because P = 0 at 'cat' where Q > 0. A sample"));
  EXPECT_TRUE(contains(live_sentence("perplexity_qp", m), "PPL(Q,P) = ∞ because P = 0 at 'cat' where Q > 0"));
  // The other direction stays finite, and its sentence has the number.
  EXPECT_EQ(live_sentence("kl_pq", m),
            "Coding samples of P with a code built for Q costs 0.2345 extra bits per symbol.");
}

TEST(ExplainSentence, InfiniteWithoutAReasonStillSaysWhy) {
  Measures m = smoothing_bits();
  m.why_kl_qp.reason.clear();
  EXPECT_TRUE(live_sentence("kl_qp", m).starts_with("D(Q‖P) = ∞ because P = 0 somewhere Q > 0. A sample"));
}

TEST(ExplainSentence, InfiniteByTailsInTheContinuousCase) {
  const Measures m = cauchy_vs_normal();
  const ExplainContext continuous{true};
  EXPECT_EQ(live_sentence("kl_pq", m, continuous),
            "D(P‖Q) = ∞ because P's tails are heavier than Q's. Samples of P land so far out that their "
            "surprise under Q has an infinite average.");
  EXPECT_EQ(live_sentence("wasserstein_1", m, continuous),
            "W₁ = ∞ because P has no finite mean. ∫ |F_P − F_Q| dx diverges. No finite amount of moving "
            "turns P into Q.");
  EXPECT_EQ(live_sentence("kl_qp", m, continuous),
            "Samples of Q are on average 0.25 nats more surprising under the model P than under Q itself.");
}

TEST(ExplainSentence, DifferentialEntropyAndPerplexityAsALength) {
  const Measures m = cauchy_vs_normal();
  const ExplainContext continuous{true};
  EXPECT_EQ(live_sentence("entropy_q", m, continuous),
            "Q's differential entropy is 1.419 nats: Q is as spread out as a uniform distribution on an "
            "interval of length 4.133.");
  EXPECT_EQ(live_sentence("perplexity_q", m, continuous),
            "Q is as uncertain as a uniform distribution on an interval of length 4.133.");
  // A narrow normal (sd 0.1): H = ½ ln(2πe) + ln 0.1 < 0.
  Measures narrow = m;
  narrow.entropy_p = 1.4189385332046727 + std::log(0.1);
  narrow.perplexity_p = std::exp(narrow.entropy_p);
  EXPECT_EQ(live_sentence("entropy_p", narrow, continuous),
            "P's differential entropy is -0.8836 nats: P is as spread out as a uniform distribution on an "
            "interval of length 0.4133. It is negative because that interval is shorter than 1 unit of x.");
}

TEST(ExplainSentence, NoSentenceSaysNaN) {
  for (const Measures& m : {coin_bits(), coin_nats(), smoothing_bits(), cauchy_vs_normal()})
    for (const Quantity& q : kQuantities)
      for (bool continuous : {false, true}) {
        const std::string text = live_sentence(q.key, m, ExplainContext{continuous});
        EXPECT_FALSE(contains(text, "NaN")) << q.key << ": " << text;
        EXPECT_FALSE(contains(text, "nan")) << q.key << ": " << text;
      }
}

// [SECTION] With Measures computed by core (the real ∞ reasons, whatever their wording).

// Sentences read as sentences: no doubled punctuation; a live sentence says "diverges" once at most
// (the reason from core may already say it).
void expect_clean(const std::string& text, bool live = true) {
  EXPECT_FALSE(contains(text, "..")) << text;
  EXPECT_FALSE(contains(text, ". .")) << text;
  EXPECT_FALSE(contains(text, ": :")) << text;
  const size_t first = text.find("diverges");
  if (live && first != std::string::npos) {
    EXPECT_EQ(text.find("diverges", first + 1), std::string::npos) << text;
  }
}

TEST(ExplainWithCore, LabelSmoothingNamesTheBinInTheInfiniteDirection) {
  const std::vector<double> p{0, 0, 1, 0}, q{0.05, 0.05, 0.85, 0.05};
  const std::vector<std::string> labels{"cat", "dog", "bird", "fish"};
  const Measures m = measure_discrete(p, q, {}, labels, Base::e);
  ASSERT_TRUE(std::isinf(m.kl_qp));
  ASSERT_TRUE(contains(m.why_kl_qp.reason, "'cat'")) << m.why_kl_qp.reason;
  const std::string text = live_sentence("kl_qp", m);
  EXPECT_TRUE(text.starts_with("D(Q‖P) = ∞ because " + m.why_kl_qp.reason)) << text;
  EXPECT_TRUE(contains(text, "A sample of Q can land where P gives it zero probability")) << text;
  // −ln 0.85 = 0.1625 nats.
  EXPECT_EQ(live_sentence("kl_pq", m), "Coding samples of P with a code built for Q costs 0.1625 extra nats per symbol.");
  for (const Quantity& e : kQuantities) expect_clean(live_sentence(e.key, m));
}

TEST(ExplainWithCore, HeavyTailsAndACauchyReadWell) {
  const Mixture normal{{Component{Family::normal, 1, 0, 1}}};
  const Mixture t2{{Component{Family::student_t, 1, 0, 1, 2}}};
  const Mixture cauchy{{Component{Family::student_t, 1, 0, 1, 1}}};
  const ExplainContext continuous{true};
  const Measures mt = measure_continuous(t2, normal, Base::two);
  ASSERT_TRUE(std::isinf(mt.kl_pq));
  EXPECT_TRUE(contains(live_sentence("kl_pq", mt, continuous), "Samples of P land so far out"));
  EXPECT_FALSE(std::isinf(mt.wasserstein_1));
  const Measures mc = measure_continuous(cauchy, normal, Base::two);
  ASSERT_TRUE(std::isinf(mc.wasserstein_1));
  EXPECT_TRUE(contains(live_sentence("wasserstein_1", mc, continuous), "No finite amount of moving"));
  for (const Measures* m : {&mt, &mc}) {
    for (const Quantity& e : kQuantities) expect_clean(live_sentence(e.key, *m, continuous));
    for (const ExplainSection& s : explain_sections(*m, continuous))
      for (const std::string& p : s.paragraphs) expect_clean(p, false);
  }
}

TEST(ExplainWithCore, UniformInsideAWiderUniform) {
  // P = U(0, 1), Q = U(−1, 3): D(P‖Q) = log₂ 4 = 2 bits exactly; D(Q‖P) = ∞ by support.
  const Mixture p{{Component{Family::uniform, 1, 0, 1, 1, 0, 1}}};
  const Mixture q{{Component{Family::uniform, 1, 0, 1, 1, -1, 3}}};
  const Measures m = measure_continuous(p, q, Base::two);
  const ExplainContext continuous{true};
  EXPECT_EQ(live_sentence("kl_pq", m, continuous),
            "Samples of P are on average 2 bits more surprising under the model Q than under P itself.");
  EXPECT_EQ(live_sentence("perplexity_pq", m, continuous),
            "The model Q predicting samples of P is as perplexed as a uniform distribution on an interval of "
            "length 4: PPL(P) · 2^D(P‖Q) = 1 × 4.");
  EXPECT_TRUE(contains(live_sentence("kl_qp", m, continuous), "A sample of Q can land where P gives it zero"));
}

// [SECTION] The Explain panel's content.

std::string section_text(const std::vector<ExplainSection>& sections, const std::string& title_part) {
  for (const ExplainSection& s : sections)
    if (contains(s.title, title_part)) {
      std::string all;
      for (const std::string& p : s.paragraphs) all += p + "\n";
      return all;
    }
  ADD_FAILURE() << "no section titled like " << title_part;
  return {};
}

TEST(ExplainSections, HasEveryTopicOfTheIssue) {
  const auto sections = explain_sections(coin_bits());
  ASSERT_EQ(sections.size(), 6u);
  EXPECT_EQ(sections[0].title, "Definitions");
  EXPECT_EQ(sections[0].paragraphs.size(), kQuantities.size());
  EXPECT_EQ(sections[0].paragraphs[4],
            "D(P‖Q) = ∑ p log(p/q) = H(P,Q) − H(P) — KL divergence (forward). " +
                std::string(find_quantity("kl_pq")->meaning) +
            " Now: Coding samples of P with a code built for Q costs 2.329 extra bits per symbol.");
  for (const char* title : {"How they relate", "Forward and reverse KL", "Symmetric, bounded, metric",
                            "Why ∞ happens", "Perplexity is not exp(KL)"})
    section_text(sections, title);
}

TEST(ExplainSections, RelationsCarryTheCurrentNumbers) {
  const std::string rel = section_text(explain_sections(coin_bits()), "How they relate");
  EXPECT_TRUE(contains(rel, "H(P,Q) = H(P) + D(P‖Q). Now 3.329 bits = 1 bit + 2.329 bits.")) << rel;
  EXPECT_TRUE(contains(rel, "H(Q,P) = H(Q) + D(Q‖P): 1 bit = 0.08079 bits + 0.9192 bits.")) << rel;
  EXPECT_TRUE(contains(rel, "M = ½(P + Q)")) << rel;
  EXPECT_TRUE(contains(rel, "now 0.2787 bits, at most log_b 2 = 1 bit.")) << rel;
  EXPECT_TRUE(contains(rel, "H = √(1 − BC). Now √(1 − 0.7743) = 0.4751.")) << rel;
  // 0.4751² = 0.2257 ≤ 0.49 ≤ 0.4751·√(2 − 0.2257) = 0.6328.
  EXPECT_TRUE(contains(rel, "Now 0.2257 ≤ 0.49 ≤ 0.6329.")) << rel;
  // Pinsker: √(½ · 1.6145 nats) = 0.8985.
  EXPECT_TRUE(contains(rel, "Now 0.49 ≤ 0.8985.")) << rel;
}

TEST(ExplainSections, ForwardAndReverseNamesComeWithTheirFormulas) {
  const std::string names = section_text(explain_sections(coin_bits()), "Forward and reverse");
  EXPECT_TRUE(contains(names, "Forward KL: D(P‖Q) = ∑ p log(p/q)")) << names;
  EXPECT_TRUE(contains(names, "Reverse KL: D(Q‖P) = ∑ q log(q/p)")) << names;
  EXPECT_TRUE(contains(names, "mass-covering")) << names;
  EXPECT_TRUE(contains(names, "mode-seeking")) << names;
  EXPECT_TRUE(contains(names, "Sources disagree")) << names;
  EXPECT_TRUE(contains(names, "now D(P‖Q) > D(Q‖P).")) << names;
}

TEST(ExplainSections, PropertyListsComeFromTheTable) {
  const std::string props = section_text(explain_sections(coin_bits()), "Symmetric");
  EXPECT_TRUE(contains(props, "Metrics (symmetric, 0 only for P = Q, triangle inequality): √JSD, W₁, TV, H.\n"))
      << props;
  EXPECT_TRUE(contains(props, "Symmetric (swapping P and Q changes nothing): JSD(P,Q), √JSD, W₁, TV, H, BC.\n"))
      << props;
  EXPECT_TRUE(contains(props, "Not metrics: KL in either direction")) << props;
}

TEST(ExplainSections, WhyInfiniteListsTheCurrentCauses) {
  const std::string finite = section_text(explain_sections(coin_bits()), "Why ∞");
  EXPECT_TRUE(contains(finite, "Now: D(P‖Q) is finite: 2.329 bits. D(Q‖P) is finite: 0.9192 bits. W₁ is "
                               "finite: 0.49."))
      << finite;
  const std::string inf = section_text(explain_sections(cauchy_vs_normal(), {true}), "Why ∞");
  EXPECT_TRUE(contains(inf, "Now: D(P‖Q) = ∞ because P's tails are heavier than Q's. D(Q‖P) is finite: "
                            "0.25 nats. W₁ = ∞ because P has no finite mean."))
      << inf;
  EXPECT_TRUE(contains(inf, "D(t₂‖N) = ∞")) << inf;
}

TEST(ExplainSections, PerplexityIsNotExpKlWithCurrentNumbers) {
  const std::string bits = section_text(explain_sections(coin_bits()), "exp(KL)");
  EXPECT_TRUE(contains(bits, "PPL(P,Q) = b^H(P,Q) = b^(H(P) + D(P‖Q)) = PPL(P) · b^D(P‖Q).")) << bits;
  EXPECT_TRUE(contains(bits, "Now PPL(P,Q) = 10.05 = 2 × 5.025, while exp(KL) alone, 2^D(P‖Q) = 5.025, misses "
                             "P's own perplexity 2."))
      << bits;
  const std::string nats = section_text(explain_sections(coin_nats()), "exp(KL)");
  EXPECT_TRUE(contains(nats, "Now PPL(P,Q) = 10.05 = 2 × 5.025, while exp(KL) alone, e^D(P‖Q) = 5.025")) << nats;
  const std::string inf = section_text(explain_sections(cauchy_vs_normal(), {true}), "exp(KL)");
  EXPECT_TRUE(contains(inf, "Now PPL(P,Q) = ∞ because P's tails are heavier than Q's. PPL(P) = 12.57 "
                            "stays finite."))
      << inf;
}

}  // namespace
}  // namespace divlab

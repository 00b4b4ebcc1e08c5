// kQuantities (quantities.hpp), the one registry of SPEC §1 quantities every output reads, against
// SPEC §1's table written out here once more: keys, symbols and definitions in order, each bound to
// its own Measures field, with one unit text per base (and per kind, for the perplexities).
#include <gtest/gtest.h>

#include <limits>
#include <set>
#include <string_view>
#include <utility>

#include "divlab/measures/quantities.hpp"

namespace divlab {
namespace {

// One row of SPEC §1: key, symbol, its definition as the registry's formula writes it (∑ for Σ), and
// the unit in nats, in bits, and (where it differs) for densities.
struct SpecRow {
  std::string_view key, symbol, definition;
  std::string_view unit_e, unit_2, unit_continuous;
};

constexpr SpecRow kSpec[] = {
    {"entropy_p", "H(P)", "−∑ p log p", "nats", "bits", "nats"},
    {"entropy_q", "H(Q)", "−∑ q log q", "nats", "bits", "nats"},
    {"cross_entropy_pq", "H(P,Q)", "−∑ p log q", "nats", "bits", "nats"},
    {"cross_entropy_qp", "H(Q,P)", "−∑ q log p", "nats", "bits", "nats"},
    {"kl_pq", "D(P‖Q)", "∑ p log(p/q)", "nats", "bits", "nats"},
    {"kl_qp", "D(Q‖P)", "∑ q log(q/p)", "nats", "bits", "nats"},
    {"jsd", "JSD(P,Q)", "½ D(P‖M) + ½ D(Q‖M),   M = ½(P + Q)", "nats", "bits", "nats"},
    {"js_distance", "√JSD", "√JSD(P,Q), in the same base", "√nats", "√bits", "√nats"},
    {"wasserstein_1", "W₁", "∫ |F_P(x) − F_Q(x)| dx", "units of x", "units of x", "units of x"},
    {"total_variation", "TV", "½ ∑ |p − q|", "", "", ""},
    {"hellinger", "H", "√(1 − BC)", "", "", ""},
    {"bhattacharyya", "BC", "∑ √(p q)", "", "", ""},
    {"perplexity_p", "PPL(P)", "b^H(P)", "choices", "choices", "units of x"},
    {"perplexity_q", "PPL(Q)", "b^H(Q)", "choices", "choices", "units of x"},
    {"perplexity_pq", "PPL(P,Q)", "b^H(P,Q) = PPL(P) · b^D(P‖Q)", "choices", "choices", "units of x"},
    {"perplexity_qp", "PPL(Q,P)", "b^H(Q,P)", "choices", "choices", "units of x"},
};

TEST(Quantities, SpecKeysSymbolsDefinitionsAndUnitsInOrder) {
  ASSERT_EQ(kQuantities.size(), std::size(kSpec));
  for (std::size_t i = 0; i < kQuantities.size(); ++i) {
    const Quantity& q = kQuantities[i];
    const SpecRow& spec = kSpec[i];
    SCOPED_TRACE(spec.key);
    EXPECT_EQ(q.key, spec.key);
    EXPECT_EQ(q.symbol, spec.symbol);
    // The formula starts with the symbol and writes the SPEC's definition.
    EXPECT_TRUE(q.formula.starts_with(q.symbol)) << q.formula;
    EXPECT_NE(q.formula.find(spec.definition), std::string_view::npos) << q.formula;
    EXPECT_EQ(q.unit_in(Base::e), spec.unit_e);
    EXPECT_EQ(q.unit_in(Base::two), spec.unit_2);
    EXPECT_EQ(q.unit_in(Base::e, {.continuous = true}), spec.unit_continuous);
    EXPECT_EQ(find_quantity(q.key), &q);
  }
  EXPECT_EQ(find_quantity("kl"), nullptr);
}

TEST(Quantities, EachOnItsOwnMeasuresField) {
  Measures m;
  const double* fields[] = {&m.entropy_p,     &m.entropy_q,       &m.cross_entropy_pq, &m.cross_entropy_qp,
                            &m.kl_pq,         &m.kl_qp,           &m.jsd,              &m.js_distance,
                            &m.wasserstein_1, &m.total_variation, &m.hellinger,        &m.bhattacharyya,
                            &m.perplexity_p,  &m.perplexity_q,    &m.perplexity_pq,    &m.perplexity_qp};
  for (std::size_t i = 0; i < kQuantities.size(); ++i) EXPECT_EQ(&(m.*kQuantities[i].value), fields[i]) << i;
}

// Every entry has all its words, each its own, and a sentence in every context.
TEST(Quantities, EveryEntryIsCompleteAndDistinct) {
  std::set<std::string_view> names, latex, symbols;
  Measures m;
  m.base = Base::two;
  for (const Quantity& q : kQuantities) {
    SCOPED_TRACE(q.key);
    EXPECT_FALSE(q.name.empty());
    EXPECT_FALSE(q.latex.empty());
    EXPECT_FALSE(q.meaning.empty());
    EXPECT_FALSE(q.properties.empty());
    ASSERT_NE(q.sentence, nullptr);
    for (bool continuous : {false, true}) EXPECT_FALSE(q.sentence(m, {continuous}).empty());
    EXPECT_EQ(live_sentence(q.key, m), q.sentence(m, {}));
    EXPECT_TRUE(names.insert(q.name).second);
    EXPECT_TRUE(latex.insert(q.latex).second);
    EXPECT_TRUE(symbols.insert(q.symbol).second);
    // LaTeX is ASCII (pdflatex without inputenc tricks); names are ASCII but for the en dash.
    for (unsigned char c : q.latex) EXPECT_LT(c, 0x80);
  }
  EXPECT_EQ(live_sentence("kl", m), "");
}

TEST(Quantities, SingularUnits) {
  EXPECT_EQ(singular_unit("bits"), "bit");
  EXPECT_EQ(singular_unit("√nats"), "√nat");
  EXPECT_EQ(singular_unit("units of x"), "unit of x");
  EXPECT_EQ(singular_unit("choices"), "choice");
  EXPECT_EQ(singular_unit(""), "");
}

TEST(Quantities, InfiniteReasonsComeFromTheKlOrW1TheyFollow) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  Measures m;
  m.kl_pq = m.cross_entropy_pq = m.perplexity_pq = m.wasserstein_1 = kInf;
  m.why_kl_pq = {WhyInfinite::Cause::support, "Q = 0 at 'tails' where P > 0"};
  m.why_kl_qp = {WhyInfinite::Cause::support, "unused: D(Q‖P) is finite"};
  m.why_wasserstein_1 = {WhyInfinite::Cause::tails, "P has no finite mean"};
  for (const Quantity& q : kQuantities) {
    SCOPED_TRACE(q.key);
    const bool forward = q.key == "kl_pq" || q.key == "cross_entropy_pq" || q.key == "perplexity_pq";
    const std::string_view want = forward                    ? "Q = 0 at 'tails' where P > 0"
                                  : q.key == "wasserstein_1" ? "P has no finite mean"
                                                             : "";
    EXPECT_EQ(q.infinite_reason(m), want);
  }
  m.entropy_p = kInf;  // no named cause: no reason
  EXPECT_EQ(kQuantities[0].infinite_reason(m), "");
}

}  // namespace
}  // namespace divlab

// kQuantities (measures.hpp), the one table of SPEC §1 keys every output follows, against SPEC §1's
// table written out here once more: keys and symbols in order, each bound to its own Measures field.
#include <gtest/gtest.h>

#include <limits>
#include <string_view>
#include <utility>

#include "divlab/measures/measures.hpp"

namespace divlab {
namespace {

TEST(Quantities, SpecKeysAndSymbolsInOrderEachOnItsOwnField) {
  Measures m;
  const std::pair<std::string_view, std::string_view> spec[] = {
      {"entropy_p", "H(P)"},          {"entropy_q", "H(Q)"},      {"cross_entropy_pq", "H(P,Q)"},
      {"cross_entropy_qp", "H(Q,P)"}, {"kl_pq", "D(P‖Q)"},        {"kl_qp", "D(Q‖P)"},
      {"jsd", "JSD(P,Q)"},            {"js_distance", "√JSD"},    {"wasserstein_1", "W₁"},
      {"total_variation", "TV"},      {"hellinger", "H"},         {"bhattacharyya", "BC"},
      {"perplexity_p", "PPL(P)"},     {"perplexity_q", "PPL(Q)"}, {"perplexity_pq", "PPL(P,Q)"},
      {"perplexity_qp", "PPL(Q,P)"}};
  const double* fields[] = {&m.entropy_p,     &m.entropy_q,       &m.cross_entropy_pq, &m.cross_entropy_qp,
                            &m.kl_pq,         &m.kl_qp,           &m.jsd,              &m.js_distance,
                            &m.wasserstein_1, &m.total_variation, &m.hellinger,        &m.bhattacharyya,
                            &m.perplexity_p,  &m.perplexity_q,    &m.perplexity_pq,    &m.perplexity_qp};
  ASSERT_EQ(kQuantities.size(), std::size(spec));
  for (std::size_t i = 0; i < kQuantities.size(); ++i) {
    SCOPED_TRACE(spec[i].first);
    EXPECT_EQ(kQuantities[i].key, spec[i].first);
    EXPECT_EQ(kQuantities[i].symbol, spec[i].second);
    EXPECT_EQ(&(m.*kQuantities[i].value), fields[i]);
  }
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

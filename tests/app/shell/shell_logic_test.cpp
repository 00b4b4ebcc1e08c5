// Panel logic without frames: the autoscale that holds during drags, and the metrics rows.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "widgets/autoscale.hpp"
#include "divlab/measures/quantities.hpp"
#include "labs/divergence/metric_rows.hpp"

namespace divlab::gui {
namespace {

TEST(AutoRange, SnapsFirstThenHoldsStillWhileHolding) {
  AutoRange r;
  r.update({0, 1}, false, 0.016f);
  EXPECT_EQ(r.current, (plot::Range{0, 1}));
  r.update({0, 0.5}, true, 0.016f);  // data shrank during a drag: hold still
  EXPECT_EQ(r.current, (plot::Range{0, 1}));
  r.update({0, 2}, true, 0.016f);    // data grew: still hold (the mapping is frozen for the drag)
  EXPECT_EQ(r.current, (plot::Range{0, 1}));
  r.update({0, 2}, false, 0.016f);   // released: it moves toward the data
  EXPECT_GT(r.current.hi, 1);
}

TEST(AutoRange, EasesTowardTheTargetAfterRelease) {
  AutoRange r;
  r.snap({0, 2});
  r.update({0, 1}, false, 0.05f);
  EXPECT_LT(r.current.hi, 2);
  EXPECT_GT(r.current.hi, 1);  // not a jump
  for (int i = 0; i < 100; ++i) r.update({0, 1}, false, 0.016f);
  EXPECT_EQ(r.current, (plot::Range{0, 1}));  // and it arrives
}

TEST(MetricRows, AFinitePerplexityBeyondADoubleIsAPowerNotInfinity) {
  Measures m;
  m.base = Base::two;
  m.cross_entropy_qp = 1440;  // finite; 2^1440 is not a double
  m.perplexity_qp = std::numeric_limits<double>::infinity();
  m.kl_pq = m.perplexity_pq = std::numeric_limits<double>::infinity();  // truly infinite (H(P,Q) = ∞)
  m.cross_entropy_pq = std::numeric_limits<double>::infinity();
  for (const MetricRow& r : metric_rows(m, true)) {
    if (r.key == "perplexity_qp") {
      EXPECT_EQ(r.shown, "2^1440");
      EXPECT_TRUE(r.why_infinite.empty()) << r.why_infinite;
    }
    if (r.key == "perplexity_pq") {
      EXPECT_EQ(r.shown, "∞");
      EXPECT_FALSE(r.why_infinite.empty());
    }
  }
}

TEST(MetricRows, EverySpecQuantityInOrderWithUnits) {
  Measures m;
  m.base = Base::two;
  m.kl_pq = m.cross_entropy_pq = m.perplexity_pq = std::numeric_limits<double>::infinity();
  m.why_kl_pq = {WhyInfinite::Cause::support, "Q = 0 at 'tails' where P > 0"};
  m.kl_qp = 0.42;
  const auto rows = metric_rows(m, true);
  ASSERT_EQ(rows.size(), kQuantities.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // Every word is the registry's.
    EXPECT_EQ(rows[i].key, kQuantities[i].key);
    EXPECT_EQ(rows[i].symbol, kQuantities[i].symbol);
    EXPECT_EQ(rows[i].name, kQuantities[i].name);
    EXPECT_EQ(rows[i].formula, kQuantities[i].formula);
    EXPECT_EQ(rows[i].unit, kQuantities[i].unit_in(Base::two));
    EXPECT_EQ(rows[i].meaning, kQuantities[i].sentence(m, {}));
  }
  EXPECT_EQ(rows[4].symbol, "D(P‖Q)");
  EXPECT_EQ(rows[4].why_infinite, "Q = 0 at 'tails' where P > 0");
  EXPECT_EQ(rows[14].why_infinite, rows[4].why_infinite);  // PPL(P,Q) is ∞ for the same reason
  EXPECT_TRUE(rows[5].why_infinite.empty());
  EXPECT_EQ(rows[5].unit, "bits");
  EXPECT_NE(rows[5].meaning.find("costs 0.42 extra bits per symbol"), std::string::npos) << rows[5].meaning;
  EXPECT_EQ(rows[7].unit, "√bits");
  EXPECT_EQ(rows[8].unit, "units of x");
  EXPECT_EQ(rows[12].unit, "choices");
  // Densities: the sentences and a perplexity's unit change.
  const auto continuous = metric_rows(m, false);
  EXPECT_EQ(continuous[12].unit, "units of x");
  EXPECT_EQ(continuous[5].meaning, kQuantities[5].sentence(m, {.continuous = true}));
}

}  // namespace
}  // namespace divlab::gui

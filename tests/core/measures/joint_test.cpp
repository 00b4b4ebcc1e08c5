// measures/joint.hpp: every quantity of SPEC §5 against mpmath at 60 digits (tests/reference/gen_joint.py),
// in nats and bits, with marginals and pointwise mutual information; identities on random tables;
// no cancellation near independence; extreme masses; bad input.
#include "divlab/measures/joint.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <numbers>
#include <random>
#include <set>
#include <stdexcept>

namespace divlab {
namespace {

using nlohmann::json;
using Table = std::vector<std::vector<double>>;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kDenormMin = std::numeric_limits<double>::denorm_min();

// SPEC's accuracy bar for finite sums: 1e-12 absolute + 1e-9 relative.
constexpr double kAbs = 1e-12, kRel = 1e-9;
double tol(double want) { return kAbs + kRel * std::abs(want); }

json reference() {
  std::ifstream in(std::string(DIVLAB_TEST_DATA_DIR) + "/reference/joint.json");
  EXPECT_TRUE(in.good());
  return json::parse(in);
}

Table transpose(const Table& t) {
  Table out(t[0].size(), std::vector<double>(t.size()));
  for (std::size_t i = 0; i < t.size(); ++i)
    for (std::size_t j = 0; j < t[0].size(); ++j) out[j][i] = t[i][j];
  return out;
}

// Every value is finite and ≥ 0 (never NaN, never a negative I).
void expect_sane(const JointMeasures& m, const std::string& what) {
  for (const JointQuantity& q : kJointQuantities) {
    const double v = m.*q.value;
    EXPECT_TRUE(std::isfinite(v)) << what << " " << q.key << " = " << v;
    EXPECT_GE(v, 0.0) << what << " " << q.key;
  }
}

TEST(JointQuantities, SpecKeysInSpecOrder) {
  const std::vector<std::string> keys = {"entropy_x", "entropy_y", "joint_entropy", "conditional_entropy_x_given_y",
                                         "conditional_entropy_y_given_x", "mutual_information",
                                         "variation_of_information"};
  ASSERT_EQ(kJointQuantities.size(), keys.size());
  std::set<std::string> symbols;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    EXPECT_EQ(kJointQuantities[k].key, keys[k]);
    EXPECT_EQ(kJointQuantities[k].unit, QuantityUnit::information);
    symbols.insert(std::string(kJointQuantities[k].symbol));
  }
  EXPECT_EQ(symbols.size(), keys.size());
  EXPECT_EQ(kJointQuantities[5].symbol, "I(X;Y)");
}

// [SECTION] Against the mpmath reference

TEST(JointReference, EveryKeyInBothBasesMarginalsAndPmi) {
  const json ref = reference();
  ASSERT_GE(ref.at("cases").size(), 25u);
  double worst_abs = 0, worst_rel = 0;
  std::string worst_abs_at, worst_rel_at;
  for (const json& c : ref.at("cases")) {
    const std::string name = c.at("name");
    const Table t = c.at("mass");
    for (const Base base : {Base::e, Base::two}) {
      const json& want = c.at(base == Base::e ? "nats" : "bits");
      const JointAnalysis a = analyse_joint(t, base);
      EXPECT_EQ(a.measures.base, base);
      expect_sane(a.measures, name);
      for (const JointQuantity& q : kJointQuantities) {
        const double w = want.at(std::string(q.key)).get<double>(), got = a.measures.*q.value;
        EXPECT_NEAR(got, w, tol(w)) << name << " " << q.key << (base == Base::e ? " nats" : " bits");
        const double err = std::abs(got - w);
        if (err > worst_abs) worst_abs = err, worst_abs_at = name + " " + std::string(q.key);
        if (w != 0 && err / std::abs(w) > worst_rel && std::abs(w) > 1e-9)
          worst_rel = err / std::abs(w), worst_rel_at = name + " " + std::string(q.key);
      }
      // The one-call functions give the same numbers as analyse_joint.
      const JointMeasures m = measure_joint(t, base);
      for (const JointQuantity& q : kJointQuantities) EXPECT_EQ(m.*q.value, a.measures.*q.value) << name;
      if (!c.contains("pmi")) continue;
      const double lb = base == Base::e ? 1.0 : std::numbers::ln2;
      const PmiMatrix pmi = pointwise_mutual_information(t, base);
      ASSERT_EQ(pmi.rows, t.size());
      ASSERT_EQ(pmi.cols, t[0].size());
      for (std::size_t i = 0; i < t.size(); ++i)
        for (std::size_t j = 0; j < t[0].size(); ++j) {
          const json& w = c.at("pmi")[i][j];
          const std::optional<double> got = pmi.at(i, j);
          EXPECT_EQ(a.pmi.at(i, j), got);
          if (w.is_null()) {
            EXPECT_FALSE(got.has_value()) << name << " pmi(" << i << ", " << j << ")";
          } else if (w.is_string()) {
            ASSERT_TRUE(got.has_value());
            EXPECT_EQ(*got, -kInf) << name << " pmi(" << i << ", " << j << ")";
          } else {
            ASSERT_TRUE(got.has_value());
            const double wv = w.get<double>() / lb;
            EXPECT_NEAR(*got, wv, tol(wv)) << name << " pmi(" << i << ", " << j << ")";
          }
        }
    }
    if (c.contains("px")) {
      const JointMarginals mg = joint_marginals(t);
      const std::vector<double> px = c.at("px"), py = c.at("py");
      ASSERT_EQ(mg.x.size(), px.size());
      ASSERT_EQ(mg.y.size(), py.size());
      for (std::size_t i = 0; i < px.size(); ++i) EXPECT_NEAR(mg.x[i], px[i], 1e-16 + 1e-14 * px[i]) << name;
      for (std::size_t j = 0; j < py.size(); ++j) EXPECT_NEAR(mg.y[j], py[j], 1e-16 + 1e-14 * py[j]) << name;
    }
  }
  std::printf("joint reference: worst absolute error %.3g (%s), worst relative error %.3g (%s)\n", worst_abs,
              worst_abs_at.c_str(), worst_rel, worst_rel_at.c_str());
}

// A table that is independent but for a 1e-7 nudge has I ≈ 3e-16, far below the rounding error of
// H(X) + H(Y) − H(X,Y); Σ q·φ(p/q) still gets it to 6 digits.
TEST(JointReference, NearIndependenceHasNoCancellation) {
  const json ref = reference();
  for (const json& c : ref.at("cases")) {
    if (c.at("name") != "near-independent 3x3 nudged 1e-7") continue;
    const double want = c.at("nats").at("mutual_information").get<double>();
    ASSERT_GT(want, 1e-16);
    EXPECT_NEAR(measure_joint(c.at("mass").get<Table>()).mutual_information, want, 1e-6 * want);
    return;
  }
  FAIL() << "case missing from joint.json";
}

// [SECTION] Exact cases

TEST(Joint, IndependentTablesGiveATinyNonNegativeI) {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> u(0, 1);
  std::uniform_int_distribution<int> size(1, 12);
  for (int trial = 0; trial < 500; ++trial) {
    std::vector<double> a(static_cast<std::size_t>(size(rng))), b(static_cast<std::size_t>(size(rng)));
    for (double& x : a) x = u(rng) < 0.1 ? 0.0 : u(rng);
    for (double& y : b) y = u(rng) < 0.1 ? 0.0 : u(rng);
    a[0] = b[0] = 0.5;  // not all zero
    Table t(a.size(), std::vector<double>(b.size()));
    for (std::size_t i = 0; i < a.size(); ++i)
      for (std::size_t j = 0; j < b.size(); ++j) t[i][j] = a[i] * b[j];
    const JointMeasures m = measure_joint(t);
    expect_sane(m, "independent");
    EXPECT_LT(m.mutual_information, 1e-28) << a.size() << "x" << b.size();
    EXPECT_NEAR(m.conditional_entropy_x_given_y, m.entropy_x, tol(m.entropy_x));
  }
  // Rows exactly proportional in binary (0.56 = 4·0.14, 0.24 = 4·0.06): exactly independent.
  EXPECT_LT(measure_joint(Table{{0.56, 0.14}, {0.24, 0.06}}).mutual_information, 1e-30);
}

TEST(Joint, YEqualsXGivesIEqualToH) {
  const Table diag = {{0.1, 0, 0}, {0, 0.2, 0}, {0, 0, 0.7}};
  const double h = -(0.1 * std::log(0.1) + 0.2 * std::log(0.2) + 0.7 * std::log(0.7));
  const JointMeasures m = measure_joint(diag);
  EXPECT_NEAR(m.entropy_x, h, 1e-15);
  EXPECT_NEAR(m.mutual_information, h, 1e-15);
  EXPECT_NEAR(m.joint_entropy, h, 1e-15);
  EXPECT_EQ(m.conditional_entropy_x_given_y, 0.0);
  EXPECT_EQ(m.conditional_entropy_y_given_x, 0.0);
  EXPECT_EQ(m.variation_of_information, 0.0);
}

TEST(Joint, OneRowOrOneColumnHasNoInformation) {
  const JointMeasures row = measure_joint(Table{{1, 2, 3, 0}});
  EXPECT_EQ(row.entropy_x, 0.0);
  EXPECT_EQ(row.conditional_entropy_x_given_y, 0.0);
  EXPECT_LT(row.mutual_information, 1e-30);
  EXPECT_EQ(row.conditional_entropy_y_given_x, row.joint_entropy);
  const JointMeasures col = measure_joint(Table{{1}, {2}, {3}, {0}});
  EXPECT_EQ(col.entropy_y, 0.0);
  EXPECT_EQ(col.conditional_entropy_y_given_x, 0.0);
  EXPECT_LT(col.mutual_information, 1e-30);
  const JointMeasures one = measure_joint(Table{{kDenormMin}});
  for (const JointQuantity& q : kJointQuantities) EXPECT_EQ(one.*q.value, 0.0) << q.key;
  const JointMarginals mg = joint_marginals(Table{{1, 2, 3, 0}});
  EXPECT_EQ(mg.x, std::vector<double>{1.0});
}

TEST(Joint, PmiMarksMinusInfinityAndUndefined) {
  // Row 1 and column 1 are empty: pmi there is 0/0, undefined; cell (0, 2) is 0 under positive marginals.
  const PmiMatrix pmi = pointwise_mutual_information(Table{{1, 0, 0}, {0, 0, 0}, {1, 0, 2}}, Base::two);
  EXPECT_FALSE(pmi.at(1, 0).has_value());
  EXPECT_FALSE(pmi.at(0, 1).has_value());
  EXPECT_FALSE(pmi.at(1, 1).has_value());
  EXPECT_EQ(pmi.at(0, 2), -kInf);
  // pmi(0, 0) = log₂(¼ / (¼ · ½)) = 1 bit.
  EXPECT_NEAR(*pmi.at(0, 0), 1.0, 1e-15);
  for (double v : pmi.value) EXPECT_FALSE(std::isnan(v));
}

TEST(Joint, BitsAreNatsOverLn2) {
  const Table t = {{30, 10, 5}, {5, 20, 30}};
  const JointMeasures e = measure_joint(t, Base::e), two = measure_joint(t, Base::two);
  for (const JointQuantity& q : kJointQuantities)
    EXPECT_NEAR(two.*q.value, e.*q.value / std::numbers::ln2, 1e-15) << q.key;
  const JointMeasures back = in_base(two, Base::e);
  for (const JointQuantity& q : kJointQuantities) EXPECT_NEAR(back.*q.value, e.*q.value, 1e-15) << q.key;
}

TEST(Joint, ScalingByPowersOfTwoChangesNothing) {
  const Table t = {{3, 1, 0}, {0.25, 7, 2}};
  const JointMeasures m = measure_joint(t);
  for (const double s : {0x1p-1000, 0x1p-60, 0x1p60, 0x1p1000}) {
    Table u = t;
    for (auto& row : u)
      for (double& x : row) x *= s;
    const JointMeasures ms = measure_joint(u);
    for (const JointQuantity& q : kJointQuantities) EXPECT_EQ(ms.*q.value, m.*q.value) << q.key << " at " << s;
  }
}

TEST(Joint, BadTablesAreClearErrors) {
  auto message = [](const Table& t) -> std::string {
    try {
      measure_joint(t);
      return "OK";
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
  };
  EXPECT_EQ(message({}), "joint table: no rows (expected at least 1)");
  EXPECT_EQ(message({{}}), "joint table: row 0 is empty (expected at least 1 column)");
  EXPECT_EQ(message({{1, 2}, {3}}), "joint table: row 1 has 1 cells, expected 2 (as many as row 0)");
  EXPECT_EQ(message({{1, -0.5}}), "joint table: cell (0, 1) is -0.5, expected a finite number >= 0");
  EXPECT_EQ(message({{1, std::nan("")}}), "joint table: cell (0, 1) is nan, expected a finite number >= 0");
  EXPECT_EQ(message({{kInf, 1}}), "joint table: cell (0, 0) is inf, expected a finite number >= 0");
  EXPECT_EQ(message({{0, 0}, {0, 0}}), "joint table: every mass is 0 (expected at least one > 0)");
  EXPECT_THROW(joint_marginals(Table{}), std::invalid_argument);
  EXPECT_THROW(pointwise_mutual_information(Table{{-1}}), std::invalid_argument);
}

TEST(Joint, AWorkspaceGivesTheOneOffResultsWhateverCameBefore) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(0, 1);
  JointWorkspace w;
  for (int trial = 0; trial < 50; ++trial) {
    // Shapes grow and shrink, so storage is reused at other sizes.
    const std::size_t rows = 1 + (trial * 7) % 13, cols = 1 + (trial * 5) % 11;
    Table t(rows, std::vector<double>(cols));
    for (auto& row : t)
      for (double& x : row) x = u(rng) < 0.25 ? 0.0 : u(rng);
    t[0][0] = 1;
    const Base base = trial % 2 ? Base::two : Base::e;
    const JointAnalysis one_off = analyse_joint(t, base);
    const JointAnalysis& reused = w.analyse(t, base);
    for (const JointQuantity& q : kJointQuantities) EXPECT_EQ(reused.measures.*q.value, one_off.measures.*q.value);
    EXPECT_EQ(reused.marginals.x, one_off.marginals.x);
    EXPECT_EQ(reused.marginals.y, one_off.marginals.y);
    EXPECT_EQ(reused.pmi.value, one_off.pmi.value);
    EXPECT_EQ(reused.pmi.defined, one_off.pmi.defined);
    EXPECT_EQ(w.measure(t, base).mutual_information, one_off.measures.mutual_information);
  }
  EXPECT_THROW(w.measure(Table{{1, -1}}), std::invalid_argument);
}

// [SECTION] Identities on random tables

// A random table: random shape up to 16×16, a share of zero cells, and in `extreme` mode masses
// drawn from tiny, subnormal, huge and ordinary values.
Table random_table(std::mt19937_64& rng, bool extreme) {
  std::uniform_int_distribution<int> size(1, 16);
  std::uniform_real_distribution<double> u(0, 1);
  const std::vector<double> specials = {0, kDenormMin, 1e-310, 1e-300, 1e-200, 1, 3, 1e200, 1e300, DBL_MAX / 4, DBL_MAX};
  std::uniform_int_distribution<std::size_t> pick(0, specials.size() - 1);
  Table t(static_cast<std::size_t>(size(rng)), std::vector<double>(static_cast<std::size_t>(size(rng))));
  for (auto& row : t)
    for (double& x : row) x = extreme && u(rng) < 0.5 ? specials[pick(rng)] : u(rng) < 0.2 ? 0.0 : u(rng);
  t[0][0] = std::max(t[0][0], extreme ? kDenormMin : 0.1);
  return t;
}

TEST(JointProperties, IdentitiesOnRandomTables) {
  std::mt19937_64 rng(20261203);
  for (int trial = 0; trial < 2000; ++trial) {
    const bool extreme = trial % 2 == 1;
    const Table t = random_table(rng, extreme);
    const std::string what = "trial " + std::to_string(trial);
    const JointMeasures m = measure_joint(t, trial % 3 == 0 ? Base::two : Base::e);
    expect_sane(m, what);
    const double hx = m.entropy_x, hy = m.entropy_y, hxy = m.joint_entropy, i = m.mutual_information;
    // I ≤ min(H(X), H(Y)); chain rule both ways; VI = H(X,Y) − I; H(X,Y) ≤ H(X) + H(Y).
    EXPECT_LE(i, std::min(hx, hy) + tol(i)) << what;
    EXPECT_NEAR(hxy, hx + m.conditional_entropy_y_given_x, tol(hxy)) << what;
    EXPECT_NEAR(hxy, hy + m.conditional_entropy_x_given_y, tol(hxy)) << what;
    EXPECT_NEAR(i, hx - m.conditional_entropy_x_given_y, tol(hx)) << what;
    EXPECT_NEAR(m.variation_of_information, hxy - i, tol(hxy)) << what;
    EXPECT_LE(hxy, hx + hy + tol(hxy)) << what;
    // Symmetry: transposing swaps X and Y.
    const JointMeasures tr = measure_joint(transpose(t), m.base);
    EXPECT_NEAR(tr.mutual_information, i, tol(i)) << what;
    EXPECT_NEAR(tr.entropy_x, hy, tol(hy)) << what;
    EXPECT_NEAR(tr.entropy_y, hx, tol(hx)) << what;
    EXPECT_NEAR(tr.conditional_entropy_x_given_y, m.conditional_entropy_y_given_x, tol(hxy)) << what;
    EXPECT_NEAR(tr.variation_of_information, m.variation_of_information, tol(hxy)) << what;
    // The marginals are distributions; the pmi is never NaN.
    const JointAnalysis a = analyse_joint(t, m.base);
    double sx = 0, sy = 0;
    for (double x : a.marginals.x) sx += x;
    for (double y : a.marginals.y) sy += y;
    EXPECT_GE(*std::min_element(a.marginals.x.begin(), a.marginals.x.end()), 0.0);
    EXPECT_GE(*std::min_element(a.marginals.y.begin(), a.marginals.y.end()), 0.0);
    EXPECT_NEAR(sx, 1.0, 1e-14) << what;
    EXPECT_NEAR(sy, 1.0, 1e-14) << what;
    for (double v : a.pmi.value) EXPECT_FALSE(std::isnan(v)) << what;
  }
}

TEST(JointProperties, IOfXWithItselfIsHOfX) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  const std::vector<double> specials = {kDenormMin, 1e-300, 1, DBL_MAX};
  for (int trial = 0; trial < 500; ++trial) {
    const std::size_t n = 1 + static_cast<std::size_t>(u(rng) * 40);
    std::vector<double> p(n);
    for (double& x : p) x = trial % 2 && u(rng) < 0.3 ? specials[static_cast<std::size_t>(u(rng) * 4) % 4] : u(rng);
    p[0] = std::max(p[0], 1e-3);
    Table t(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) t[i][i] = p[i];
    const JointMeasures m = measure_joint(t);
    const double h = measure_discrete(p, p).entropy_p;  // the discrete lab's H(P) of the same masses
    EXPECT_NEAR(m.mutual_information, h, tol(h)) << trial;
    EXPECT_NEAR(m.entropy_x, h, tol(h)) << trial;
    EXPECT_NEAR(m.entropy_y, h, tol(h)) << trial;
    EXPECT_NEAR(m.joint_entropy, h, tol(h)) << trial;
    EXPECT_EQ(m.variation_of_information, 0.0) << trial;  // each cell is its whole row and column
  }
}

TEST(JointProperties, MarginalEntropiesAgreeWithTheDiscreteMeasures) {
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 300; ++trial) {
    const Table t = random_table(rng, trial % 2 == 1);
    const JointAnalysis a = analyse_joint(t);
    const double hx = measure_discrete(a.marginals.x, a.marginals.x).entropy_p;
    const double hy = measure_discrete(a.marginals.y, a.marginals.y).entropy_p;
    EXPECT_NEAR(a.measures.entropy_x, hx, tol(hx)) << trial;
    EXPECT_NEAR(a.measures.entropy_y, hy, tol(hy)) << trial;
  }
}

}  // namespace
}  // namespace divlab

// Document: undo/redo snapshots, gestures, dirty flag, and every editing operation.
#include "divlab/document/document.hpp"

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <numeric>
#include <random>

namespace divlab {
namespace {

Scenario coin() {
  Scenario s;
  s.kind = Kind::discrete;
  s.p_mass = {0.5, 0.5};
  s.q_mass = {0.99, 0.01};
  return s;
}

Scenario four() {
  Scenario s;
  s.kind = Kind::discrete;
  s.p_mass = {0.1, 0.2, 0.3, 0.4};
  s.q_mass = {0.25, 0.25, 0.25, 0.25};
  return s;
}

Scenario mixture() {
  Scenario s;
  s.kind = Kind::continuous;
  s.p_mix.components = {{Family::normal, 1, -2, 0.5}, {Family::normal, 1, 2, 0.5}};
  s.q_mix.components = {{Family::normal, 1, 0, 1}};
  return s;
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(Document, StartsCleanWithNoHistory) {
  Document d(coin());
  EXPECT_FALSE(d.dirty());
  EXPECT_FALSE(d.can_undo());
  EXPECT_FALSE(d.can_redo());
}

TEST(Document, SetProbabilityKeepsOthersRatiosAndSumsToOne) {
  Document d(four());
  d.set_probability(Which::p, 3, 0.7);
  const auto p = d.probabilities(Which::p);
  EXPECT_NEAR(p[3], 0.7, 1e-15);
  EXPECT_NEAR(sum(p), 1.0, 1e-15);
  // 0.1 : 0.2 : 0.3 scaled to share 0.3
  EXPECT_NEAR(p[0], 0.05, 1e-15);
  EXPECT_NEAR(p[1], 0.10, 1e-15);
  EXPECT_NEAR(p[2], 0.15, 1e-15);
  EXPECT_TRUE(d.dirty());
}

TEST(Document, SetProbabilityWhenAllMassInOneBinSharesEvenly) {
  Scenario s = four();
  s.p_mass = {0, 0, 1, 0};
  Document d(s);
  d.set_probability(Which::p, 2, 0.4);
  const auto p = d.probabilities(Which::p);
  EXPECT_NEAR(p[0], 0.2, 1e-15);
  EXPECT_NEAR(p[2], 0.4, 1e-15);
}

TEST(Document, UndoRedoRestoresExactSnapshots) {
  Document d(coin());
  const Scenario before = d.scenario();
  d.set_probability(Which::q, 0, 0.6);
  const Scenario after = d.scenario();
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(d.scenario(), before);
  EXPECT_FALSE(d.dirty());
  ASSERT_TRUE(d.redo());
  EXPECT_EQ(d.scenario(), after);
  EXPECT_FALSE(d.redo());
}

TEST(Document, NewEditClearsRedo) {
  Document d(coin());
  d.uniform(Which::q);
  d.undo();
  EXPECT_TRUE(d.can_redo());
  d.flip(Which::p);
  EXPECT_FALSE(d.can_redo());
}

TEST(Document, GestureIsOneUndoStep) {
  Document d(four());
  const Scenario before = d.scenario();
  d.begin_gesture();
  for (int k = 1; k <= 30; ++k) d.set_probability(Which::p, 1, 0.01 * k);
  d.end_gesture();
  EXPECT_EQ(d.undo_depth(), 1u);
  d.undo();
  EXPECT_EQ(d.scenario(), before);
}

TEST(Document, GestureThatChangesNothingLeavesNoUndoStep) {
  Document d(four());
  d.begin_gesture();
  d.set_probability(Which::p, 1, 0.5);
  d.set_probability(Which::p, 1, 0.2);  // back to where it was
  d.end_gesture();
  EXPECT_LE(std::abs(d.probability(Which::p, 1) - 0.2), 1e-12);
  // set_probability renormalises, so equality can be off by rounding; either way no spurious history:
  EXPECT_LE(d.undo_depth(), 1u);
}

TEST(Document, RevisionChangesOnEveryEditUndoAndRedo) {
  Document d(coin());
  auto r = d.revision();
  d.uniform(Which::p);
  EXPECT_GT(d.revision(), r);
  r = d.revision();
  d.undo();
  EXPECT_GT(d.revision(), r);
  r = d.revision();
  d.redo();
  EXPECT_GT(d.revision(), r);
}

TEST(Document, PaintThenNormalise) {
  Document d(four());
  d.begin_gesture();
  d.paint(Which::q, 0, 0.0, 3, 0.3);  // 0, 0.1, 0.2, 0.3
  EXPECT_NEAR(d.scenario().q_mass[1], 0.1, 1e-15);
  d.normalise(Which::q);
  d.end_gesture();
  const auto q = d.probabilities(Which::q);
  EXPECT_NEAR(q[0], 0.0, 1e-15);
  EXPECT_NEAR(q[3], 0.5, 1e-15);
  EXPECT_EQ(d.undo_depth(), 1u);
}

TEST(Document, UniformTemperSmoothShiftFlip) {
  Document d(four());
  d.temper(Which::p, 0.5);  // p^2 normalised: 1,4,9,16 / 30
  auto p = d.probabilities(Which::p);
  EXPECT_NEAR(p[3], 16.0 / 30, 1e-14);
  d.temper(Which::p, 2.0);  // back
  p = d.probabilities(Which::p);
  EXPECT_NEAR(p[3], 0.4, 1e-14);
  d.smooth(Which::p, 0.2);  // 0.8·0.4 + 0.05
  EXPECT_NEAR(d.probability(Which::p, 3), 0.37, 1e-14);
  d.uniform(Which::p);
  EXPECT_NEAR(d.probability(Which::p, 0), 0.25, 1e-15);
  d.set_masses(Which::p, {1, 2, 3, 4});
  d.shift(Which::p, 1);
  EXPECT_NEAR(d.probability(Which::p, 0), 0.4, 1e-15);
  EXPECT_NEAR(d.probability(Which::p, 1), 0.1, 1e-15);
  d.shift(Which::p, -5);  // cyclic, negative: −5 ≡ −1 → back to 0.1, 0.2, 0.3, 0.4
  EXPECT_NEAR(d.probability(Which::p, 0), 0.1, 1e-15);
  EXPECT_NEAR(d.probability(Which::p, 3), 0.4, 1e-15);
  d.flip(Which::p);
  EXPECT_NEAR(d.probability(Which::p, 0), 0.4, 1e-15);
  EXPECT_NEAR(d.probability(Which::p, 3), 0.1, 1e-15);
}

TEST(Document, TemperKeepsZerosAndSurvivesTinyMasses) {
  Scenario s = four();
  s.p_mass = {0, 1e-300, 0.5, 0.5};
  Document d(s);
  d.temper(Which::p, 0.05);
  const auto p = d.probabilities(Which::p);
  EXPECT_EQ(p[0], 0.0);
  for (double x : p) EXPECT_TRUE(std::isfinite(x));
  EXPECT_NEAR(p[2], 0.5, 1e-15);
}

TEST(Document, DirichletIsSeededAndNormalised) {
  Document a(four()), b(four());
  a.dirichlet(Which::q, 0.5, 42);
  b.dirichlet(Which::q, 0.5, 42);
  EXPECT_EQ(a.scenario().q_mass, b.scenario().q_mass);
  EXPECT_NEAR(sum(a.scenario().q_mass), 1.0, 1e-14);
  b.dirichlet(Which::q, 0.5, 43);
  EXPECT_NE(a.scenario().q_mass, b.scenario().q_mass);
}

TEST(Document, CopyAndSwap) {
  Document d(coin());
  d.swap_p_q();
  EXPECT_NEAR(d.probability(Which::p, 0), 0.99, 1e-15);
  EXPECT_NEAR(d.probability(Which::q, 0), 0.5, 1e-15);
  d.copy_p_to_q();
  EXPECT_EQ(d.scenario().p_mass, d.scenario().q_mass);
}

TEST(Document, BinsFromOneTo256AndBack) {
  Scenario s = coin();
  s.labels = {"heads", "tails"};
  s.support_x = {0, 1};
  Document d(s);
  d.set_bins(256);
  EXPECT_EQ(d.bins(), 256);
  EXPECT_EQ(d.scenario().q_mass.size(), 256u);
  EXPECT_EQ(d.scenario().labels.size(), 256u);
  EXPECT_DOUBLE_EQ(d.scenario().support_x.back(), 255.0);
  EXPECT_NEAR(sum(d.probabilities(Which::p)), 1.0, 1e-12);
  d.set_bins(1);
  EXPECT_EQ(d.bins(), 1);
  EXPECT_DOUBLE_EQ(d.probability(Which::q, 0), 1.0);
  d.set_bins(0);  // clamped
  EXPECT_EQ(d.bins(), 1);
  d.set_label(0, "only");
  EXPECT_EQ(d.scenario().labels[0], "only");
}

TEST(Document, RejectsNonFiniteInput) {
  Document d(four());
  const Scenario before = d.scenario();
  d.set_probability(Which::p, 0, NAN);
  d.set_probability(Which::p, 99, 0.5);
  d.temper(Which::p, 0);
  d.dirichlet(Which::p, -1, 1);
  EXPECT_EQ(d.scenario(), before);
  EXPECT_FALSE(d.can_undo());
}

TEST(Document, MixtureEdits) {
  Document d(mixture());
  Component c = d.mixture(Which::p).components[0];
  c.mean = -3;
  c.scale = -1;  // clamped to a valid width
  d.set_component(Which::p, 0, c);
  EXPECT_DOUBLE_EQ(d.mixture(Which::p).components[0].mean, -3);
  EXPECT_GT(d.mixture(Which::p).components[0].scale, 0);
  d.add_component(Which::q, {Family::laplace, 1, 3, 0.5});
  EXPECT_EQ(d.mixture(Which::q).components.size(), 2u);
  d.remove_component(Which::q, 0);
  d.remove_component(Which::q, 0);  // the last one stays
  EXPECT_EQ(d.mixture(Which::q).components.size(), 1u);
  EXPECT_EQ(d.mixture(Which::q).components[0].family, Family::laplace);
}

TEST(Document, SetFamilyKeepsMeanAndSd) {
  Document d(mixture());
  d.set_family(Which::q, 0, Family::uniform);
  const Component u = d.mixture(Which::q).components[0];
  EXPECT_NEAR(u.low, -std::sqrt(3.0), 1e-12);
  EXPECT_NEAR(u.high, std::sqrt(3.0), 1e-12);
  d.set_family(Which::q, 0, Family::normal);
  EXPECT_NEAR(d.mixture(Which::q).components[0].mean, 0, 1e-12);
  EXPECT_NEAR(d.mixture(Which::q).components[0].scale, 1, 1e-12);
  d.set_family(Which::q, 0, Family::student_t);
  EXPECT_GT(d.mixture(Which::q).components[0].df, 0);
}

TEST(Document, LastPositiveWeightCannotDropToZero) {
  Scenario s = mixture();
  s.q_mix.components[0].weight = 1;
  Document d(s);
  Component c = d.mixture(Which::q).components[0];
  c.weight = 0;
  d.set_component(Which::q, 0, c);
  EXPECT_GT(d.mixture(Which::q).components[0].weight, 0);
}

TEST(Document, DiscreteEditsIgnoreContinuousScenario) {
  Document d(mixture());
  d.uniform(Which::p);
  d.set_bins(5);
  EXPECT_FALSE(d.can_undo());
}

TEST(Document, ViewStateRoundTripsThroughScenarioView) {
  Document d(mixture());
  d.view().show_m = true;
  d.view().has_x_range = true;
  d.view().x_lo = -7;
  d.view().x_hi = 9;
  const Scenario saved = d.to_scenario();
  Document e(saved);
  EXPECT_EQ(e.view(), d.view());
}

TEST(Document, TheCodingMessageIsAnUndoableEditThatAlwaysReads) {
  Document d(four());  // no labels: symbols are the indices 0…3
  EXPECT_EQ(d.set_message("3 0 0"), "");
  EXPECT_EQ(d.scenario().message, std::optional<std::string>("3 0 0"));
  EXPECT_TRUE(d.dirty());
  EXPECT_EQ(d.set_message("3 4"), "unknown symbol '4' at 2 (the symbols are the support's labels)");
  EXPECT_EQ(d.scenario().message, std::optional<std::string>("3 0 0"));  // unchanged
  EXPECT_EQ(d.set_message(""), "");
  EXPECT_FALSE(d.scenario().message);
  EXPECT_TRUE(d.undo());
  EXPECT_EQ(d.scenario().message, std::optional<std::string>("3 0 0"));
  EXPECT_EQ(d.undo_depth(), 1u);
  // A typing session in a gesture is one step.
  d.begin_gesture();
  for (const char* t : {"1", "1 2", "1 2 3"}) EXPECT_EQ(d.set_message(t), "");
  d.end_gesture();
  EXPECT_EQ(d.undo_depth(), 2u);
  // A support that no longer has symbol 3 drops the message (a saved file must load); undo restores both.
  d.set_bins(3);
  EXPECT_FALSE(d.scenario().message);
  EXPECT_TRUE(d.undo());
  EXPECT_EQ(d.scenario().message, std::optional<std::string>("1 2 3"));
  d.set_label(1, "one");  // the labels become "", "one", "", "": the indices no longer read
  EXPECT_FALSE(d.scenario().message);
  EXPECT_EQ(d.set_message("one"), "");
  EXPECT_EQ(parse_scenario(to_json_text(d.to_scenario()), "f").message, std::optional<std::string>("one"));
  Document c(mixture());
  EXPECT_NE(c.set_message("0"), "");
  EXPECT_FALSE(c.can_undo());
}

TEST(Document, MarkSavedClearsDirty) {
  Document d(coin());
  d.set_base(Base::two);
  EXPECT_TRUE(d.dirty());
  d.mark_saved();
  EXPECT_FALSE(d.dirty());
  d.undo();
  EXPECT_TRUE(d.dirty());
}

// The look is the app's: a scenario's old "theme"/"presentation_scale" view keys are kept on save
// but never read, so opening a file cannot change the lecturer's presentation mode.
TEST(Document, ViewKeepsButIgnoresTheLook) {
  Scenario s = mixture();
  s.view = {{"theme", "dark"}, {"presentation_scale", 2.0}, {"show_m", true}};
  Document d(s);
  EXPECT_TRUE(d.view().show_m);
  const Scenario saved = d.to_scenario();
  EXPECT_EQ(saved.view.at("theme"), "dark");
  EXPECT_EQ(saved.view.at("presentation_scale"), 2.0);
}

// [SECTION] joint tables

using Table = std::vector<std::vector<double>>;

Scenario weather() {
  Scenario s;
  s.kind = Kind::joint;
  s.joint.mass = {{30, 10, 5}, {5, 20, 30}};
  s.joint.x_labels = {"rain", "sun"};
  s.joint.y_labels = {"bus", "bike", "walk"};
  return s;
}

Scenario joint_of(Table t) {
  Scenario s;
  s.kind = Kind::joint;
  s.joint.mass = std::move(t);
  return s;
}

double table_sum(const Table& t) {
  double s = 0;
  for (const auto& row : t) s += sum(row);
  return s;
}

// Row and column sums over the total: the marginals P_X and P_Y of the stored table.
std::pair<std::vector<double>, std::vector<double>> marginals(const Table& t) {
  const double s = table_sum(t);
  std::vector<double> x(t.size(), 0.0), y(t[0].size(), 0.0);
  for (std::size_t i = 0; i < t.size(); ++i)
    for (std::size_t j = 0; j < t[0].size(); ++j) x[i] += t[i][j] / s, y[j] += t[i][j] / s;
  return {x, y};
}

double max_difference(const std::vector<double>& a, const std::vector<double>& b) {
  double m = 0;
  for (std::size_t k = 0; k < a.size(); ++k) m = std::max(m, std::abs(a[k] - b[k]));
  return m;
}

TEST(DocumentJoint, EditsOfOtherKindsChangeNothing) {
  Document d(weather());
  d.uniform(Which::p);
  d.set_bins(5);
  d.add_component(Which::p, Component{});
  d.set_component(Which::q, 0, Component{});
  d.copy_p_to_q();
  d.swap_p_q();
  EXPECT_FALSE(d.can_undo());
  EXPECT_EQ(d.scenario(), weather());
  Document c(coin());
  c.set_joint_probability(0, 0, 0.5);
  c.paint_joint(0, 0, 3);
  c.insert_joint_row(0);
  c.set_joint_x_label(0, "a");
  EXPECT_EQ(c.set_cell_keep_marginals(0, 0, 0.1), 0.0);
  EXPECT_FALSE(c.can_undo());
  EXPECT_EQ(c.joint_rows(), 0);
}

TEST(DocumentJoint, SetProbabilityKeepsTheOtherCellsRatios) {
  Document d(weather());
  EXPECT_EQ(d.joint_rows(), 2);
  EXPECT_EQ(d.joint_cols(), 3);
  EXPECT_NEAR(d.joint_probability(1, 2), 30.0 / 100, 1e-16);
  d.set_joint_probability(1, 2, 0.65);
  const Table& t = d.scenario().joint.mass;
  EXPECT_NEAR(table_sum(t), 1.0, 1e-15);
  EXPECT_NEAR(t[1][2], 0.65, 1e-16);
  // The other 70 units share 0.35 in their old ratios: 30 → 0.15.
  EXPECT_NEAR(t[0][0], 0.15, 1e-16);
  EXPECT_NEAR(t[1][1], 0.10, 1e-16);
  EXPECT_TRUE(d.dirty());
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(d.scenario(), weather());
  // All mass in one cell: the remainder is shared evenly.
  Document one(joint_of({{0, 0}, {0, 5}}));
  one.set_joint_probability(1, 1, 0.4);
  EXPECT_NEAR(one.scenario().joint.mass[0][0], 0.2, 1e-16);
  EXPECT_NEAR(one.scenario().joint.mass[1][0], 0.2, 1e-16);
  EXPECT_EQ(one.scenario().joint.mass[1][1], 0.4);
  // Masses near DBL_MAX are normalised without overflow.
  Document huge(joint_of({{DBL_MAX, DBL_MAX}, {DBL_MAX, DBL_MAX}}));
  EXPECT_EQ(huge.joint_probability(0, 1), 0.25);
  huge.set_joint_probability(0, 0, 0.7);
  EXPECT_NEAR(huge.scenario().joint.mass[1][1], 0.1, 1e-16);
}

TEST(DocumentJoint, PaintIsRawAndOneGestureThenNormalised) {
  Document d(weather());
  d.begin_gesture();
  d.paint_joint(0, 0, 50);
  d.paint_joint(0, 1, 0);
  d.paint_joint(0, 1, std::nan(""));  // no change: NaN paints 0
  d.normalise_joint();
  d.end_gesture();
  EXPECT_EQ(d.undo_depth(), 1u);
  const Table& t = d.scenario().joint.mass;
  EXPECT_NEAR(table_sum(t), 1.0, 1e-15);
  EXPECT_EQ(t[0][1], 0.0);
  EXPECT_NEAR(t[0][0], 50.0 / 110, 1e-16);
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(d.scenario(), weather());
  // The last positive cell cannot be painted to 0.
  Document last(joint_of({{0, 2}, {0, 0}}));
  last.paint_joint(0, 1, 0);
  last.paint_joint(0, 1, -3);
  EXPECT_EQ(last.scenario().joint.mass, (Table{{0, 2}, {0, 0}}));
  EXPECT_FALSE(last.can_undo());
  last.paint_joint(1, 0, 1);
  last.paint_joint(0, 1, 0);
  EXPECT_EQ(last.scenario().joint.mass, (Table{{0, 0}, {1, 0}}));
}

TEST(DocumentJoint, RowsAndColumnsFromOneByOneTo64AndBack) {
  Document d(weather());
  d.insert_joint_row(1);  // between rain and sun: P_Y·½ (the mean row mass), then all over 1.5
  ASSERT_EQ(d.joint_rows(), 3);
  const Table& t = d.scenario().joint.mass;
  EXPECT_NEAR(table_sum(t), 1.0, 1e-15);
  EXPECT_NEAR(t[1][0], 0.35 / 2 / 1.5, 1e-16);
  EXPECT_NEAR(t[1][1], 0.30 / 2 / 1.5, 1e-16);
  EXPECT_NEAR(t[0][0], 0.30 / 1.5, 1e-16);
  EXPECT_EQ(d.scenario().joint.x_labels, (std::vector<std::string>{"rain", "", "sun"}));
  // P_Y is unchanged by a row that is P_Y itself.
  const auto [px, py] = marginals(t);
  EXPECT_LT(max_difference(py, {35.0 / 100, 30.0 / 100, 35.0 / 100}), 1e-15);
  d.insert_joint_col(3);  // at the end: P_X/3
  ASSERT_EQ(d.joint_cols(), 4);
  EXPECT_EQ(d.scenario().joint.y_labels.back(), "");
  const auto [px2, py2] = marginals(d.scenario().joint.mass);
  EXPECT_LT(max_difference(px2, px), 1e-15);
  for (int k = 0; k < 100; ++k) d.insert_joint_row(0), d.insert_joint_col(-5);
  EXPECT_EQ(d.joint_rows(), kMaxJointSide);
  EXPECT_EQ(d.joint_cols(), kMaxJointSide);
  EXPECT_EQ(d.scenario().joint.x_labels.size(), static_cast<std::size_t>(kMaxJointSide));
  for (int k = 0; k < 100; ++k) d.remove_joint_row(0), d.remove_joint_col(k % 3);
  EXPECT_EQ(d.joint_rows(), 1);
  EXPECT_EQ(d.joint_cols(), 1);
  EXPECT_NEAR(d.scenario().joint.mass[0][0], 1.0, 1e-15);
  d.remove_joint_row(5);
  d.remove_joint_row(-1);
  EXPECT_EQ(d.joint_rows(), 1);
  // Removing the row that held every mass leaves a uniform table.
  Document e(joint_of({{0, 0}, {1, 3}, {0, 0}}));
  e.remove_joint_row(1);
  EXPECT_EQ(e.scenario().joint.mass, (Table{{0.25, 0.25}, {0.25, 0.25}}));
  // Each of these was one undo step: undo all the way back.
  while (d.undo()) {
  }
  EXPECT_EQ(d.scenario(), weather());
}

TEST(DocumentJoint, Labels) {
  Document d(joint_of({{1, 2}, {3, 4}}));
  d.set_joint_x_label(1, "sun");
  d.set_joint_y_label(0, "bus");
  EXPECT_EQ(d.scenario().joint.x_labels, (std::vector<std::string>{"", "sun"}));
  EXPECT_EQ(d.scenario().joint.y_labels, (std::vector<std::string>{"bus", ""}));
  d.set_joint_x_label(1, "sun");  // unchanged: no undo step
  d.set_joint_x_label(2, "out of range");
  EXPECT_EQ(d.undo_depth(), 2u);
}

TEST(DocumentJoint, LockedEditReachesTheTargetAndKeepsBothMarginals) {
  Document d(weather());
  const auto [px, py] = marginals(d.scenario().joint.mass);
  const double got = d.set_cell_keep_marginals(0, 0, 0.25);
  EXPECT_NEAR(got, 0.25, 1e-15);
  EXPECT_NEAR(d.joint_probability(0, 0), 0.25, 1e-15);
  const auto [qx, qy] = marginals(d.scenario().joint.mass);
  EXPECT_LT(max_difference(qx, px), 1e-16);
  EXPECT_LT(max_difference(qy, py), 1e-16);
  EXPECT_NEAR(table_sum(d.scenario().joint.mass), 100, 1e-13);  // the table keeps its own scale
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(d.scenario(), weather());
}

TEST(DocumentJoint, LockedEditStopsWhereACellReachesZero) {
  // Raising (0, 0) takes mass from row 0 and column 0: (0, 1) = 0.1 runs out first.
  Document d(joint_of({{0.3, 0.1}, {0.2, 0.4}}));
  const double got = d.set_cell_keep_marginals(0, 0, 0.9);
  const Table& t = d.scenario().joint.mass;
  EXPECT_EQ(t[0][1], 0.0);
  EXPECT_NEAR(got, 0.4, 1e-16);
  EXPECT_NEAR(t[1][0], 0.0 + 0.1, 1e-16);
  EXPECT_NEAR(t[1][1], 0.5, 1e-16);
  // Lowering (0, 0) to 0 in an independent table takes it to exactly 0 if nothing else binds.
  Document e(joint_of({{0.25, 0.25}, {0.25, 0.25}}));
  EXPECT_EQ(e.set_cell_keep_marginals(0, 0, 0), 0.0);
  EXPECT_EQ(e.scenario().joint.mass, (Table{{0, 0.5}, {0.5, 0}}));
  // No room at all: a zero cell in row 0 pins (0, 0) from above; nothing changes, no undo step.
  Document f(joint_of({{0.5, 0}, {0.25, 0.25}}));
  EXPECT_EQ(f.set_cell_keep_marginals(0, 0, 0.9), 0.5);
  EXPECT_FALSE(f.can_undo());
}

TEST(DocumentJoint, OneRowOrOneColumnCannotChangeUnderTheLock) {
  for (const Table& t : {Table{{1, 2, 3}}, Table{{1}, {2}, {3}}, Table{{4}}}) {
    Document d(joint_of(t));
    d.set_cell_keep_marginals(0, 0, 0.9);
    EXPECT_EQ(d.scenario().joint.mass, t);
    EXPECT_FALSE(d.can_undo());
  }
  // A row holding all the mass pins its cells too.
  Document d(joint_of({{1, 2}, {0, 0}}));
  d.set_cell_keep_marginals(0, 0, 0.9);
  EXPECT_FALSE(d.can_undo());
}

TEST(DocumentJoint, MarginalsStayFixedOverManyLockedEdits) {
  std::mt19937_64 rng(123);
  std::uniform_real_distribution<double> u(0, 1);
  const std::vector<Table> tables = {
      {{0.3, 0.1}, {0.2, 0.4}},
      {{30, 10, 5}, {5, 20, 30}},
      {{1, 0, 2, 0, 1}, {0, 0, 0, 0, 0}, {3, 1, 0, 1, 2}},
      {{1e-300, 2e-300}, {3e-300, 4e-300}},
      {{DBL_MAX / 8, DBL_MAX / 4}, {DBL_MAX / 2, DBL_MAX / 8}},  // normalised by the first edit
  };
  for (std::size_t n = 0; n < tables.size() + 3; ++n) {
    Table t = n < tables.size() ? tables[n] : Table(8, std::vector<double>(8));
    if (n >= tables.size())
      for (auto& row : t)
        for (double& m : row) m = u(rng) < 0.2 ? 0 : u(rng);
    Document d(joint_of(t));
    d.set_cell_keep_marginals(0, 0, d.joint_probability(0, 0) * 0.5);  // the first edit fixes the scale
    const auto [px, py] = marginals(d.scenario().joint.mass);
    const std::size_t depth = d.undo_depth();
    d.begin_gesture();
    for (int edit = 0; edit < 2000; ++edit) {
      const int i = static_cast<int>(u(rng) * d.joint_rows()), j = static_cast<int>(u(rng) * d.joint_cols());
      const double target = u(rng) * 0.6, got = d.set_cell_keep_marginals(i, j, target);
      EXPECT_GE(got, 0.0);
      // Short of the target only where a cell (the one that bound the step) is exactly 0.
      if (std::abs(got - target) > 1e-12) {
        bool some_zero = false;
        for (const auto& row : d.scenario().joint.mass)
          for (double m : row) some_zero = some_zero || m == 0;
        EXPECT_TRUE(some_zero) << "table " << n << " edit " << edit;
      }
    }
    d.end_gesture();
    const Table& e = d.scenario().joint.mass;
    for (const auto& row : e)
      for (double m : row) ASSERT_GE(m, 0.0) << "table " << n;
    const auto [qx, qy] = marginals(e);
    EXPECT_LT(max_difference(qx, px), 1e-15) << "table " << n;
    EXPECT_LT(max_difference(qy, py), 1e-15) << "table " << n;
    EXPECT_EQ(d.undo_depth(), depth + 1) << "the gesture is one undo step";
    std::printf("table %zu: marginals moved by %.3g (X), %.3g (Y) after 2000 locked edits\n", n,
                max_difference(qx, px), max_difference(qy, py));
    while (d.undo()) {
    }
    EXPECT_EQ(d.scenario().joint.mass, t);
  }
}

}  // namespace
}  // namespace divlab

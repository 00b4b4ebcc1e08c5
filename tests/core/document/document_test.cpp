// Document: undo/redo snapshots, gestures, dirty flag, and every editing operation.
#include "divlab/document/document.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

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

}  // namespace
}  // namespace divlab

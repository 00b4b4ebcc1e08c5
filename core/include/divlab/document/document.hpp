// The one document the GUI edits: a Scenario plus UI state. Every edit goes through it, which
// gives undo/redo (snapshots of the scenario), a dirty flag and a revision counter for caches.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "divlab/distributions/distribution.hpp"
#include "divlab/document/scenario.hpp"

namespace divlab {

// Which of the two distributions an edit applies to.
enum class Which { p, q };

// What the document shows, saved under the scenario's "view" key; not part of undo. The look
// (theme, presentation mode and scale) is the app's preference, never the document's: opening a
// file or a preset keeps it.
struct ViewState {
  bool show_m = false;               // draw M = ½(P+Q) in the distributions plot
  bool show_jsd = true;              // draw the JSD integrand in the contributions plot
  bool has_x_range = false;          // continuous x window given (else automatic)
  double x_lo = -5, x_hi = 5;
  bool operator==(const ViewState&) const = default;
};

// Limits of the editor.
inline constexpr int kMinBins = 1;
inline constexpr int kMaxBins = 1024;
inline constexpr int kMaxComponents = 16;
// Joint tables: 1 … 64 rows and columns. Every undo step is a snapshot of the whole scenario, so a
// 64×64 table costs 32 KB a step (≤ 32 MB for the whole history, like 1024 bins of P and Q twice
// over); 64 columns still leave a heatmap cell ≥ 10 px wide on a projector. Larger tables load
// from files and can be edited, but rows and columns are only added up to this limit.
inline constexpr int kMinJointSide = 1;
inline constexpr int kMaxJointSide = 64;

class Document {
 public:
  Document();  // default_scenario()
  explicit Document(Scenario s);

  const Scenario& scenario() const { return scn_; }
  // The scenario with the view state written into its "view" key, ready to save.
  Scenario to_scenario() const;
  // Replaces everything (open file / preset): clears undo history and marks clean.
  void reset(Scenario s);

  ViewState& view() { return view_; }
  const ViewState& view() const { return view_; }

  // Incremented by every change of the scenario (edits, undo, redo, reset).
  std::uint64_t revision() const { return revision_; }
  // Incremented by reset() only: a new document, so views may snap instead of easing.
  std::uint64_t generation() const { return generation_; }
  bool dirty() const { return !(scn_ == saved_); }
  void mark_saved() { saved_ = scn_; }
  // Marks the scenario as not saved anywhere (a session restored after a crash).
  void mark_unsaved() { saved_ = Scenario{}; }

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  bool undo();
  bool redo();
  std::size_t undo_depth() const { return undo_.size(); }

  // A gesture (e.g. a mouse drag) groups its edits into one undo step.
  void begin_gesture();
  void end_gesture();
  bool in_gesture() const { return gesture_; }

  // [SECTION] whole-scenario edits
  void set_base(Base b);
  void set_title(const std::string& t);
  void copy_p_to_q();
  void swap_p_q();

  // [SECTION] discrete edits (no-ops on a continuous scenario). Masses are kept normalised
  // except by paint(), whose caller calls normalise() at the end of its gesture.
  int bins() const { return static_cast<int>(scn_.p_mass.size()); }
  // Probability of bin i (normalised view of the stored masses).
  double probability(Which w, int i) const;
  std::vector<double> probabilities(Which w) const;
  // Sets P(i) = prob ∈ [0,1]; the other bins keep their ratios and share 1 − prob.
  void set_probability(Which w, int i, double prob);
  // Sets raw masses of bins i0..i1 to values interpolated linearly from m0 to m1 (no renormalising).
  void paint(Which w, int i0, double m0, int i1, double m1);
  void normalise(Which w);
  void set_masses(Which w, std::vector<double> masses);  // finite ≥ 0, not all 0; normalised
  void uniform(Which w);
  // p_i ∝ p_i^(1/T): T < 1 sharpens, T > 1 flattens; zeros stay zero.
  void temper(Which w, double temperature);
  // p ← (1 − ε)·p + ε/N (label smoothing, mixing with uniform).
  void smooth(Which w, double eps);
  // Cyclic shift by k bins (positive: to the right).
  void shift(Which w, int k);
  void flip(Which w);
  // Dirichlet(α, …, α) sample from a seeded RNG: the same seed gives the same masses.
  void dirichlet(Which w, double alpha, std::uint64_t seed);
  // Resizes to n bins (clamped to [kMinBins, kMaxBins]); new bins get the mean mass, x continues
  // the last spacing, labels (if any) get "".
  void set_bins(int n);
  void set_label(int i, const std::string& label);
  // The coding lab's message (SPEC §6 "coding.message"), one undo step. Only a message that reads
  // over the support's labels is kept (so a saved file always loads): otherwise the document is
  // unchanged and the reason is returned; "" on success. An empty text removes the message. A
  // change of the support (set_bins, set_label) drops a message that no longer reads.
  std::string set_message(const std::string& text);

  // [SECTION] mixture edits (no-ops on a discrete scenario)
  const Mixture& mixture(Which w) const { return w == Which::p ? scn_.p_mix : scn_.q_mix; }
  // Replaces component i; parameters are clamped to valid values (scale, df > 0; low < high).
  void set_component(Which w, int i, Component c);
  void add_component(Which w, Component c);
  void remove_component(Which w, int i);  // keeps at least one
  // Changes the family, carrying over location and width (uniform ↔ mean ± √3·sd).
  void set_family(Which w, int i, Family f);

  // [SECTION] joint edits (no-ops unless the scenario is joint; document_joint.cpp). The table is
  // kept normalised except by paint_joint(), whose caller calls normalise_joint() at the end of its
  // gesture, and by set_cell_keep_marginals(), which keeps the table's own scale.
  int joint_rows() const { return static_cast<int>(scn_.joint.mass.size()); }
  int joint_cols() const { return scn_.joint.mass.empty() ? 0 : static_cast<int>(scn_.joint.mass[0].size()); }
  // P(X = xᵢ, Y = yⱼ) from the stored masses; 0 outside the table.
  double joint_probability(int i, int j) const;
  // Sets P(i, j) = prob ∈ [0, 1]; the other cells keep their ratios and share 1 − prob.
  void set_joint_probability(int i, int j, double prob);
  // Sets the raw mass of cell (i, j) (finite ≥ 0, no renormalising). The last positive cell
  // cannot become 0 (the table would be empty): that edit is ignored.
  void paint_joint(int i, int j, double mass);
  void normalise_joint();
  // Inserts a row (a value of X) before row `at` (clamped to 0 … rows) while rows < kMaxJointSide.
  // The new row is P_Y scaled to the mean row mass 1/R: a value of X that tells nothing about Y.
  void insert_joint_row(int at);
  // Inserts a column before column `at`, ∝ P_X with the mean column mass.
  void insert_joint_col(int at);
  // Removes a row or column, keeping at least one; a table left all zero becomes uniform.
  void remove_joint_row(int i);
  void remove_joint_col(int j);
  // Labels: "" until set; setting one gives every other row (column) an empty label.
  void set_joint_x_label(int i, const std::string& label);
  void set_joint_y_label(int j, const std::string& label);
  // Moves P(i, j) toward `target_prob` with both marginals locked: the table moves along
  // d·(eᵢ − P_X)(eⱼ − P_Y)ᵀ, whose row and column sums are 0, with d reaching the target or the
  // largest step that keeps every cell ≥ 0. A 1-row or 1-column table cannot change. Consecutive
  // locked edits keep the marginals of the first one and correct rounding toward them, so they do
  // not drift. Returns P(i, j) afterwards.
  double set_cell_keep_marginals(int i, int j, double target_prob);

 private:
  void before_edit();  // snapshot for undo (once per gesture)
  void after_edit();
  void drop_unreadable_message();
  std::vector<double>& mass(Which w) { return w == Which::p ? scn_.p_mass : scn_.q_mass; }
  const std::vector<double>& mass(Which w) const { return w == Which::p ? scn_.p_mass : scn_.q_mass; }
  Mixture& mix(Which w) { return w == Which::p ? scn_.p_mix : scn_.q_mix; }
  bool discrete() const { return scn_.kind == Kind::discrete; }
  bool continuous() const { return scn_.kind == Kind::continuous; }
  bool joint() const { return scn_.kind == Kind::joint; }

  Scenario scn_;
  Scenario saved_;
  ViewState view_;
  std::vector<Scenario> undo_, redo_;
  Scenario gesture_start_;
  bool gesture_ = false;
  bool gesture_snapshot_taken_ = false;
  std::uint64_t revision_ = 0;
  std::uint64_t generation_ = 0;
  // The row and column sums a run of set_cell_keep_marginals() keeps (valid while revision_ is
  // still the one its last call left).
  struct MarginalLock {
    std::uint64_t revision = 0;
    std::vector<double> rows, cols;
  };
  MarginalLock lock_;
};

// Clamps a component's parameters into their valid ranges.
Component sanitized(Component c);
// Reads ViewState from a scenario's "view" JSON (missing or malformed keys keep defaults).
ViewState view_from_json(const nlohmann::json& view);
nlohmann::json view_to_json(const ViewState& v, const nlohmann::json& base);

}  // namespace divlab

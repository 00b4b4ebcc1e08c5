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

  // [SECTION] mixture edits (no-ops on a discrete scenario)
  const Mixture& mixture(Which w) const { return w == Which::p ? scn_.p_mix : scn_.q_mix; }
  // Replaces component i; parameters are clamped to valid values (scale, df > 0; low < high).
  void set_component(Which w, int i, Component c);
  void add_component(Which w, Component c);
  void remove_component(Which w, int i);  // keeps at least one
  // Changes the family, carrying over location and width (uniform ↔ mean ± √3·sd).
  void set_family(Which w, int i, Family f);

 private:
  void before_edit();  // snapshot for undo (once per gesture)
  void after_edit();
  std::vector<double>& mass(Which w) { return w == Which::p ? scn_.p_mass : scn_.q_mass; }
  const std::vector<double>& mass(Which w) const { return w == Which::p ? scn_.p_mass : scn_.q_mass; }
  Mixture& mix(Which w) { return w == Which::p ? scn_.p_mix : scn_.q_mix; }
  bool discrete() const { return scn_.kind == Kind::discrete; }

  Scenario scn_;
  Scenario saved_;
  ViewState view_;
  std::vector<Scenario> undo_, redo_;
  Scenario gesture_start_;
  bool gesture_ = false;
  bool gesture_snapshot_taken_ = false;
  std::uint64_t revision_ = 0;
  std::uint64_t generation_ = 0;
};

// Clamps a component's parameters into their valid ranges.
Component sanitized(Component c);
// Reads ViewState from a scenario's "view" JSON (missing or malformed keys keep defaults).
ViewState view_from_json(const nlohmann::json& view);
nlohmann::json view_to_json(const ViewState& v, const nlohmann::json& base);

}  // namespace divlab

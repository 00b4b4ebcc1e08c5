// The joint lab's figures (SPEC §5), each drawn on any Canvas: the table P(X,Y) with its marginals,
// P_XY beside P_X ⊗ P_Y on one colour scale, the pointwise mutual information on a diverging scale,
// and the information diagram. Each returns where it drew its cells or segments, so the GUI can
// hit-test the very figure it shows.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "divlab/document/scenario.hpp"
#include "divlab/measures/joint.hpp"
#include "plot/canvas.hpp"
#include "plot/theme.hpp"

namespace divlab::plot {

// Everything the joint figures show, computed once per edit.
struct JointFigureData {
  // Moved, not copied: `p` points into `workspace`'s storage, which a move keeps and a copy would not.
  JointFigureData() = default;
  JointFigureData(JointFigureData&&) = default;
  JointFigureData& operator=(JointFigureData&&) = default;
  JointFigureData(const JointFigureData&) = delete;
  JointFigureData& operator=(const JointFigureData&) = delete;

  std::size_t rows = 0, cols = 0;
  JointWorkspace workspace;     // the analysis' storage, kept from one edit to the next
  std::span<const double> p;    // P(xᵢ, yⱼ) normalised, row-major: the workspace's (not a copy of 512 kB per edit)
  std::vector<double> pmi;      // pointwise MI (in `base`), row-major; NaN where undefined (an empty row or column)
  double p_max = 0, product_max = 0;  // the largest p(xᵢ, yⱼ) and the largest p(xᵢ)·p(yⱼ)
  double pmi_limit = 1;               // the largest finite |pmi| (1 when there is none): the diverging scale's end
  JointAnalysis analysis;       // marginals and measures (in `base`); its pmi is left empty: see `pmi`
  std::vector<std::string> x_labels, y_labels;  // one per row / column ("x₁", "y₁" when not given)
  std::vector<std::string> given_x_labels, given_y_labels;  // the scenario's, that x_labels and y_labels were made from
  Base base = Base::e;
  double cell(std::size_t i, std::size_t j) const { return p[i * cols + j]; }
  // pmi(xᵢ, yⱼ), possibly −∞; nullopt where undefined.
  std::optional<double> pmi_at(std::size_t i, std::size_t j) const {
    const double v = pmi[i * cols + j];
    return v == v ? std::optional<double>(v) : std::nullopt;
  }
};
// Throws std::invalid_argument for a scenario that is not a valid joint table.
// In `base` when given, else in the scenario's own.
JointFigureData joint_figure_data(const Scenario& s, std::optional<Base> base = {});
// The same into `d`, reusing its storage (the GUI, once per edit of a 256×256 table: fresh
// megabytes cost more than the sums). Throws as above; `d` is then unspecified.
void refresh_joint_figure_data(JointFigureData& d, const Scenario& s, Base base);

// A grid of cells as drawn.
struct CellGrid {
  Rect grid;
  std::size_t rows = 0, cols = 0;
  Rect cell(std::size_t i, std::size_t j) const;
  // The cell under a point, if any.
  std::optional<std::pair<std::size_t, std::size_t>> hit(Vec2 at) const;
};

// The colour of probability v on a scale from 0 to vmax: the plot background towards P's colour.
Color probability_color(const Theme& t, double v, double vmax);
// The colour of a pointwise MI value on a scale symmetric about 0 (±limit).
Color pmi_color(const Theme& t, double v, double limit);

struct JointTableOptions {
  std::optional<double> vmax;          // colour scale top (default: the largest cell)
  std::optional<std::pair<std::size_t, std::size_t>> highlight;  // a cell outlined (hover)
  bool title = true;
};
// P(X,Y) as a heatmap with P_X as bars along the left and P_Y as bars along the top.
CellGrid figure_joint_table(Canvas& c, const Theme& t, Rect r, const JointFigureData& d,
                            const JointTableOptions& o = {});

// P_XY (left) and P_X ⊗ P_Y (right) on the same colour scale, and I = D(P_XY ‖ P_X ⊗ P_Y) below.
void figure_joint_vs_product(Canvas& c, const Theme& t, Rect r, const JointFigureData& d);

// pmi(x,y) = log p(x,y)/(p(x)p(y)) on a diverging scale: −∞ and undefined cells marked.
CellGrid figure_pointwise_mi(Canvas& c, const Theme& t, Rect r, const JointFigureData& d,
                             std::optional<std::pair<std::size_t, std::size_t>> highlight = {});

// The information diagram as three aligned stacked bars:
//   H(X,Y) = H(X|Y) + I + H(Y|X),  H(X) = H(X|Y) + I,  H(Y) = I + H(Y|X) (drawn under I).
struct InfoSegment {
  Rect rect;
  std::string_view key;  // a kJointQuantities key: "mutual_information", …
};
std::vector<InfoSegment> figure_information_diagram(Canvas& c, const Theme& t, Rect r, const JointFigureData& d);

}  // namespace divlab::plot

// The joint lab's figures (SPEC §5), each drawn on any Canvas: the table P(X,Y) with its marginals,
// P_XY beside P_X ⊗ P_Y on one colour scale, the pointwise mutual information on a diverging scale,
// and the information diagram. Each returns where it drew its cells or segments, so the GUI can
// hit-test the very figure it shows.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "divlab/document/scenario.hpp"
#include "divlab/measures/joint.hpp"
#include "plot/canvas.hpp"
#include "plot/theme.hpp"

namespace divlab::plot {

// Everything the joint figures show, computed once per edit.
struct JointFigureData {
  std::size_t rows = 0, cols = 0;
  std::vector<double> p;  // P(xᵢ, yⱼ) normalised, row-major
  JointAnalysis analysis;  // marginals, measures (in `base`), pointwise MI (in `base`)
  std::vector<std::string> x_labels, y_labels;  // one per row / column ("x₁", "y₁" when not given)
  Base base = Base::e;
  double cell(std::size_t i, std::size_t j) const { return p[i * cols + j]; }
};
// Throws std::invalid_argument for a scenario that is not a valid joint table. A workspace kept from
// one call to the next (the GUI's, per edit) saves fresh allocations of the table's size.
JointFigureData joint_figure_data(const Scenario& s, JointWorkspace* workspace = nullptr);

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

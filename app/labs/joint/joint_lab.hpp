// The mutual-information lab (SPEC §5): edit a joint table P(X,Y) and see I(X;Y) as the KL between
// P_XY and P_X ⊗ P_Y, the pointwise mutual information, and the information diagram.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "figures/figures_joint.hpp"
#include "shell/lab.hpp"

namespace divlab::gui {

// The weather × transport table of SPEC §5: the joint lab's first document.
Scenario default_joint_scenario();

// P = the flattened cells and Q = P_X ⊗ P_Y, as a discrete scenario: D(P‖Q) is then I(X;Y). Refused
// (nullopt, *error) for more cells than the divergence lab's bins, or a p(x)p(y) below the double range.
std::optional<Scenario> joint_as_pq(const Scenario& joint, std::string* error);

class JointLab final : public Lab {
 public:
  JointLab();

  std::string_view id() const override { return "joint"; }
  std::string_view title() const override { return "Mutual information"; }
  std::string_view tooltip() const override {
    return "Edit a joint table P(X,Y): I(X;Y) is the KL between P_XY and P_X ⊗ P_Y";
  }
  bool opens(Kind kind) const override { return kind == Kind::joint; }
  std::filesystem::path preset_folder() const override { return "presets/joint"; }
  void sync() override;
  void draw(App& app, const LabArea& area) override;
  std::span<const std::string_view> figures() const override;
  plot::FigureSource figure_source() const override { return {&doc.scenario(), nullptr, shown_base()}; }
  void register_actions(ActionRegistry& registry) override;
  std::string status_hint() const override;
  void reset_view() override;
  void view_menu(App& app) override;
  nlohmann::json layout() const override;

  using Cell = std::pair<std::size_t, std::size_t>;

  // Derived data, recomputed when the document changes.
  plot::JointFigureData data;
  std::uint64_t data_revision = ~std::uint64_t{0};
  Base data_shown_base = Base::e;  // the units `data` was computed in
  std::string error;

  bool lock_marginals = false;  // edits keep P_X and P_Y fixed: I changes, H(X) and H(Y) do not
  std::optional<Cell> hovered;  // in any of the heatmaps, last frame

  // A drag on the table: the cell, its probability and the pointer's y when it started, and the
  // grid height then (the mapping stays frozen for the whole drag).
  struct Drag {
    Cell cell;
    double start_prob = 0;
    float start_y = 0, grid_height = 1;
    bool paint = false;  // Shift: paint other cells with this cell's mass
    double brush = 0;
  };
  std::optional<Drag> drag;
  // A probability being typed into the values table, committed when its field loses focus.
  struct Typed {
    int row, col;
    double value;
  };
  std::optional<Typed> typing;
  plot::CellGrid table_grid;  // where the editable table was drawn (tests aim with it)
  bool compact_layout = false;
};

}  // namespace divlab::gui

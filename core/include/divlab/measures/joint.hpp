// Joint distributions and mutual information (SPEC §5): marginals, the quantities of a table
// P(X = xᵢ, Y = yⱼ), and pointwise mutual information, all computed without cancellation.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "divlab/distributions/distribution.hpp"
#include "divlab/measures/quantities.hpp"  // QuantityUnit

namespace divlab {

// A table as stored in a scenario: rows[i][j] = mass of (xᵢ, yⱼ). Every function below takes it
// unnormalised and requires R ≥ 1 rows of the same length C ≥ 1, finite masses ≥ 0, not all 0;
// anything else throws std::invalid_argument naming the cell.
using JointRows = std::span<const std::vector<double>>;

// The marginals P_X (one per row, pᵢ· = Σⱼ pᵢⱼ) and P_Y (one per column, p·ⱼ = Σᵢ pᵢⱼ), normalised.
struct JointMarginals {
  std::vector<double> x, y;
};

// The quantities of SPEC §5 in the base of `base`; each is finite and ≥ 0.
struct JointMeasures {
  Base base = Base::e;
  // H(X) = −Σᵢ pᵢ· log pᵢ·
  double entropy_x = 0;
  // H(Y) = −Σⱼ p·ⱼ log p·ⱼ
  double entropy_y = 0;
  // H(X,Y) = −Σᵢⱼ pᵢⱼ log pᵢⱼ
  double joint_entropy = 0;
  // H(X|Y) = −Σᵢⱼ pᵢⱼ (log pᵢⱼ − log p·ⱼ)   (= H(X,Y) − H(Y), summed term by term, each ≥ 0)
  double conditional_entropy_x_given_y = 0;
  // H(Y|X) = −Σᵢⱼ pᵢⱼ (log pᵢⱼ − log pᵢ·)   (= H(X,Y) − H(X))
  double conditional_entropy_y_given_x = 0;
  // I(X;Y) = D(P_XY ‖ P_X ⊗ P_Y) = Σᵢⱼ qᵢⱼ φ(pᵢⱼ/qᵢⱼ), qᵢⱼ = pᵢ·p·ⱼ, φ(r) = r log r − r + 1 ≥ 0
  double mutual_information = 0;
  // VI = H(X|Y) + H(Y|X)
  double variation_of_information = 0;
};

// One quantity of SPEC §5: its JSON key, its symbol, its unit and where JointMeasures keeps it.
struct JointQuantity {
  std::string_view key;     // "mutual_information"
  std::string_view symbol;  // "I(X;Y)"
  QuantityUnit unit;
  double JointMeasures::*value;
};

// Every quantity of SPEC §5, in SPEC order: the one list the CLI, exports and GUI follow.
inline constexpr std::array<JointQuantity, 7> kJointQuantities{{
    {"entropy_x", "H(X)", QuantityUnit::information, &JointMeasures::entropy_x},
    {"entropy_y", "H(Y)", QuantityUnit::information, &JointMeasures::entropy_y},
    {"joint_entropy", "H(X,Y)", QuantityUnit::information, &JointMeasures::joint_entropy},
    {"conditional_entropy_x_given_y", "H(X|Y)", QuantityUnit::information,
     &JointMeasures::conditional_entropy_x_given_y},
    {"conditional_entropy_y_given_x", "H(Y|X)", QuantityUnit::information,
     &JointMeasures::conditional_entropy_y_given_x},
    {"mutual_information", "I(X;Y)", QuantityUnit::information, &JointMeasures::mutual_information},
    {"variation_of_information", "VI", QuantityUnit::information, &JointMeasures::variation_of_information},
}};

// Pointwise mutual information pmi(xᵢ, yⱼ) = log pᵢⱼ/(pᵢ· p·ⱼ), row-major, in the base asked for:
// −∞ where pᵢⱼ = 0 < pᵢ·p·ⱼ; undefined where a marginal is 0 (a row or column of zeros).
struct PmiMatrix {
  std::size_t rows = 0, cols = 0;
  std::vector<double> value;          // value[i·cols + j]; 0 where undefined (never NaN)
  std::vector<unsigned char> defined;  // 1 where both marginals are > 0
  // pmi of cell (i, j), or nullopt where it is undefined.
  std::optional<double> at(std::size_t i, std::size_t j) const {
    const std::size_t k = i * cols + j;
    return defined[k] ? std::optional<double>(value[k]) : std::nullopt;
  }
};

// Everything the joint lab shows of a table, from one pass.
struct JointAnalysis {
  JointMarginals marginals;
  JointMeasures measures;
  PmiMatrix pmi;
};

// One-off computations (each allocates its working storage; the CLI, tests and exports).
JointMarginals joint_marginals(JointRows rows);
JointMeasures measure_joint(JointRows rows, Base base = Base::e);
PmiMatrix pointwise_mutual_information(JointRows rows, Base base = Base::e);
JointAnalysis analyse_joint(JointRows rows, Base base = Base::e);

// The same computations for a caller that repeats them (a lab redrawing every frame): the storage
// of the normalised table, its logs and the results is kept from one call to the next, so a frame
// of a 256×256 table allocates nothing (fresh megabytes cost more page faults than the sums).
class JointWorkspace {
 public:
  // Marginals, measures and pointwise MI of `rows`; valid until the next call.
  const JointAnalysis& analyse(JointRows rows, Base base = Base::e);
  // The measures alone (analysis().measures and .marginals are updated; .pmi is left as it was).
  const JointMeasures& measure(JointRows rows, Base base = Base::e);
  const JointAnalysis& analysis() const { return analysis_; }
  // The cells of the last table, normalised as the analysis saw them (row-major).
  std::span<const double> normalised() const { return p_; }

 private:
  friend struct JointWorkspaceAccess;  // joint.cpp
  std::vector<double> raw_, p_, lp_, lpx_, lpy_;  // the table flattened, normalised, and logs
  std::size_t rows_ = 0, cols_ = 0;
  JointAnalysis analysis_;
};

// The same measures re-expressed in another base.
JointMeasures in_base(const JointMeasures& m, Base base);

}  // namespace divlab

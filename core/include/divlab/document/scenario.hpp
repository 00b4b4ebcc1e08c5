// Scenario files (SPEC §2): strict loading with errors that name the place, and exact saving.
#pragma once
#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "divlab/common/names.hpp"
#include "divlab/distributions/distribution.hpp"

namespace divlab {

enum class Kind { discrete, continuous, joint };
inline constexpr EnumName<Kind> kKindNames[] = {
    {Kind::discrete, "discrete"}, {Kind::continuous, "continuous"}, {Kind::joint, "joint"}};
constexpr std::span<const EnumName<Kind>> enum_names(Kind) { return kKindNames; }

// A joint table P(X = xᵢ, Y = yⱼ) (SPEC §5): mass[i][j] for row i (a value of X) and column j (a
// value of Y), kept as given (unnormalised, rectangular). Labels are empty when not given.
struct JointTable {
  std::vector<std::vector<double>> mass;
  std::vector<std::string> x_labels, y_labels;
  bool operator==(const JointTable&) const = default;
};

// The `fit` section. `start` holds the model's parameters by name (e.g. mean, sd).
struct FitSpec {
  std::string model = "normal";
  std::string objective = "reverse_kl";  // forward_kl | reverse_kl | jsd
  std::map<std::string, double> start;
  std::optional<std::string> optimizer;
  std::optional<double> learning_rate;
  std::optional<int> max_steps;
  std::optional<double> tolerance;
  bool operator==(const FitSpec&) const = default;
};

// Everything needed to reproduce what the user sees. Masses and weights are kept as given
// (unnormalised), so that save → load round-trips exactly; computations normalise.
struct Scenario {
  std::optional<std::string> title;
  Kind kind = Kind::discrete;
  Base base = Base::e;
  bool base_given = false;               // "base" present in the file (kept on save)
  std::vector<double> support_x;         // empty: not given (x = 0..N−1)
  std::vector<std::string> labels;       // empty: not given
  std::vector<double> p_mass, q_mass;    // discrete
  Mixture p_mix, q_mix;                  // continuous
  JointTable joint;                      // joint (p, q, support and fit are then not used)
  nlohmann::json view;                   // GUI state; null when absent
  std::optional<FitSpec> fit;
  std::optional<std::string> message;    // discrete: the coding lab's message (SPEC §6 "coding.message")
  bool operator==(const Scenario&) const = default;
};

// A SPEC §4 error. what() is the full line without the "divlab: " prefix:
//   "coin.json: p.mass[3]: expected a finite number >= 0, got -0.2"
struct ScenarioError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses and validates text; `filename` is used in messages only. Duplicate keys are rejected
// (JSON leaves them undefined; a silent "last one wins" would hide a typo), as are numbers beyond
// the range of a double and nesting deeper than 64 levels.
Scenario parse_scenario(const std::string& text, const std::string& filename);
// Reads and parses a file (an unreadable file is also a ScenarioError).
Scenario load_scenario(const std::string& path);
// Canonical JSON text (2-space indent, doubles printed to round-trip exactly).
std::string to_json_text(const Scenario& s);
// Writes to a temporary file in the same folder, then renames it over `path`.
void save_scenario(const Scenario& s, const std::string& path);

// The built-in default scenario (shown by `divlab` with no file).
Scenario default_scenario();

struct Measures;
// Every quantity of SPEC §1 for the scenario's P and Q (normalised), in `base`. A joint scenario has
// no P and Q: std::invalid_argument (its quantities are measure_joint's, measures/joint.hpp).
Measures measure_scenario(const Scenario& s, Base base);

}  // namespace divlab

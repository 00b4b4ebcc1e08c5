// Distributions: discrete masses and 1-D mixtures of normal, laplace, student_t and uniform.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "divlab/common/names.hpp"

namespace divlab {

// Logarithm base of reported quantities: e → nats, 2 → bits.
enum class Base { e, two };
inline constexpr EnumName<Base> kBaseNames[] = {{Base::e, "e"}, {Base::two, "2"}};
constexpr std::span<const EnumName<Base>> enum_names(Base) { return kBaseNames; }
// ln b: divide a quantity in nats by this to express it in base b.
double ln_base(Base b);
std::string_view base_unit(Base b);  // "nats" or "bits"

// Returns mass / Σ mass without overflow (masses may be near DBL_MAX) or underflow of the
// ratios (subnormal masses stay exact where representable). Precondition: finite, ≥ 0, not all 0.
std::vector<double> normalised(std::span<const double> mass);

enum class Family { normal, laplace, student_t, uniform };
inline constexpr EnumName<Family> kFamilyNames[] = {
    {Family::normal, "normal"}, {Family::laplace, "laplace"}, {Family::student_t, "student_t"}, {Family::uniform, "uniform"}};
constexpr std::span<const EnumName<Family>> enum_names(Family) { return kFamilyNames; }

// One mixture component. Parameters by family:
//   normal: mean, scale (= sd) · laplace: mean, scale · student_t: mean, scale, df · uniform: low, high
struct Component {
  Family family = Family::normal;
  double weight = 1.0;
  double mean = 0.0;
  double scale = 1.0;
  double df = 1.0;
  double low = 0.0;
  double high = 1.0;
  bool operator==(const Component&) const = default;
};

// What the numerics can resolve (docs/numerics.md, "Known limits"). Beyond these a density cannot be
// sampled by doubles (a scale below the spacing of doubles near its centre), 1/scale or x − mean
// overflow, or a width is not representable — the loader refuses such input (SPEC §4) rather than
// give a silent wrong number:
//   |mean|, |low|, |high|, |x| ≤ kMaxCoordinate;  kMinScale ≤ scale ≤ kMaxScale;
//   scale ≥ kMinRelativeScale·|mean|;  high − low ≥ kMinRelativeScale·max(|low|, |high|);  df ≤ kMaxDf.
inline constexpr double kMaxCoordinate = 1e300;
inline constexpr double kMinScale = 1e-150;  // densities ≤ ~1e150: p·q and p·log p stay finite
inline constexpr double kMaxScale = 1e300;
inline constexpr double kMinRelativeScale = 1e-12;  // ~4500 doubles per scale
inline constexpr double kMaxDf = 1e300;
// A parameter of a component outside those limits (its key as in a scenario file: "sd" for a normal,
// "scale", "mean", "df", "low", "high") and what is expected; nullopt when the component is within
// them. Assumes the component is otherwise valid (finite, scale > 0, low < high).
struct LimitError {
  std::string key;
  std::string what;
};
std::optional<LimitError> component_limits(const Component& c);
// A location (mean, a uniform's end, a discrete support position, a view's end) outside ±kMaxCoordinate.
bool coordinate_in_range(double x);

// A finite mixture Σ w_i f_i(x). Weights need not sum to 1: every function below normalises.
struct Mixture {
  std::vector<Component> components;
  bool operator==(const Mixture&) const = default;
};

// Density, log-density (computed in the log domain: finite far into the tails) and CDF.
double pdf(const Component& c, double x);
double log_pdf(const Component& c, double x);
double cdf(const Component& c, double x);
double pdf(const Mixture& m, double x);
double log_pdf(const Mixture& m, double x);  // −∞ outside the support
double cdf(const Mixture& m, double x);

// The mixture with weights divided by their sum.
Mixture normalised(const Mixture& m);

}  // namespace divlab

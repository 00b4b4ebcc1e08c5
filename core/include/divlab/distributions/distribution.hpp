// Distributions: discrete masses and 1-D mixtures of normal, laplace, student_t and uniform.
#pragma once
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

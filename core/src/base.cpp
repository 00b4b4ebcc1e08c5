#include <cmath>
#include <numbers>

#include "divlab/distribution.hpp"

namespace divlab {

double ln_base(Base b) { return b == Base::two ? std::numbers::ln2 : 1.0; }
std::string_view base_name(Base b) { return b == Base::two ? "2" : "e"; }
std::string_view base_unit(Base b) { return b == Base::two ? "bits" : "nats"; }

}  // namespace divlab

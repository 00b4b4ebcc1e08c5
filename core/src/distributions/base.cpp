// Logarithm bases and re-expressing measures in another base.
#include <cmath>
#include <numbers>

#include "divlab/distributions/distribution.hpp"
#include "divlab/measures/measures.hpp"

namespace divlab {

double ln_base(Base b) { return b == Base::two ? std::numbers::ln2 : 1.0; }
std::string_view base_unit(Base b) { return b == Base::two ? "bits" : "nats"; }

Measures in_base(const Measures& m, Base base) {
  // H_b = H_e / ln b, so H_new = H_old · ln(old) / ln(new). W₁, TV, H, BC and the perplexities
  // carry no base. ∞ stays ∞.
  Measures out = m;
  out.base = base;
  if (m.base == base) return out;
  const double f = ln_base(m.base) / ln_base(base);
  for (double* v : {&out.entropy_p, &out.entropy_q, &out.cross_entropy_pq, &out.cross_entropy_qp, &out.kl_pq,
                    &out.kl_qp, &out.jsd})
    *v *= f;
  out.js_distance = std::sqrt(out.jsd);
  return out;
}

}  // namespace divlab

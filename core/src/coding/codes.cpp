#include "divlab/coding/codes.hpp"

#include <cmath>
#include <stdexcept>

#include "divlab/distributions/distribution.hpp"
#include "divlab/measures/measures.hpp"

namespace divlab {

double CodeComparison::extra_bits() const {
  // E_P[ℓ_Q] − E_P[ℓ_P]; E_P[ℓ_P] is always finite (P's code covers P's support).
  return length_p_code_q - length_p_code_p;
}

CodeComparison compare_codes(std::span<const double> p, std::span<const double> q) {
  if (p.size() != q.size()) throw std::invalid_argument("P and Q must have the same number of symbols");
  CodeComparison c;
  c.code_p = huffman_code(p);  // validates p
  c.code_q = huffman_code(q);  // validates q
  c.p = normalised(p);
  c.q = normalised(q);
  c.shannon_p = shannon_lengths(p);
  c.shannon_q = shannon_lengths(q);
  const Measures m = measure_discrete(p, q, {}, {}, Base::two);
  c.entropy_p = m.entropy_p;
  c.entropy_q = m.entropy_q;
  c.cross_entropy_pq = m.cross_entropy_pq;
  c.cross_entropy_qp = m.cross_entropy_qp;
  c.kl_pq = m.kl_pq;
  c.kl_qp = m.kl_qp;
  c.length_p_code_p = mean_length(p, c.code_p.lengths);
  c.length_p_code_q = mean_length(p, c.code_q.lengths);
  c.length_q_code_q = mean_length(q, c.code_q.lengths);
  c.length_q_code_p = mean_length(q, c.code_p.lengths);
  c.kl_p_code_q = kl_to_code(p, c.code_q.lengths);
  c.kl_p_code_p = kl_to_code(p, c.code_p.lengths);
  c.length_p_shannon_q = mean_length(p, c.shannon_q);
  c.length_p_shannon_p = mean_length(p, c.shannon_p);
  return c;
}

bool is_dyadic(std::span<const double> normalised_mass) {
  for (double m : normalised_mass) {
    if (m <= 0) continue;
    int e = 0;
    if (std::frexp(m, &e) != 0.5) return false;
  }
  return true;
}

}  // namespace divlab

// The codes of SPEC §6 for a discrete pair (P, Q): Huffman codes for each, their mean lengths on each
// other's data, the entropies and divergences they are compared with, and the identity
// E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q). Always in bits. One source for `divlab code`, the coding lab and
// its figures.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "divlab/coding/huffman.hpp"

namespace divlab {

struct CodeComparison {
  std::vector<double> p, q;  // normalised
  PrefixCode code_p, code_q;  // Huffman codes (SPEC §6 tie rule)
  std::vector<int> shannon_p, shannon_q;  // ⌈−log₂ p⌉, ⌈−log₂ q⌉ (−1 where 0)
  // From measure_discrete in bits (SPEC §1's rules: ∞ where the other has no mass).
  double entropy_p = 0, entropy_q = 0, cross_entropy_pq = 0, cross_entropy_qp = 0, kl_pq = 0, kl_qp = 0;
  // length_a_code_b = Σ a(x)·ℓ_b(x); ∞ when a has mass where b's code has no codeword.
  double length_p_code_p = 0, length_p_code_q = 0, length_q_code_q = 0, length_q_code_p = 0;
  // D(P‖2^−ℓ_Q), D(P‖2^−ℓ_P) (kl_to_code): E_P[ℓ_Q] = H(P) + kl_p_code_q, E_P[ℓ_P] = H(P) + kl_p_code_p.
  double kl_p_code_q = 0, kl_p_code_p = 0;
  // Shannon lengths of Q on P's data: E_P[⌈−log₂ q⌉] ∈ [H(P,Q), H(P,Q) + 1).
  double length_p_shannon_q = 0, length_p_shannon_p = 0;
  // The extra bits of Q's Huffman code on P's data over P's own: E_P[ℓ_Q] − E_P[ℓ_P] (∞ − finite = ∞).
  double extra_bits() const;
};

// Precondition as measure_discrete: p and q of the same length N ≥ 1, finite, ≥ 0, neither all 0
// (std::invalid_argument otherwise).
CodeComparison compare_codes(std::span<const double> p, std::span<const double> q);

// True when every positive probability is a power of two (then Huffman lengths are −log₂ p exactly).
bool is_dyadic(std::span<const double> normalised_mass);

}  // namespace divlab

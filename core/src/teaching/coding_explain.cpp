#include "divlab/teaching/coding_explain.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace divlab {

namespace {

constexpr std::array<CodingExplanation, 12> kExplanations{{
    {"entropy_p", "H(P)", "entropy of P", "H(P) = −Σ p(x) log₂ p(x)",
     "The fewest bits per symbol any code can average on data from P: the area under the dotted ideal "
     "lengths −log₂ p(x).", &CodeComparison::entropy_p},
    {"length_p_code_p", "E_P[ℓ_P]", "P's code on P's data", "E_P[ℓ_P] = Σ p(x) ℓ_P(x)",
     "What the Huffman code built for P costs on P's data: whole-bit lengths, so H(P) ≤ E_P[ℓ_P] < H(P) + 1.",
     &CodeComparison::length_p_code_p},
    {"cross_entropy_pq", "H(P,Q)", "cross-entropy", "H(P,Q) = −Σ p(x) log₂ q(x) = H(P) + D(P‖Q)",
     "What an ideal coder driven by Q (arithmetic coding, in the limit of long messages) pays per symbol of P; "
     "Shannon's lengths ⌈−log₂ q⌉ pay between H(P,Q) and H(P,Q) + 1.", &CodeComparison::cross_entropy_pq},
    {"length_p_code_q", "E_P[ℓ_Q]", "Q's code on P's data", "E_P[ℓ_Q] = Σ p(x) ℓ_Q(x) = H(P) + D(P‖2^−ℓ_Q)",
     "What the client pays: the Huffman code built for the model Q, used on data that really follow P. ∞ when P "
     "has a symbol Q's code has no codeword for.", &CodeComparison::length_p_code_q},
    {"kl_pq", "D(P‖Q)", "KL divergence", "D(P‖Q) = Σ p(x) log₂ p(x)/q(x)",
     "The bits per symbol lost to the wrong model by an ideal coder: H(P,Q) − H(P).", &CodeComparison::kl_pq},
    {"kl_p_code_q", "D(P‖2^−ℓ_Q)", "KL to Q's code", "D(P‖2^−ℓ_Q) = Σ p(x) (log₂ p(x) + ℓ_Q(x))",
     "The divergence from P to the distribution Q's code really assumes, r(x) = 2^−ℓ_Q(x): exactly the bits Q's "
     "Huffman code spends above H(P).", &CodeComparison::kl_p_code_q},
    {"extra_bits", "E_P[ℓ_Q] − E_P[ℓ_P]", "bits lost to the wrong code", "E_P[ℓ_Q] − E_P[ℓ_P]",
     "What using Q's Huffman code instead of P's costs per symbol of P's data.", nullptr},
    {"entropy_q", "H(Q)", "entropy of Q", "H(Q) = −Σ q(x) log₂ q(x)",
     "The fewest bits per symbol on data from Q.", &CodeComparison::entropy_q},
    {"cross_entropy_qp", "H(Q,P)", "cross-entropy, reversed", "H(Q,P) = −Σ q(x) log₂ p(x)",
     "An ideal coder driven by P on data from Q.", &CodeComparison::cross_entropy_qp},
    {"kl_qp", "D(Q‖P)", "KL divergence, reversed", "D(Q‖P) = Σ q(x) log₂ q(x)/p(x)",
     "The bits lost when the data follow Q and the code was built for P.", &CodeComparison::kl_qp},
    {"length_q_code_q", "E_Q[ℓ_Q]", "Q's code on Q's data", "E_Q[ℓ_Q] = Σ q(x) ℓ_Q(x)",
     "Q's Huffman code on the data it was built for.", &CodeComparison::length_q_code_q},
    {"length_q_code_p", "E_Q[ℓ_P]", "P's code on Q's data", "E_Q[ℓ_P] = Σ q(x) ℓ_P(x)",
     "P's Huffman code on data from Q.", &CodeComparison::length_q_code_p},
}};

std::string num(double v) {
  if (std::isinf(v)) return v > 0 ? "∞" : "−∞";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

std::span<const CodingExplanation> coding_explanations() { return kExplanations; }

const CodingExplanation* coding_explanation(std::string_view key) {
  for (const CodingExplanation& e : kExplanations)
    if (e.key == key) return &e;
  return nullptr;
}

double coding_value(std::string_view key, const CodeComparison& c) {
  if (key == "extra_bits") return c.extra_bits();
  const CodingExplanation* e = coding_explanation(key);
  return e && e->value ? c.*(e->value) : std::nan("");
}

std::string coding_sentence(std::string_view key, const CodeComparison& c) {
  if (key == "entropy_p") return "No code beats " + num(c.entropy_p) + " bits per symbol on P's data.";
  if (key == "length_p_code_p")
    return "P's own code spends " + num(c.length_p_code_p - c.entropy_p) + " bits per symbol above H(P), for rounding "
           "lengths to whole bits.";
  if (key == "cross_entropy_pq")
    return num(c.cross_entropy_pq) + " = " + num(c.entropy_p) + " + " + num(c.kl_pq) + " bits: H(P) plus the cost of the wrong model.";
  if (key == "length_p_code_q") {
    if (std::isinf(c.length_p_code_q)) return "Q's code cannot write some symbol P produces: its cost is ∞.";
    return num(c.length_p_code_q) + " = " + num(c.entropy_p) + " + " + num(c.kl_p_code_q) + " bits (H(P) + D(P‖2^−ℓ_Q)).";
  }
  if (key == "kl_pq") return "An ideal coder using Q wastes " + num(c.kl_pq) + " bits per symbol of P.";
  if (key == "kl_p_code_q") return "Q's code spends " + num(c.kl_p_code_q) + " bits per symbol above the entropy.";
  if (key == "extra_bits")
    return "Q's code costs " + num(c.extra_bits()) + " bits per symbol more than P's; D(P‖Q) = " + num(c.kl_pq) + ".";
  if (const CodingExplanation* e = coding_explanation(key); e && e->value)
    return std::string(e->symbol) + " = " + num(c.*(e->value)) + " bits.";
  return {};
}

std::string huffman_vs_kl_sentence(const CodeComparison& c) {
  if (std::isinf(c.kl_pq))
    return "Q gives probability 0 to a symbol P produces, so no code built for Q can write P's data: every cost is ∞.";
  const bool dyadic_q = is_dyadic(c.q), dyadic_p = is_dyadic(c.p);
  std::string s = "Huffman lengths are whole bits, so E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q), with 2^−ℓ_Q the distribution Q's "
                  "code really assumes, not Q. ";
  if (dyadic_q && dyadic_p)
    return s + "Here every probability is a power of ½, so ℓ = −log₂ exactly: the extra bits " + num(c.extra_bits()) +
           " are exactly D(P‖Q) = " + num(c.kl_pq) + ".";
  if (dyadic_q)
    s += "Q is dyadic, so E_P[ℓ_Q] = H(P,Q) = " + num(c.cross_entropy_pq) + " exactly; P's own code still rounds. ";
  s += "The extra bits (" + num(c.extra_bits()) + ") and D(P‖Q) (" + num(c.kl_pq) +
       ") agree only for dyadic P and Q; an arithmetic coder driven by Q pays H(P,Q) per symbol on long messages, "
       "so there the difference per symbol approaches D(P‖Q). (Q = (.9, .1) on P = (.1, .9): Huffman costs 1 bit, "
       "H(P,Q) = 3.0 bits.)";
  return s;
}

}  // namespace divlab

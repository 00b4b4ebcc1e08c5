// Binary prefix codes for a discrete distribution (SPEC §6): Huffman codes under the contract's tie
// rule, Shannon lengths, mean lengths of one distribution's code on another's data, and a message
// encoded under a prefix code. Everything here is in bits.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace divlab {

// A node of a code tree. Leaves are created first (one per symbol of positive probability, in
// symbol order), then one node per merge, in merge order; `nodes` keeps that creation order.
struct CodeNode {
  double weight = 0;  // leaf: the normalised probability; merge: first taken + second taken (a double)
  int symbol = -1;    // the symbol of a leaf; −1 for a merge
  int child[2] = {-1, -1};  // a merge's children: child[0] was taken first (bit 0), child[1] second (bit 1)
  int parent = -1;
};

// A binary prefix code over N symbols. A symbol of probability 0 has no codeword.
// The codewords live in one pooled buffer (one allocation for all N, not one string each): symbol
// x's codeword is the lengths[x] characters '0'/'1' of `bits` from offsets[x].
struct PrefixCode {
  std::vector<int> lengths;           // N entries; −1 where there is no codeword
  std::string bits;                   // every codeword, symbol after symbol (Σ ℓ(x) characters)
  std::vector<std::size_t> offsets;   // N entries: where symbol x's codeword starts in `bits`
  std::vector<CodeNode> nodes;        // the tree, in creation order (empty for a Shannon code)
  int root = -1;                      // index into nodes, −1 when there are none
  std::size_t size() const { return lengths.size(); }
  bool has(std::size_t x) const { return lengths[x] >= 0; }
  // Symbol x's codeword ("0"/"1" characters); empty when it has none (a codeword is never empty).
  std::string_view codeword(std::size_t x) const {
    return has(x) ? std::string_view(bits).substr(offsets[x], static_cast<std::size_t>(lengths[x])) : std::string_view();
  }
  // The codeword, or `none` for a symbol without one (tables print "—").
  std::string_view codeword_or(std::size_t x, std::string_view none) const { return has(x) ? codeword(x) : none; }
};

// The binary Huffman code of `mass` (finite, ≥ 0, not all 0; normalised here). SPEC §6's tie rule:
// repeatedly take the two nodes of least weight; among equal weights the node created earlier is
// taken first; the first taken gets bit 0. A code over one symbol is "0". O(N log N).
// Throws std::invalid_argument on invalid mass.
PrefixCode huffman_code(std::span<const double> mass);

// Only the codeword lengths of huffman_code (no strings), for large alphabets: O(N log N).
std::vector<int> huffman_lengths(std::span<const double> mass);

// Shannon lengths ℓ(x) = ⌈−log₂ q(x)⌉ of the normalised `mass` (−1 where q(x) = 0). Exact: from
// q = m·2^e with m ∈ [½, 1), ⌈−log₂ q⌉ = 1 − e.
std::vector<int> shannon_lengths(std::span<const double> mass);

// Mean length Σ_x a(x)·ℓ(x) (bits) of a code with `lengths` on data from the normalised `mass` a;
// +∞ when a has mass on a symbol without a codeword (ℓ = −1).
double mean_length(std::span<const double> mass, std::span<const int> lengths);

// Kraft sum Σ_x 2^−ℓ(x) over the symbols with a codeword (1 for a full binary tree; ½ for "0").
double kraft_sum(std::span<const int> lengths);

// D(P‖2^−ℓ) = Σ_{p(x)>0} p(x)·(log₂ p(x) + ℓ(x)) (bits): the divergence from P to the (sub-)
// probability the code implies, r(x) = 2^−ℓ(x), taken as given (not renormalised). +∞ when P has
// mass on a symbol without a codeword. With it E_P[ℓ] = H(P) + D(P‖2^−ℓ) exactly.
double kl_to_code(std::span<const double> mass, std::span<const int> lengths);

// True when no codeword is a prefix of another.
bool is_prefix_free(const PrefixCode& code);

// A message's bit string under a code: the codewords of its symbols, concatenated. nullopt when a
// symbol has no codeword (the message cannot be written in this code).
std::optional<std::string> encode_message(const PrefixCode& code, std::span<const int> message);

// Decodes a bit string written by encode_message; nullopt when it is not a whole number of codewords.
std::optional<std::vector<int>> decode_message(const PrefixCode& code, const std::string& bits);

}  // namespace divlab

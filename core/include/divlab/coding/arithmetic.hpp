// An integer binary arithmetic coder (Witten, Neal and Cleary, "Arithmetic coding for data
// compression", CACM 1987): 32-bit low/high, the range narrowed by each symbol's share of integer
// frequencies, renormalised bit by bit with the underflow ("pending bits") case when the range
// straddles the middle. Encode and decode round-trip; the steps can be recorded for the GUI.
//
// Length guarantee (tested): for a message x₁…xₙ the code has at most
//   −Σ log₂(f(xᵢ)/T) + n·ε + 2 bits,   ε = −log₂(1 − T/2³⁰)  (the truncation of range·f/T),
// where f are the model's integer frequencies and T their total; against the real-valued model Q add
// the quantisation term Σ log₂(q(xᵢ)·T/f(xᵢ)) (model_bits vs ideal_bits below).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace divlab {

// Integer frequencies of a distribution: f(x) = max(1, round(q(x)·T_target)) where q(x) > 0, else 0
// (a symbol of probability 0 cannot be coded). cum[x] = Σ_{y<x} f(y), total = cum[N].
struct FrequencyModel {
  std::vector<uint32_t> freq;
  std::vector<uint64_t> cum;  // N + 1 entries
  uint64_t total = 0;
  // ε above: the most bits per symbol the coder's truncation can lose.
  double overhead_per_symbol() const;
};

// T_target = 2¹⁶, or 16 per symbol for alphabets over 4096 symbols (at most 2²⁴). Throws
// std::invalid_argument on masses that are not finite, ≥ 0 and not all 0.
FrequencyModel frequency_model(std::span<const double> mass);

// One symbol's narrowing, for drawing: the window [low, high] of 32-bit integers before the symbol,
// the sub-range it selected, and what renormalisation did afterwards.
struct CoderStep {
  int symbol = 0;
  uint32_t low = 0, high = 0;          // before
  uint32_t new_low = 0, new_high = 0;  // the symbol's sub-range, before renormalisation
  std::string bits;                    // bits emitted by the renormalisation after this symbol
  int pending = 0;                     // underflow bits still pending after it
  double log2_width = 0;               // log₂ of the whole message interval's width so far (≤ 0)
};

struct ArithmeticCode {
  std::vector<uint8_t> bytes;  // the code, most significant bit first, zero-padded to whole bytes
  std::size_t bit_count = 0;
  double model_bits = 0;   // −Σ log₂(f(xᵢ)/T): the ideal length under the integer model
  double overhead_bits = 0;  // n·ε + 2: the stated excess allowed over model_bits
  std::vector<CoderStep> steps;  // only when recorded
  std::string bit_string() const;  // "0"/"1" characters
};

// Encodes symbols 0…N−1 under the model; nullopt when a symbol is out of range or has frequency 0.
std::optional<ArithmeticCode> arithmetic_encode(const FrequencyModel& model, std::span<const int> message,
                                                bool record_steps = false);

// Decodes `count` symbols from the code (bits past the end read as 0).
std::vector<int> arithmetic_decode(const FrequencyModel& model, std::span<const uint8_t> bytes, std::size_t bit_count,
                                   std::size_t count);

// −Σ log₂ q(xᵢ) under the normalised mass: the ideal length of the message (+∞ if some q(xᵢ) = 0).
double ideal_bits(std::span<const double> mass, std::span<const int> message);

// n symbols drawn independently from the normalised mass with a seeded 64-bit Mersenne twister and
// inverse-CDF sampling on 53-bit uniforms: the same seed gives the same message on every machine.
std::vector<int> sample_message(std::span<const double> mass, std::size_t n, uint64_t seed);

}  // namespace divlab

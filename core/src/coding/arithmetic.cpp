#include "divlab/coding/arithmetic.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

#include "coding/checked_mass.hpp"

namespace divlab {

namespace {

constexpr uint64_t kTop = 0xFFFFFFFFull;      // 2³² − 1: the window's last value
constexpr uint64_t kHalf = 0x80000000ull;     // 2³¹
constexpr uint64_t kQuarter = 0x40000000ull;  // 2³⁰
constexpr uint64_t kThreeQuarters = 3 * kQuarter;

using detail::checked_normalised;

class BitWriter {
 public:
  explicit BitWriter(std::vector<uint8_t>& out) : out_(out) {}
  void put(int bit) {
    if ((count_ & 7) == 0) out_.push_back(0);
    if (bit) out_.back() |= static_cast<uint8_t>(0x80u >> (count_ & 7));
    ++count_;
  }
  std::size_t count() const { return count_; }

 private:
  std::vector<uint8_t>& out_;
  std::size_t count_ = 0;
};

}  // namespace

double FrequencyModel::overhead_per_symbol() const {
  // ε = −log₂(1 − T/2³⁰): after renormalisation the range exceeds 2³⁰, and the sub-range
  // ⌊R·c₊/T⌋ − ⌊R·c₋/T⌋ > R·f/T − 1 ≥ (R·f/T)(1 − T/R).
  return -std::log2(1.0 - static_cast<double>(total) / static_cast<double>(kQuarter));
}

FrequencyModel frequency_model(std::span<const double> mass) {
  const std::vector<double> q = checked_normalised(mass);
  const double target = q.size() <= 4096 ? 65536.0 : std::min(16.0 * std::exp2(std::ceil(std::log2(q.size()))), 16777216.0);
  FrequencyModel m;
  m.freq.resize(q.size());
  m.cum.resize(q.size() + 1, 0);
  for (std::size_t x = 0; x < q.size(); ++x) {
    // f(x) = max(1, round(q(x)·T_target)) for q(x) > 0, else 0.
    m.freq[x] = q[x] > 0 ? static_cast<uint32_t>(std::max(1.0, std::round(q[x] * target))) : 0u;
    m.cum[x + 1] = m.cum[x] + m.freq[x];
  }
  m.total = m.cum.back();
  return m;
}

std::string ArithmeticCode::bit_string() const {
  std::string s(bit_count, '0');
  for (std::size_t i = 0; i < bit_count; ++i)
    if (bytes[i >> 3] & (0x80u >> (i & 7))) s[i] = '1';
  return s;
}

std::optional<ArithmeticCode> arithmetic_encode(const FrequencyModel& model, std::span<const int> message,
                                                bool record_steps) {
  ArithmeticCode code;
  BitWriter out(code.bytes);
  uint64_t low = 0, high = kTop, pending = 0;
  double log2_width = 0;
  const double log2_total = std::log2(static_cast<double>(model.total));
  std::string* step_bits = nullptr;
  auto emit = [&](int bit) {
    out.put(bit);
    if (step_bits) step_bits->push_back(static_cast<char>('0' + bit));
    for (; pending > 0; --pending) {
      out.put(!bit);
      if (step_bits) step_bits->push_back(static_cast<char>('0' + !bit));
    }
  };
  if (record_steps) code.steps.reserve(message.size());
  for (int x : message) {
    if (x < 0 || static_cast<std::size_t>(x) >= model.freq.size() || model.freq[x] == 0) return std::nullopt;
    const uint64_t range = high - low + 1;
    const uint64_t new_high = low + range * model.cum[x + 1] / model.total - 1;
    const uint64_t new_low = low + range * model.cum[x] / model.total;
    code.model_bits += log2_total - std::log2(static_cast<double>(model.freq[x]));  // −log₂(f/T)
    if (record_steps) {
      log2_width += std::log2(static_cast<double>(new_high - new_low + 1) / static_cast<double>(range));
      CoderStep& step = code.steps.emplace_back();
      step.symbol = x;
      step.low = static_cast<uint32_t>(low);
      step.high = static_cast<uint32_t>(high);
      step.new_low = static_cast<uint32_t>(new_low);
      step.new_high = static_cast<uint32_t>(new_high);
      step_bits = &code.steps.back().bits;
    }
    low = new_low;
    high = new_high;
    for (;;) {
      if (high < kHalf) {
        emit(0);
      } else if (low >= kHalf) {
        emit(1);
        low -= kHalf;
        high -= kHalf;
      } else if (low >= kQuarter && high < kThreeQuarters) {  // straddles the middle: underflow
        ++pending;
        low -= kQuarter;
        high -= kQuarter;
      } else {
        break;
      }
      low = 2 * low;
      high = 2 * high + 1;
    }
    if (record_steps) {
      code.steps.back().pending = static_cast<int>(pending);
      code.steps.back().log2_width = log2_width;
      step_bits = nullptr;
    }
  }
  // Two more bits (and the pending ones) pick a point inside the final range.
  ++pending;
  emit(low < kQuarter ? 0 : 1);
  code.bit_count = out.count();
  code.overhead_bits = static_cast<double>(message.size()) * model.overhead_per_symbol() + 2;
  return code;
}

std::vector<int> arithmetic_decode(const FrequencyModel& model, std::span<const uint8_t> bytes, std::size_t bit_count,
                                   std::size_t count) {
  std::size_t next = 0;
  auto bit = [&]() -> uint64_t {
    const std::size_t i = next++;
    return i < bit_count && (bytes[i >> 3] & (0x80u >> (i & 7))) ? 1 : 0;
  };
  uint64_t low = 0, high = kTop, value = 0;
  for (int i = 0; i < 32; ++i) value = 2 * value + bit();
  std::vector<int> out;
  out.reserve(count);
  for (std::size_t k = 0; k < count; ++k) {
    const uint64_t range = high - low + 1;
    const uint64_t target = ((value - low + 1) * model.total - 1) / range;
    // The symbol x with cum[x] ≤ target < cum[x + 1] (frequency-0 symbols have empty intervals).
    const auto it = std::upper_bound(model.cum.begin(), model.cum.end(), target);
    // (Clamped: value stays within [low, high] for any bits, so target < T; never index past the model.)
    const int x = std::clamp(static_cast<int>(it - model.cum.begin()) - 1, 0, static_cast<int>(model.freq.size()) - 1);
    out.push_back(x);
    high = low + range * model.cum[x + 1] / model.total - 1;
    low = low + range * model.cum[x] / model.total;
    for (;;) {
      if (high < kHalf) {
      } else if (low >= kHalf) {
        low -= kHalf;
        high -= kHalf;
        value -= kHalf;
      } else if (low >= kQuarter && high < kThreeQuarters) {
        low -= kQuarter;
        high -= kQuarter;
        value -= kQuarter;
      } else {
        break;
      }
      low = 2 * low;
      high = 2 * high + 1;
      value = 2 * value + bit();
    }
  }
  return out;
}

double ideal_bits(std::span<const double> mass, std::span<const int> message) {
  const std::vector<double> q = checked_normalised(mass);
  // −Σᵢ log₂ q(xᵢ)
  double sum = 0;
  for (int x : message) {
    if (x < 0 || static_cast<std::size_t>(x) >= q.size()) throw std::invalid_argument("ideal_bits: symbol out of range");
    if (q[x] == 0) return std::numeric_limits<double>::infinity();
    sum -= std::log2(q[x]);
  }
  return sum;
}

std::vector<int> sample_message(std::span<const double> mass, std::size_t n, uint64_t seed) {
  const std::vector<double> p = checked_normalised(mass);
  std::vector<double> cdf(p.size());
  double run = 0;
  int last = 0;
  for (std::size_t x = 0; x < p.size(); ++x) {
    run += p[x];
    cdf[x] = run;
    if (p[x] > 0) last = static_cast<int>(x);
  }
  std::mt19937_64 rng(seed);
  std::vector<int> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double u = static_cast<double>(rng() >> 11) * 0x1p-53;  // uniform on [0, 1) in steps of 2⁻⁵³
    // The first x with u < F(x): never a symbol of probability 0 (its F equals the one before).
    const std::size_t x = static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    out[i] = x < p.size() ? static_cast<int>(x) : last;
  }
  return out;
}

}  // namespace divlab

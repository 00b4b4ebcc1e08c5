// coding/arithmetic.hpp: bit strings against the independent reference coder
// (tests/reference/gen_coding.py), encode/decode round trips on random models and messages, the
// stated length bound (≤ −log₂ of the integer model's probability + n·ε + 2, and the quantisation term
// against Q), the recorded narrowing, and the per-symbol cost of coding P's data with Q's model → D(P‖Q).
#include "divlab/coding/arithmetic.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>

#include "divlab/measures/measures.hpp"

namespace divlab {
namespace {

using nlohmann::json;

TEST(Arithmetic, MatchesTheReferenceCoderBitForBit) {
  std::ifstream in(std::string(DIVLAB_TEST_DATA_DIR) + "/reference/coding.json");
  ASSERT_TRUE(in.good());
  const json ref = json::parse(in);
  ASSERT_GE(ref["arithmetic"].size(), 5u);
  for (const json& c : ref["arithmetic"]) {
    const std::string name = c["name"];
    const FrequencyModel m = frequency_model(c["q"].get<std::vector<double>>());
    EXPECT_EQ(m.freq, c["freq"].get<std::vector<uint32_t>>()) << name;
    const auto msg = c["message"].get<std::vector<int>>();
    const auto code = arithmetic_encode(m, msg);
    ASSERT_TRUE(code) << name;
    EXPECT_EQ(code->bit_string(), c["bits"].get<std::string>()) << name;
    EXPECT_EQ(arithmetic_decode(m, code->bytes, code->bit_count, msg.size()), msg) << name;
  }
}

TEST(Arithmetic, RoundTripsAndStaysWithinTheStatedBound) {
  std::mt19937_64 rng(2026);
  for (int trial = 0; trial < 400; ++trial) {
    const std::size_t n = 1 + rng() % (trial % 4 == 0 ? 300 : 12);
    std::vector<double> q(n);
    for (double& v : q) v = rng() % 4 == 0 ? 0 : std::ldexp(static_cast<double>(rng() % 1000 + 1), -static_cast<int>(rng() % 24));
    q[rng() % n] = 1;
    const FrequencyModel m = frequency_model(q);
    std::vector<int> msg(rng() % 2000);
    for (int& x : msg) {
      do x = static_cast<int>(rng() % n);
      while (m.freq[x] == 0);
    }
    const auto code = arithmetic_encode(m, msg);
    ASSERT_TRUE(code);
    const std::string what = "trial " + std::to_string(trial) + ", " + std::to_string(msg.size()) + " symbols";
    EXPECT_EQ(arithmetic_decode(m, code->bytes, code->bit_count, msg.size()), msg) << what;
    // −log₂ of the integer model's probability of the message, and the stated bound.
    double model_bits = 0;
    for (int x : msg) model_bits -= std::log2(static_cast<double>(m.freq[x]) / static_cast<double>(m.total));
    EXPECT_NEAR(code->model_bits, model_bits, 1e-9 * (1 + model_bits)) << what;
    EXPECT_LE(static_cast<double>(code->bit_count), model_bits + code->overhead_bits + 1e-9) << what;
    EXPECT_GE(static_cast<double>(code->bit_count) + 1e-9, std::floor(model_bits)) << what;  // no code beats the model by a bit
    // Against Q itself: −log₂ Q(message) plus the quantisation term Σ log₂(q(xᵢ)·T/f(xᵢ)) plus the overhead.
    const double q_bits = ideal_bits(q, msg);
    double qsum = 0;
    for (double v : q) qsum += v;
    double quantisation = 0;
    for (int x : msg) quantisation += std::log2(q[x] / qsum * static_cast<double>(m.total) / m.freq[x]);
    EXPECT_LE(static_cast<double>(code->bit_count), q_bits + quantisation + code->overhead_bits + 1e-6) << what;
  }
}

TEST(Arithmetic, LongMessagesFromPCodedWithQCostDMore) {
  const std::vector<double> p{0.5, 0.25, 0.125, 0.125}, q{0.125, 0.125, 0.25, 0.5};
  const std::vector<int> msg = sample_message(p, 200000, 7);
  const auto with_p = arithmetic_encode(frequency_model(p), msg), with_q = arithmetic_encode(frequency_model(q), msg);
  ASSERT_TRUE(with_p && with_q);
  const double per_symbol = (static_cast<double>(with_q->bit_count) - static_cast<double>(with_p->bit_count)) / msg.size();
  const double kl = measure_discrete(p, q, {}, {}, Base::two).kl_pq;  // 1.125 bits
  // The empirical average of log₂ p/q over 200000 draws: its standard deviation is ≈ 1.1/√200000 ≈ 0.0025.
  EXPECT_NEAR(per_symbol, kl, 0.015);
}

TEST(Arithmetic, RecordsTheNarrowing) {
  const std::vector<double> q{0.7, 0.2, 0.1};
  const FrequencyModel m = frequency_model(q);
  const std::vector<int> msg{0, 0, 2, 1, 0, 2, 2, 0};
  const auto code = arithmetic_encode(m, msg, true);
  ASSERT_TRUE(code);
  ASSERT_EQ(code->steps.size(), msg.size());
  std::string bits;
  double prev_width = 0;
  for (std::size_t k = 0; k < msg.size(); ++k) {
    const CoderStep& s = code->steps[k];
    EXPECT_EQ(s.symbol, msg[k]);
    EXPECT_LE(s.low, s.new_low);
    EXPECT_LE(s.new_high, s.high);
    EXPECT_LT(s.new_low, s.new_high);
    EXPECT_LT(s.log2_width, prev_width);  // the interval only narrows
    prev_width = s.log2_width;
    bits += s.bits;
  }
  EXPECT_NEAR(prev_width, -ideal_bits(q, msg), 0.01);
  // The steps' bits are a prefix of the code (the final bits come after the last step).
  EXPECT_EQ(code->bit_string().substr(0, bits.size()), bits);
  EXPECT_EQ(code->bit_string(), arithmetic_encode(m, msg)->bit_string());
}

TEST(Arithmetic, RefusesSymbolsWithoutProbability) {
  const FrequencyModel m = frequency_model(std::vector<double>{1, 0, 1});
  EXPECT_EQ(m.freq[1], 0u);
  EXPECT_FALSE(arithmetic_encode(m, std::vector<int>{0, 1}));
  EXPECT_FALSE(arithmetic_encode(m, std::vector<int>{5}));
  EXPECT_EQ(ideal_bits(std::vector<double>{1, 0}, std::vector<int>{1}), std::numeric_limits<double>::infinity());
  EXPECT_THROW(frequency_model(std::vector<double>{0, 0}), std::invalid_argument);
  // An empty message is the two final bits.
  EXPECT_EQ(arithmetic_encode(m, std::vector<int>{})->bit_count, 2u);
}

TEST(Arithmetic, SamplesAreReproducibleAndFollowP) {
  const std::vector<double> p{0.2, 0, 0.8};
  const std::vector<int> a = sample_message(p, 10000, 3), b = sample_message(p, 10000, 3);
  EXPECT_EQ(a, b);
  std::size_t twos = 0;
  for (int x : a) {
    EXPECT_NE(x, 1);
    twos += x == 2;
  }
  EXPECT_NEAR(twos / 10000.0, 0.8, 0.02);
}

}  // namespace
}  // namespace divlab

namespace divlab {
namespace {

// Decoding bits that no encoder wrote (random, empty, truncated) yields symbols of the model and
// never reads past it.
TEST(Arithmetic, DecodingAnyBitsStaysInsideTheModel) {
  const FrequencyModel m = frequency_model(std::vector<double>{0.5, 0, 0.3, 0.2});
  std::mt19937_64 rng(9);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<uint8_t> bytes(rng() % 40);
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(rng());
    const std::vector<int> out = arithmetic_decode(m, bytes, bytes.size() * 8, 100);
    ASSERT_EQ(out.size(), 100u);
    for (int x : out) {
      EXPECT_GE(x, 0);
      EXPECT_LT(x, 4);
      EXPECT_NE(x, 1);  // probability 0: never decoded
    }
  }
}

}  // namespace
}  // namespace divlab

// coding/codes.hpp and coding/huffman.hpp: codes, lengths and quantities against the independent
// reference (tests/reference/gen_coding.py: heapq Huffman under SPEC §6's tie rule, mpmath at 50
// digits); Kraft equality, prefix-freeness, H ≤ E[ℓ] < H + 1, the identity E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q),
// Shannon lengths, message round trips, a million symbols, bad input.
#include "divlab/coding/codes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>

#include "divlab/coding/huffman.hpp"

namespace divlab {
namespace {

using nlohmann::json;
constexpr double kInf = std::numeric_limits<double>::infinity();
double tol(double want) { return 1e-12 + 1e-9 * std::abs(want); }

json reference() {
  std::ifstream in(std::string(DIVLAB_TEST_DATA_DIR) + "/reference/coding.json");
  EXPECT_TRUE(in.good());
  return json::parse(in);
}

double value(const json& v) { return v.is_string() ? (v == "inf" ? kInf : std::nan("")) : v.get<double>(); }

void expect_value(double got, const json& want, const std::string& what) {
  const double w = value(want);
  if (std::isinf(w)) {
    EXPECT_EQ(got, w) << what;
  } else {
    EXPECT_NEAR(got, w, tol(w)) << what;
  }
}

std::vector<std::optional<std::string>> codes(const json& j) {
  std::vector<std::optional<std::string>> out;
  for (const json& c : j) out.push_back(c.is_null() ? std::nullopt : std::optional(c.get<std::string>()));
  return out;
}

// Every symbol's codeword, nullopt where there is none.
std::vector<std::optional<std::string>> words(const PrefixCode& code) {
  std::vector<std::optional<std::string>> out;
  for (std::size_t x = 0; x < code.size(); ++x)
    out.push_back(code.has(x) ? std::optional(std::string(code.codeword(x))) : std::nullopt);
  return out;
}

TEST(Huffman, CodewordsShareOnePooledBuffer) {
  // One buffer of Σ ℓ(x) characters for all codewords (no string per symbol), in symbol order; a
  // symbol without a codeword takes no room.
  const PrefixCode c = huffman_code(std::vector<double>{0.4, 0, 0.2, 0.2, 0.1, 0.1});
  EXPECT_EQ(c.bits, "11" "00" "01" "100" "101");  // the tie rule's code (TieRuleTakesTheEarlierNodeFirst)
  EXPECT_EQ(c.offsets, (std::vector<std::size_t>{0, 2, 2, 4, 6, 9}));
  EXPECT_EQ(c.codeword(1), "");
  EXPECT_EQ(c.codeword_or(1, "—"), "—");
  for (std::size_t x : {0u, 2u, 3u, 4u, 5u}) {
    EXPECT_EQ(c.codeword(x).size(), static_cast<std::size_t>(c.lengths[x]));
    EXPECT_GE(c.codeword(x).data(), c.bits.data());  // a view into the pool, not a copy
    EXPECT_LE(c.codeword(x).data() + c.codeword(x).size(), c.bits.data() + c.bits.size());
  }
  const PrefixCode one = huffman_code(std::vector<double>{0, 3});
  EXPECT_EQ(one.bits, "0");
  EXPECT_EQ(one.codeword(1), "0");
}

TEST(Huffman, MatchesTheIndependentReference) {
  const json ref = reference();
  ASSERT_GE(ref["huffman"].size(), 12u);
  for (const json& c : ref["huffman"]) {
    const std::string name = c["name"];
    const auto p = c["p"].get<std::vector<double>>(), q = c["q"].get<std::vector<double>>();
    const CodeComparison cc = compare_codes(p, q);
    EXPECT_EQ(words(cc.code_p), codes(c["code_p"])) << name;
    EXPECT_EQ(words(cc.code_q), codes(c["code_q"])) << name;
    for (const char* key : {"entropy_p", "entropy_q", "cross_entropy_pq", "cross_entropy_qp", "kl_pq", "kl_qp"}) {
      const double got = key == std::string("entropy_p") ? cc.entropy_p
                         : key == std::string("entropy_q") ? cc.entropy_q
                         : key == std::string("cross_entropy_pq") ? cc.cross_entropy_pq
                         : key == std::string("cross_entropy_qp") ? cc.cross_entropy_qp
                         : key == std::string("kl_pq") ? cc.kl_pq
                                                       : cc.kl_qp;
      expect_value(got, c[key], name + " " + key);
    }
    expect_value(cc.length_p_code_p, c["length_p_code_p"], name + " length_p_code_p");
    expect_value(cc.length_p_code_q, c["length_p_code_q"], name + " length_p_code_q");
    expect_value(cc.length_q_code_q, c["length_q_code_q"], name + " length_q_code_q");
    expect_value(cc.length_q_code_p, c["length_q_code_p"], name + " length_q_code_p");
    expect_value(cc.kl_p_code_q, c["kl_p_code_q"], name + " kl_p_code_q");
    EXPECT_DOUBLE_EQ(kraft_sum(cc.code_q.lengths), c["kraft_q"].get<double>()) << name;
    EXPECT_EQ(cc.shannon_q, c["shannon_q"].get<std::vector<int>>()) << name;
  }
}

TEST(Huffman, TieRuleTakesTheEarlierNodeFirst) {
  // .1 + .1 = .2 ties the leaves of .2 (created earlier: taken first) and .4 ties a leaf.
  const PrefixCode c = huffman_code(std::vector<double>{0.4, 0.2, 0.2, 0.1, 0.1});
  EXPECT_EQ(c.lengths, (std::vector<int>{2, 2, 2, 3, 3}));
  EXPECT_EQ(c.codeword(1), "00");  // the two leaves of .2 merge first: bit 0 to the first taken
  EXPECT_EQ(c.codeword(2), "01");
  // The same multiset in another order gives the same lengths to the same weights.
  const PrefixCode d = huffman_code(std::vector<double>{0.1, 0.1, 0.2, 0.2, 0.4});
  EXPECT_EQ(d.lengths, (std::vector<int>{3, 3, 2, 2, 2}));
}

TEST(Huffman, OneSymbolAndZeros) {
  const PrefixCode one = huffman_code(std::vector<double>{0, 7, 0});
  EXPECT_EQ(words(one), (std::vector<std::optional<std::string>>{std::nullopt, "0", std::nullopt}));
  EXPECT_EQ(one.lengths, (std::vector<int>{-1, 1, -1}));
  EXPECT_EQ(kraft_sum(one.lengths), 0.5);
  const CodeComparison c = compare_codes(std::vector<double>{1, 1}, std::vector<double>{1, 0});
  EXPECT_EQ(c.length_p_code_q, kInf);
  EXPECT_EQ(c.kl_p_code_q, kInf);
  EXPECT_EQ(c.kl_pq, kInf);
  EXPECT_EQ(c.extra_bits(), kInf);
  EXPECT_EQ(c.length_q_code_p, 1.0);
}

// Properties on random distributions, zeros included, N from 1 to 300.
TEST(Huffman, PropertiesOnRandomDistributions) {
  std::mt19937_64 rng(12);
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t n = 1 + rng() % (trial < 200 ? 20 : 300);
    std::vector<double> p(n), q(n);
    for (std::size_t i = 0; i < n; ++i) {
      p[i] = rng() % 5 == 0 ? 0 : std::ldexp(static_cast<double>(rng() % 1000 + 1), -static_cast<int>(rng() % 30));
      q[i] = rng() % 5 == 0 ? 0 : static_cast<double>(rng() % 100 + 1);
    }
    p[rng() % n] += 1;
    q[rng() % n] += 1;
    const CodeComparison c = compare_codes(p, q);
    const std::string what = "trial " + std::to_string(trial);
    std::size_t support = 0;
    for (double v : c.p) support += v > 0;
    EXPECT_TRUE(is_prefix_free(c.code_p)) << what;
    EXPECT_TRUE(is_prefix_free(c.code_q)) << what;
    EXPECT_EQ(kraft_sum(c.code_p.lengths), support == 1 ? 0.5 : 1.0) << what;  // a full binary tree
    // H(P) ≤ E_P[ℓ_P] < H(P) + 1; a one-symbol support has H = 0 and the code "0" of length 1 (SPEC §6).
    EXPECT_LE(c.entropy_p, c.length_p_code_p + 1e-12) << what;
    if (support == 1) {
      EXPECT_NEAR(c.length_p_code_p, 1.0, 1e-15) << what;
    } else {
      EXPECT_LT(c.length_p_code_p, c.entropy_p + 1) << what;
    }
    // Shannon lengths of Q on P: H(P,Q) ≤ E_P[⌈−log₂ q⌉] < H(P,Q) + 1 (both ∞ together)
    if (std::isinf(c.cross_entropy_pq)) {
      EXPECT_EQ(c.length_p_shannon_q, kInf) << what;
    } else {
      EXPECT_LE(c.cross_entropy_pq, c.length_p_shannon_q + 1e-12) << what;
      EXPECT_LT(c.length_p_shannon_q, c.cross_entropy_pq + 1) << what;
    }
    // Huffman is optimal: no worse than Shannon's lengths for the same distribution (whose one-symbol
    // code would be the empty word, which SPEC §6 replaces by "0").
    if (support > 1) {
      EXPECT_LE(c.length_p_code_p, c.length_p_shannon_p + 1e-12) << what;
    }
    // The identity E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q), to 1e-12.
    if (std::isinf(c.length_p_code_q)) {
      EXPECT_EQ(c.kl_p_code_q, kInf) << what;
    } else {
      EXPECT_NEAR(c.length_p_code_q, c.entropy_p + c.kl_p_code_q, 1e-12) << what;
    }
    EXPECT_NEAR(c.length_p_code_p, c.entropy_p + c.kl_p_code_p, 1e-12) << what;
    // Lengths agree with the tree and with huffman_lengths.
    EXPECT_EQ(huffman_lengths(p), c.code_p.lengths) << what;
    // A message over P's support round-trips through P's code.
    std::vector<int> msg;
    for (int k = 0; k < 50; ++k) {
      const int x = static_cast<int>(rng() % n);
      if (c.p[x] > 0) msg.push_back(x);
    }
    const auto bits = encode_message(c.code_p, msg);
    ASSERT_TRUE(bits) << what;
    std::size_t len = 0;
    for (int x : msg) len += c.code_p.lengths[x];
    EXPECT_EQ(bits->size(), len) << what;
    EXPECT_EQ(decode_message(c.code_p, *bits), msg) << what;
  }
}

TEST(Huffman, DyadicLengthsAreIdeal) {
  const std::vector<double> p{0.5, 0.25, 0.125, 0.0625, 0.0625};
  EXPECT_TRUE(is_dyadic(p));
  EXPECT_FALSE(is_dyadic(std::vector<double>{0.6, 0.4}));
  const CodeComparison c = compare_codes(p, std::vector<double>{1, 1, 1, 1, 1});
  EXPECT_EQ(c.length_p_code_p, c.entropy_p);
  EXPECT_EQ(c.kl_p_code_p, 0.0);
  EXPECT_EQ(c.code_p.lengths, c.shannon_p);
}

TEST(Huffman, TheHonestExample) {
  // Q = (.9, .1), P = (.1, .9): Q's code costs 1 bit per symbol on P, while H(P,Q) ≈ 3.0 bits.
  const CodeComparison c = compare_codes(std::vector<double>{0.1, 0.9}, std::vector<double>{0.9, 0.1});
  EXPECT_EQ(c.length_p_code_q, 1.0);
  EXPECT_NEAR(c.cross_entropy_pq, 0.1 * -std::log2(0.9) + 0.9 * -std::log2(0.1), 1e-12);
  EXPECT_GT(c.cross_entropy_pq, 2.9);
  EXPECT_LT(c.kl_p_code_q, c.kl_pq);
}

TEST(Huffman, MessagesThatNeedAMissingCodeword) {
  const PrefixCode c = huffman_code(std::vector<double>{1, 0, 1});
  EXPECT_FALSE(encode_message(c, std::vector<int>{0, 1}));
  EXPECT_FALSE(encode_message(c, std::vector<int>{3}));
  EXPECT_FALSE(decode_message(c, "2"));
  EXPECT_FALSE(decode_message(huffman_code(std::vector<double>{1, 1, 2}), "1"));  // stops inside a codeword
  EXPECT_EQ(decode_message(huffman_code(std::vector<double>{5}), "000"), (std::vector<int>{0, 0, 0}));
}

TEST(Huffman, AMillionSymbols) {
  std::mt19937_64 rng(5);
  std::vector<double> p(1'000'000);
  for (double& v : p) v = static_cast<double>(rng() % 100000) + 1;
  const std::vector<int> lengths = huffman_lengths(p);
  EXPECT_EQ(kraft_sum(lengths), 1.0);
  EXPECT_EQ(huffman_code(p).lengths, lengths);
}

TEST(Huffman, BadInputThrows) {
  EXPECT_THROW(huffman_code(std::vector<double>{}), std::invalid_argument);
  EXPECT_THROW(huffman_code(std::vector<double>{0, 0}), std::invalid_argument);
  EXPECT_THROW(huffman_code(std::vector<double>{1, -1}), std::invalid_argument);
  EXPECT_THROW(huffman_code(std::vector<double>{1, std::nan("")}), std::invalid_argument);
  EXPECT_THROW(compare_codes(std::vector<double>{1}, std::vector<double>{1, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace divlab

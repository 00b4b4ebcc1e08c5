#include "measures/radix_sort.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace divlab::detail {

namespace {

// The IEEE bits mapped to an unsigned integer with the same order: negative numbers are
// flipped entirely, positive ones get the sign bit set.
uint64_t order_key(double x) {
  const uint64_t u = std::bit_cast<uint64_t>(x);
  return u ^ ((u >> 63) ? ~uint64_t{0} : uint64_t{1} << 63);
}

constexpr int kDigitBits = 16, kDigits = (64 + kDigitBits - 1) / kDigitBits;  // 4 passes, 65536 buckets
constexpr size_t kBuckets = size_t{1} << kDigitBits;

size_t digit(uint64_t key, int pass) { return (key >> (pass * kDigitBits)) & (kBuckets - 1); }

}  // namespace

void radix_sort_by_x(std::span<PositionedValue> items) {
  const size_t n = items.size();
  if (n < 65536 || n > std::numeric_limits<uint32_t>::max()) {  // small: cheaper than 4 histograms
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return order_key(a.x) < order_key(b.x); });
    return;
  }
  std::vector<std::array<uint32_t, kBuckets>> count(kDigits);  // one histogram per digit, in one pass
  for (const PositionedValue& it : items) {
    const uint64_t k = order_key(it.x);
    for (int pass = 0; pass < kDigits; ++pass) ++count[pass][digit(k, pass)];
  }
  std::vector<PositionedValue> buffer(n);
  std::span<PositionedValue> from = items, to = buffer;
  for (int pass = 0; pass < kDigits; ++pass) {
    auto& c = count[pass];
    if (*std::max_element(c.begin(), c.end()) == n) continue;  // every key has this digit: skip
    uint32_t start = 0;  // bucket counts → first index of each bucket
    for (uint32_t& b : c) start += std::exchange(b, start);
    for (const PositionedValue& it : from) to[c[digit(order_key(it.x), pass)]++] = it;
    std::swap(from, to);
  }
  if (from.data() != items.data()) std::copy(from.begin(), from.end(), items.begin());
}

}  // namespace divlab::detail

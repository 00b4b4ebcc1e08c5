#include "divlab/coding/huffman.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "coding/checked_mass.hpp"

namespace divlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

using detail::checked_normalised;

// The leaves (symbols of positive weight) sorted by (weight, symbol): an LSD radix sort on the IEEE bits
// of the weights (positive doubles order as their bits), 11-bit digits so each pass's buckets stay in
// cache, stable so equal weights keep symbol order. Passes whose digit is the same for every key are
// skipped.
struct SortedLeaf {
  uint64_t key;  // the weight's bits
  uint32_t symbol;
};

std::vector<SortedLeaf> sorted_leaves(const std::vector<double>& w) {
  std::vector<SortedLeaf> a;
  a.reserve(w.size());
  for (std::size_t x = 0; x < w.size(); ++x)
    if (w[x] > 0) a.push_back({std::bit_cast<uint64_t>(w[x]), static_cast<uint32_t>(x)});
  if (a.size() < 2048) {
    std::stable_sort(a.begin(), a.end(), [](const SortedLeaf& l, const SortedLeaf& r) { return l.key < r.key; });
    return a;
  }
  constexpr int kDigit = 11;
  constexpr uint64_t kMask = (uint64_t{1} << kDigit) - 1;
  std::vector<SortedLeaf> b(a.size());
  std::vector<uint32_t> count(kMask + 2);
  for (int shift = 0; shift < 64; shift += kDigit) {
    std::fill(count.begin(), count.end(), 0u);
    for (const SortedLeaf& l : a) ++count[((l.key >> shift) & kMask) + 1];
    if (*std::max_element(count.begin(), count.end()) == a.size()) continue;
    for (std::size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
    for (const SortedLeaf& l : a) b[count[(l.key >> shift) & kMask]++] = l;
    a.swap(b);
  }
  return a;
}

// The merges of SPEC §6's tie rule by the two-queue method: the leaves sorted by (weight, symbol) in
// one queue, the merges in creation order in the other. The merges come out in non-decreasing weight:
// the two taken at step k are ≤ every other node, and fl(a + b) ≥ b for a ≥ 0, so each new node
// weighs ≥ the ones taken, and rounding is monotone. So the front of each queue is its least node,
// and on equal weights the leaf (created before every merge) is taken first, as is the earlier
// merge: exactly "least weight, then earliest created". Nodes are numbered here as the sorted leaves
// 0…L−1, then the merges L…2L−2, so that everything is read and written in order.
struct Merges {
  std::vector<SortedLeaf> leaves;
  std::vector<double> weight;   // of the merges, in creation order
  std::vector<int> parent;      // of every node (−1 for the root)
  std::vector<uint8_t> bit;     // of every node but the root: 0 when taken first, 1 when taken second
};

Merges merge(const std::vector<double>& w) {
  Merges m;
  m.leaves = sorted_leaves(w);
  const std::size_t L = m.leaves.size();
  m.parent.assign(2 * L - 1, -1);
  m.bit.assign(2 * L - 1, 0);
  m.weight.reserve(L - 1);
  std::size_t next_leaf = 0, next_merge = 0;
  auto take = [&](double& weight) -> std::size_t {
    if (next_leaf < L) {
      const double lw = std::bit_cast<double>(m.leaves[next_leaf].key);
      if (next_merge == m.weight.size() || lw <= m.weight[next_merge]) {
        weight = lw;
        return next_leaf++;
      }
    }
    weight = m.weight[next_merge];
    return L + next_merge++;
  };
  for (std::size_t k = 1; k < L; ++k) {
    double wa = 0, wb = 0;
    const std::size_t a = take(wa), b = take(wb);
    const int id = static_cast<int>(L + m.weight.size());
    m.weight.push_back(wa + wb);  // first taken + second taken
    m.parent[a] = m.parent[b] = id;
    m.bit[b] = 1;
  }
  return m;
}

// Every node's depth, from the root (the last merge) down. In this numbering parents are
// non-decreasing in both queues, so the walk reads the arrays in order.
std::vector<int> depths(const Merges& m) {
  std::vector<int> depth(m.parent.size(), 0);
  for (std::size_t i = m.parent.size() - 1; i-- > 0;) depth[i] = depth[static_cast<std::size_t>(m.parent[i])] + 1;
  return depth;
}

}  // namespace

PrefixCode huffman_code(std::span<const double> mass) {
  const std::vector<double> w = checked_normalised(mass);
  const Merges m = merge(w);
  const std::size_t N = w.size(), L = m.leaves.size(), n = 2 * L - 1;
  PrefixCode code;
  code.root = static_cast<int>(n - 1);
  code.lengths.assign(N, -1);
  code.offsets.assign(N, 0);
  code.nodes.resize(n);
  // Top-down in the merge numbering (parents non-decreasing: the arrays are read in order): each
  // node's codeword as the low bits of an integer behind a leading 1 (the root is 1), so its depth
  // is bit_width − 1. Only a tree deeper than 63 needs the depths counted separately.
  std::vector<uint64_t> word(n, 0);
  word[n - 1] = 1;
  bool deep = false;
  for (std::size_t i = n - 1; i-- > 0;) {
    const uint64_t up = word[static_cast<std::size_t>(m.parent[i])];
    deep |= up >> 63;
    word[i] = up << 1 | m.bit[i];
  }
  const std::vector<int> depth = deep ? depths(m) : std::vector<int>();
  auto depth_of = [&](std::size_t k) { return deep ? depth[k] : static_cast<int>(std::bit_width(word[k])) - 1; };
  // One scatter of the sorted leaves to symbol order (writes only: the leaves are in weight order,
  // random in symbol order, and a dependent random read per leaf would cost a cache miss each).
  struct Leaf {
    uint64_t word;
    int depth, up;  // up = parent·2 + bit (the tree's merges keep their numbers)
  };
  std::vector<Leaf> leaf(N, Leaf{0, -1, -1});
  for (std::size_t k = 0; k < L; ++k)
    leaf[m.leaves[k].symbol] = {word[k], L == 1 ? 1 : depth_of(k), m.parent[k] * 2 + m.bit[k]};
  // A merge's children in sorted-leaf order: the parents are non-decreasing, so these writes are in
  // order too. A leaf's creation index is the symbol itself when no symbol has probability 0.
  std::vector<int> rank;
  if (L < N) {
    rank.assign(N, -1);
    int r = 0;
    for (std::size_t x = 0; x < N; ++x)
      if (w[x] > 0) rank[x] = r++;
  }
  if (L > 1)
    for (std::size_t k = 0; k < L; ++k) {
      const uint32_t x = m.leaves[k].symbol;
      code.nodes[static_cast<std::size_t>(m.parent[k])].child[m.bit[k]] = rank.empty() ? static_cast<int>(x) : rank[x];
    }
  // The tree in SPEC §6's creation order: the leaves in symbol order (a leaf's creation index is its
  // rank among the symbols of positive weight; filled below), then the merges, which keep their numbers.
  for (std::size_t j = 0; j + 1 < L; ++j) {
    CodeNode& node = code.nodes[L + j];
    node.weight = m.weight[j];
    node.parent = m.parent[L + j];
    if (node.parent >= 0) code.nodes[static_cast<std::size_t>(node.parent)].child[m.bit[L + j]] = static_cast<int>(L + j);
  }
  // The codewords in one pooled buffer, symbol after symbol.
  std::size_t total = 0;
  for (std::size_t x = 0; x < N; ++x)
    if (leaf[x].depth >= 0) total += static_cast<std::size_t>(leaf[x].depth);
  code.bits.resize(total);
  char* out = code.bits.data();
  std::size_t created = 0;
  for (std::size_t x = 0; x < N; ++x) {
    code.offsets[x] = static_cast<std::size_t>(out - code.bits.data());
    const Leaf& f = leaf[x];
    if (f.depth < 0) continue;
    CodeNode& node = code.nodes[static_cast<std::size_t>(created++)];
    node.weight = w[x];
    node.symbol = static_cast<int>(x);
    if (L == 1) {  // one symbol: the code "0"
      code.lengths[x] = 1;
      *out++ = '0';
      continue;
    }
    node.parent = f.up / 2;
    const int len = f.depth;
    code.lengths[x] = len;
    if (len <= 63) {
      for (int i = 0; i < len; ++i)  // branch-free: the bits are random to a predictor
        out[i] = static_cast<char>('0' + (f.word >> (len - 1 - i) & 1));
    }
    out += len;
  }
  // Codewords longer than 63 bits (rare: weights falling like 2^−k) are spelt by walking up the tree.
  for (std::size_t i = 0; i < L; ++i) {
    const auto x = static_cast<std::size_t>(code.nodes[i].symbol);
    if (code.lengths[x] <= 63) continue;
    char* at = code.bits.data() + code.offsets[x];
    int k = code.lengths[x];
    for (int node = static_cast<int>(i); code.nodes[static_cast<std::size_t>(node)].parent >= 0;
         node = code.nodes[static_cast<std::size_t>(node)].parent)
      at[--k] = code.nodes[static_cast<std::size_t>(code.nodes[static_cast<std::size_t>(node)].parent)].child[1] == node ? '1' : '0';
  }
  return code;
}

std::vector<int> huffman_lengths(std::span<const double> mass) {
  const std::vector<double> w = checked_normalised(mass);
  const Merges m = merge(w);
  const std::size_t L = m.leaves.size();
  std::vector<int> lengths(w.size(), -1);
  if (L == 1) {  // one symbol: the code "0"
    lengths[m.leaves[0].symbol] = 1;
    return lengths;
  }
  const std::vector<int> depth = depths(m);
  for (std::size_t k = 0; k < L; ++k) lengths[m.leaves[k].symbol] = depth[k];
  return lengths;
}

std::vector<int> shannon_lengths(std::span<const double> mass) {
  const std::vector<double> q = checked_normalised(mass);
  std::vector<int> lengths(q.size(), -1);
  for (std::size_t x = 0; x < q.size(); ++x)
    if (q[x] > 0) {
      int e = 0;
      std::frexp(q[x], &e);  // q = m·2^e with m ∈ [½, 1), so −log₂ q = −e − log₂ m with −log₂ m ∈ (0, 1]
      lengths[x] = 1 - e;
    }
  return lengths;
}

double mean_length(std::span<const double> mass, std::span<const int> lengths) {
  const std::vector<double> a = checked_normalised(mass);
  if (lengths.size() != a.size()) throw std::invalid_argument("mean_length: one length per symbol");
  // E_a[ℓ] = Σ_x a(x)·ℓ(x); +∞ when a(x) > 0 and x has no codeword.
  double sum = 0;
  for (std::size_t x = 0; x < a.size(); ++x) {
    if (a[x] == 0) continue;
    if (lengths[x] < 0) return kInf;
    sum += a[x] * lengths[x];
  }
  return sum;
}

double kraft_sum(std::span<const int> lengths) {
  // Σ_x 2^−ℓ(x) over the symbols that have a codeword.
  double sum = 0;
  for (int l : lengths)
    if (l >= 0) sum += std::ldexp(1.0, -l);
  return sum;
}

double kl_to_code(std::span<const double> mass, std::span<const int> lengths) {
  const std::vector<double> p = checked_normalised(mass);
  if (lengths.size() != p.size()) throw std::invalid_argument("kl_to_code: one length per symbol");
  // D(P‖2^−ℓ) = Σ_{p>0} p·(log₂ p − log₂ 2^−ℓ) = Σ_{p>0} p·(log₂ p + ℓ), never forming p/2^−ℓ.
  double sum = 0;
  for (std::size_t x = 0; x < p.size(); ++x) {
    if (p[x] == 0) continue;
    if (lengths[x] < 0) return kInf;
    sum += p[x] * (std::log2(p[x]) + lengths[x]);
  }
  return sum;
}

bool is_prefix_free(const PrefixCode& code) {
  std::vector<std::string_view> words;
  for (std::size_t x = 0; x < code.size(); ++x)
    if (code.has(x)) words.push_back(code.codeword(x));
  std::sort(words.begin(), words.end());
  // In sorted order a word that is a prefix of another is immediately followed by one it prefixes.
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i + 1].starts_with(words[i])) return false;
  return true;
}

std::optional<std::string> encode_message(const PrefixCode& code, std::span<const int> message) {
  std::string bits;
  for (int x : message) {
    if (x < 0 || static_cast<std::size_t>(x) >= code.size() || !code.has(static_cast<std::size_t>(x))) return std::nullopt;
    bits += code.codeword(static_cast<std::size_t>(x));
  }
  return bits;
}

std::optional<std::vector<int>> decode_message(const PrefixCode& code, const std::string& bits) {
  std::vector<int> out;
  if (code.root < 0) return bits.empty() ? std::optional(out) : std::nullopt;
  if (code.nodes.size() == 1) {  // the one-symbol code "0"
    for (char c : bits)
      if (c != '0') return std::nullopt;
    out.assign(bits.size(), code.nodes[0].symbol);
    return out;
  }
  int at = code.root;
  for (char c : bits) {
    if (c != '0' && c != '1') return std::nullopt;
    at = code.nodes[at].child[c - '0'];
    if (code.nodes[at].symbol >= 0) {
      out.push_back(code.nodes[at].symbol);
      at = code.root;
    }
  }
  if (at != code.root) return std::nullopt;
  return out;
}

}  // namespace divlab

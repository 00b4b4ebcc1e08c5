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
  std::vector<double> weight;      // of the merges, in creation order
  std::vector<int> first, second;  // a merge's children: taken first (bit 0) and second (bit 1)
  std::vector<int> parent;         // of every node (−1 for the root)
};

Merges merge(const std::vector<double>& w) {
  Merges m;
  m.leaves = sorted_leaves(w);
  const std::size_t L = m.leaves.size();
  m.parent.assign(2 * L - 1, -1);
  m.weight.reserve(L - 1);
  m.first.reserve(L - 1);
  m.second.reserve(L - 1);
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
    m.first.push_back(static_cast<int>(a));
    m.second.push_back(static_cast<int>(b));
    m.parent[a] = m.parent[b] = id;
  }
  return m;
}

// The tree in SPEC §6's creation order: the leaves in symbol order, then the merges.
std::vector<CodeNode> build_tree(const std::vector<double>& w, int& root) {
  const Merges m = merge(w);
  const std::size_t L = m.leaves.size();
  // A sorted leaf's creation index is its rank among the symbols of positive weight; merges keep theirs.
  std::vector<int> rank(w.size(), -1);
  int r = 0;
  for (std::size_t x = 0; x < w.size(); ++x)
    if (w[x] > 0) rank[x] = r++;
  auto created = [&](int k) { return k < static_cast<int>(L) ? rank[m.leaves[static_cast<std::size_t>(k)].symbol] : k; };
  std::vector<CodeNode> nodes(2 * L - 1);
  for (std::size_t x = 0; x < w.size(); ++x)
    if (rank[x] >= 0) {
      nodes[static_cast<std::size_t>(rank[x])].weight = w[x];
      nodes[static_cast<std::size_t>(rank[x])].symbol = static_cast<int>(x);
    }
  for (std::size_t k = 0; k < 2 * L - 1; ++k) nodes[static_cast<std::size_t>(created(static_cast<int>(k)))].parent = m.parent[k];
  for (std::size_t j = 0; j + 1 < L; ++j) {
    CodeNode& n = nodes[L + j];
    n.weight = m.weight[j];
    n.child[0] = created(m.first[j]);
    n.child[1] = created(m.second[j]);
  }
  root = static_cast<int>(2 * L - 2);
  return nodes;
}

}  // namespace

PrefixCode huffman_code(std::span<const double> mass) {
  const std::vector<double> w = checked_normalised(mass);
  PrefixCode code;
  code.nodes = build_tree(w, code.root);
  code.codewords.assign(w.size(), std::nullopt);
  code.lengths.assign(w.size(), -1);
  if (code.nodes.size() == 1) {  // one symbol: the code "0"
    code.codewords[code.nodes[0].symbol].emplace(1, '0');  // the code "0"
    code.lengths[code.nodes[0].symbol] = 1;
    return code;
  }
  // Top-down (a parent is created after its children): each node's depth, and its codeword as the
  // low bits of an integer while it is at most 64 bits long; deeper leaves spell theirs by walking up.
  const std::size_t n = code.nodes.size();
  std::vector<int> depth(n, 0);
  std::vector<uint64_t> bits(n, 0);
  for (std::size_t i = n - 1; i-- > 0;) {
    const CodeNode& node = code.nodes[i];
    const CodeNode& parent = code.nodes[static_cast<std::size_t>(node.parent)];
    depth[i] = depth[static_cast<std::size_t>(node.parent)] + 1;
    bits[i] = bits[static_cast<std::size_t>(node.parent)] << 1 | (parent.child[1] == static_cast<int>(i) ? 1u : 0u);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const CodeNode& node = code.nodes[i];
    if (node.symbol < 0) continue;
    const int len = depth[i];
    std::string word(static_cast<std::size_t>(len), '0');
    if (len <= 64) {
      const uint64_t b = bits[i];
      for (int k = 0; k < len; ++k)  // branch-free: the bits are random to a predictor
        word[static_cast<std::size_t>(k)] = static_cast<char>('0' + (b >> (len - 1 - k) & 1));
    } else {
      int k = len;
      for (int at = static_cast<int>(i); code.nodes[static_cast<std::size_t>(at)].parent >= 0; at = code.nodes[static_cast<std::size_t>(at)].parent)
        if (code.nodes[static_cast<std::size_t>(code.nodes[static_cast<std::size_t>(at)].parent)].child[1] == at) word[static_cast<std::size_t>(k - 1)] = '1', --k;
        else --k;
    }
    code.lengths[static_cast<std::size_t>(node.symbol)] = len;
    code.codewords[static_cast<std::size_t>(node.symbol)] = std::move(word);
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
  // Depths from the root (the last merge) down: a parent is numbered after its children.
  std::vector<int> depth(m.parent.size(), 0);
  for (std::size_t i = m.parent.size() - 1; i-- > 0;) depth[i] = depth[static_cast<std::size_t>(m.parent[i])] + 1;
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
  std::vector<const std::string*> words;
  for (const auto& w : code.codewords)
    if (w) words.push_back(&*w);
  std::sort(words.begin(), words.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
  // In sorted order a word that is a prefix of another is immediately followed by one it prefixes.
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if (words[i + 1]->compare(0, words[i]->size(), *words[i]) == 0) return false;
  return true;
}

std::optional<std::string> encode_message(const PrefixCode& code, std::span<const int> message) {
  std::string bits;
  for (int x : message) {
    if (x < 0 || static_cast<std::size_t>(x) >= code.size() || !code.codewords[x]) return std::nullopt;
    bits += *code.codewords[x];
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

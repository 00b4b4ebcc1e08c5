// Text import (SPEC §11): letter, code point and word counts of one or two texts.
#include <algorithm>
#include <array>
#include <filesystem>
#include <functional>
#include <string>
#include <unordered_map>

#include "divlab/document/input_file.hpp"
#include "divlab/import/import.hpp"
#include "import/utf8.hpp"

namespace divlab {

namespace {

// ASCII case folding: 'A'–'Z' → 'a'–'z'; 0 for every byte that is not a letter a–z.
constexpr std::array<char, 256> kFold = [] {
  std::array<char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

std::string encode(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

using Counts = std::map<std::string, std::uint64_t>;

Counts count_letters(std::string_view s) {
  std::array<std::uint64_t, 256> n{};  // by folded byte: one table lookup and one add per byte
  for (const char c : s) ++n[static_cast<unsigned char>(kFold[static_cast<unsigned char>(c)])];
  Counts out;
  for (int c = 'a'; c <= 'z'; ++c)
    if (n[static_cast<std::size_t>(c)]) out[std::string(1, static_cast<char>(c))] = n[static_cast<std::size_t>(c)];
  return out;
}

Counts count_code_points(std::string_view s, std::size_t offset, const std::string& name) {
  std::array<std::uint64_t, 128> ascii{};
  std::unordered_map<char32_t, std::uint64_t> other;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++ascii[b];
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(s, i);
    if (d.len == 0)
      throw ScenarioError(name + ": byte offset " + std::to_string(offset + i) +
                          ": invalid UTF-8 (--unit char reads the text as UTF-8)");
    ++other[d.cp];
    i += d.len;
  }
  Counts out;
  for (std::size_t c = 0; c < ascii.size(); ++c)
    if (ascii[c]) out[std::string(1, static_cast<char>(c))] = ascii[c];
  for (const auto& [cp, n] : other) out[encode(cp)] = n;
  return out;
}

// Transparent hashing, so a word is looked up as a string_view into a reused buffer.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

Counts count_words(std::string_view s) {
  std::unordered_map<std::string, std::uint64_t, WordHash, std::equal_to<>> n;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (auto it = n.find(std::string_view(word)); it != n.end())
      ++it->second;
    else
      n.emplace(word, 1);
    word.clear();
  };
  for (const char c : s) {
    if (const char f = kFold[static_cast<unsigned char>(c)])
      word += f;
    else
      flush();
  }
  flush();
  return Counts(n.begin(), n.end());
}

// The last component of a path, for a title ("notes/a.txt" → "a.txt"); messages keep the whole path.
std::string file_name(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string_view unit_plural(TextUnit unit) {
  switch (unit) {
    case TextUnit::letter: return "letters (a-z)";
    case TextUnit::character: return "characters";
    case TextUnit::word: return "words (runs of a-z)";
  }
  return "units";
}

}  // namespace

Counts count_units(std::string_view text, TextUnit unit, const std::string& name) {
  const std::string_view body = utf8::text_body(text, name, "a text file");
  const std::size_t offset = text.size() - body.size();
  switch (unit) {
    case TextUnit::letter: return count_letters(body);
    case TextUnit::character: return count_code_points(body, offset, name);
    case TextUnit::word: return count_words(body);
  }
  return {};
}

Scenario text_scenario(const ImportSource& p, const ImportSource* q, TextUnit unit) {
  const Counts cp = count_units(p.text, unit, p.name);
  const Counts cq = q ? count_units(q->text, unit, q->name) : Counts{};
  // Each distribution needs some mass: a text without a single unit cannot be P or Q.
  if (cp.empty()) throw ScenarioError(p.name + ": no " + std::string(unit_plural(unit)) + " in the text");
  if (q && cq.empty()) throw ScenarioError(q->name + ": no " + std::string(unit_plural(unit)) + " in the text");

  struct Row {
    const std::string* label;
    std::uint64_t p, q;
  };
  std::vector<Row> rows;
  rows.reserve(cp.size() + cq.size());
  for (const auto& [label, n] : cp) {
    const auto it = cq.find(label);
    rows.push_back({&label, n, it == cq.end() ? 0 : it->second});
  }
  for (const auto& [label, n] : cq)
    if (!cp.contains(label)) rows.push_back({&label, 0, n});
  // P's count descending, then the label in code point order (std::string compares bytes as unsigned
  // char, and UTF-8 byte order is code point order).
  std::sort(rows.begin(), rows.end(),
            [](const Row& a, const Row& b) { return a.p != b.p ? a.p > b.p : *a.label < *b.label; });

  Scenario s;
  s.kind = Kind::discrete;
  s.title = std::string(to_name(unit)) + " counts: P = " + file_name(p.name) + ", Q = " + (q ? file_name(q->name) : "uniform");
  for (const Row& r : rows) {
    s.labels.push_back(*r.label);
    s.p_mass.push_back(static_cast<double>(r.p));
    s.q_mass.push_back(q ? static_cast<double>(r.q) : 1.0);
  }
  return s;
}

Scenario import_text_files(const std::string& p_path, const std::optional<std::string>& q_path, TextUnit unit) {
  const ImportSource p{p_path, read_input_file(p_path, "a text to import")};
  if (!q_path) return text_scenario(p, nullptr, unit);
  const ImportSource q{*q_path, read_input_file(*q_path, "a text to import")};
  return text_scenario(p, &q, unit);
}

}  // namespace divlab

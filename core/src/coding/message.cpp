#include "divlab/coding/message.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace divlab {

namespace {

std::string folded(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

bool one_character_labels(const std::vector<std::string>& labels) {
  return std::all_of(labels.begin(), labels.end(), [](const std::string& l) {
    return l.size() == 1 && !std::isspace(static_cast<unsigned char>(l[0]));
  });
}

std::vector<std::string> message_labels(const std::vector<std::string>& labels, std::size_t n) {
  if (!labels.empty()) return labels;
  std::vector<std::string> out(n);
  for (std::size_t x = 0; x < n; ++x) out[x] = std::to_string(x);
  return out;
}

std::optional<std::vector<int>> parse_message(const std::string& text, const std::vector<std::string>& labels,
                                              std::string* error) {
  if (text.size() > kMaxMessageBytes) {
    *error = "the message has " + std::to_string(text.size()) + " bytes; at most " + std::to_string(kMaxMessageBytes);
    return std::nullopt;
  }
  std::vector<std::string> tokens;
  if (one_character_labels(labels)) {
    // A character is a whole UTF-8 sequence (a lead byte and its continuation bytes), so "ä" is
    // named as such when it is not a label.
    for (std::size_t i = 0; i < text.size();) {
      std::size_t j = i + 1;
      while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      if (!std::isspace(static_cast<unsigned char>(text[i]))) tokens.push_back(text.substr(i, j - i));
      i = j;
    }
  } else {
    std::string cur;
    for (char ch : text) {
      if (std::isspace(static_cast<unsigned char>(ch)) || ch == ',') {
        if (!cur.empty()) tokens.push_back(std::exchange(cur, {}));
      } else {
        cur += ch;
      }
    }
    if (!cur.empty()) tokens.push_back(cur);
  }
  if (tokens.size() > kMaxMessageSymbols) {
    *error = "the message has " + std::to_string(tokens.size()) + " symbols; at most " + std::to_string(kMaxMessageSymbols);
    return std::nullopt;
  }
  std::vector<int> out;
  out.reserve(tokens.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    auto it = std::find(labels.begin(), labels.end(), tokens[k]);
    if (it == labels.end())
      it = std::find_if(labels.begin(), labels.end(), [&](const std::string& l) { return folded(l) == folded(tokens[k]); });
    if (it == labels.end()) {
      std::string shown = tokens[k];
      if (shown.size() > 40) {  // cut at a character boundary
        std::size_t cut = 37;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
        shown = shown.substr(0, cut) + "...";
      }
      *error = "unknown symbol '" + shown + "' at " + std::to_string(k + 1) + " (the symbols are the support's labels)";
      return std::nullopt;
    }
    out.push_back(static_cast<int>(it - labels.begin()));
  }
  return out;
}

std::string message_text(const std::vector<int>& symbols, const std::vector<std::string>& labels) {
  const bool chars = one_character_labels(labels);
  std::string out;
  for (int x : symbols) {
    if (!chars && !out.empty()) out += ' ';
    out += labels[static_cast<std::size_t>(x)];
  }
  return out;
}

}  // namespace divlab

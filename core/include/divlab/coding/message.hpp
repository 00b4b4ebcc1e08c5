// A message over a discrete support (SPEC §6's `coding.message`): the text a user types or the app
// draws from P, read as symbols. One source for the scenario loader, the document and the coding lab.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace divlab {

// Limits of a message: symbols, and bytes of text (checked before reading it).
inline constexpr std::size_t kMaxMessageSymbols = 100000;
inline constexpr std::size_t kMaxMessageBytes = std::size_t{1} << 20;

// The labels a message is written with: the support labels, or "0", "1", … when there are none.
std::vector<std::string> message_labels(const std::vector<std::string>& labels, std::size_t n);

// True when every label is one character (one byte, not white space): a message is then typed one
// character per symbol.
bool one_character_labels(const std::vector<std::string>& labels);

// Reads a message typed over `labels`: when every label is one character (not a space), each
// character (white space ignored) is a symbol; otherwise labels separated by white space or commas.
// An exact match first, then ASCII case folded. nullopt and *error ("unknown symbol 'ä' at 5 (…)")
// for anything else, or beyond the limits above.
std::optional<std::vector<int>> parse_message(const std::string& text, const std::vector<std::string>& labels,
                                              std::string* error);

// The text parse_message reads back as `symbols`.
std::string message_text(const std::vector<int>& symbols, const std::vector<std::string>& labels);

}  // namespace divlab

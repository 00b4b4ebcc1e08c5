// Private helpers of the scenario loader: strict JSON parsing and JSON-path text for messages.
#pragma once
#include <nlohmann/json.hpp>
#include <cstddef>
#include <string>
#include <string_view>

namespace divlab::scenario_json {

// Deepest nesting of arrays/objects accepted (a scenario needs 5; `view` gets some room).
inline constexpr std::size_t kMaxDepth = 64;

// Parses JSON text like nlohmann::json::parse, but strictly: a syntax error, a duplicate key, a
// number beyond the range of a double (1e400) and nesting deeper than kMaxDepth are all errors.
// Throws ScenarioError "<filename>: line L, column C: JSON syntax error: <what>" or
// "<filename>: <json path>: <what>".
//
// Arrays of at least `min_fast_array` plain numbers (p.mass of a 10⁶-bin file) take a fast path:
// they are read with std::from_chars before nlohmann sees the text (its lexer, with strtod, is
// the bottleneck) and nlohmann parses the rest with "[]" in their place. An array with anything
// unusual in it (an overflowing or malformed number, a string) is left to nlohmann, and any error
// is reported from a parse of the original text, so results and errors are the same as with the
// fast path off (SIZE_MAX).
nlohmann::json parse_strict(const std::string& text, const std::string& filename,
                            std::size_t min_fast_array = 64);

// How many arrays of `text` the fast path reads (for tests: proof that it is taken at all).
std::size_t fast_array_count(const std::string& text, std::size_t min_fast_array = 64);

// "p" + "mass" → "p.mass"; keys that are not identifiers are quoted: view["x range"].
std::string child_path(std::string_view parent, std::string_view key);
// "p.mass" + 3 → "p.mass[3]".
std::string child_path(std::string_view parent, std::size_t index);
// The JSON path as printed in messages: the root is "top level".
std::string printable_path(std::string_view path);

// A key (or any text from a file) as JSON text for a message, control characters escaped; text
// longer than max_bytes is cut to its first max_bytes − 3 (whole UTF-8 characters) and "..." so a
// hostile file cannot flood the terminal.
std::string quote_json(std::string_view s, std::size_t max_bytes = 60);

// A value as shown after "got": compact JSON, shortened to about 60 characters.
std::string describe(const nlohmann::json& value);

}  // namespace divlab::scenario_json

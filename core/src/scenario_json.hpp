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
nlohmann::json parse_strict(const std::string& text, const std::string& filename);

// "p" + "mass" → "p.mass"; keys that are not identifiers are quoted: view["x range"].
std::string child_path(std::string_view parent, std::string_view key);
// "p.mass" + 3 → "p.mass[3]".
std::string child_path(std::string_view parent, std::size_t index);
// The JSON path as printed in messages: the root is "top level".
std::string printable_path(std::string_view path);

// A value as shown after "got": compact JSON, shortened to about 60 characters.
std::string describe(const nlohmann::json& value);

}  // namespace divlab::scenario_json

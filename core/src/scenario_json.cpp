#include "scenario_json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

#include "divlab/scenario.hpp"

namespace divlab::scenario_json {

using nlohmann::json;

namespace {

bool is_identifier(std::string_view key) {
  if (key.empty() || (key[0] >= '0' && key[0] <= '9')) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

// Replaces bytes that are not valid UTF-8 (nlohmann quotes them raw in "last read") by \xNN.
std::string clean_utf8(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i);
    if (n == 0) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
      out += buf;
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

// Builds the DOM like nlohmann's json_sax_dom_parser, checking what that parser lets through.
class StrictSax {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  bool null() { return put(json(nullptr)); }
  bool boolean(bool b) { return put(json(b)); }
  bool number_integer(number_integer_t v) { return put(json(v)); }
  bool number_unsigned(number_unsigned_t v) { return put(json(v)); }
  bool number_float(number_float_t v, const string_t& text) {
    if (!std::isfinite(v)) return overflow(text);
    return put(json(v));
  }
  bool string(string_t& s) { return put(json(std::move(s))); }
  bool binary(binary_t&) { return fail(pending_path(), "binary values are not JSON"); }  // never from text

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(string_t& k) {
    Frame& top = stack_.back();
    if (top.value->contains(k))
      return fail(container_path(stack_.size()),
                  "duplicate key " + json(k).dump(-1, ' ', false, json::error_handler_t::replace) +
                      " (each key may appear only once)");
    top.key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t byte, const std::string& token, const nlohmann::detail::exception& ex) {
    // nlohmann reports 1e400 as out_of_range.406 "number overflow": a value error, not a syntax one.
    if (ex.id == 406) return overflow(token);
    syntax_byte_ = byte;
    syntax_what_ = ex.what();
    return false;
  }

  json& root() { return root_; }
  const std::optional<std::size_t>& syntax_byte() const { return syntax_byte_; }
  const std::string& syntax_what() const { return syntax_what_; }
  const std::string& error() const { return error_; }

 private:
  struct Frame {
    json* value;
    std::string key;  // objects: the key of the member being parsed
  };

  bool overflow(const std::string& text) {
    return fail(pending_path(), "expected a finite number, got " + text + " (beyond the range of a double)");
  }

  bool fail(const std::string& path, const std::string& what) {
    error_ = printable_path(path) + ": " + what;
    return false;
  }

  // Path of the container at stack_[n-1] (n = 0: the root).
  std::string container_path(std::size_t n) const {
    std::string path;
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const Frame& f = stack_[i];
      // The child being built is the last element of an array (it is appended when opened).
      path = f.value->is_array() ? child_path(path, f.value->size() - 1) : child_path(path, f.key);
    }
    return path;
  }

  // Path of the value about to be stored.
  std::string pending_path() const {
    if (stack_.empty()) return "";
    const Frame& top = stack_.back();
    const std::string parent = container_path(stack_.size());
    return top.value->is_array() ? child_path(parent, top.value->size()) : child_path(parent, top.key);
  }

  // Stores v where the parser is (root, array element or object member); returns its address.
  json* store(json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    Frame& top = stack_.back();
    if (top.value->is_array()) {
      top.value->push_back(std::move(v));
      return &top.value->back();
    }
    json& slot = (*top.value)[top.key];
    slot = std::move(v);
    return &slot;
  }

  bool put(json&& v) {
    store(std::move(v));
    return true;
  }

  bool open(json&& container) {
    if (stack_.size() >= kMaxDepth)
      return fail(pending_path(), "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    json* where = store(std::move(container));
    stack_.push_back(Frame{where, {}});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  json root_;
  std::vector<Frame> stack_;
  std::string error_;
  std::optional<std::size_t> syntax_byte_;
  std::string syntax_what_;
};

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing
// object key - unexpected '}'; expected string literal" → "unexpected '}'; expected string literal".
std::string syntax_detail(const std::string& what) {
  const auto dash = what.find(" - ");
  if (dash != std::string::npos) return what.substr(dash + 3);
  const auto colon = what.find(": ");
  return colon != std::string::npos ? what.substr(colon + 2) : what;
}

// nlohmann reports how many bytes it had read, the offending one included; line and column
// (counted in characters, 1-based) are those of that last byte.
std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t bytes_read) {
  const std::size_t at = std::min(bytes_read == 0 ? 0 : bytes_read - 1, text.size());
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  std::size_t column = 1;
  for (std::size_t i = line_start; i < at; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // skip UTF-8 continuations
  return {line, column};
}

}  // namespace

std::string child_path(std::string_view parent, std::string_view key) {
  std::string out(parent);
  if (is_identifier(key)) {
    if (!out.empty()) out += '.';
    out += key;
  } else {
    out += '[';
    out += json(std::string(key)).dump(-1, ' ', false, json::error_handler_t::replace);
    out += ']';
  }
  return out;
}

std::string child_path(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string printable_path(std::string_view path) { return path.empty() ? "top level" : std::string(path); }

std::string describe(const json& value) {
  constexpr std::size_t kMax = 60;
  std::string s = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() <= kMax) return s;
  std::size_t cut = kMax - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return s.substr(0, cut) + "...";
}

json parse_strict(const std::string& text, const std::string& filename) {
  // nlohmann takes a NUL byte for the end of input and would ignore what follows; JSON text never
  // holds one (not even inside strings), so it is an error where it stands.
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    const auto [line, column] = line_column(text, nul + 1);
    throw ScenarioError(filename + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
                        ": JSON syntax error: unexpected NUL byte (is this a text file?)");
  }
  StrictSax sax;
  const bool ok = json::sax_parse(text, &sax, json::input_format_t::json, /*strict=*/true,
                                  /*ignore_comments=*/false);
  if (ok) return std::move(sax.root());
  if (sax.syntax_byte()) {
    const auto [line, column] = line_column(text, *sax.syntax_byte());
    throw ScenarioError(filename + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
                        ": JSON syntax error: " + clean_utf8(syntax_detail(sax.syntax_what())));
  }
  throw ScenarioError(filename + ": " + sax.error());
}

}  // namespace divlab::scenario_json

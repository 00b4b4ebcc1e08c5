#include "document/scenario_json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

#include "divlab/document/scenario.hpp"

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

// [SECTION] Fast path for long arrays of numbers

// An array read ahead of nlohmann: its values and its rank among all arrays of the document
// (counting '[' outside strings in text order, which is the order of SAX start_array events).
struct FastArray {
  std::size_t ordinal;
  json::array_t values;
};

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && is_json_space(s[i])) ++i;
  return i;
}

// End of the JSON number token at s[i] (RFC 8259 grammar), or npos if there is none; `integer`
// says whether it has neither fraction nor exponent.
std::size_t number_end(std::string_view s, std::size_t i, bool& integer) {
  const std::size_t n = s.size();
  integer = true;
  if (i < n && s[i] == '-') ++i;
  if (i >= n || !is_digit(s[i])) return std::string_view::npos;
  if (s[i] == '0') {
    ++i;
  } else {
    while (i < n && is_digit(s[i])) ++i;
  }
  if (i < n && s[i] == '.') {
    integer = false;
    if (++i >= n || !is_digit(s[i])) return std::string_view::npos;
    while (i < n && is_digit(s[i])) ++i;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    integer = false;
    if (++i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= n || !is_digit(s[i])) return std::string_view::npos;
    while (i < n && is_digit(s[i])) ++i;
  }
  return i;
}

// The value nlohmann would store for a number token: unsigned/signed integers when they fit,
// else the correctly rounded double. nullopt when out of range (left to nlohmann's error path).
std::optional<json> number_value(std::string_view tok, bool integer) {
  const char* first = tok.data();
  const char* last = tok.data() + tok.size();
  if (integer) {
    if (tok[0] == '-') {
      std::int64_t v = 0;
      if (const auto r = std::from_chars(first, last, v); r.ec == std::errc() && r.ptr == last) return json(v);
    } else {
      std::uint64_t v = 0;
      if (const auto r = std::from_chars(first, last, v); r.ec == std::errc() && r.ptr == last) return json(v);
    }
    // Integers beyond 64 bits: nlohmann reads them as doubles too.
  }
  double d = 0;
  const auto r = std::from_chars(first, last, d);
  if (r.ec != std::errc() || r.ptr != last || !std::isfinite(d)) return std::nullopt;
  return json(d);
}

// Reads every array of >= min_size plain numbers out of `text`, leaving "[]" in its place in
// `rest` (what nlohmann then parses). Errors are reported from the original text (parse_strict).
std::vector<FastArray> take_number_arrays(std::string_view s, std::size_t min_size, std::string& rest) {
  std::vector<FastArray> found;
  std::size_t ordinal = 0, copied = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c != '[') continue;
    ++ordinal;
    json::array_t values;
    std::size_t j = skip_space(s, i + 1);
    bool ok = j < s.size() && s[j] != ']';
    while (ok) {
      bool integer = true;
      const std::size_t end = number_end(s, j, integer);
      std::optional<json> v;
      if (end != std::string_view::npos) v = number_value(s.substr(j, end - j), integer);
      if (!v) {
        ok = false;
        break;
      }
      values.push_back(std::move(*v));
      j = skip_space(s, end);
      if (j < s.size() && s[j] == ',') {
        j = skip_space(s, j + 1);
      } else {
        ok = j < s.size() && s[j] == ']';
        break;
      }
    }
    // Not taken: scanning resumes after '[' (what was skipped held no quote or bracket).
    if (!ok || values.size() < min_size) continue;
    if (found.empty()) rest.reserve(s.size());
    rest.append(s.substr(copied, i + 1 - copied));  // up to and including '['
    copied = j;                                      // from the closing ']'
    found.push_back(FastArray{ordinal, std::move(values)});
    i = j;
  }
  if (!found.empty()) rest.append(s.substr(copied));
  return found;
}

// [SECTION] The strict DOM builder

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

  explicit StrictSax(std::vector<FastArray> fast) : fast_(std::move(fast)) {}

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) {
    ++arrays_;
    return open(json::array());
  }
  bool end_object() { return close(); }
  bool end_array() {
    // A blanked-out array comes back with the values read ahead of the parser.
    if (next_fast_ < fast_.size() && fast_[next_fast_].ordinal == stack_.back().ordinal)
      stack_.back().value->get_ref<json::array_t&>() = std::move(fast_[next_fast_++].values);
    return close();
  }

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
    std::string key;           // objects: the key of the member being parsed
    std::size_t ordinal = 0;   // arrays: rank among the document's arrays (1-based)
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
    const bool array = container.is_array();
    json* where = store(std::move(container));
    stack_.push_back(Frame{where, {}, array ? arrays_ : 0});
    return true;
  }

  bool close() {
    stack_.pop_back();
    return true;
  }

  json root_;
  std::vector<Frame> stack_;
  std::vector<FastArray> fast_;
  std::size_t next_fast_ = 0;
  std::size_t arrays_ = 0;
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
  constexpr std::size_t kMaxKey = 60;  // a longer key is shown as its first 57 bytes and "..."
  if (is_identifier(key) && key.size() <= kMaxKey) {
    if (!out.empty()) out += '.';
    out += key;
  } else {
    std::string text(key);
    if (text.size() > kMaxKey) {
      std::size_t cut = kMaxKey - 3;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      text = text.substr(0, cut) + "...";
    }
    out += '[';
    out += json(text).dump(-1, ' ', false, json::error_handler_t::replace);
    out += ']';
  }
  return out;
}

std::string child_path(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string printable_path(std::string_view path) { return path.empty() ? "top level" : std::string(path); }

std::string quote_json(std::string_view s, std::size_t max_bytes) {
  std::string text(s);
  if (text.size() > max_bytes) {
    std::size_t cut = max_bytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "...";
  }
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string describe(const json& value) {
  constexpr std::size_t kMax = 60;
  std::string s = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() <= kMax) return s;
  std::size_t cut = kMax - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return s.substr(0, cut) + "...";
}

std::size_t fast_array_count(const std::string& text, std::size_t min_fast_array) {
  std::string rest;
  return take_number_arrays(text, min_fast_array, rest).size();
}

json parse_strict(const std::string& original, const std::string& filename, std::size_t min_fast_array) {
  // nlohmann takes a NUL byte for the end of input and would ignore what follows; JSON text never
  // holds one (not even inside strings), so it is an error where it stands.
  if (const auto nul = original.find('\0'); nul != std::string::npos) {
    const auto [line, column] = line_column(original, nul + 1);
    throw ScenarioError(filename + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
                        ": JSON syntax error: unexpected NUL byte (is this a text file?)");
  }
  std::string rest;
  std::vector<FastArray> fast = take_number_arrays(original, min_fast_array, rest);
  const bool took_some = !fast.empty();
  const std::string& text = took_some ? rest : original;
  StrictSax sax(std::move(fast));
  const bool ok = json::sax_parse(text, &sax, json::input_format_t::json, /*strict=*/true,
                                  /*ignore_comments=*/false);
  if (ok) return std::move(sax.root());
  // Errors are rare: report them from the untouched text, so "last read" shows the real bytes.
  if (took_some) return parse_strict(original, filename, std::numeric_limits<std::size_t>::max());
  if (sax.syntax_byte()) {
    const auto [line, column] = line_column(text, *sax.syntax_byte());
    throw ScenarioError(filename + ": line " + std::to_string(line) + ", column " + std::to_string(column) +
                        ": JSON syntax error: " + clean_utf8(syntax_detail(sax.syntax_what())));
  }
  throw ScenarioError(filename + ": " + sax.error());
}

}  // namespace divlab::scenario_json

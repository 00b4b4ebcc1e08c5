// Text input for the importers: a strict UTF-8 decoder (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF), one code point at a time, and the checks every input text gets.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "divlab/document/scenario.hpp"

namespace divlab::utf8 {

// The code point starting at s[i] and its length in bytes; len = 0 when the bytes there are not
// valid UTF-8.
struct Decoded {
  char32_t cp = 0;
  std::size_t len = 0;
};

inline Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t n;
  char32_t cp, min;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return {};  // a continuation byte or 0xF8..0xFF
  }
  if (i + n > s.size()) return {};
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, n};
}

// The byte offset of the first invalid sequence, or npos when all of `s` is valid UTF-8.
inline std::size_t first_invalid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const Decoded d = decode(s, i);
    if (d.len == 0) return i;
    i += d.len;
  }
  return std::string_view::npos;
}

// Strips a leading byte order mark (EF BB BF), which is not text.
inline std::string_view without_bom(std::string_view s) {
  return s.starts_with("\xEF\xBB\xBF") ? s.substr(3) : s;
}

// The text of an input file: without a leading BOM, and refused when it holds a NUL byte, which no
// text has (an image, an archive: a binary file). Throws ScenarioError
// "<name>: byte offset N: a NUL byte; this is not <what>" (N counted from the file's first byte).
inline std::string_view text_body(std::string_view text, const std::string& name, std::string_view what) {
  const std::string_view body = without_bom(text);
  if (const std::size_t nul = body.find('\0'); nul != std::string_view::npos)
    throw ScenarioError(name + ": byte offset " + std::to_string(text.size() - body.size() + nul) +
                        ": a NUL byte; this is not " + std::string(what));
  return body;
}

}  // namespace divlab::utf8

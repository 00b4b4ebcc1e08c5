// `divlab import` (SPEC §11): a discrete scenario from data a user already has — unit frequencies
// of one or two texts, or counts from CSV columns. Masses are the raw counts; the result is an
// ordinary Scenario (written with to_json_text / save_scenario, read back by load_scenario).
// Every error is a ScenarioError whose what() is one line naming the file and the place.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "divlab/common/names.hpp"
#include "divlab/document/scenario.hpp"

namespace divlab {

// What a text is counted in. letter: a–z after ASCII case folding (every other byte ignored);
// character: Unicode code points (the text must be UTF-8); word: maximal runs of a–z after ASCII
// case folding (every other byte separates words). A leading UTF-8 byte order mark is not text.
enum class TextUnit { letter, character, word };
inline constexpr EnumName<TextUnit> kTextUnitNames[] = {
    {TextUnit::letter, "letter"}, {TextUnit::character, "char"}, {TextUnit::word, "word"}};
constexpr std::span<const EnumName<TextUnit>> enum_names(TextUnit) { return kTextUnitNames; }

// How many times each unit occurs in `text` (labels are UTF-8). `name` is used in messages only.
// Throws for a NUL byte (not a text: "a.txt: byte 17: a NUL byte; not a text file") and, for
// TextUnit::character, for invalid UTF-8 ("a.txt: byte 17: invalid UTF-8").
std::map<std::string, std::uint64_t> count_units(std::string_view text, TextUnit unit, const std::string& name);

// One input: its name (for messages and the title) and its bytes.
struct ImportSource {
  std::string name;
  std::string text;
};

// The scenario of SPEC §11's text import: the support is every unit of either text, sorted by P's
// count (descending), then by label (code point order = UTF-8 byte order); masses are the counts;
// without q, Q is uniform over the support. Throws when neither text has a unit.
Scenario text_scenario(const ImportSource& p, const ImportSource* q, TextUnit unit);

// Columns of a CSV import, by their header names; nullopt: the default (see csv_scenario).
struct CsvColumns {
  std::optional<std::string> p = {}, q = {}, label = {};
};

// Limits of a CSV file, beyond which it is refused with a clear error instead of a slow import.
inline constexpr std::size_t kMaxCsvColumns = 4096;
inline constexpr std::size_t kMaxCsvFieldBytes = std::size_t{1} << 16;
// Fields in the whole file: each costs a string (≥ 32 bytes) while it is read, so a 1 GiB file of
// "1,1,1,…" would need 16 GiB; 2²³ fields (e.g. 10⁶ rows of 8 columns) stay under ~300 MB.
inline constexpr std::size_t kMaxCsvFields = std::size_t{1} << 23;

// One CSV record: its fields and the line (1-based) it starts on.
struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;
};

// RFC 4180 records: fields separated by commas, records by LF or CRLF (a lone CR too); a field in
// double quotes may hold commas, line breaks and "" (one quote). A leading UTF-8 BOM is skipped,
// blank lines are skipped. Throws for an unterminated quote, a quote inside an unquoted field or
// text after a closing quote, a NUL byte, invalid UTF-8, and beyond the limits above.
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& name);

// The scenario of SPEC §11's CSV import: the first record is the header; every other record a
// support point, in file order. A column is numeric when its first data row holds a number.
//   P: columns.p, else the first numeric column (not Q's, not the label's).
//   Q: columns.q; else, when columns.p is not given, the next numeric column after P's; else
//      uniform (every mass 1).
//   labels: columns.label, else the first non-numeric column, else the data row numbers 1, 2, ….
// Counts must be finite numbers ≥ 0 (not all 0 in a column); labels must be distinct. Throws naming
// the line and column of a bad cell, a missing column (listing the header), ragged rows, no data.
Scenario csv_scenario(std::string_view text, const std::string& name, const CsvColumns& columns);

// The same, reading the files (read_input_file's checks and messages).
Scenario import_text_files(const std::string& p_path, const std::optional<std::string>& q_path, TextUnit unit);
Scenario import_csv_file(const std::string& path, const CsvColumns& columns);

}  // namespace divlab

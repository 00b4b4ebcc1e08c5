// CSV import (SPEC §11): RFC 4180 records, a header row, counts from named (or the first numeric)
// columns.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <string>
#include <unordered_map>

#include "divlab/document/input_file.hpp"
#include "divlab/import/import.hpp"
#include "document/scenario_json.hpp"
#include "import/utf8.hpp"

namespace divlab {

namespace {

// A cell or a column name for a message: JSON-quoted, cut to 40 bytes.
std::string quote_cell(std::string_view s) { return scenario_json::quote_json(s, 40); }

std::string header_list(const std::vector<std::string>& header) {
  std::string out;
  for (std::size_t i = 0; i < header.size() && i < 20; ++i) out += (i ? ", " : "") + quote_cell(header[i]);
  if (header.size() > 20) out += ", ... (" + std::to_string(header.size()) + " columns)";
  return out;
}

// A number in a cell: optional spaces or tabs around it, an optional sign, then what from_chars
// reads in general format (so "1e3", "0.5", "inf", "nan").
std::optional<double> parse_number(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  bool negate = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negate = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.front() == '+' || s.front() == '-') return std::nullopt;
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ptr != s.data() + s.size()) return std::nullopt;
  // Beyond a double (1e999, also 1e-999): a number, but not one a count can be (reported at its cell).
  if (r.ec == std::errc::result_out_of_range) v = HUGE_VAL;
  else if (r.ec != std::errc()) return std::nullopt;
  return negate ? -v : v;
}

}  // namespace

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& name) {
  const std::size_t offset = text.size() - utf8::without_bom(text).size();
  const std::string_view body = utf8::text_body(text, name, "a CSV text file");
  if (const std::size_t bad = utf8::first_invalid(body); bad != std::string_view::npos)
    throw ScenarioError(name + ": byte offset " + std::to_string(offset + bad) + ": invalid UTF-8 (CSV files are read as UTF-8)");

  std::vector<CsvRecord> records;
  CsvRecord rec;
  std::string field;
  std::size_t line = 1, fields = 0;
  auto fail = [&](std::size_t at_line, const std::string& what) -> void {
    throw ScenarioError(name + ": line " + std::to_string(at_line) + ": " + what);
  };
  bool quoted_field = false;  // the current field was quoted (so "" on a line is a record, not a blank line)
  auto end_field = [&] {
    if (rec.fields.size() >= kMaxCsvColumns)
      fail(rec.line, "more than " + std::to_string(kMaxCsvColumns) + " fields in a row");
    if (++fields > kMaxCsvFields)
      fail(rec.line, "more than " + std::to_string(kMaxCsvFields) + " fields in the file");
    rec.fields.push_back(std::move(field));
    field.clear();
    quoted_field = false;
  };
  // Ends the record at a line break or the end of the text; a blank line is not a record.
  auto end_record = [&] {
    if (!(rec.fields.empty() && field.empty() && !quoted_field)) {
      end_field();
      records.push_back(std::move(rec));
    }
    rec = CsvRecord{};
    rec.line = line;
  };
  auto add = [&](char c) {
    if (field.size() >= kMaxCsvFieldBytes)
      fail(line, "a field longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
    field += c;
  };

  const std::size_t n = body.size();
  std::size_t i = 0;
  rec.line = line;
  while (i < n) {
    const char c = body[i];
    if (c == '"' && field.empty() && !quoted_field) {
      // A quoted field: everything up to the closing quote, "" being one quote.
      const std::size_t open_line = line;
      quoted_field = true;
      ++i;
      for (;;) {
        if (i >= n) fail(open_line, "a quoted field is not closed (a \" is missing)");
        const char d = body[i];
        if (d == '"') {
          if (i + 1 < n && body[i + 1] == '"') {
            add('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (d == '\n' || (d == '\r' && !(i + 1 < n && body[i + 1] == '\n'))) ++line;  // LF, CRLF or a lone CR
        add(d);
        ++i;
      }
      if (i < n && body[i] != ',' && body[i] != '\n' && body[i] != '\r')
        fail(line, "text after the closing quote of a field (a quote inside a field is written \"\")");
      continue;
    }
    if (c == '"') fail(line, "a quote inside an unquoted field (quote the whole field and write the quote as \"\")");
    if (c == ',') {
      end_field();
      ++i;
    } else if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < n && body[i + 1] == '\n') ? 2 : 1;
      ++line;
      end_record();
    } else {
      add(c);
      ++i;
    }
  }
  end_record();
  return records;
}

Scenario csv_scenario(std::string_view text, const std::string& name, const CsvColumns& columns) {
  if (utf8::without_bom(text).empty()) throw ScenarioError(name + ": the file is empty (expected a header row and data rows)");
  const std::vector<CsvRecord> records = parse_csv(text, name);
  if (records.empty()) throw ScenarioError(name + ": no rows (expected a header row and data rows)");
  const std::vector<std::string>& header = records[0].fields;
  if (records.size() == 1) throw ScenarioError(name + ": no data rows after the header (" + header_list(header) + ")");
  const std::size_t width = header.size();
  for (std::size_t r = 1; r < records.size(); ++r)
    if (records[r].fields.size() != width)
      throw ScenarioError(name + ": line " + std::to_string(records[r].line) + ": expected " + std::to_string(width) +
                          " fields (as many as the header), got " + std::to_string(records[r].fields.size()));

  // A named column: exactly one header field of that name.
  auto find = [&](const std::string& col, std::string_view role) {
    std::optional<std::size_t> at;
    for (std::size_t j = 0; j < width; ++j) {
      if (header[j] != col) continue;
      if (at)
        throw ScenarioError(name + ": the header names two columns " + quote_cell(col) + " (" + std::string(role) +
                            "); rename one of them");
      at = j;
    }
    if (!at)
      throw ScenarioError(name + ": no column " + quote_cell(col) + " for " + std::string(role) + " (the header has: " +
                          header_list(header) + ")");
    return *at;
  };
  // Column indices; kNone: not named (or, for Q and the labels, none).
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  const std::size_t p_named = columns.p ? find(*columns.p, "P") : kNone;
  const std::size_t q_named = columns.q ? find(*columns.q, "Q") : kNone;
  const std::size_t label_named = columns.label ? find(*columns.label, "the labels") : kNone;

  // Numeric: the first data row holds a number there. (Deciding by the first row, not by all rows,
  // means a typo further down is reported at its cell, never silently turns the column into labels.)
  std::vector<bool> numeric(width);
  for (std::size_t j = 0; j < width; ++j) numeric[j] = parse_number(records[1].fields[j]).has_value();
  std::vector<std::size_t> free_numeric;
  for (std::size_t j = 0; j < width; ++j)
    if (numeric[j] && j != p_named && j != q_named && j != label_named) free_numeric.push_back(j);

  std::size_t p_col = p_named, q_col = q_named;
  if (p_col == kNone) {
    if (free_numeric.empty())
      throw ScenarioError(name + ": no numeric column for P (a column whose first data row holds a number; the header has: " +
                          header_list(header) + ")");
    p_col = free_numeric[0];
    if (q_col == kNone && free_numeric.size() > 1) q_col = free_numeric[1];
  }
  std::size_t label_col = label_named;
  for (std::size_t j = 0; j < width && label_col == kNone; ++j)
    if (!numeric[j] && j != p_col && j != q_col) label_col = j;

  auto counts = [&](std::size_t j) {
    std::vector<double> out;
    out.reserve(records.size() - 1);
    bool any = false;
    for (std::size_t r = 1; r < records.size(); ++r) {
      const std::string& cell = records[r].fields[j];
      const std::optional<double> v = parse_number(cell);
      if (!v || !std::isfinite(*v) || *v < 0)
        throw ScenarioError(name + ": line " + std::to_string(records[r].line) + ", column " + quote_cell(header[j]) +
                            ": expected a count (a finite number >= 0), got " + quote_cell(cell));
      out.push_back(*v == 0 ? 0.0 : *v);  // -0 is 0
      any = any || *v > 0;
    }
    if (!any) throw ScenarioError(name + ": column " + quote_cell(header[j]) + ": every count is 0 (a distribution needs some mass)");
    return out;
  };

  Scenario s;
  s.kind = Kind::discrete;
  s.p_mass = counts(p_col);
  s.q_mass = q_col != kNone ? counts(q_col) : std::vector<double>(s.p_mass.size(), 1.0);
  s.title = "P = " + header[p_col] + ", Q = " + (q_col != kNone ? header[q_col] : std::string("uniform")) + " (" + std::filesystem::path(name).filename().string() + ")";
  std::unordered_map<std::string_view, std::size_t> seen;  // label → the line it is on
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (label_col == kNone) {
      s.labels.push_back(std::to_string(r));  // the data row number
      continue;
    }
    const std::string& label = records[r].fields[label_col];
    if (const auto [it, fresh] = seen.emplace(label, records[r].line); !fresh)
      throw ScenarioError(name + ": line " + std::to_string(records[r].line) + ", column " + quote_cell(header[label_col]) +
                          ": the label " + quote_cell(label) + " is already used at line " + std::to_string(it->second) +
                          " (labels must be distinct)");
    s.labels.push_back(label);
  }
  return s;
}

Scenario import_csv_file(const std::string& path, const CsvColumns& columns) {
  return csv_scenario(read_input_file(path, "a CSV file to import"), path, columns);
}

}  // namespace divlab

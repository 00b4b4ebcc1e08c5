// import/import.hpp (SPEC §11): text and CSV counts against the independent reference
// (tests/reference/gen_import.py: collections.Counter and the csv module over tests/reference/import/),
// the written scenario loading back, and one clear error for every malformed input.
#include "divlab/import/import.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "divlab/document/input_file.hpp"
#include "import/utf8.hpp"

namespace divlab {
namespace {

using nlohmann::json;

const std::string kDir = std::string(DIVLAB_TEST_DATA_DIR) + "/reference/import/";

json reference() {
  std::ifstream in(std::string(DIVLAB_TEST_DATA_DIR) + "/reference/import.json");
  EXPECT_TRUE(in.good());
  return json::parse(in);
}

std::optional<std::string> opt(const json& v) { return v.is_null() ? std::nullopt : std::optional(v.get<std::string>()); }

TEST(Import, MatchesTheIndependentReference) {
  const json ref = reference();
  ASSERT_GE(ref["cases"].size(), 15u);
  for (const json& c : ref["cases"]) {
    Scenario s;
    std::string what;
    if (c["kind"] == "text") {
      what = c["p_file"].get<std::string>() + " " + c["unit"].get<std::string>();
      const auto q = opt(c["q_file"]);
      s = import_text_files(kDir + c["p_file"].get<std::string>(), q ? std::optional(kDir + *q) : std::nullopt,
                            *parse_name<TextUnit>(c["unit"].get<std::string>()));
    } else {
      what = c["file"].get<std::string>() + " " + c.dump();
      s = import_csv_file(kDir + c["file"].get<std::string>(),
                          {.p = opt(c["p_col"]), .q = opt(c["q_col"]), .label = opt(c["label_col"])});
    }
    SCOPED_TRACE(what);
    EXPECT_EQ(s.kind, Kind::discrete);
    EXPECT_EQ(s.labels, c["labels"].get<std::vector<std::string>>());
    // Counts and decimal numbers are read to the nearest double, as Python's float() does: exact.
    EXPECT_EQ(s.p_mass, c["p"].get<std::vector<double>>());
    EXPECT_EQ(s.q_mass, c["q"].get<std::vector<double>>());
    // An ordinary scenario: its text loads back as the same scenario.
    EXPECT_EQ(parse_scenario(to_json_text(s), "out.json"), s);
  }
}

TEST(Import, TextUnits) {
  // Letters fold ASCII case only; ä, ß and digits are not letters a–z.
  const auto letters = count_units("AbA ä ß 42 zZ", TextUnit::letter, "t");
  EXPECT_EQ(letters, (std::map<std::string, std::uint64_t>{{"a", 2}, {"b", 1}, {"z", 2}}));
  // Words are maximal runs of a–z after folding: "Don't" is "don" and "t", "Straße" is "stra" and "e".
  const auto words = count_units("Don't stop, DON'T. Straße", TextUnit::word, "t");
  EXPECT_EQ(words, (std::map<std::string, std::uint64_t>{{"don", 2}, {"t", 2}, {"stop", 1}, {"stra", 1}, {"e", 1}}));
  // Characters are code points; a BOM is not one of them, a CR is.
  const auto chars = count_units("\xEF\xBB\xBF" "ä\r\nää𝄞", TextUnit::character, "t");
  EXPECT_EQ(chars, (std::map<std::string, std::uint64_t>{{"ä", 3}, {"\r", 1}, {"\n", 1}, {"𝄞", 1}}));
}

TEST(Import, TextOrderAndUniformQ) {
  const ImportSource p{"p.txt", "bb a ccc d"}, q{"q.txt", "x a"};
  const Scenario s = text_scenario(p, &q, TextUnit::letter);
  // P's count descending, then code point order; Q's own letters (x) come with P = 0.
  EXPECT_EQ(s.labels, (std::vector<std::string>{"c", "b", "a", "d", "x"}));
  EXPECT_EQ(s.p_mass, (std::vector<double>{3, 2, 1, 1, 0}));
  EXPECT_EQ(s.q_mass, (std::vector<double>{0, 0, 1, 0, 1}));
  const Scenario u = text_scenario(p, nullptr, TextUnit::letter);
  EXPECT_EQ(u.q_mass, (std::vector<double>{1, 1, 1, 1}));
}

// The error line of `f`, or "" when it does not throw.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "";
}

TEST(Import, TextErrors) {
  EXPECT_EQ(error_of([] { count_units("ab\xC3(", TextUnit::character, "bad.txt"); }),
            "bad.txt: byte offset 2: invalid UTF-8 (--unit char reads the text as UTF-8)");
  EXPECT_EQ(error_of([] { count_units(std::string("\xEF\xBB\xBFPK\x03\x04\0\0", 9), TextUnit::letter, "x.zip"); }),
            "x.zip: byte offset 7: a NUL byte; this is not a text file");
  // Overlong forms and surrogates are not UTF-8.
  EXPECT_NE(error_of([] { count_units("\xC0\xAF", TextUnit::character, "t"); }), "");
  EXPECT_NE(error_of([] { count_units("\xED\xA0\x80", TextUnit::character, "t"); }), "");
  EXPECT_NE(error_of([] { count_units("\xF4\x90\x80\x80", TextUnit::character, "t"); }), "");
  const ImportSource digits{"d.txt", "1234"}, empty{"e.txt", ""}, fine{"f.txt", "abc"};
  EXPECT_EQ(error_of([&] { text_scenario(digits, nullptr, TextUnit::letter); }), "d.txt: no letters (a-z) in the text");
  EXPECT_EQ(error_of([&] { text_scenario(fine, &empty, TextUnit::word); }), "e.txt: no words (runs of a-z) in the text");
  EXPECT_EQ(error_of([] { import_text_files("/nonexistent/x.txt", std::nullopt, TextUnit::letter); }),
            "/nonexistent/x.txt: cannot open: No such file or directory");
  EXPECT_EQ(error_of([] { read_input_file("/", "a text to import"); }), "/: cannot read: is a directory");
}

TEST(Import, CsvRecords) {
  const auto r = parse_csv("a,\"b,\"\"c\"\"\"\r\n\r\n\"x\ny\",\n\"\"\nlast", "t.csv");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].fields, (std::vector<std::string>{"a", "b,\"c\""}));
  EXPECT_EQ(r[1].fields, (std::vector<std::string>{"x\ny", ""}));
  EXPECT_EQ(r[1].line, 3u);
  EXPECT_EQ(r[2].fields, (std::vector<std::string>{""}));  // a quoted empty field is a record, not a blank line
  EXPECT_EQ(r[2].line, 5u);
  EXPECT_EQ(r[3].fields, (std::vector<std::string>{"last"}));  // no final line break
  EXPECT_EQ(r[3].line, 6u);
}

TEST(Import, CsvErrors) {
  auto csv = [](const std::string& text, CsvColumns cols = {}) {
    return error_of([&] { csv_scenario(text, "d.csv", cols); });
  };
  EXPECT_EQ(csv(""), "d.csv: the file is empty (expected a header row and data rows)");
  EXPECT_EQ(csv("\xEF\xBB\xBF"), "d.csv: the file is empty (expected a header row and data rows)");
  EXPECT_EQ(csv("\n\r\n\n"), "d.csv: no rows (expected a header row and data rows)");
  EXPECT_EQ(csv("a,b\n"), "d.csv: no data rows after the header (\"a\", \"b\")");
  EXPECT_EQ(csv("w,t\nx,y\n"),
            "d.csv: no numeric column for P (a column whose first data row holds a number; the header has: \"w\", \"t\")");
  EXPECT_EQ(csv("w,n\nx,1\n", {.p = "count"}), "d.csv: no column \"count\" for P (the header has: \"w\", \"n\")");
  EXPECT_EQ(csv("w,n\nx,1\n", {.label = "word"}), "d.csv: no column \"word\" for the labels (the header has: \"w\", \"n\")");
  EXPECT_EQ(csv("w,n\nx,1\ny,-2\n"), "d.csv: line 3, column \"n\": expected a count (a finite number >= 0), got \"-2\"");
  EXPECT_EQ(csv("w,n\nx,1\ny,nan\n"), "d.csv: line 3, column \"n\": expected a count (a finite number >= 0), got \"nan\"");
  EXPECT_EQ(csv("w,n\nx,1\ny,inf\n"), "d.csv: line 3, column \"n\": expected a count (a finite number >= 0), got \"inf\"");
  EXPECT_EQ(csv("w,n\nx,1\ny,1e999\n"), "d.csv: line 3, column \"n\": expected a count (a finite number >= 0), got \"1e999\"");
  EXPECT_EQ(csv("w,n\nx,1\ny,1O\n"), "d.csv: line 3, column \"n\": expected a count (a finite number >= 0), got \"1O\"");
  EXPECT_EQ(csv("w,n\nx,1\ny\n"), "d.csv: line 3: expected 2 fields (as many as the header), got 1");
  EXPECT_EQ(csv("w,n\nx,1\n\"y,2\n"), "d.csv: line 3: a quoted field is not closed (a \" is missing)");
  EXPECT_EQ(csv("w,n\nx\"y,2\n"), "d.csv: line 2: a quote inside an unquoted field (quote the whole field and write the quote as \"\")");
  EXPECT_EQ(csv("w,n\n\"x\"y,2\n"), "d.csv: line 2: text after the closing quote of a field (a quote inside a field is written \"\")");
  EXPECT_EQ(csv("w,n\nx,0\ny,0\n"), "d.csv: column \"n\": every count is 0 (a distribution needs some mass)");
  EXPECT_EQ(csv("w,n\nx,1\ny,2\nx,3\n"),
            "d.csv: line 4, column \"w\": the label \"x\" is already used at line 2 (labels must be distinct)");
  EXPECT_EQ(csv("n,n\n1,2\n", {.p = "n"}), "d.csv: the header names two columns \"n\" (P); rename one of them");
  EXPECT_EQ(csv("w,n\nx,1\xFF\n"), "d.csv: byte offset 7: invalid UTF-8 (CSV files are read as UTF-8)");
  EXPECT_EQ(csv(std::string("w,n\nx,\0\n", 8)), "d.csv: byte offset 6: a NUL byte; this is not a CSV text file");
  EXPECT_EQ(csv("w,n\nx," + std::string(kMaxCsvFieldBytes + 1, '1') + "\n"),
            "d.csv: line 2: a field longer than 65536 bytes");
  std::string wide;
  for (std::size_t j = 0; j <= kMaxCsvColumns; ++j) wide += "c,";
  EXPECT_EQ(csv(wide + "\n"), "d.csv: line 1: more than 4096 fields in a row");
  std::string many = "n\n";
  for (std::size_t r = 0; r < kMaxCsvFields; ++r) many += "1\n";
  EXPECT_EQ(csv(many), "d.csv: line " + std::to_string(kMaxCsvFields + 1) + ": more than 8388608 fields in the file");
}

TEST(Import, CsvNumbers) {
  // Spaces around a number, a sign, exponents; Q uniform when only --p is given; row-number labels.
  const Scenario s = csv_scenario("n,m\n 1 ,+2\n2.5e1,-0\n", "d.csv", {.p = "m"});
  EXPECT_EQ(s.p_mass, (std::vector<double>{2, 0}));
  EXPECT_EQ(s.q_mass, (std::vector<double>{1, 1}));
  EXPECT_EQ(s.labels, (std::vector<std::string>{"1", "2"}));
  EXPECT_FALSE(std::signbit(s.p_mass[1]));
}

TEST(Import, Utf8Decoder) {
  EXPECT_EQ(utf8::first_invalid("plain ä Ω 𝄞"), std::string_view::npos);
  EXPECT_EQ(utf8::first_invalid("ab\x80"), 2u);
  EXPECT_EQ(utf8::first_invalid("\xE2\x82"), 0u);  // cut short
  EXPECT_EQ(utf8::decode("𝄞", 0).cp, U'𝄞');
}

}  // namespace
}  // namespace divlab

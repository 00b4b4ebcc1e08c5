// `divlab import --text P.txt [Q.txt] [--unit letter|char|word] -o OUT.json` and
// `divlab import --csv FILE.csv [--p COLUMN] [--q COLUMN] [--label COLUMN] -o OUT.json` (SPEC §11):
// a discrete scenario from a user's own texts or table. Core counts (divlab/import/import.hpp);
// this file parses the arguments and writes the scenario.
#include <optional>
#include <string>
#include <vector>

#include "cli/common.hpp"
#include "divlab/document/session_store.hpp"
#include "divlab/import/import.hpp"

namespace divlab::cli {

int import_data(const Args& args) {
  CLI::App app{"Builds a discrete scenario from your own data: letter, character or word counts of one or two "
               "texts (P from the first, Q from the second, else Q uniform), or counts from CSV columns. "
               "Masses are the raw counts.",
               "divlab import"};
  std::vector<std::string> texts;
  std::string csv, unit_text = "letter", out;
  std::optional<std::string> p_col, q_col, label_col;
  auto* o_text = app.add_option("--text", texts, "One or two text files: P's text and, optionally, Q's")
                     ->expected(1, 2)
                     ->type_name("P.txt [Q.txt]");
  auto* o_csv = app.add_option("--csv", csv, "A CSV file (RFC 4180) with a header row")->type_name("FILE.csv");
  auto* o_unit = app.add_option("--unit", unit_text, "What a text is counted in: " + name_list<TextUnit>(" | ", " | ") +
                                                         " (default: letter; a-z after ASCII case folding)");
  auto* o_p = app.add_option("--p", p_col, "CSV column of P's counts (default: the first numeric column)");
  auto* o_q = app.add_option("--q", q_col,
                             "CSV column of Q's counts (default: the second numeric column when --p is not given, "
                             "else Q uniform)");
  auto* o_label = app.add_option("--label", label_col,
                                 "CSV column of the labels (default: the first non-numeric column, else row numbers)");
  app.add_option("-o,--output", out, "Scenario file to write (divlab.scenario JSON); - writes to stdout")->required();
  o_text->excludes(o_csv);
  for (CLI::Option* o : {o_p, o_q, o_label}) o->excludes(o_text)->needs(o_csv);
  o_unit->excludes(o_csv)->needs(o_text);
  add_version_flag(app);
  if (const std::optional<int> done = parse_command_line(app, "import", args)) return *done;
  if (!o_text->count() && !o_csv->count()) {
    print_error("import: give --text P.txt [Q.txt] or --csv FILE.csv (see 'divlab import --help')");
    return 2;
  }
  const std::optional<TextUnit> unit = parse_name<TextUnit>(unit_text);
  if (!unit) {
    print_error("import: --unit: expected " + name_list<TextUnit>() + ", got '" + unit_text + "'");
    return 2;
  }

  std::string text;
  try {
    const Scenario s = o_text->count()
                           ? import_text_files(texts[0], texts.size() > 1 ? std::optional(texts[1]) : std::nullopt, *unit)
                           : import_csv_file(csv, {.p = p_col, .q = q_col, .label = label_col});
    text = to_json_text(s);
    // What is written must load (`divlab metrics OUT.json`): checked here, so a scenario the loader
    // would refuse is never written (an internal error, not the user's).
    (void)parse_scenario(text, out == "-" ? "stdout" : out);
  } catch (const ScenarioError& e) {
    print_error(e.what());
    return 2;
  }
  if (out == "-") return write_stdout(text, "import");
  if (const std::optional<std::string> err = write_file_atomic(out, text)) {
    print_error("import: " + *err);  // "<path>: <why>"
    return 1;
  }
  return 0;
}

}  // namespace divlab::cli

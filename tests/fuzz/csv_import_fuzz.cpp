// libFuzzer target for the CSV importer (import/import.hpp). Invariants: every input either raises a
// ScenarioError whose message is one valid-UTF-8 line naming the file, or gives a discrete scenario
// with as many labels as masses, distinct labels, finite masses >= 0 (some > 0 in P and in Q), whose
// canonical text loads back as the same scenario (so `divlab metrics` reads what `divlab import`
// writes). The parser is also checked on its own: it never throws anything else.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "divlab/import/import.hpp"
#include "import/utf8.hpp"

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "csv_import_fuzz: invariant broken: %s\n%s\n", what, detail.c_str());
  std::abort();
}

void check_error(const divlab::ScenarioError& e) {
  const std::string_view msg = e.what();
  if (msg.rfind("fuzz.csv: ", 0) != 0) broken("message does not start with the file name", e.what());
  if (msg.find('\n') != std::string_view::npos || msg.find('\r') != std::string_view::npos)
    broken("message is not one line", e.what());
  if (divlab::utf8::first_invalid(msg) != std::string_view::npos) broken("message is not valid UTF-8", e.what());
}

bool some_mass(const std::vector<double>& m) {
  bool any = false;
  for (const double v : m) {
    if (!std::isfinite(v) || v < 0) return false;
    any = any || v > 0;
  }
  return any;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // Columns by name too: the first bytes choose which of the header's likely names to ask for.
  divlab::CsvColumns columns;
  if (size > 0 && (data[0] & 1)) columns.p = "p";
  if (size > 0 && (data[0] & 2)) columns.q = "q";
  if (size > 0 && (data[0] & 4)) columns.label = "label";
  divlab::Scenario s;
  try {
    s = divlab::csv_scenario(text, "fuzz.csv", columns);
  } catch (const divlab::ScenarioError& e) {
    check_error(e);
    return 0;
  }
  const std::size_t n = s.p_mass.size();
  if (s.kind != divlab::Kind::discrete || n == 0 || s.q_mass.size() != n || s.labels.size() != n)
    broken("not a discrete scenario with one label per mass", divlab::to_json_text(s));
  if (!some_mass(s.p_mass) || !some_mass(s.q_mass)) broken("masses not finite >= 0 with some > 0", divlab::to_json_text(s));
  if (std::set<std::string>(s.labels.begin(), s.labels.end()).size() != n) broken("labels not distinct", divlab::to_json_text(s));
  const std::string saved = divlab::to_json_text(s);
  divlab::Scenario back;
  try {
    back = divlab::parse_scenario(saved, "saved.json");
  } catch (const divlab::ScenarioError& e) {
    broken("the imported scenario does not load", std::string(e.what()) + "\n" + saved);
  }
  if (!(back == s)) broken("import -> save -> load is not the same scenario", saved);
  return 0;
}

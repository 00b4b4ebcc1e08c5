// libFuzzer target for the scenario loader. Invariants: every input either raises a ScenarioError
// whose message is one valid-UTF-8 line naming the file, or gives a Scenario whose canonical text
// re-parses to an equal Scenario and is a fixed point of to_json_text; and the parser's fast path
// for number arrays agrees with nlohmann's own reading.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "document/scenario_json.hpp"  // the loader's private parser, to compare its two paths
#include "divlab/document/scenario.hpp"

namespace {

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "scenario_fuzz: invariant broken: %s\n%s\n", what, detail.c_str());
  std::abort();
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

}  // namespace

// The from_chars fast path for number arrays (taken here for every array) must give exactly what
// nlohmann alone gives: the same DOM, number types included, or the same error line.
void check_fast_path_agrees(const std::string& text) {
  auto outcome = [&](std::size_t min_fast) {
    try {
      return divlab::scenario_json::parse_strict(text, "fuzz.json", min_fast).dump();
    } catch (const divlab::ScenarioError& e) {
      return std::string("error: ") + e.what();
    }
  };
  const std::string fast = outcome(1), slow = outcome(static_cast<std::size_t>(-1));
  if (fast != slow) broken("fast path differs", "fast: " + fast + "\nslow: " + slow);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  check_fast_path_agrees(text);
  divlab::Scenario s;
  try {
    s = divlab::parse_scenario(text, "fuzz.json");
  } catch (const divlab::ScenarioError& e) {
    const std::string_view msg = e.what();
    if (msg.rfind("fuzz.json: ", 0) != 0) broken("message does not start with the file name", e.what());
    if (msg.find('\n') != std::string_view::npos || msg.find('\r') != std::string_view::npos)
      broken("message is not one line", e.what());
    if (!valid_utf8(msg)) broken("message is not valid UTF-8", e.what());
    return 0;
  }
  const std::string saved = divlab::to_json_text(s);
  divlab::Scenario back;
  try {
    back = divlab::parse_scenario(saved, "saved.json");
  } catch (const divlab::ScenarioError& e) {
    broken("saved text does not load", std::string(e.what()) + "\n" + saved);
  }
  if (!(back == s)) broken("save -> load is not the same scenario", saved);
  if (divlab::to_json_text(back) != saved) broken("canonical text is not a fixed point", saved);
  return 0;
}

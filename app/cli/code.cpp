// `divlab code FILE [--json]` (SPEC §6): binary Huffman codes for the scenario's P and Q, their mean
// lengths on each other's data, and the identity E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q). Always in bits.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "cli/common.hpp"
#include "divlab/coding/codes.hpp"
#include "divlab/teaching/coding_explain.hpp"
#include "export/metrics_table.hpp"

namespace divlab::cli {

namespace {

using exporting::display_width;
using exporting::human_number;
using exporting::pad;

std::string label_json(const Scenario& s, std::size_t x) {
  return s.labels.empty() ? std::to_string(x) : json_string(s.labels[x]);
}

std::string code_json(const PrefixCode& code, std::size_t x) {
  return code.has(x) ? json_string(code.codeword(x)) : "null";
}

// The scalar keys of SPEC §6 in their order; symbols, names and values from the coding explanations.
constexpr std::array<std::string_view, 10> kKeys{"entropy_p",       "entropy_q",       "cross_entropy_pq", "cross_entropy_qp",
                                                 "kl_pq",           "kl_qp",           "length_p_code_p",  "length_p_code_q",
                                                 "length_q_code_q", "length_q_code_p"};

std::string json_output(const Scenario& s, const CodeComparison& c) {
  std::string out = "{\n  \"symbols\": [";
  for (std::size_t x = 0; x < c.p.size(); ++x) {
    out += x ? ",\n    " : "\n    ";
    out += "{\"label\": " + label_json(s, x) + ", \"p\": " + json_number(c.p[x]) + ", \"q\": " + json_number(c.q[x]) +
           ", \"code_p\": " + code_json(c.code_p, x) + ", \"code_q\": " + code_json(c.code_q, x) + "}";
  }
  out += "\n  ]";
  for (std::string_view k : kKeys) out += ",\n  " + json_string(k) + ": " + json_number(coding_value(k, c));
  out += "\n}\n";
  return out;
}

std::string number(double v) { return v == std::numeric_limits<double>::infinity() ? "∞" : human_number(v); }

template <std::size_t K>
std::string aligned(const std::vector<std::array<std::string, K>>& rows) {
  std::array<std::size_t, K> width{};
  for (const auto& r : rows)
    for (std::size_t k = 0; k < K; ++k) width[k] = std::max(width[k], display_width(r[k]));
  std::string out;
  for (const auto& r : rows) {
    std::string line = " ";
    for (std::size_t k = 0; k < K; ++k) line += " " + (k + 1 < K ? pad(r[k], width[k]) : r[k]);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string table_output(const Scenario& s, const CodeComparison& c, const std::string& file) {
  std::string out;
  if (s.title) out += *s.title + "\n";
  out += file + " · discrete, " + std::to_string(c.p.size()) + " symbols · binary Huffman codes (bits)\n\n";
  std::vector<std::array<std::string, 9>> rows;
  rows.push_back({"symbol", "p", "q", "code_p", "code_q", "ℓ_P", "ℓ_Q", "−log₂ p", "−log₂ q"});
  auto ideal = [](double v) { return v > 0 ? human_number(-std::log2(v)) : std::string("∞"); };
  auto len = [](const PrefixCode& code, std::size_t x) { return code.has(x) ? std::to_string(code.lengths[x]) : std::string("—"); };
  for (std::size_t x = 0; x < c.p.size(); ++x)
    rows.push_back({s.labels.empty() ? std::to_string(x) : s.labels[x], human_number(c.p[x]), human_number(c.q[x]),
                    std::string(c.code_p.codeword_or(x, "—")), std::string(c.code_q.codeword_or(x, "—")), len(c.code_p, x),
                    len(c.code_q, x), ideal(c.p[x]), ideal(c.q[x])});
  out += aligned(rows) + "\n";
  std::vector<std::array<std::string, 4>> values;
  values.push_back({"symbol", "quantity", "value", "unit"});
  for (std::string_view k : kKeys) {
    const CodingExplanation* e = coding_explanation(k);
    values.push_back({std::string(e->symbol), std::string(e->name), number(coding_value(k, c)), "bits"});
  }
  out += aligned(values) + "\n";
  // The identity E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q), with its numbers.
  out += "  E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q):  " + number(c.length_p_code_q) + " = " + number(c.entropy_p) + " + " +
         number(c.kl_p_code_q) + " bits\n";
  out += "  Q's code costs " + number(c.extra_bits()) + " bits per symbol more than P's own on P's data; D(P‖Q) = " +
         number(c.kl_pq) + " bits\n";
  return out;
}

}  // namespace

int code(const Args& args) {
  CLI::App app{"Builds binary Huffman codes for the scenario's P and for its Q (SPEC §6 tie rule) and prints each "
               "symbol's codewords, the entropies, cross-entropies and KL divergences, and the mean length of each "
               "code on each distribution's data, in bits, with the identity E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q).",
               "divlab code"};
  std::string file;
  bool json = false;
  app.add_option("FILE", file, "Scenario file (divlab.scenario JSON, kind discrete)")->required();
  app.add_flag("--json", json, "One JSON object: \"symbols\" and every length and quantity, +∞ as \"inf\"");
  add_version_flag(app);
  if (const auto status = parse_command_line(app, "code", args)) return *status;
  const std::optional<Scenario> scenario = load_or_report(file);
  if (!scenario) return 2;
  if (scenario->kind != Kind::discrete) {
    print_error(file + ": kind: expected \"discrete\" (a code is built for discrete P and Q), got \"" +
                std::string(to_name(scenario->kind)) + "\"");
    return 2;
  }
  const CodeComparison c = compare_codes(scenario->p_mass, scenario->q_mass);
  const std::string out = json ? json_output(*scenario, c) : table_output(*scenario, c, file);
  std::fputs(out.c_str(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace divlab::cli

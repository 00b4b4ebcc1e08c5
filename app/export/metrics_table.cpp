#include "export/metrics_table.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace divlab::exporting {

namespace {

// The table's words for one quantity.
struct Words {
  std::string_view name, latex;
};

// In kQuantities order.
constexpr std::array<Words, kQuantities.size()> kWords{{
    {"Entropy of P", "H(P)"},
    {"Entropy of Q", "H(Q)"},
    {"Cross-entropy", "H(P,Q)"},
    {"Cross-entropy (reversed)", "H(Q,P)"},
    {"Forward KL divergence", "D(P\\,\\|\\,Q)"},
    {"Reverse KL divergence", "D(Q\\,\\|\\,P)"},
    {"Jensen\u2013Shannon divergence", "\\mathrm{JSD}(P,Q)"},
    {"Jensen\u2013Shannon distance", "\\sqrt{\\mathrm{JSD}}"},
    {"Wasserstein-1 distance", "W_1"},
    {"Total variation", "\\mathrm{TV}"},
    {"Hellinger distance", "H"},
    {"Bhattacharyya coefficient", "\\mathrm{BC}"},
    {"Perplexity of P", "\\mathrm{PPL}(P)"},
    {"Perplexity of Q", "\\mathrm{PPL}(Q)"},
    {"Cross-perplexity", "\\mathrm{PPL}(P,Q)"},
    {"Cross-perplexity (reversed)", "\\mathrm{PPL}(Q,P)"},
}};

std::string unit_text(QuantityUnit unit, Base base) {
  switch (unit) {
    case QuantityUnit::information: return std::string(base_unit(base));
    case QuantityUnit::root_information: return "\u221a" + std::string(base_unit(base));
    case QuantityUnit::x_units: return "x units";
    case QuantityUnit::unitless:
    case QuantityUnit::choices: break;
  }
  return "";
}

}  // namespace

std::vector<MetricRow> metric_rows(const Measures& m) {
  std::vector<MetricRow> rows;
  for (std::size_t i = 0; i < kQuantities.size(); ++i) {
    const Quantity& q = kQuantities[i];
    rows.push_back({q.key, kWords[i].name, q.symbol, kWords[i].latex, m.*q.value, unit_text(q.unit, m.base)});
  }
  return rows;
}

std::string format_exact(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";  // never produced by core (SPEC §1); kept visible if it ever is
  if (v == 0) return "0";           // also −0, as `divlab metrics --json` prints it
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

namespace {

// 6 significant digits for people; $\infty$ for +∞.
std::string format_latex(double v) {
  if (std::isinf(v)) return v > 0 ? "$\\infty$" : "$-\\infty$";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  std::string s = buf;
  // 1e-07 → $1 \times 10^{-7}$
  if (const auto e = s.find('e'); e != std::string::npos) {
    const int exp = std::atoi(s.c_str() + e + 1);
    std::string sci = "$";
    sci.append(s, 0, e).append(" \\times 10^{").append(std::to_string(exp)).append("}$");
    return sci;
  } else if (!s.empty() && s[0] == '-') {
    s.replace(0, 1, "$-$");  // a real minus sign
  }
  return s;
}

// Escapes LaTeX specials in plain text (units and names are ASCII or known Unicode).
std::string latex_text(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 3, "\u2013") == 0) {
      out += "--";
      i += 2;
    } else if (s[i] == '_' || s[i] == '&' || s[i] == '%' || s[i] == '#') {
      out += '\\';
      out += s[i];
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string metrics_latex(const Measures& m) {
  std::string out;
  out += "% divlab " DIVLAB_VERSION " metrics, base " + std::string(to_name(m.base)) + " (" +
         std::string(base_unit(m.base)) + "). Needs \\usepackage{booktabs}.\n";
  out += "\\begin{tabular}{llrl}\n\\toprule\n";
  out += "Quantity & Symbol & Value & Unit \\\\\n\\midrule\n";
  for (const MetricRow& r : metric_rows(m)) {
    std::string unit = r.unit;
    if (unit.rfind("\u221a", 0) == 0) unit = "$\\sqrt{\\mathrm{" + unit.substr(3) + "}}$";
    out += latex_text(std::string(r.name)) + " & $" + std::string(r.latex) + "$ & " + format_latex(r.value) + " & " + unit + " \\\\\n";
  }
  out += "\\bottomrule\n\\end{tabular}\n";
  return out;
}

std::string metrics_csv(const Measures& m) {
  std::string out = "key,symbol,value,unit\n";
  for (const MetricRow& r : metric_rows(m))
    out += std::string(r.key) + "," + csv_field(std::string(r.symbol)) + "," + format_exact(r.value) + "," + csv_field(r.unit) +
           "\n";
  return out;
}

std::string metrics_json(const Measures& m) {
  std::string out = "{\n  \"base\": \"" + std::string(to_name(m.base)) + "\"";
  for (const MetricRow& r : metric_rows(m)) {
    const std::string v = format_exact(r.value);
    out += ",\n  \"" + std::string(r.key) + "\": " + (std::isinf(r.value) ? "\"" + v + "\"" : v);
  }
  return out + "\n}\n";
}

}  // namespace divlab::exporting

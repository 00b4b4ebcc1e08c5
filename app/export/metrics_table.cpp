#include "export/metrics_table.hpp"

#include <cmath>
#include <cstdio>

namespace divlab::exporting {

std::vector<MetricRow> metric_rows(const Measures& m) {
  const std::string u(base_unit(m.base));
  return {
      {"entropy_p", "Entropy of P", "H(P)", "H(P)", m.entropy_p, u},
      {"entropy_q", "Entropy of Q", "H(Q)", "H(Q)", m.entropy_q, u},
      {"cross_entropy_pq", "Cross-entropy", "H(P,Q)", "H(P,Q)", m.cross_entropy_pq, u},
      {"cross_entropy_qp", "Cross-entropy (reversed)", "H(Q,P)", "H(Q,P)", m.cross_entropy_qp, u},
      {"kl_pq", "Forward KL divergence", "D(P\u2016Q)", "D(P\\,\\|\\,Q)", m.kl_pq, u},
      {"kl_qp", "Reverse KL divergence", "D(Q\u2016P)", "D(Q\\,\\|\\,P)", m.kl_qp, u},
      {"jsd", "Jensen\u2013Shannon divergence", "JSD(P,Q)", "\\mathrm{JSD}(P,Q)", m.jsd, u},
      {"js_distance", "Jensen\u2013Shannon distance", "\u221aJSD", "\\sqrt{\\mathrm{JSD}}", m.js_distance,
       "\u221a" + u},
      {"wasserstein_1", "Wasserstein-1 distance", "W\u2081", "W_1", m.wasserstein_1, "x units"},
      {"total_variation", "Total variation", "TV", "\\mathrm{TV}", m.total_variation, ""},
      {"hellinger", "Hellinger distance", "H", "H", m.hellinger, ""},
      {"bhattacharyya", "Bhattacharyya coefficient", "BC", "\\mathrm{BC}", m.bhattacharyya, ""},
      {"perplexity_p", "Perplexity of P", "PPL(P)", "\\mathrm{PPL}(P)", m.perplexity_p, ""},
      {"perplexity_q", "Perplexity of Q", "PPL(Q)", "\\mathrm{PPL}(Q)", m.perplexity_q, ""},
      {"perplexity_pq", "Cross-perplexity", "PPL(P,Q)", "\\mathrm{PPL}(P,Q)", m.perplexity_pq, ""},
      {"perplexity_qp", "Cross-perplexity (reversed)", "PPL(Q,P)", "\\mathrm{PPL}(Q,P)", m.perplexity_qp, ""},
  };
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
  out += "% divlab " DIVLAB_VERSION " metrics, base " + std::string(base_name(m.base)) + " (" +
         std::string(base_unit(m.base)) + "). Needs \\usepackage{booktabs}.\n";
  out += "\\begin{tabular}{llrl}\n\\toprule\n";
  out += "Quantity & Symbol & Value & Unit \\\\\n\\midrule\n";
  for (const MetricRow& r : metric_rows(m)) {
    std::string unit = r.unit;
    if (unit.rfind("\u221a", 0) == 0) unit = "$\\sqrt{\\mathrm{" + unit.substr(3) + "}}$";
    out += latex_text(r.name) + " & $" + r.latex + "$ & " + format_latex(r.value) + " & " + unit + " \\\\\n";
  }
  out += "\\bottomrule\n\\end{tabular}\n";
  return out;
}

std::string metrics_csv(const Measures& m) {
  std::string out = "key,symbol,value,unit\n";
  for (const MetricRow& r : metric_rows(m))
    out += std::string(r.key) + "," + csv_field(r.symbol) + "," + format_exact(r.value) + "," + csv_field(r.unit) +
           "\n";
  return out;
}

std::string metrics_json(const Measures& m) {
  std::string out = "{\n  \"base\": \"" + std::string(base_name(m.base)) + "\"";
  for (const MetricRow& r : metric_rows(m)) {
    const std::string v = format_exact(r.value);
    out += ",\n  \"" + std::string(r.key) + "\": " + (std::isinf(r.value) ? "\"" + v + "\"" : v);
  }
  return out + "\n}\n";
}

}  // namespace divlab::exporting

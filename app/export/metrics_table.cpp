#include "export/metrics_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace divlab::exporting {

std::vector<MetricRow> metric_rows(const Measures& m, QuantityContext ctx) {
  std::vector<MetricRow> rows;
  for (const Quantity& q : kQuantities) rows.push_back({q.key, q.name, q.symbol, q.latex, m.*q.value, q.unit_in(m.base, ctx)});
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

std::string human_number(double v, int digits) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "∞" : "−∞";
  if (v == 0) return "0";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
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

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return s + std::string(w < width ? width - w : 0, ' ');
}

namespace {

struct Cells {
  std::string symbol, name, value, unit, note;
};

// Rows aligned in columns, each line indented by two spaces, trailing blanks trimmed.
std::string aligned(const std::vector<Cells>& cells) {
  std::size_t w_symbol = 0, w_name = 0, w_value = 0, w_unit = 0;
  for (const Cells& c : cells) {
    w_symbol = std::max(w_symbol, display_width(c.symbol));
    w_name = std::max(w_name, display_width(c.name));
    w_value = std::max(w_value, display_width(c.value));
    w_unit = std::max(w_unit, display_width(c.unit));
  }
  std::string out;
  for (const Cells& c : cells) {
    std::string line = "  " + pad(c.symbol, w_symbol) + "  " + pad(c.name, w_name) + "  " + pad(c.value, w_value);
    if (!c.unit.empty() || !c.note.empty()) line += "  " + pad(c.unit, w_unit);
    if (!c.note.empty()) line += "  " + c.note;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

std::string metrics_text(const Measures& m, QuantityContext ctx) {
  std::vector<Cells> cells;
  cells.push_back({"symbol", "quantity", "value", "unit", ""});
  for (const Quantity& q : kQuantities) {
    Cells c{std::string(q.symbol), std::string(q.name), human_number(m.*q.value), q.unit_in(m.base, ctx), ""};
    if (const std::string_view why = q.infinite_reason(m); !why.empty()) c.note = "why ∞: " + std::string(why);
    cells.push_back(std::move(c));
  }
  return aligned(cells);
}

std::string alpha_text(const AlphaMeasures& m) {
  std::vector<Cells> cells;
  cells.push_back({"symbol", "quantity (α = " + human_number(m.alpha) + ")", "value", "unit", ""});
  for (const AlphaQuantity& q : kAlphaQuantities) {
    const bool minka = q.value == &AlphaMeasures::alpha_divergence_pq;  // in nats in every base
    const double v = m.*q.value;
    Cells c{std::string(q.symbol), std::string(q.name),
            minka && m.alpha_divergence_overflow ? "overflow" : human_number(v), q.unit_in(minka ? Base::e : m.base), ""};
    if (const std::string_view why = q.infinite_reason(m); !why.empty()) c.note = "why ∞: " + std::string(why);
    cells.push_back(std::move(c));
  }
  return aligned(cells);
}

std::string alpha_json_members(const AlphaMeasures& m) {
  std::string out = ",\n  \"alpha\": " + format_exact(m.alpha);
  for (const AlphaQuantity& q : kAlphaQuantities) {
    const double value = m.*q.value;
    const std::string v = format_exact(value);
    const bool overflow = q.value == &AlphaMeasures::alpha_divergence_pq && m.alpha_divergence_overflow;
    out += ",\n  \"" + std::string(q.key) + "\": " + (overflow ? "null" : std::isinf(value) ? "\"" + v + "\"" : v);
  }
  return out;
}

std::string metrics_json(const Measures& m, const AlphaMeasures& a) {
  std::string out = metrics_json(m);
  return out.substr(0, out.size() - 3) + alpha_json_members(a) + "\n}\n";  // before the closing "\n}\n"
}

std::string metrics_latex(const Measures& m, QuantityContext ctx) {
  std::string out;
  out += "% divlab " DIVLAB_VERSION " metrics, base " + std::string(to_name(m.base)) + " (" +
         std::string(base_unit(m.base)) + "). Needs \\usepackage{booktabs}.\n";
  out += "\\begin{tabular}{llrl}\n\\toprule\n";
  out += "Quantity & Symbol & Value & Unit \\\\\n\\midrule\n";
  for (const MetricRow& r : metric_rows(m, ctx)) {
    std::string unit = r.unit;
    if (unit.rfind("\u221a", 0) == 0) unit = "$\\sqrt{\\mathrm{" + unit.substr(3) + "}}$";
    out += latex_text(std::string(r.name)) + " & $" + std::string(r.latex) + "$ & " + format_latex(r.value) + " & " + unit + " \\\\\n";
  }
  out += "\\bottomrule\n\\end{tabular}\n";
  return out;
}

std::string metrics_csv(const Measures& m, QuantityContext ctx) {
  std::string out = "key,symbol,value,unit\n";
  for (const MetricRow& r : metric_rows(m, ctx))
    out += std::string(r.key) + "," + csv_field(std::string(r.symbol)) + "," + format_exact(r.value) + "," + csv_field(r.unit) +
           "\n";
  return out;
}

std::string metrics_json(const Measures& m) {
  std::string out = "{\n  \"base\": \"" + std::string(to_name(m.base)) + "\"";
  for (const Quantity& q : kQuantities) {
    const double value = m.*q.value;
    const std::string v = format_exact(value);
    out += ",\n  \"" + std::string(q.key) + "\": " + (std::isinf(value) ? "\"" + v + "\"" : v);
  }
  return out + "\n}\n";
}

}  // namespace divlab::exporting

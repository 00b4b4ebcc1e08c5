#include "export/figure_csv.hpp"

#include <cctype>
#include <vector>

#include "export/metrics_table.hpp"

namespace divlab::exporting {

bool is_csv_path(std::string_view path) {
  if (path.size() < 4) return false;
  std::string ext(path.substr(path.size() - 4));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv";
}

namespace {

struct Column {
  const char* name;
  const std::vector<double>* values;
};

std::string quoted(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string table(const plot::FigureData& d, const std::vector<Column>& cols) {
  const Curves& c = d.curves;
  const bool labelled = d.kind == Kind::discrete && d.labels.size() == c.x.size() && !c.x.empty();
  std::string out;
  if (labelled) out += "label,";
  out += "x";
  for (const Column& col : cols) out += std::string(",") + col.name;
  out += "\n";
  for (size_t i = 0; i < c.x.size(); ++i) {
    if (labelled) out += quoted(d.labels[i]) + ",";
    out += format_exact(c.x[i]);
    for (const Column& col : cols) {
      out += ',';
      if (i < col.values->size()) out += format_exact((*col.values)[i]);
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string figure_csv(std::string_view figure, const plot::FigureData& d) {
  const Curves& c = d.curves;
  if (figure == "densities") return table(d, {{"p", &c.p}, {"q", &c.q}, {"m", &c.m}});
  if (figure == "contributions")
    return table(d, {{"contrib_pq", &c.contrib_pq}, {"contrib_qp", &c.contrib_qp}, {"jsd_integrand", &c.jsd_integrand}});
  if (figure == "cdf") return table(d, {{"cdf_p", &c.cdf_p}, {"cdf_q", &c.cdf_q}, {"cdf_absdiff", &c.cdf_absdiff}});
  if (figure == "metrics" || figure == "identities") return metrics_csv(d.measures, {.continuous = d.kind == Kind::continuous});
  return table(d, {{"p", &c.p},
                   {"q", &c.q},
                   {"m", &c.m},
                   {"contrib_pq", &c.contrib_pq},
                   {"contrib_qp", &c.contrib_qp},
                   {"jsd_integrand", &c.jsd_integrand},
                   {"cdf_p", &c.cdf_p},
                   {"cdf_q", &c.cdf_q},
                   {"cdf_absdiff", &c.cdf_absdiff}});
}

}  // namespace divlab::exporting

// The metrics as LaTeX booktabs / CSV / JSON, and a figure's data as CSV.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "export/figure_csv.hpp"
#include "export/metrics_table.hpp"

using namespace divlab;
using divlab::exporting::figure_csv;
using divlab::exporting::format_exact;
using divlab::exporting::metric_rows;

namespace {

const double kInf = std::numeric_limits<double>::infinity();

// Fair coin vs rigged coin (0.5/0.5 vs 0.99/0.01) in bits; values from scipy (entropy, rel_entr,
// jensenshannon) — only the formatting is under test here, so a handful of exact values suffice.
Measures coin_bits() {
  Measures m;
  m.base = Base::two;
  m.entropy_p = 1.0;
  m.entropy_q = 0.080793135895911181;
  m.cross_entropy_pq = 3.3291908247347856;
  m.cross_entropy_qp = 1.0;
  m.kl_pq = 2.3291908247347856;
  m.kl_qp = 0.91920686410408882;
  m.jsd = 0.33722393001924456;
  m.js_distance = std::sqrt(m.jsd);
  m.wasserstein_1 = 0.49;
  m.total_variation = 0.49;
  m.bhattacharyya = 0.77781745930520230;
  m.hellinger = std::sqrt(1 - m.bhattacharyya);
  m.perplexity_p = 2.0;
  m.perplexity_q = std::exp2(m.entropy_q);
  m.perplexity_pq = std::exp2(m.cross_entropy_pq);
  m.perplexity_qp = 2.0;
  return m;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

}  // namespace

TEST(FormatExact, SeventeenDigitsAndInf) {
  EXPECT_EQ(format_exact(0.1), "0.10000000000000001");
  EXPECT_EQ(format_exact(1.0), "1");
  EXPECT_EQ(format_exact(kInf), "inf");
  EXPECT_EQ(format_exact(-kInf), "-inf");
  EXPECT_EQ(format_exact(690.77552789821368), "690.77552789821368");
  EXPECT_EQ(std::stod(format_exact(2.3291908247347856)), 2.3291908247347856);  // round-trips
}

TEST(MetricRows, EverySpecKeyOnceInOrder) {
  const auto rows = metric_rows(coin_bits(), {});
  ASSERT_EQ(rows.size(), kQuantities.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].key, kQuantities[i].key);
    EXPECT_EQ(rows[i].name, kQuantities[i].name);
    EXPECT_EQ(rows[i].latex, kQuantities[i].latex);
    EXPECT_EQ(rows[i].unit, kQuantities[i].unit_in(Base::two));
  }
  EXPECT_EQ(rows[4].value, 2.3291908247347856);
  EXPECT_EQ(rows[4].unit, "bits");
  EXPECT_EQ(rows[8].unit, "units of x");
  EXPECT_EQ(rows[13].unit, "choices");
  EXPECT_EQ(metric_rows(coin_bits(), {.continuous = true})[13].unit, "units of x");  // a density's PPL is a length
}

TEST(MetricsJson, ParsesWithEveryKeyAndInfAsString) {
  Measures m = coin_bits();
  m.kl_pq = kInf;
  m.cross_entropy_pq = kInf;
  m.perplexity_pq = kInf;
  const nlohmann::json j = nlohmann::json::parse(exporting::metrics_json(m));
  EXPECT_EQ(j.size(), 17u);
  EXPECT_EQ(j.at("base"), "2");
  EXPECT_EQ(j.at("kl_pq"), "inf");
  EXPECT_EQ(j.at("perplexity_pq"), "inf");
  EXPECT_EQ(j.at("kl_qp").get<double>(), 0.91920686410408882);  // 17 digits round-trip exactly
  EXPECT_EQ(j.at("entropy_q").get<double>(), m.entropy_q);
  EXPECT_EQ(j.at("js_distance").get<double>(), m.js_distance);
  m.base = Base::e;
  EXPECT_EQ(nlohmann::json::parse(exporting::metrics_json(m)).at("base"), "e");
}

TEST(MetricsCsv, HeaderRowsAndQuotedSymbols) {
  Measures m = coin_bits();
  m.kl_qp = kInf;
  const auto l = lines(exporting::metrics_csv(m, {}));
  ASSERT_EQ(l.size(), 17u);
  EXPECT_EQ(l[0], "key,symbol,value,unit");
  EXPECT_EQ(l[1], "entropy_p,H(P),1,bits");
  EXPECT_EQ(l[3], "cross_entropy_pq,\"H(P,Q)\",3.3291908247347854,bits");  // a comma in the symbol is quoted
  EXPECT_EQ(l[5], "kl_pq,D(P\u2016Q),2.3291908247347854,bits");
  EXPECT_EQ(l[6], "kl_qp,D(Q\u2016P),inf,bits");
  EXPECT_EQ(l[9], "wasserstein_1,W\u2081,0.48999999999999999,units of x");
  EXPECT_EQ(l[13], "perplexity_p,PPL(P),2,choices");
}

TEST(MetricsLatex, BooktabsRowsAndInfinity) {
  Measures m = coin_bits();
  m.kl_pq = kInf;
  m.total_variation = 1.5e-9;
  m.entropy_q = -0.25;
  const std::string tex = exporting::metrics_latex(m, {});
  const auto l = lines(tex);
  EXPECT_EQ(l[1], "\\begin{tabular}{llrl}");
  EXPECT_EQ(l[2], "\\toprule");
  EXPECT_EQ(l[3], "Quantity & Symbol & Value & Unit \\\\");
  EXPECT_EQ(l[4], "\\midrule");
  EXPECT_EQ(l[l.size() - 2], "\\bottomrule");
  EXPECT_EQ(l.back(), "\\end{tabular}");
  ASSERT_EQ(l.size(), 1u + 4 + 16 + 2);
  EXPECT_EQ(l[5], "entropy of P & $H(P)$ & 1 & bits \\\\");
  EXPECT_EQ(l[6], "entropy of Q & $H(Q)$ & $-$0.25 & bits \\\\");
  EXPECT_EQ(l[9], "KL divergence (forward) & $D(P\\,\\|\\,Q)$ & $\\infty$ & bits \\\\");
  EXPECT_EQ(l[10], "KL divergence (reverse) & $D(Q\\,\\|\\,P)$ & 0.919207 & bits \\\\");
  EXPECT_EQ(l[11], "Jensen--Shannon divergence & $\\mathrm{JSD}(P,Q)$ & 0.337224 & bits \\\\");
  EXPECT_EQ(l[12], "Jensen--Shannon distance & $\\sqrt{\\mathrm{JSD}}$ & 0.58071 & $\\sqrt{\\mathrm{bits}}$ \\\\")
      << l[12];
  EXPECT_EQ(l[14], "total variation distance & $\\mathrm{TV}$ & $1.5 \\times 10^{-9}$ &  \\\\");
  EXPECT_EQ(l[13], "Wasserstein-1 (earth mover's) & $W_1$ & 0.49 & units of x \\\\");
  EXPECT_EQ(l[17], "perplexity of P & $\\mathrm{PPL}(P)$ & 2 & choices \\\\");
  // Only ASCII in the .tex: it compiles with pdflatex without inputenc tricks.
  for (unsigned char c : tex) EXPECT_LT(c, 0x80);
}

// Every writer shows each quantity with the registry's symbol, name and unit, in both bases, for
// discrete and continuous pairs.
TEST(MetricsTables, EveryWriterShowsTheRegistrysUnitForEveryQuantity) {
  for (Base base : {Base::e, Base::two})
    for (bool continuous : {false, true}) {
      SCOPED_TRACE(std::string(to_name(base)) + (continuous ? " continuous" : " discrete"));
      Measures m = coin_bits();
      m.base = base;
      m.kl_qp = kInf;
      m.why_kl_qp = {WhyInfinite::Cause::support, "P = 0 at 'heads'"};
      const QuantityContext ctx{.continuous = continuous};
      const auto text = lines(exporting::metrics_text(m, ctx));
      const auto csv = lines(exporting::metrics_csv(m, ctx));
      const auto tex = lines(exporting::metrics_latex(m, ctx));
      ASSERT_EQ(text.size(), 1 + kQuantities.size());
      ASSERT_EQ(csv.size(), 1 + kQuantities.size());
      ASSERT_EQ(tex.size(), 5 + kQuantities.size() + 2);
      EXPECT_TRUE(text[0].starts_with("  symbol    quantity ") && text[0].ends_with("  unit")) << text[0];
      for (std::size_t i = 0; i < kQuantities.size(); ++i) {
        const Quantity& q = kQuantities[i];
        SCOPED_TRACE(q.key);
        const std::string unit = q.unit_in(base, ctx);
        // The text table (`divlab metrics`): symbol, name, value, unit, and why ∞.
        const std::string& t = text[1 + i];
        EXPECT_TRUE(t.starts_with("  " + std::string(q.symbol) + " ")) << t;
        EXPECT_NE(t.find("  " + std::string(q.name) + "  "), std::string::npos) << t;
        const std::string why(q.infinite_reason(m));
        if (why.empty()) EXPECT_TRUE(t.ends_with(unit.empty() ? exporting::human_number(m.*q.value) : "  " + unit)) << t;
        else EXPECT_TRUE(t.find("  " + unit + "  ") != std::string::npos && t.ends_with("  why ∞: " + why)) << t;
        // CSV: key, symbol, value, unit.
        EXPECT_TRUE(csv[1 + i].starts_with(std::string(q.key) + ",")) << csv[1 + i];
        EXPECT_TRUE(csv[1 + i].ends_with("," + unit)) << csv[1 + i];
        // LaTeX: the unit in its last cell (√ as \sqrt).
        const std::string tex_unit = unit.starts_with("√") ? "$\\sqrt{\\mathrm{" + unit.substr(3) + "}}$" : unit;
        EXPECT_TRUE(tex[5 + i].ends_with("& " + tex_unit + " \\\\")) << tex[5 + i];
        EXPECT_NE(tex[5 + i].find(std::string("$").append(q.latex).append("$")), std::string::npos) << tex[5 + i];
      }
    }
}

TEST(FigureCsv, DiscreteWithLabelsAndInfinities) {
  plot::FigureData d;
  d.kind = Kind::discrete;
  d.base = Base::two;
  d.labels = {"heads", "tails, rigged"};
  d.curves.x = {0, 1};
  d.curves.p = {0.5, 0.5};
  d.curves.q = {1, 0};
  d.curves.m = {0.75, 0.25};
  d.curves.contrib_pq = {-0.5, kInf};
  d.curves.contrib_qp = {1, 0};
  d.curves.jsd_integrand = {0.1, 0.2};
  d.curves.cdf_p = {0.5, 1};
  d.curves.cdf_q = {1, 1};
  d.curves.cdf_absdiff = {0.5, 0};
  auto l = lines(figure_csv("densities", d));
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[0], "label,x,p,q,m");
  EXPECT_EQ(l[1], "heads,0,0.5,1,0.75");
  EXPECT_EQ(l[2], "\"tails, rigged\",1,0.5,0,0.25");
  l = lines(figure_csv("contributions", d));
  EXPECT_EQ(l[0], "label,x,contrib_pq,contrib_qp,jsd_integrand");
  EXPECT_EQ(l[2], "\"tails, rigged\",1,inf,0,0.20000000000000001");
  l = lines(figure_csv("cdf", d));
  EXPECT_EQ(l[0], "label,x,cdf_p,cdf_q,cdf_absdiff");
  EXPECT_EQ(l[1], "heads,0,0.5,1,0.5");
  l = lines(figure_csv("dashboard", d));
  EXPECT_EQ(l[0], "label,x,p,q,m,contrib_pq,contrib_qp,jsd_integrand,cdf_p,cdf_q,cdf_absdiff");
  EXPECT_EQ(l.size(), 3u);
  l = lines(figure_csv("metrics", d));
  EXPECT_EQ(l[0], "key,symbol,value,unit");
  EXPECT_EQ(l.size(), 17u);
  // Without labels there is no label column.
  d.labels.clear();
  EXPECT_EQ(lines(figure_csv("densities", d))[1], "0,0.5,1,0.75");
}

TEST(FigureCsv, CsvPathDetection) {
  EXPECT_TRUE(exporting::is_csv_path("a/b.csv"));
  EXPECT_TRUE(exporting::is_csv_path("B.CSV"));
  EXPECT_FALSE(exporting::is_csv_path("b.csv.png"));
  EXPECT_FALSE(exporting::is_csv_path("csv"));
}

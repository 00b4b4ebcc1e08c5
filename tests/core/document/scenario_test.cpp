// Scenario files (SPEC §2, §4): strict loading, exact error lines, exact round-trips, atomic saves.
#include "divlab/document/scenario.hpp"

#include <gtest/gtest.h>

#include "document/scenario_json.hpp"  // the loader's private parser, to compare its two paths
#include "divlab/measures/measures.hpp"
#include <sys/stat.h>

#include <cfloat>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <cstring>
#include <unistd.h>

namespace divlab {
namespace {

namespace fs = std::filesystem;

const char* const kCoin = R"({
  "format": "divlab.scenario",
  "version": 1,
  "title": "Fair coin vs rigged coin",
  "kind": "discrete",
  "base": "2",
  "support": { "x": [0, 1], "labels": ["heads", "tails"] },
  "p": { "mass": [0.5, 0.5] },
  "q": { "mass": [0.99, 0.01] }
})";

const char* const kMix = R"({
  "format": "divlab.scenario",
  "version": 1,
  "kind": "continuous",
  "p": { "components": [
         { "family": "normal", "weight": 0.5, "mean": -2, "sd": 0.6 },
         { "family": "normal", "weight": 0.5, "mean":  2, "sd": 0.6 } ] },
  "q": { "components": [ { "family": "normal", "weight": 1, "mean": 0, "sd": 1 } ] },
  "view": { "x_range": [-6, 6] },
  "fit": { "model": "normal", "objective": "reverse_kl",
           "start": { "mean": 1.0, "sd": 1.0 } }
})";

// The error line of parsing `text`, or "OK" if it parses.
std::string error_of(const std::string& text, const std::string& file = "f.json") {
  try {
    parse_scenario(text, file);
    return "OK";
  } catch (const ScenarioError& e) {
    return e.what();
  }
}

// A discrete scenario with `body` spliced after the header (body holds p, q and more).
std::string discrete(const std::string& body) {
  return R"({"format": "divlab.scenario", "version": 1, "kind": "discrete", )" + body + "}";
}
std::string continuous(const std::string& body) {
  return R"({"format": "divlab.scenario", "version": 1, "kind": "continuous", )" + body + "}";
}
const std::string kQ1 = R"("q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]})";
std::string with_p_component(const std::string& component) {
  return continuous(R"("p": {"components": [)" + component + "]}, " + kQ1);
}

TEST(ScenarioParse, SpecCoinExample) {
  const Scenario s = parse_scenario(kCoin, "coin.json");
  EXPECT_EQ(s.title, "Fair coin vs rigged coin");
  EXPECT_EQ(s.kind, Kind::discrete);
  EXPECT_EQ(s.base, Base::two);
  EXPECT_TRUE(s.base_given);
  EXPECT_EQ(s.support_x, (std::vector<double>{0, 1}));
  EXPECT_EQ(s.labels, (std::vector<std::string>{"heads", "tails"}));
  EXPECT_EQ(s.p_mass, (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(s.q_mass, (std::vector<double>{0.99, 0.01}));
  EXPECT_TRUE(s.view.is_null());
  EXPECT_FALSE(s.fit.has_value());
  EXPECT_TRUE(s.p_mix.components.empty());
}

TEST(ScenarioParse, SpecMixtureExampleIsTheDefaultScenarioWithoutTitle) {
  const Scenario s = parse_scenario(kMix, "mix.json");
  EXPECT_EQ(s.kind, Kind::continuous);
  EXPECT_EQ(s.base, Base::e);
  EXPECT_FALSE(s.base_given);
  ASSERT_EQ(s.p_mix.components.size(), 2u);
  EXPECT_EQ(s.p_mix.components[0].family, Family::normal);
  EXPECT_EQ(s.p_mix.components[0].mean, -2);
  EXPECT_EQ(s.p_mix.components[0].scale, 0.6);  // sd maps to scale
  EXPECT_EQ(s.p_mix.components[1].weight, 0.5);
  EXPECT_EQ(s.view["x_range"], nlohmann::json({-6, 6}));
  ASSERT_TRUE(s.fit.has_value());
  EXPECT_EQ(s.fit->objective, "reverse_kl");
  EXPECT_EQ(s.fit->start.at("sd"), 1.0);
  Scenario d = default_scenario();
  EXPECT_EQ(d.title, "A bimodal mixture vs one Gaussian");
  d.title.reset();
  d.base_given = false;
  EXPECT_EQ(s, d);
}

TEST(ScenarioParse, AllFamiliesAndFitOptions) {
  const Scenario s = parse_scenario(continuous(R"(
    "base": "e",
    "p": {"components": [
      {"family": "laplace", "weight": 2, "mean": 1, "scale": 0.5},
      {"family": "student_t", "weight": 0, "mean": -1, "scale": 2, "df": 3.5},
      {"family": "uniform", "weight": 1, "low": -1e-3, "high": 4}]},
    "q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
    "view": {"x_range": [-1, 1], "anything": {"the": ["gui", null, true]}},
    "fit": {"model": "normal", "objective": "jsd", "start": {"sd": 2, "mean": -3},
            "optimizer": "adam", "learning_rate": 0.05, "max_steps": 500, "tolerance": 0})"),
                                    "m.json");
  const auto& c = s.p_mix.components;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].family, Family::laplace);
  EXPECT_EQ(c[0].weight, 2);  // weights are kept as given
  EXPECT_EQ(c[0].scale, 0.5);
  EXPECT_EQ(c[1].family, Family::student_t);
  EXPECT_EQ(c[1].df, 3.5);
  EXPECT_EQ(c[1].weight, 0);
  EXPECT_EQ(c[2].family, Family::uniform);
  EXPECT_EQ(c[2].low, -1e-3);
  EXPECT_EQ(c[2].high, 4);
  Component unused_defaults;  // fields a family does not use keep their defaults
  EXPECT_EQ(c[2].mean, unused_defaults.mean);
  EXPECT_EQ(c[2].scale, unused_defaults.scale);
  ASSERT_TRUE(s.fit);
  EXPECT_EQ(s.fit->objective, "jsd");
  EXPECT_EQ(s.fit->optimizer, "adam");
  EXPECT_EQ(s.fit->learning_rate, 0.05);
  EXPECT_EQ(s.fit->max_steps, 500);
  EXPECT_EQ(s.fit->tolerance, 0.0);
  EXPECT_EQ(s.fit->start.at("mean"), -3);
  EXPECT_EQ(s.view["anything"]["the"][0], "gui");
}

// Every row: a document and the exact line it must produce (SPEC §4).
struct BadCase {
  std::string text;
  std::string message;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.message; }

class ScenarioErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(ScenarioErrors, ExactOneLineMessage) {
  const std::string got = error_of(GetParam().text);
  EXPECT_EQ(got, GetParam().message);
  EXPECT_EQ(got.find('\n'), std::string::npos);
}

const std::string kPQ = R"("p": {"mass": [0.5, 0.5]}, "q": {"mass": [0.5, 0.5]})";

INSTANTIATE_TEST_SUITE_P(
    Spec, ScenarioErrors,
    ::testing::Values(
        // SPEC §4's own examples.
        BadCase{discrete(R"("p": {"mass": [0.1, 0.2, 0.3, -0.2]}, "q": {"mass": [1, 1, 1, 1]})"),
                "f.json: p.mass[3]: expected a finite number >= 0, got -0.2"},
        BadCase{continuous(R"("p": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
                "q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1},
                                     {"family": "normal", "weight": 1, "mean": 0, "sd": 0}]})"),
                "f.json: q.components[1].sd: expected a number > 0, got 0"},
        BadCase{continuous(R"("p": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
                "q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sigma": 1}]})"),
                "f.json: q.components[0]: unknown key \"sigma\" (expected: family, weight, mean, sd)"},
        // The header.
        BadCase{"[1, 2]", "f.json: top level: expected a JSON object (a divlab scenario), got [1,2]"},
        BadCase{"{}", "f.json: top level: missing key \"format\" (expected: format, version, title, kind, base, "
                      "support, p, q, view, fit, coding)"},
        BadCase{R"({"format": "divlab", "version": 1})",
                "f.json: format: expected \"divlab.scenario\", got \"divlab\""},
        BadCase{R"({"format": "divlab.scenario", "version": 2})", "f.json: version: expected 1, got 2"},
        BadCase{R"({"format": "divlab.scenario", "version": "1"})", "f.json: version: expected 1, got \"1\""},
        BadCase{R"({"format": "divlab.scenario", "version": 1, "kind": "discrete", "colour": 1})",
                "f.json: top level: unknown key \"colour\" (expected: format, version, title, kind, base, "
                "support, p, q, view, fit, coding)"},
        BadCase{R"({"format": "divlab.scenario", "version": 1, "kind": "mixed"})",
                "f.json: kind: expected one of \"discrete\", \"continuous\", or \"joint\", got \"mixed\""},
        BadCase{R"({"format": "divlab.scenario", "version": 1, "p": {}})",
                "f.json: top level: missing key \"kind\" (expected: format, version, title, kind, base, "
                "support, p, q, view, fit, coding)"},
        BadCase{discrete(R"("base": 2, )" + kPQ), "f.json: base: expected \"e\" or \"2\", got 2"},
        BadCase{discrete(R"("title": ["a"], )" + kPQ), "f.json: title: expected a string, got [\"a\"]"},
        BadCase{discrete(R"("p": {"mass": [1]})"),
                "f.json: top level: missing key \"q\" (expected: format, version, title, kind, base, support, "
                "p, q, view, fit, coding)"},
        BadCase{discrete(R"("p": [1], "q": {"mass": [1]})"), "f.json: p: expected an object, got [1]"},
        // The coding lab's message (docs/scenario.md: an addition to SPEC §2/§6).
        BadCase{discrete(kPQ + R"(, "coding": "hello")"), "f.json: coding: expected an object, got \"hello\""},
        BadCase{discrete(kPQ + R"(, "coding": {"msg": "0 1"})"), "f.json: coding: unknown key \"msg\" (expected: message)"},
        BadCase{discrete(kPQ + R"(, "coding": {"message": 1})"),
                "f.json: coding.message: expected a string (symbols over the support's labels), got 1"},
        BadCase{discrete(kPQ + R"(, "coding": {"message": "0 1 2"})"),
                "f.json: coding.message: unknown symbol '2' at 3 (the symbols are the support's labels)"},
        BadCase{discrete(R"("support": {"labels": ["h", "t"]}, )" + kPQ + R"(, "coding": {"message": "hhtx"})"),
                "f.json: coding.message: unknown symbol 'x' at 4 (the symbols are the support's labels)"},
        BadCase{discrete(R"("p": {"mass": [1]}, "q": {"mass": [1]}, "coding": {"message": ")" + std::string(1048577, '0') + "\"}"),
                "f.json: coding.message: expected at most 1048576 bytes, got 1048577"},
        BadCase{discrete(R"("p": {"mass": [1]}, "q": {"mass": [1]}, "coding": {"message": ")" + std::string(100001, '0') + "\"}"),
                "f.json: coding.message: the message has 100001 symbols; at most 100000"},
        BadCase{continuous(R"("p": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]}, )" + kQ1 +
                           R"(, "coding": {"message": ""})"),
                "f.json: coding: expected no \"coding\" (it is for kind \"discrete\"), got {\"message\":\"\"}"},
        // Discrete masses and support.
        BadCase{discrete(R"("p": {}, "q": {"mass": [1]})"), "f.json: p: missing key \"mass\" (expected: mass)"},
        BadCase{discrete(R"("p": {"components": []}, "q": {"mass": [1]})"),
                "f.json: p: unknown key \"components\" (expected: mass)"},
        BadCase{discrete(R"("p": {"mass": []}, "q": {"mass": [1]})"),
                "f.json: p.mass: expected a non-empty array of finite numbers >= 0, got []"},
        BadCase{discrete(R"("p": {"mass": 1}, "q": {"mass": [1]})"),
                "f.json: p.mass: expected a non-empty array of finite numbers >= 0, got 1"},
        BadCase{discrete(R"("p": {"mass": [1, "2"]}, "q": {"mass": [1, 1]})"),
                "f.json: p.mass[1]: expected a finite number >= 0, got \"2\""},
        BadCase{discrete(R"("p": {"mass": [1, null]}, "q": {"mass": [1, 1]})"),
                "f.json: p.mass[1]: expected a finite number >= 0, got null"},
        BadCase{discrete(R"("p": {"mass": [true]}, "q": {"mass": [1]})"),
                "f.json: p.mass[0]: expected a finite number >= 0, got true"},
        BadCase{discrete(R"("p": {"mass": [0, 0, 0]}, "q": {"mass": [1, 1, 1]})"),
                "f.json: p.mass: expected at least one mass > 0, got all zeros"},
        BadCase{discrete(R"("p": {"mass": [1, 1, 1]}, "q": {"mass": [1, 1]})"),
                "f.json: q.mass: expected 3 masses (as many as p.mass), got 2"},
        BadCase{discrete(R"("support": {"x": [0, 1, 2]}, )" + kPQ),
                "f.json: support.x: expected 2 numbers (as many as p.mass), got 3"},
        BadCase{discrete(R"("support": {"x": [0, "one"]}, )" + kPQ),
                "f.json: support.x[1]: expected a finite number, got \"one\""},
        BadCase{discrete(R"("support": {"labels": ["a"]}, )" + kPQ),
                "f.json: support.labels: expected 2 labels (as many as p.mass), got 1"},
        BadCase{discrete(R"("support": {"labels": ["a", 2]}, )" + kPQ),
                "f.json: support.labels[1]: expected a string, got 2"},
        BadCase{discrete(R"("support": {"y": [1, 2]}, )" + kPQ),
                "f.json: support: unknown key \"y\" (expected: x, labels)"},
        // Overflow is an error, never ∞ (wherever it appears).
        BadCase{discrete(R"("p": {"mass": [1e400, 1]}, "q": {"mass": [1, 1]})"),
                "f.json: p.mass[0]: expected a finite number, got 1e400 (beyond the range of a double)"},
        BadCase{discrete(kPQ + R"(, "view": {"zoom": [1, -2E+999]})"),
                "f.json: view.zoom[1]: expected a finite number, got -2E+999 (beyond the range of a double)"},
        // Duplicate keys are rejected, not silently "last one wins".
        BadCase{discrete(R"("p": {"mass": [1], "mass": [2]}, "q": {"mass": [1]})"),
                "f.json: p: duplicate key \"mass\" (each key may appear only once)"},
        BadCase{R"({"format": "divlab.scenario", "format": "divlab.scenario"})",
                "f.json: top level: duplicate key \"format\" (each key may appear only once)"},
        // Mixtures.
        BadCase{continuous(R"("p": {"components": []}, )" + kQ1),
                "f.json: p.components: expected a non-empty array of components, got []"},
        BadCase{continuous(R"("p": {"mass": [1]}, )" + kQ1),
                "f.json: p: unknown key \"mass\" (expected: components)"},
        BadCase{continuous(R"("support": {"x": [1]}, "p": {"components": [{"family": "normal", "weight": 1,
                "mean": 0, "sd": 1}]}, )" + kQ1),
                "f.json: support: expected no \"support\" (it is for kind \"discrete\"), got {\"x\":[1]}"},
        BadCase{with_p_component(R"({"weight": 1, "mean": 0, "sd": 1})"),
                "f.json: p.components[0]: missing key \"family\" (expected one of normal, laplace, student_t, "
                "uniform)"},
        BadCase{with_p_component(R"({"family": "gamma", "weight": 1})"),
                "f.json: p.components[0].family: expected one of \"normal\", \"laplace\", \"student_t\", or "
                "\"uniform\", got \"gamma\""},
        BadCase{with_p_component(R"(3)"), "f.json: p.components[0]: expected a component object, got 3"},
        BadCase{with_p_component(R"({"family": "normal", "weight": 1, "mean": 0})"),
                "f.json: p.components[0]: missing key \"sd\" (expected: family, weight, mean, sd)"},
        BadCase{with_p_component(R"({"family": "normal", "weight": -1, "mean": 0, "sd": 1})"),
                "f.json: p.components[0].weight: expected a finite number >= 0, got -1"},
        BadCase{with_p_component(R"({"family": "normal", "weight": 0, "mean": 0, "sd": 1})"),
                "f.json: p.components: expected at least one weight > 0, got all zeros"},
        BadCase{with_p_component(R"({"family": "normal", "weight": 1, "mean": "0", "sd": 1})"),
                "f.json: p.components[0].mean: expected a finite number, got \"0\""},
        BadCase{with_p_component(R"({"family": "laplace", "weight": 1, "mean": 0, "sd": 1})"),
                "f.json: p.components[0]: unknown key \"sd\" (expected: family, weight, mean, scale)"},
        BadCase{with_p_component(R"({"family": "laplace", "weight": 1, "mean": 0, "scale": -0.5})"),
                "f.json: p.components[0].scale: expected a number > 0, got -0.5"},
        BadCase{with_p_component(R"({"family": "student_t", "weight": 1, "mean": 0, "scale": 1, "df": 0})"),
                "f.json: p.components[0].df: expected a number > 0, got 0"},
        BadCase{with_p_component(R"({"family": "student_t", "weight": 1, "mean": 0, "scale": 1})"),
                "f.json: p.components[0]: missing key \"df\" (expected: family, weight, mean, scale, df)"},
        BadCase{with_p_component(R"({"family": "uniform", "weight": 1, "low": 2, "high": 2})"),
                "f.json: p.components[0].high: expected a number > low (2), got 2"},
        BadCase{with_p_component(R"({"family": "uniform", "weight": 1, "low": 0.5, "high": -1})"),
                "f.json: p.components[0].high: expected a number > low (0.5), got -1"},
        // view and fit.
        BadCase{discrete(kPQ + R"(, "view": [1])"), "f.json: view: expected an object, got [1]"},
        BadCase{discrete(kPQ + R"(, "view": {"x_range": [6, -6]})"),
                "f.json: view.x_range: expected [low, high], two finite numbers with low < high, got [6,-6]"},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal", "objective": "kl", "start": {}})"),
                "f.json: fit.objective: expected one of \"forward_kl\", \"reverse_kl\", or \"jsd\", got \"kl\""},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "gamma"})"),
                "f.json: fit.model: expected one of \"normal\", \"normal_mixture\", \"discretised_normal\", or "
                "\"categorical\", got \"gamma\""},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal", "objective": "jsd", "start": {}, "optimizer": "sgd"})"),
                "f.json: fit.optimizer: expected one of \"gd\", \"momentum\", or \"adam\", got \"sgd\""},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal_mixture", "objective": "jsd", "start": {"sd2": -1}})"),
                "f.json: fit.start.sd2: expected a number > 0, got -1"},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "categorical", "objective": "jsd", "start": {"p1": "x"}})"),
                "f.json: fit.start.p1: expected a finite number, got \"x\""},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal", "objective": "jsd"})"),
                "f.json: fit: missing key \"start\" (expected: model, objective, start, optimizer, learning_rate, "
                "max_steps, tolerance)"},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal", "objective": "jsd", "start": {"mean": 0, "sd": 0}})"),
                "f.json: fit.start.sd: expected a number > 0, got 0"},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal", "objective": "jsd", "start": {"mu": 0}})"),
                "f.json: fit.start: unknown key \"mu\" (expected: mean, sd)"},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal", "objective": "jsd", "start": {"mean": 0, "sd": 1},
                "max_steps": 2.5})"),
                "f.json: fit.max_steps: expected an integer from 1 to 100000000, got 2.5"},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal", "objective": "jsd", "start": {"mean": 0, "sd": 1},
                "learning_rate": 0})"),
                "f.json: fit.learning_rate: expected a number > 0, got 0"},
        BadCase{discrete(kPQ + R"(, "fit": {"model": "normal", "objective": "jsd", "start": {"mean": 0, "sd": 1},
                "steps": 3})"),
                "f.json: fit: unknown key \"steps\" (expected: model, objective, start, optimizer, learning_rate, "
                "max_steps, tolerance)"},
        // Keys that are not identifiers are quoted in paths; long values are shortened.
        BadCase{discrete(kPQ + R"(, "view": {"a b": {"c": [1e999]}})"),
                "f.json: view[\"a b\"].c[0]: expected a finite number, got 1e999 (beyond the range of a double)"},
        BadCase{discrete(R"("p": {"mass": ")" + std::string(100, 'x') + R"("}, "q": {"mass": [1]})"),
                "f.json: p.mass: expected a non-empty array of finite numbers >= 0, got \"" + std::string(56, 'x') +
                    "..."}));

TEST(ScenarioSyntax, LineAndColumnOfTheSpecExample) {
  // An unexpected '}' at line 7, column 12 (as in SPEC §4).
  const std::string text =
      "{\n"
      "  \"format\": \"divlab.scenario\",\n"
      "  \"version\": 1,\n"
      "  \"kind\": \"discrete\",\n"
      "  \"p\": { \"mass\": [0.5, 0.5] },\n"
      "  \"q\": { \"mass\": [0.5, 0.5] },\n"
      "  \"view\":  }\n"
      "}\n";
  EXPECT_EQ(error_of(text, "coin.json"),
            "coin.json: line 7, column 12: JSON syntax error: unexpected '}'; expected '[', '{', or a literal");
}

TEST(ScenarioSyntax, OtherSyntaxErrors) {
  EXPECT_EQ(error_of(""), "f.json: line 1, column 1: JSON syntax error: unexpected end of input; expected '[', "
                          "'{', or a literal");
  EXPECT_EQ(error_of("{\"a\": 1,}"),
            "f.json: line 1, column 9: JSON syntax error: unexpected '}'; expected string literal");
  // nlohmann's "last read" runs from the start of the failing token run.
  EXPECT_EQ(error_of("{} x"),
            "f.json: line 1, column 4: JSON syntax error: invalid literal; last read: '{} x'; expected end of input");
  EXPECT_EQ(error_of("{\"a\": tru }"),
            "f.json: line 1, column 10: JSON syntax error: invalid literal; last read: '\"a\": tru '");
  // Columns count characters, not bytes: "é" is one column.
  EXPECT_EQ(error_of("{\"é\": ]}"), "f.json: line 1, column 7: JSON syntax error: unexpected ']'; expected '[', "
                                     "'{', or a literal");
  // A NUL byte is not the end of the text (nlohmann alone would accept "{...}\0anything").
  const std::string with_nul = discrete(kPQ) + std::string(1, '\0') + "junk";
  EXPECT_EQ(error_of(with_nul), "f.json: line 1, column " + std::to_string(discrete(kPQ).size() + 1) +
                                    ": JSON syntax error: unexpected NUL byte (is this a text file?)");
  EXPECT_EQ(error_of(std::string("\n\0", 2)),
            "f.json: line 2, column 1: JSON syntax error: unexpected NUL byte (is this a text file?)");
  // Comments are not JSON.
  EXPECT_EQ(error_of("// c\n{}"), "f.json: line 1, column 1: JSON syntax error: invalid literal; last read: '/'");
  // Invalid UTF-8 bytes are shown escaped, so the message stays printable.
  const std::string bad = error_of("{\"a\xff\": 1}");
  EXPECT_NE(bad.find("\\xFF"), std::string::npos) << bad;
  EXPECT_EQ(bad.find('\xff'), std::string::npos);
  // Deep nesting is refused before it can exhaust anything.
  const std::string deep = discrete(kPQ + ", \"view\": {\"v\": " + std::string(200, '[') + std::string(200, ']') + "}");
  std::string path = "view.v";
  for (int i = 0; i < 62; ++i) path += "[0]";  // root and view are levels 1 and 2
  EXPECT_EQ(error_of(deep), "f.json: " + path + ": nesting deeper than 64 levels");
}

TEST(ScenarioParse, LenientWhereJsonIsExact) {
  // 1e-400 underflows to 0 (a legitimate mass); integers beyond 2^64 read as doubles; BOM is skipped.
  const Scenario s =
      parse_scenario("\xEF\xBB\xBF" + discrete(R"("p": {"mass": [1e-400, 123456789012345678901234567890]},
                                                 "q": {"mass": [4.9e-324, 1]})"),
                     "f.json");
  EXPECT_EQ(s.p_mass[0], 0.0);
  EXPECT_DOUBLE_EQ(s.p_mass[1], 1.2345678901234568e29);
  EXPECT_EQ(s.q_mass[0], std::numeric_limits<double>::denorm_min());
  EXPECT_EQ(error_of(discrete(R"("version": 1.0, )" + kPQ)),
            "f.json: top level: duplicate key \"version\" (each key may appear only once)");
}

// Long number arrays take a from_chars fast path; it must agree with nlohmann's own reading,
// value for value (and type for type), and leave every error message unchanged.
std::string long_array(const std::vector<std::string>& tokens, std::size_t n) {
  std::string out = "[";
  for (std::size_t i = 0; i < n; ++i) out += (i ? ", " : "") + tokens[i % tokens.size()];
  return out + "]";
}

std::string parse_both_ways(const std::string& text) {
  using scenario_json::parse_strict;
  std::string fast, slow;
  try {
    fast = parse_strict(text, "f", 1).dump();
  } catch (const ScenarioError& e) {
    fast = std::string("error: ") + e.what();
  }
  try {
    slow = parse_strict(text, "f", std::numeric_limits<std::size_t>::max()).dump();
  } catch (const ScenarioError& e) {
    slow = std::string("error: ") + e.what();
  }
  EXPECT_EQ(fast, slow) << text.substr(0, 300);
  return fast;
}

TEST(ScenarioFastPath, AgreesWithNlohmannOnEveryKindOfNumber) {
  const std::vector<std::string> tokens = {
      "0", "-0", "-0.0", "1", "-1", "0.1", "1e5", "1E-5", "2.5e+3", "4.9e-324", "1.7976931348623157e308",
      "9007199254740993", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
      "-9223372036854775809", "123456789012345678901234567890", "0.30000000000000004", "2.2250738585072011e-308"};
  parse_both_ways(long_array(tokens, 200));
  EXPECT_EQ(scenario_json::fast_array_count(long_array(tokens, 200)), 1u);
  EXPECT_EQ(scenario_json::fast_array_count(long_array(tokens, 63)), 0u);  // short arrays: nlohmann alone
  // Underflow to 0 is left to nlohmann (from_chars calls it out of range): same value either way.
  EXPECT_EQ(scenario_json::fast_array_count(long_array({"1", "1e-400"}, 100)), 0u);
  EXPECT_EQ(parse_both_ways(long_array({"1", "1e-400"}, 4)), "[1,0.0,1,0.0]");
  parse_both_ways("{\"a\": " + long_array(tokens, 100) + ", \"b\": [[1, 2], " + long_array(tokens, 70) + "]}");
  // Strings holding brackets and escaped quotes do not confuse the array count.
  parse_both_ways(R"({"s": "[1, 2, 3] \" [4]", "t": [1, "x", 2], "u": [3, 4, 5, 6]})");
  parse_both_ways(R"([[], [ ], [1], [1,2], [[3]], ["[", "\\"], [-1, 2e2]])");
}

TEST(ScenarioFastPath, ErrorsAreTheSame) {
  const std::vector<std::string> ok = {"0.5", "1", "2e-3"};
  std::string bad = long_array(ok, 100);
  bad.insert(bad.size() - 1, ", 1e400");  // overflow at index 100
  EXPECT_EQ(parse_both_ways("{\"m\": " + bad + "}"),
            "error: f: m[100]: expected a finite number, got 1e400 (beyond the range of a double)");
  for (const char* malformed : {"01", "1.", ".5", "+1", "1e", "--1", "0x10", "Infinity", "NaN", "1 2"}) {
    std::string text = "{\"m\": " + long_array(ok, 80);
    text.insert(text.size() - 1, std::string(", ") + malformed);
    parse_both_ways(text + "}");
  }
  // A syntax error after a long array is reported at the same line and column, with the same bytes.
  const std::string after = "{\"m\":\n" + long_array(ok, 100) + "\n} x";
  EXPECT_EQ(parse_both_ways(after).substr(0, 49), "error: f: line 3, column 3: JSON syntax error: in");
  const Scenario big = parse_scenario(discrete(R"("p": {"mass": )" + long_array(ok, 1000) + R"(}, "q": {"mass": )" +
                                               long_array({"1"}, 1000) + "}"),
                                      "f");
  EXPECT_EQ(big.p_mass.size(), 1000u);
  EXPECT_EQ(big.p_mass[999], 0.5);
  EXPECT_EQ(big.p_mass[2], 2e-3);
}

// Save → load gives back exactly the same Scenario.
void expect_round_trip(const Scenario& s) {
  const std::string text = to_json_text(s);
  const Scenario back = parse_scenario(text, "rt.json");
  EXPECT_EQ(back, s) << text;
  EXPECT_EQ(to_json_text(back), text);  // and the text is canonical
}

TEST(ScenarioRoundTrip, DefaultAndSpecExamples) {
  expect_round_trip(default_scenario());
  expect_round_trip(parse_scenario(kCoin, "c"));
  expect_round_trip(parse_scenario(kMix, "m"));
}

TEST(ScenarioRoundTrip, AwkwardDoublesAndStrings) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::uint64_t> bits;
  Scenario s;
  s.kind = Kind::discrete;
  s.title = "quotes \" backslash \\ tab \t newline \n unicode ‖∞ é";
  const std::vector<double> special = {0.0,  -0.0, DBL_MIN, DBL_MAX, std::numeric_limits<double>::denorm_min(),
                                       0.1,  1.0 / 3, 1e-300, 1e22,   9007199254740993.0,
                                       5e-324, 2.2250738585072009e-308};
  for (double d : special) s.p_mass.push_back(std::abs(d));
  // Random bit patterns: every finite double must survive the text form.
  while (s.p_mass.size() < 2000) {
    const std::uint64_t b = bits(rng) & ~(std::uint64_t{1} << 63);
    double d;
    std::memcpy(&d, &b, sizeof d);
    if (std::isfinite(d)) s.p_mass.push_back(d);
  }
  s.q_mass.assign(s.p_mass.size(), 1.0);
  for (std::size_t i = 0; i < s.p_mass.size(); ++i) {
    s.support_x.push_back(i % 2 ? -s.p_mass[i] : s.p_mass[i]);
    s.labels.push_back("bin " + std::to_string(i) + (i % 3 ? "" : " \"ü\""));
  }
  s.view = nlohmann::json{{"x_range", {-1e-9, 1e300}}, {"zoom", 0.30000000000000004}, {"nested", {{"k", {1, 2}}}}};
  expect_round_trip(s);
  EXPECT_EQ(parse_scenario(to_json_text(s), "x").p_mass[1], 0.0);
}

TEST(ScenarioRoundTrip, TheCodingMessage) {
  // Case and white space are kept as written; indices when there are no labels.
  const Scenario s = parse_scenario(discrete(R"("support": {"labels": ["a", "b"]}, )" + kPQ +
                                             R"(, "coding": {"message": "ab BA\n b"})"),
                                    "f");
  ASSERT_TRUE(s.message);
  EXPECT_EQ(*s.message, "ab BA\n b");
  expect_round_trip(s);
  const Scenario n = parse_scenario(discrete(kPQ + R"(, "coding": {"message": "1 0\n1"})"), "f");
  EXPECT_EQ(n.message, std::optional<std::string>("1 0\n1"));
  expect_round_trip(n);
  // No key, and an empty object: no message (and none written back).
  EXPECT_FALSE(parse_scenario(discrete(kPQ + R"(, "coding": {})"), "f").message);
  EXPECT_EQ(to_json_text(parse_scenario(discrete(kPQ), "f")).find("coding"), std::string::npos);
}

TEST(ScenarioParse, FitStartParametersAreOptionalAndModelSpecific) {
  const std::string head = kPQ + R"(, "fit": {"objective": "forward_kl", )";
  Scenario s = parse_scenario(discrete(head + R"("model": "discretised_normal", "start": {}})"), "f");
  EXPECT_TRUE(s.fit->start.empty());
  expect_round_trip(s);
  s = parse_scenario(discrete(head + R"("model": "normal_mixture", "start": {"weight1": 0.3, "mean2": -1, "sd1": 2}})"),
                     "f");
  EXPECT_EQ(s.fit->start.size(), 3u);
  EXPECT_EQ(s.fit->start.at("mean2"), -1);
  expect_round_trip(s);
}

TEST(ScenarioRoundTrip, EveryFamilyAndEveryFitField) {
  Scenario s = default_scenario();
  Component t;
  t.family = Family::student_t;
  t.weight = 0.25;
  t.mean = -1.5;
  t.scale = 0.7;
  t.df = 2.5;
  Component l;
  l.family = Family::laplace;
  l.mean = 3;
  l.scale = 1e-3;
  Component u;
  u.family = Family::uniform;
  u.low = -0.1;
  u.high = 0.2;
  s.q_mix.components = {t, l, u};
  s.fit->optimizer = "adam";
  s.fit->learning_rate = 0.01;
  s.fit->max_steps = 1234;
  s.fit->tolerance = 1e-10;
  s.title.reset();
  s.base = Base::two;
  expect_round_trip(s);
}

TEST(ScenarioText, IsReadable) {
  const std::string text = to_json_text(parse_scenario(kCoin, "c"));
  EXPECT_EQ(text,
            "{\n"
            "  \"format\": \"divlab.scenario\",\n"
            "  \"version\": 1,\n"
            "  \"title\": \"Fair coin vs rigged coin\",\n"
            "  \"kind\": \"discrete\",\n"
            "  \"base\": \"2\",\n"
            "  \"support\": { \"x\": [0, 1], \"labels\": [\"heads\", \"tails\"] },\n"
            "  \"p\": { \"mass\": [0.5, 0.5] },\n"
            "  \"q\": { \"mass\": [0.99, 0.01] }\n"
            "}\n");
}

class ScenarioFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("divlab_scenario_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(ScenarioFiles, SaveThenLoadIsExactAndLeavesNoTemporaryFile) {
  const Scenario s = default_scenario();
  const std::string path = (dir_ / "a.json").string();
  save_scenario(s, path);
  EXPECT_EQ(load_scenario(path), s);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) files += e.exists();
  EXPECT_EQ(files, 1u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(ScenarioFiles, OverwriteReplacesContentAndKeepsMode) {
  const std::string path = (dir_ / "b.json").string();
  save_scenario(default_scenario(), path);
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  const Scenario coin = parse_scenario(kCoin, "c");
  save_scenario(coin, path);
  EXPECT_EQ(load_scenario(path), coin);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(ScenarioFiles, SaveIntoAMissingFolderFailsCleanlyAndKeepsTheOldFile) {
  const std::string path = (dir_ / "nope" / "c.json").string();
  try {
    save_scenario(default_scenario(), path);
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": cannot save: No such file or directory");
  }
  // Saving over a directory fails at the rename and leaves nothing behind.
  fs::create_directories(dir_ / "d.json");
  EXPECT_THROW(save_scenario(default_scenario(), (dir_ / "d.json").string()), ScenarioError);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) files += e.is_regular_file();
  EXPECT_EQ(files, 0u);
}

TEST_F(ScenarioFiles, LoadErrorsNameTheFile) {
  const std::string missing = (dir_ / "missing.json").string();
  try {
    load_scenario(missing);
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), missing + ": cannot open: No such file or directory");
  }
  try {
    load_scenario(dir_.string());
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), dir_.string() + ": cannot read: is a directory");
  }
  const std::string bad = (dir_ / "bad.json").string();
  std::ofstream(bad) << "{\n  \"format\": \"divlab.scenario\",\n  \"version\": 1,,\n}";
  try {
    load_scenario(bad);
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()),
              bad + ": line 3, column 16: JSON syntax error: unexpected ','; expected string literal");
  }
}

TEST_F(ScenarioFiles, MillionBinsRoundTrip) {
  Scenario s;
  s.kind = Kind::discrete;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 1000000; ++i) {
    s.p_mass.push_back(u(rng));
    s.q_mass.push_back(u(rng));
  }
  const std::string path = (dir_ / "big.json").string();
  save_scenario(s, path);
  EXPECT_EQ(load_scenario(path), s);
}

// [SECTION] kind "joint" (SPEC §5)

const char* const kWeather = R"({ "format": "divlab.scenario", "version": 1, "kind": "joint", "base": "2",
  "title": "Weather and transport",
  "joint": { "mass": [[30, 10, 5], [5, 20, 30]],
             "x_labels": ["rain", "sun"], "y_labels": ["bus", "bike", "walk"] } })";

// A joint scenario with `body` spliced after the header (body holds "joint" and more).
std::string joint(const std::string& body) {
  return R"({"format": "divlab.scenario", "version": 1, "kind": "joint", )" + body + "}";
}

TEST(ScenarioJoint, SpecWeatherExample) {
  const Scenario s = parse_scenario(kWeather, "weather.json");
  EXPECT_EQ(s.kind, Kind::joint);
  EXPECT_EQ(to_name(s.kind), "joint");
  EXPECT_EQ(s.title, "Weather and transport");
  EXPECT_EQ(s.base, Base::two);
  EXPECT_EQ(s.joint.mass, (std::vector<std::vector<double>>{{30, 10, 5}, {5, 20, 30}}));
  EXPECT_EQ(s.joint.x_labels, (std::vector<std::string>{"rain", "sun"}));
  EXPECT_EQ(s.joint.y_labels, (std::vector<std::string>{"bus", "bike", "walk"}));
  EXPECT_TRUE(s.p_mass.empty() && s.q_mass.empty() && !s.fit);
  // Labels are optional; a 1×1 table is a table.
  const Scenario one = parse_scenario(joint(R"("joint": {"mass": [[7]]})"), "f");
  EXPECT_EQ(one.joint.mass, (std::vector<std::vector<double>>{{7}}));
  EXPECT_TRUE(one.joint.x_labels.empty() && one.joint.y_labels.empty());
  EXPECT_FALSE(one.base_given);
}

TEST(ScenarioJoint, TextIsReadableAndRoundTripsExactly) {
  const Scenario s = parse_scenario(kWeather, "weather.json");
  EXPECT_EQ(to_json_text(s),
            "{\n"
            "  \"format\": \"divlab.scenario\",\n"
            "  \"version\": 1,\n"
            "  \"title\": \"Weather and transport\",\n"
            "  \"kind\": \"joint\",\n"
            "  \"base\": \"2\",\n"
            "  \"joint\": {\n"
            "    \"mass\": [\n"
            "      [30, 10, 5],\n"
            "      [5, 20, 30]\n"
            "    ],\n"
            "    \"x_labels\": [\"rain\", \"sun\"],\n"
            "    \"y_labels\": [\"bus\", \"bike\", \"walk\"]\n"
            "  }\n"
            "}\n");
  expect_round_trip(s);
}

TEST(ScenarioJoint, AwkwardDoublesLabelsAndViewRoundTrip) {
  std::mt19937_64 rng(5);
  std::uniform_int_distribution<std::uint64_t> bits;
  Scenario s;
  s.kind = Kind::joint;
  s.title = "tiny ‖ huge";
  const std::vector<double> special = {0.0, -0.0, DBL_MIN, DBL_MAX, std::numeric_limits<double>::denorm_min(),
                                       0.1, 1.0 / 3, 1e-300, 1e22, 9007199254740993.0, 5e-324, 1e-310};
  // 12 rows of 100 cells (long rows take the parser's fast path): specials, then random bit patterns.
  for (std::size_t i = 0; i < 12; ++i) {
    std::vector<double> row(1, special[i]);
    while (row.size() < 100) {
      const std::uint64_t b = bits(rng) & ~(std::uint64_t{1} << 63);
      double d;
      std::memcpy(&d, &b, sizeof d);
      if (std::isfinite(d)) row.push_back(d);
    }
    s.joint.mass.push_back(std::move(row));
    s.joint.x_labels.push_back("x " + std::to_string(i) + (i % 3 ? "" : " \"ü\""));
  }
  for (std::size_t j = 0; j < 100; ++j) s.joint.y_labels.push_back(j % 7 ? "" : "y\t" + std::to_string(j));
  s.view = nlohmann::json{{"cell", {3, 4}}, {"lock_marginals", true}};
  expect_round_trip(s);
  EXPECT_EQ(scenario_json::fast_array_count(to_json_text(s)), 12u);
  EXPECT_TRUE(std::signbit(parse_scenario(to_json_text(s), "x").joint.mass[1][0]));
}

TEST(ScenarioJoint, NotMeasuredAsAPair) {
  EXPECT_THROW(measure_scenario(parse_scenario(kWeather, "w"), Base::e), std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(
    Joint, ScenarioErrors,
    ::testing::Values(
        BadCase{joint(R"("joint": {"mass": [[1, 2, 3], [4, 5]]})"),
                "f.json: joint.mass[1]: expected 3 numbers (as many as joint.mass[0]), got 2"},
        BadCase{joint(R"("joint": {"mass": [[1], [4, 5]]})"),
                "f.json: joint.mass[1]: expected 1 number (as many as joint.mass[0]), got 2"},
        BadCase{joint(R"("joint": {"mass": [[1, 2], [4, -0.5]]})"),
                "f.json: joint.mass[1][1]: expected a finite number >= 0, got -0.5"},
        BadCase{joint(R"("joint": {"mass": [[1, null]]})"),
                "f.json: joint.mass[0][1]: expected a finite number >= 0, got null"},
        BadCase{joint(R"("joint": {"mass": [[1, "NaN"]]})"),
                "f.json: joint.mass[0][1]: expected a finite number >= 0, got \"NaN\""},
        BadCase{joint(R"("joint": {"mass": [[1, 2], [3, 1e999]]})"),
                "f.json: joint.mass[1][1]: expected a finite number, got 1e999 (beyond the range of a double)"},
        BadCase{joint(R"("joint": {"mass": [[0, 0], [0, 0]]})"),
                "f.json: joint.mass: expected at least one mass > 0, got all zeros"},
        BadCase{joint(R"("joint": {"mass": []})"),
                "f.json: joint.mass: expected a non-empty array of rows (arrays of finite numbers >= 0), got []"},
        BadCase{joint(R"("joint": {"mass": [1, 2]})"),
                "f.json: joint.mass[0]: expected a non-empty array of finite numbers >= 0, got 1"},
        BadCase{joint(R"("joint": {"mass": [[]]})"),
                "f.json: joint.mass[0]: expected a non-empty array of finite numbers >= 0, got []"},
        BadCase{joint(R"("joint": {"mass": {"a": 1}})"),
                "f.json: joint.mass: expected a non-empty array of rows (arrays of finite numbers >= 0), got "
                "{\"a\":1}"},
        BadCase{joint(R"("joint": [[1]])"), "f.json: joint: expected an object, got [[1]]"},
        BadCase{joint(R"("joint": {})"), "f.json: joint: missing key \"mass\" (expected: mass, x_labels, y_labels)"},
        BadCase{joint(R"("joint": {"mass": [[1]], "z_labels": []})"),
                "f.json: joint: unknown key \"z_labels\" (expected: mass, x_labels, y_labels)"},
        BadCase{joint(R"("joint": {"mass": [[1, 2]], "x_labels": ["a", "b"]})"),
                "f.json: joint.x_labels: expected 1 label (one per row of joint.mass), got 2"},
        BadCase{joint(R"("joint": {"mass": [[1, 2]], "y_labels": ["a"]})"),
                "f.json: joint.y_labels: expected 2 labels (one per column of joint.mass), got 1"},
        BadCase{joint(R"("joint": {"mass": [[1, 2]], "y_labels": ["a", 2]})"),
                "f.json: joint.y_labels[1]: expected a string, got 2"},
        BadCase{joint(R"("joint": {"mass": [[1, 2]], "x_labels": "a"})"),
                "f.json: joint.x_labels: expected an array of 1 string, got \"a\""},
        BadCase{joint(R"("title": "t")"),
                "f.json: top level: missing key \"joint\" (expected: format, version, title, kind, base, joint, "
                "view)"},
        // p, q, support and fit belong to the other kinds; joint to none of them.
        BadCase{joint(R"("joint": {"mass": [[1]]}, "p": {"mass": [1]})"),
                "f.json: top level: key \"p\" is not allowed in a \"joint\" scenario (expected: format, version, "
                "title, kind, base, joint, view)"},
        BadCase{joint(R"("q": {"mass": [1]}, "joint": {"mass": [[1]]})"),
                "f.json: top level: key \"q\" is not allowed in a \"joint\" scenario (expected: format, version, "
                "title, kind, base, joint, view)"},
        BadCase{joint(R"("joint": {"mass": [[1]]}, "support": {"labels": ["a"]})"),
                "f.json: top level: key \"support\" is not allowed in a \"joint\" scenario (expected: format, "
                "version, title, kind, base, joint, view)"},
        BadCase{joint(R"("joint": {"mass": [[1]]}, "fit": {"model": "normal"})"),
                "f.json: top level: key \"fit\" is not allowed in a \"joint\" scenario (expected: format, version, "
                "title, kind, base, joint, view)"},
        BadCase{joint(R"("joint": {"mass": [[1]]}, "colour": 1)"),
                "f.json: top level: unknown key \"colour\" (expected: format, version, title, kind, base, joint, "
                "view)"},
        BadCase{discrete(kPQ + R"(, "joint": {"mass": [[1]]})"),
                "f.json: top level: key \"joint\" is not allowed in a \"discrete\" scenario (expected: format, "
                "version, title, kind, base, support, p, q, view, fit, coding)"},
        BadCase{continuous(R"("joint": {"mass": [[1]]}, "p": {"components": []}, )" + kQ1),
                "f.json: top level: key \"joint\" is not allowed in a \"continuous\" scenario (expected: format, "
                "version, title, kind, base, support, p, q, view, fit, coding)"},
        // With no valid kind, "joint" is just unknown (the kind's own error would follow).
        BadCase{R"({"format": "divlab.scenario", "version": 1, "kind": 3, "joint": {}})",
                "f.json: top level: unknown key \"joint\" (expected: format, version, title, kind, base, support, p, "
                "q, view, fit, coding)"},
        BadCase{joint(R"("base": "10", "joint": {"mass": [[1]]})"), "f.json: base: expected \"e\" or \"2\", got \"10\""},
        BadCase{joint(R"("joint": {"mass": [[1]]}, "view": 2)"), "f.json: view: expected an object, got 2"}));

TEST_F(ScenarioFiles, JointTableOf300By300RoundTrips) {
  Scenario s;
  s.kind = Kind::joint;
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  s.joint.mass.assign(300, std::vector<double>(300));
  for (auto& row : s.joint.mass)
    for (double& m : row) m = u(rng) < 0.3 ? 0.0 : u(rng);
  const std::string path = (dir_ / "table.json").string();
  save_scenario(s, path);
  EXPECT_EQ(load_scenario(path), s);
}

}  // namespace
}  // namespace divlab

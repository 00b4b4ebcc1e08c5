// One fit, three places: `divlab fit`, the fit figures of `divlab render` and the Fit lab's runs all
// plan their fits with FitPlan, so for every preset with a fit section (and scenarios with mixtures,
// discrete models and overrides) they agree: the same plan, and the same fitted parameters after the
// same number of steps (to 1e-12).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <string>
#include <vector>

#include "app/test_scenarios.hpp"
#include "cli/commands.hpp"
#include "divlab/document/document.hpp"
#include "divlab/fit/fit_plan.hpp"
#include "figures/figures_fit.hpp"
#include "labs/fit/panel_fit.hpp"

namespace divlab {
namespace {

namespace fs = std::filesystem;

// A scenario, the flags given to `divlab fit`, and the same settings written into its fit section
// (what the figure and the lab, which take no flags, are given).
struct Case {
  std::string name;
  Scenario scenario;
  std::vector<std::string> flags;
  Scenario with_flags;  // the scenario with the flags' values in its fit section
};

struct Result {
  std::map<std::string, double> params;
  int steps = 0;
};

using test::bimodal;

FitSpec section(std::string model, std::map<std::string, double> start) {
  FitSpec f;
  f.model = std::move(model);
  f.objective = "reverse_kl";
  f.start = std::move(start);
  return f;
}

std::vector<Case> cases() {
  std::vector<Case> out;
  // Every preset with a fit section, as shipped.
  for (const fs::directory_entry& e : fs::directory_iterator(fs::path(DIVLAB_SOURCE_DIR) / "assets" / "presets")) {
    if (e.path().extension() != ".json") continue;
    const Scenario s = load_scenario(e.path().string());
    if (s.fit) out.push_back({e.path().filename().string(), s, {}, s});
  }
  EXPECT_GE(out.size(), 1u) << "no preset with a fit section";
  // Two Gaussians from their own starts (K from the start keys) and a slower learning rate.
  Scenario mix = load_scenario(std::string(DIVLAB_SOURCE_DIR) + "/tests/cli/fit_data/mixture.json");
  out.push_back({"mixture K=2", mix, {}, mix});
  // Three Gaussians: K = 3 from mean3, the others seeded around mean and sd; momentum.
  Scenario three = bimodal();
  three.fit = section("normal_mixture", {{"mean", -0.5}, {"sd", 1.5}, {"mean3", 1.0}});
  three.fit->optimizer = "momentum";
  three.fit->learning_rate = 0.02;
  three.fit->max_steps = 400;
  out.push_back({"mixture K=3", three, {}, three});
  // A discrete P: the discretised normal, and a free categorical from a uniform start.
  Scenario coin = load_scenario(std::string(DIVLAB_SOURCE_DIR) + "/tests/cli/fit_data/coin.json");
  out.push_back({"discretised normal", coin, {}, coin});
  Scenario cat;
  cat.kind = Kind::discrete;
  cat.p_mass = {0.1, 0.6, 0.1, 0.2};
  cat.q_mass = {1, 1, 1, 1};
  cat.fit = section("categorical", {});
  cat.fit->max_steps = 300;
  out.push_back({"categorical", cat, {}, cat});
  // Flags over a section: a new start, optimiser, learning rate and step limit.
  Scenario over = bimodal();
  over.fit = section("normal", {{"mean", 1}, {"sd", 1}});
  Scenario over_section = over;
  over_section.fit->start = {{"mean", -1}, {"sd", 0.5}};
  over_section.fit->optimizer = "gd";
  over_section.fit->learning_rate = 0.03;
  over_section.fit->max_steps = 150;
  out.push_back({"flags", over,
                 {"--start", "mean=-1,sd=0.5", "--optimizer", "gd", "--learning-rate", "0.03", "--max-steps", "150"},
                 over_section});
  // No fit section at all: --objective alone, P's mean and sd, the defaults.
  Scenario none = bimodal();
  out.push_back({"no section", none, {}, none});
  return out;
}

// `divlab fit FILE --json --objective O FLAGS...`, in process.
Result cli_result(const Scenario& s, FitObjective objective, const std::vector<std::string>& flags) {
  const fs::path file = fs::temp_directory_path() / ("divlab-fit-agreement-" + std::to_string(::getpid()) + ".json");
  save_scenario(s, file.string());
  std::vector<std::string> args{file.string(), "--json", "--objective", std::string(to_name(objective))};
  args.insert(args.end(), flags.begin(), flags.end());
  testing::internal::CaptureStdout();
  const int status = cli::fit(args);
  const std::string out = testing::internal::GetCapturedStdout();
  fs::remove(file);
  EXPECT_EQ(status, 0) << out;
  Result r;
  const nlohmann::json j = nlohmann::json::parse(out);
  for (const auto& [name, v] : j.at("params").items()) r.params[name] = v.get<double>();
  r.steps = j.at("steps").get<int>();
  return r;
}

Result result_of(const FitProblem& p, const Fitter& f) {
  Result r;
  for (const auto& [name, v] : p.named_parameters(f.theta())) r.params[name] = v;
  r.steps = f.steps();
  return r;
}

void expect_same(const Result& a, const Result& b, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(a.steps, b.steps);
  ASSERT_EQ(a.params.size(), b.params.size());
  for (const auto& [name, v] : a.params) {
    ASSERT_TRUE(b.params.count(name)) << name;
    EXPECT_NEAR(v, b.params.at(name), 1e-12 * (1 + std::abs(v))) << name;
  }
}

void expect_same_plan(const FitPlan& a, const FitPlan& b) {
  EXPECT_EQ(a.objective, b.objective);
  EXPECT_EQ(a.model, b.model);
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.theta0, b.theta0);
  EXPECT_EQ(a.optimizer.kind, b.optimizer.kind);
  EXPECT_EQ(a.optimizer.learning_rate, b.optimizer.learning_rate);
  EXPECT_EQ(a.optimizer.max_steps, b.optimizer.max_steps);
  EXPECT_EQ(a.optimizer.tolerance, b.optimizer.tolerance);
}

TEST(FitAgreement, CliFigureAndLabPlanAndFitTheSame) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    // The Fit lab: its settings seeded from the document, both runs played to the end.
    Document doc(c.with_flags);
    gui::FitPanelState st;
    double now = 0;
    gui::update_fit(doc, st, now);
    ASSERT_TRUE(st.fwd.fitter && st.rev.fitter) << st.error;
    st.playing = true;
    st.speed = 1000;
    while (!(st.fwd.done() && st.rev.done())) gui::update_fit(doc, st, now += 1);
    // The figure's runs.
    std::string error;
    const auto figure = plot::run_fit_figure(c.with_flags, &error);
    ASSERT_TRUE(figure) << error;

    for (const FitObjective o : {FitObjective::forward_kl, FitObjective::reverse_kl}) {
      SCOPED_TRACE(std::string(to_name(o)));
      const bool fwd = o == FitObjective::forward_kl;
      // The same plan: the CLI's (flags over the section), the figure's and the lab's.
      const std::optional<FitPlan> section_plan = plan_fit(c.with_flags, {.objective = o});
      ASSERT_TRUE(section_plan);
      FitOverrides flags{.objective = o};
      if (c.name == "flags") {
        flags.start = std::map<std::string, double>{{"mean", -1}, {"sd", 0.5}};
        flags.optimizer = OptimizerKind::gd;
        flags.learning_rate = 0.03;
        flags.max_steps = 150;
      }
      const std::optional<FitPlan> cli_plan = plan_fit(c.scenario, flags);
      ASSERT_TRUE(cli_plan);
      expect_same_plan(*cli_plan, *section_plan);
      expect_same_plan(fwd ? figure->fwd : figure->rev, *section_plan);
      EXPECT_EQ(st.model, section_plan->model);
      EXPECT_EQ(st.start, section_plan->start);
      EXPECT_EQ(st.start_theta, section_plan->theta0);
      EXPECT_EQ(st.optimizer.kind, section_plan->optimizer.kind);
      EXPECT_EQ(st.optimizer.learning_rate, section_plan->optimizer.learning_rate);
      EXPECT_EQ(st.optimizer.max_steps, section_plan->optimizer.max_steps);
      EXPECT_EQ(st.optimizer.tolerance, section_plan->optimizer.tolerance);

      // The same fit: the CLI's result = the figure's = the lab's.
      const Result cli = cli_result(c.scenario, o, c.flags);
      const Result fig = result_of(fwd ? figure->fwd.problem : figure->rev.problem,
                                   fwd ? figure->fitted_fwd : figure->fitted_rev);
      const gui::FitRun& run = fwd ? st.fwd : st.rev;
      const Result lab = result_of(fwd ? *st.fwd_problem : *st.rev_problem, *run.fitter);
      EXPECT_GT(cli.params.size(), 0u);
      expect_same(cli, fig, "CLI vs figure");
      expect_same(cli, lab, "CLI vs Fit lab");
    }
  }
}

// The rules of the one plan, spelled out.
TEST(FitPlan, DefaultsAndTheOneLearningRate) {
  Scenario s = bimodal();
  FitPlanError e;
  EXPECT_FALSE(plan_fit(s, {}, &e));  // no section, no objective
  EXPECT_EQ(e.key, "");
  const auto p = plan_fit(s, {.objective = FitObjective::forward_kl, .optimizer = OptimizerKind::gd});
  ASSERT_TRUE(p);
  EXPECT_EQ(p->model, (ModelSpec{ModelKind::normal, 1}));
  EXPECT_EQ(p->optimizer.learning_rate, 0.05);  // one default, gd too
  EXPECT_EQ(p->optimizer.max_steps, 20000);
  EXPECT_EQ(p->optimizer.tolerance, 1e-8);
  EXPECT_NEAR(p->start_mean, 0, 1e-15);  // P's mean and sd
  EXPECT_NEAR(p->start_sd, std::sqrt(4.36), 1e-14);
  // A discrete P: `normal` is the discretised normal.
  Scenario d;
  d.kind = Kind::discrete;
  d.p_mass = {1, 2, 1};
  d.q_mass = {1, 1, 1};
  d.fit = section("normal", {});
  EXPECT_EQ(plan_fit(d)->model.kind, ModelKind::discretised_normal);
  // K from the start keys; an override's start decides it too.
  s.fit = section("normal_mixture", {{"sd4", 0.5}});
  EXPECT_EQ(plan_fit(s)->model, (ModelSpec{ModelKind::normal_mixture, 4}));
  EXPECT_EQ(plan_fit(s, {.start = std::map<std::string, double>{}})->model.components, 2);
}

TEST(FitPlan, ErrorsNameTheKeyAndWhetherAFlagGaveIt) {
  Scenario s = bimodal();
  s.fit = section("normal", {{"mean", 1}});
  FitPlanError e;
  EXPECT_FALSE(plan_fit(s, {.start = std::map<std::string, double>{{"sigma", 1}}}, &e));
  EXPECT_EQ(e.key, "start");
  EXPECT_TRUE(e.overridden);
  EXPECT_EQ(e.what, "unknown parameter 'sigma' (expected: mean, sd)");
  EXPECT_EQ(fit_plan_place(e), "--start");
  EXPECT_FALSE(plan_fit(s, {.learning_rate = 0.0}, &e));
  EXPECT_EQ(fit_plan_place(e), "--learning-rate");
  EXPECT_EQ(e.what, "expected a number > 0, got 0");
  s.fit->start = {{"sd", -1}};  // a scenario built in code, not loaded
  EXPECT_FALSE(plan_fit(s, {}, &e));
  EXPECT_EQ(fit_plan_place(e), "fit.start");
  EXPECT_EQ(e.what, "sd: expected a number > 0, got -1");
  s.fit->start.clear();
  s.fit->model = "categorical";  // needs a discrete P
  EXPECT_FALSE(plan_fit(s, {}, &e));
  EXPECT_EQ(fit_plan_place(e), "fit.model");
  EXPECT_NE(e.what.find("discrete"), std::string::npos) << e.what;
  s.fit->model = "lognormal";
  EXPECT_FALSE(plan_fit(s, {}, &e));
  EXPECT_EQ(e.what, "expected normal, normal_mixture, discretised_normal or categorical, got 'lognormal'");
}

}  // namespace
}  // namespace divlab

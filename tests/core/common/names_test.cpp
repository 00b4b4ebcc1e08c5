// common/names.hpp: every enum's table round-trips, aliases parse but are never printed or listed, and
// the lists that error messages print come from the tables.
#include "divlab/common/names.hpp"

#include <gtest/gtest.h>

#include "divlab/document/scenario.hpp"
#include "divlab/fit/fit.hpp"
#include "divlab/fit/optimizer.hpp"

namespace divlab {
namespace {

// Every value of E names itself and parses back; names are unique.
template <class E>
void expect_round_trip(std::initializer_list<E> values) {
  ASSERT_EQ(names<E>().size(), values.size());
  for (E e : values) {
    const std::string_view n = to_name(e);
    EXPECT_NE(n, "?");
    EXPECT_EQ(parse_name<E>(n), e) << n;
  }
}

TEST(Names, EveryEnumRoundTrips) {
  expect_round_trip({Base::e, Base::two});
  expect_round_trip({Family::normal, Family::laplace, Family::student_t, Family::uniform});
  expect_round_trip({Kind::discrete, Kind::continuous, Kind::joint});
  expect_round_trip({FitObjective::forward_kl, FitObjective::reverse_kl, FitObjective::jsd});
  expect_round_trip(
      {ModelKind::normal, ModelKind::normal_mixture, ModelKind::discretised_normal, ModelKind::categorical});
  expect_round_trip({OptimizerKind::gd, OptimizerKind::momentum, OptimizerKind::adam});
}

TEST(Names, TheNamesOfFilesAndFlags) {
  EXPECT_EQ(to_name(Base::two), "2");
  EXPECT_EQ(to_name(Family::student_t), "student_t");
  EXPECT_EQ(to_name(Kind::continuous), "continuous");
  EXPECT_EQ(to_name(FitObjective::reverse_kl), "reverse_kl");
  EXPECT_EQ(to_name(ModelKind::discretised_normal), "discretised_normal");
  EXPECT_EQ(to_name(OptimizerKind::gd), "gd");
  EXPECT_FALSE(parse_name<Base>("10"));
  EXPECT_FALSE(parse_name<FitObjective>("kl"));
  EXPECT_FALSE(parse_name<Kind>("Discrete"));  // exact: no case folding
  EXPECT_FALSE(parse_name<Family>(""));
  EXPECT_EQ(to_name(static_cast<Family>(17)), "?");
}

TEST(Names, AnAliasParsesButIsNeitherPrintedNorListed) {
  EXPECT_EQ(parse_name<OptimizerKind>("gradient_descent"), OptimizerKind::gd);
  EXPECT_EQ(to_name(OptimizerKind::gd), "gd");
  EXPECT_EQ(name_list<OptimizerKind>(), "gd, momentum or adam");
}

TEST(Names, ListsForMessages) {
  EXPECT_EQ(name_list<FitObjective>(), "forward_kl, reverse_kl or jsd");
  EXPECT_EQ(name_list<Base>(), "e or 2");
  EXPECT_EQ(name_list<Family>(", "), "normal, laplace, student_t, uniform");
}

TEST(Names, TheLoaderListsAndAcceptsTheTableNames) {
  // An unknown objective: the loader's message lists the table's names, quoted.
  const std::string text = R"({"format": "divlab.scenario", "version": 1, "kind": "continuous",
    "p": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
    "q": {"components": [{"family": "normal", "weight": 1, "mean": 0, "sd": 1}]},
    "fit": {"model": "normal", "objective": "FIT", "start": {}, "optimizer": "OPT"}})";
  auto error_of = [](const std::string& t) {
    try {
      parse_scenario(t, "f.json");
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  std::string t = text;
  EXPECT_EQ(error_of(t), "f.json: fit.objective: expected one of \"forward_kl\", \"reverse_kl\", or \"jsd\", got \"FIT\"");
  t.replace(t.find("\"FIT\""), 5, "\"jsd\"");
  EXPECT_EQ(error_of(t), "f.json: fit.optimizer: expected one of \"gd\", \"momentum\", or \"adam\", got \"OPT\"");
  // A file takes the names only, not the flag's alias.
  t.replace(t.find("\"OPT\""), 5, "\"gradient_descent\"");
  EXPECT_NE(error_of(t).find("fit.optimizer"), std::string::npos);
  t.replace(t.find("\"gradient_descent\""), 18, "\"momentum\"");
  EXPECT_EQ(error_of(t), "");
  EXPECT_EQ(parse_scenario(t, "f.json").fit->optimizer, "momentum");
}

}  // namespace
}  // namespace divlab

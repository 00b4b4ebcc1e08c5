// Every recipe of docs/teaching.md's "Presets in a lecture" (issue 11 §5): each number the text
// quotes is in the text as quoted and is what the preset computes, and the fit demo's steps do
// what the text says when done in the GUI (the start typed into its field, the fit played).
#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "app/imgui_fixture.hpp"
#include "app/typing.hpp"
#include "divlab/measures/measures.hpp"

namespace divlab::gui {
namespace {

const std::string kDocs = std::string(DIVLAB_SOURCE_DIR) + "/docs/teaching.md";
std::string preset(const char* name) { return std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/" + name; }

std::string teaching() {
  std::ifstream in(kDocs);
  std::ostringstream s;
  s << in.rdbuf();
  std::string flat;  // line breaks and indentation made single spaces
  for (char c : s.str()) {
    const bool space = c == ' ' || c == '\n';
    if (space && !flat.empty() && flat.back() == ' ') continue;
    flat += space ? ' ' : c;
  }
  return flat;
}

struct Claim {
  const char* file;
  const char* text;  // as the recipe says it
  double Measures::*value;
  double expected, tolerance;  // the quoted number and its last digit's half-unit
};

const Claim kClaims[] = {
    {"01-fair-vs-rigged-coin.json", "D(P‖Q) = 2.33 bits", &Measures::kl_pq, 2.33, 0.005},
    {"01-fair-vs-rigged-coin.json", "D(Q‖P) = 0.919 bits", &Measures::kl_qp, 0.919, 0.0005},
    {"02-label-smoothing.json", "H(P,Q) = D(P‖Q) = −ln 0.85 = 0.163 nats", &Measures::kl_pq, 0.163, 0.0005},
    {"02-label-smoothing.json", "H(P,Q) = D(P‖Q) = −ln 0.85 = 0.163 nats", &Measures::cross_entropy_pq, 0.163, 0.0005},
    {"03-english-vs-german-letters.json", "D(English‖German) = 0.202 bits", &Measures::kl_pq, 0.202, 0.0005},
    {"03-english-vs-german-letters.json", "D(German‖English) = 0.146 bits", &Measures::kl_qp, 0.146, 0.0005},
    {"03-english-vs-german-letters.json", "JSD = 0.0368 bits", &Measures::jsd, 0.0368, 0.00005},
    {"05-disjoint-supports.json", "JSD sits at its ceiling of 1 bit", &Measures::jsd, 1, 1e-9},
    {"05-disjoint-supports.json", "TV = 1 and Hellinger = 1", &Measures::total_variation, 1, 1e-9},
    {"05-disjoint-supports.json", "TV = 1 and Hellinger = 1", &Measures::hellinger, 1, 1e-9},
    {"05-disjoint-supports.json", "W₁ (6.8 here)", &Measures::wasserstein_1, 6.8, 0.05},
    {"08-peaked-vs-flat.json", "PPL(Q) = 10", &Measures::perplexity_q, 10, 1e-9},
    {"08-peaked-vs-flat.json", "PPL(P) = 2.38", &Measures::perplexity_p, 2.38, 0.005},
    {"08-peaked-vs-flat.json", "PPL(P,Q) = 10 = PPL(P) · 2^D(P‖Q) = 2.38 × 4.2", &Measures::perplexity_pq, 10, 1e-9},
    {"09-nearly-identical.json", "D(P‖Q) = 0.000585", &Measures::kl_pq, 0.000585, 0.0000005},
    {"09-nearly-identical.json", "D(Q‖P) = 0.000581 bits", &Measures::kl_qp, 0.000581, 0.0000005},
    {"10-uniform-inside-wider.json", "D(P‖Q) = log₂ 4 = 2 bits", &Measures::kl_pq, 2, 1e-9},
};

TEST(TeachingRecipes, EveryQuotedNumberIsInTheTextAndIsWhatThePresetComputes) {
  const std::string text = teaching();
  for (const Claim& c : kClaims) {
    SCOPED_TRACE(std::string(c.file) + ": " + c.text);
    EXPECT_NE(text.find(c.text), std::string::npos) << "the recipe no longer says this";
    const Scenario s = load_scenario(preset(c.file));
    const Measures m = measure_scenario(s, s.base);
    EXPECT_NEAR(m.*c.value, c.expected, c.tolerance);
  }
  // The infinities the recipes promise.
  const Scenario uni = load_scenario(preset("10-uniform-inside-wider.json"));
  EXPECT_TRUE(std::isinf(measure_scenario(uni, uni.base).kl_qp));
  const Scenario disjoint = load_scenario(preset("05-disjoint-supports.json"));
  const Measures d = measure_scenario(disjoint, disjoint.base);
  EXPECT_TRUE(std::isinf(d.kl_pq) && std::isinf(d.kl_qp));
  const Scenario cauchy = load_scenario(preset("07-cauchy-vs-normal.json"));
  EXPECT_TRUE(std::isinf(measure_scenario(cauchy, cauchy.base).wasserstein_1));
}

// Recipe 4, done as the text says: open the preset, play, reset, type the start mean, play again.
class FitRecipe : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    map_editing_keys();
    app->switch_lab("fit");
    open_file(*app, preset("04-bimodal-vs-one-gaussian.json"));
    idle(3);
  }
  FitPanelState& st() { return fit_lab().fit; }
  void play_to_the_end() {
    ASSERT_EQ(run_action(*app, "fit.play_pause"), "");
    for (int i = 0; i < 6000 && st().advancing(); ++i) idle(1);
    ASSERT_FALSE(st().advancing());
  }
  void type_start_mean(const std::string& text) {
    const ImVec2 at{st().start_mean_field.x + 8, st().start_mean_field.y + 6};
    frame(at.x, at.y, false);
    frame(at.x, at.y, true);
    frame(at.x, at.y, false);
    ImGuiIO& io = ImGui::GetIO();
    for (const char ch : text) {
      io.KeysDown[static_cast<unsigned char>(ch)] = true;
      io.AddInputCharacter(static_cast<unsigned>(ch));
      frame(at.x, at.y, false);
      io.KeysDown[static_cast<unsigned char>(ch)] = false;
      frame(at.x, at.y, false);
    }
    io.KeysDown[kEnter] = true;
    frame(at.x, at.y, false);
    io.KeysDown[kEnter] = false;
    idle(2);
  }
  double rev_mean() { return st().rev.fitter->theta()[0]; }
  double rev_sd() { return std::exp(st().rev.fitter->theta()[1]); }
};

TEST_F(FitRecipe, ReverseKlPicksTheRightModeThenTheLeftFromMinusOnePointFive) {
  ASSERT_TRUE(teaching().find("type −1.5 into the *start μ* field") != std::string::npos);
  play_to_the_end();
  EXPECT_NEAR(rev_mean(), 2.0, 0.05);  // "Q locks onto the right-hand mode"
  EXPECT_LT(rev_sd(), 0.7);
  run_action(*app, "fit.play_pause");  // pause
  run_action(*app, "fit.reset");
  type_start_mean("-1.5");
  ASSERT_DOUBLE_EQ(st().start_mean, -1.5);
  play_to_the_end();
  EXPECT_NEAR(rev_mean(), -2.0, 0.05);  // "it picks the other mode"
  EXPECT_LT(rev_sd(), 0.7);
  // Forward KL, run alongside, spreads over both modes: mean 0, sd ≈ √(0.6² + 2²).
  EXPECT_NEAR(st().fwd.fitter->theta()[0], 0.0, 0.05);
  EXPECT_GT(std::exp(st().fwd.fitter->theta()[1]), 1.8);
}

TEST_F(FitRecipe, FromMinusZeroPointFiveReverseKlFindsTheBroadMinimum) {
  ASSERT_TRUE(teaching().find("σ ≈ 1.79") != std::string::npos);
  type_start_mean("-0.5");
  play_to_the_end();
  EXPECT_NEAR(rev_mean(), 0.0, 0.05);
  EXPECT_NEAR(rev_sd(), 1.79, 0.01);
}

}  // namespace
}  // namespace divlab::gui

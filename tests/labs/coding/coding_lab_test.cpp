// The coding lab in real ImGui frames: dragging Q's bar changes Q's code and the costs shown to
// core's values (one undo step), hovering a tree leaf highlights that symbol everywhere, messages
// typed or drawn from P are coded with both codes and round-trip through the arithmetic coder, and
// the identity holds for the numbers shown.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "app/imgui_fixture.hpp"
#include "divlab/coding/codes.hpp"
#include "divlab/coding/message.hpp"
#include "divlab/document/scenario.hpp"
#include "labs/coding/coding_lab.hpp"
#include "shell/app.hpp"
#include "plot/axes.hpp"

namespace divlab::gui {
namespace {

class CodingLabTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    app->switch_lab("coding");
    idle(3);
  }
  CodingLab& lab() { return static_cast<CodingLab&>(*app->find_lab("coding")); }
  CodeComparison core() { return compare_codes(lab().doc.scenario().p_mass, lab().doc.scenario().q_mass); }
};

TEST_F(CodingLabTest, DraggingQsBarChangesQsCodeAndCostsToCoresValues) {
  ASSERT_EQ(lab().data.codes.p.size(), 8u);
  const CodeComparison before = lab().data.codes;
  EXPECT_EQ(before.code_q.bits, core().code_q.bits);
  EXPECT_EQ(before.code_q.lengths, core().code_q.lengths);
  // Press on the right half of the last bin ("error", Q's bar) and drag it up to 0.5.
  const plot::Axes& a = lab().sculpt_axes;
  ASSERT_GT(a.plot.width(), 100);
  const float x = a.px_x(7 + 0.2), y0 = a.px_y(lab().data.codes.q[7]) - 1, y1 = a.px_y(0.5);
  frame(x, y0, false);
  frame(x, y0, true);
  for (int k = 1; k <= 10; ++k) frame(x, y0 + (y1 - y0) * static_cast<float>(k) / 10, true);
  frame(x, y1, false);
  idle(2);
  const CodeComparison& now = lab().data.codes;
  EXPECT_NEAR(now.q[7], 0.5, 2 / a.plot.height());  // to a pixel (ImGui floors the pointer)
  EXPECT_NEAR(now.p[7], before.p[7], 1e-15);         // P untouched
  EXPECT_EQ(lab().doc.undo_depth(), 1u);
  // Q's code: "error" now has the shortest codeword, and everything is core's.
  const CodeComparison want = core();
  EXPECT_EQ(now.code_q.bits, want.code_q.bits);
  EXPECT_EQ(now.code_q.lengths, want.code_q.lengths);
  EXPECT_NE(now.code_q.lengths, before.code_q.lengths);
  EXPECT_EQ(now.code_q.lengths[7], 1);
  EXPECT_EQ(now.code_p.bits, before.code_p.bits);
  EXPECT_EQ(now.length_p_code_q, want.length_p_code_q);
  EXPECT_EQ(now.kl_pq, want.kl_pq);
  EXPECT_GT(now.length_p_code_q, before.length_p_code_q);
  // The cost bars (area view) are drawn from those lengths: one bar per symbol of P in each panel.
  EXPECT_EQ(lab().area_hits.size(), 16u);
  // The identity the numbers panel states holds for the numbers it shows.
  EXPECT_NEAR(now.length_p_code_q, now.entropy_p + now.kl_p_code_q, 1e-12);
  lab().doc.undo();
  idle(2);
  EXPECT_EQ(lab().data.codes.code_q.bits, before.code_q.bits);
  EXPECT_EQ(lab().data.codes.code_q.lengths, before.code_q.lengths);
}

TEST_F(CodingLabTest, HoveringALeafHighlightsTheSymbolEverywhere) {
  ASSERT_FALSE(lab().tree_hits.empty());
  const plot::SymbolHit leaf = lab().tree_hits.front();
  const float x = (leaf.rect.x0 + leaf.rect.x1) / 2, y = (leaf.rect.y0 + leaf.rect.y1) / 2;
  frame(x, y, false);
  frame(x, y, false);
  ASSERT_TRUE(lab().hovered);
  EXPECT_EQ(*lab().hovered, leaf.symbol);
  idle(2);
  EXPECT_FALSE(lab().hovered);
  ASSERT_EQ(run_action(*app, "coding.hover", {{"symbol", 3}}), "");
  idle(1);
  EXPECT_EQ(lab().hovered, std::optional<int>(3));
  EXPECT_NE(run_action(*app, "coding.hover", {{"symbol", 8}}), "");
}

TEST_F(CodingLabTest, MessagesAreCodedBothWaysAndRoundTrip) {
  ASSERT_EQ(run_action(*app, "coding.set_message", {{"text", "page image page error"}}), "");
  const MessageCoding& m = lab().message;
  EXPECT_EQ(m.symbols, (std::vector<int>{0, 1, 0, 7}));
  const CodeComparison c = core();
  ASSERT_TRUE(m.bits_p && m.bits_q);
  EXPECT_EQ(*m.bits_p, std::string(c.code_p.codeword(0)) + std::string(c.code_p.codeword(1)) + std::string(c.code_p.codeword(0)) +
                          std::string(c.code_p.codeword(7)));
  EXPECT_NEAR(m.ideal_q, -std::log2(c.q[0]) * 2 - std::log2(c.q[1]) - std::log2(c.q[7]), 1e-12);
  ASSERT_TRUE(m.arith_q);
  EXPECT_EQ(m.arith_q->steps.size(), 4u);
  EXPECT_EQ(arithmetic_decode(frequency_model(c.q), m.arith_q->bytes, m.arith_q->bit_count, 4), m.symbols);
  EXPECT_LE(static_cast<double>(m.arith_q->bit_count), m.arith_q->model_bits + m.arith_q->overhead_bits);
  // Unknown words are refused in one line; case is folded.
  EXPECT_EQ(run_action(*app, "coding.set_message", {{"text", "page banana"}}),
            "coding.set_message: unknown symbol 'banana' at 2 (the symbols are the support's labels)");
  EXPECT_EQ(run_action(*app, "coding.set_message", {{"text", "PAGE,Error"}}), "");
  EXPECT_EQ(lab().message.symbols, (std::vector<int>{0, 7}));
  // Drawn from P: long messages round-trip, and the text field reads back the same symbols.
  ASSERT_EQ(run_action(*app, "coding.random_message", {{"n", 3000}}), "");
  const MessageCoding& r = lab().message;
  ASSERT_EQ(r.symbols.size(), 3000u);
  std::string error;
  EXPECT_EQ(parse_message(lab().message_input, lab().data.labels, &error), std::optional(r.symbols));
  ASSERT_TRUE(r.arith_p && r.arith_q);
  EXPECT_EQ(arithmetic_decode(frequency_model(c.p), r.arith_p->bytes, r.arith_p->bit_count, 3000), r.symbols);
  EXPECT_EQ(decode_message(c.code_q, *r.bits_q), std::optional(r.symbols));
  EXPECT_NE(run_action(*app, "coding.random_message", {{"n", 0}}), "");
  idle(2);  // and it draws
}

TEST_F(CodingLabTest, TheMessageIsPartOfTheDocument) {
  // Typed (through the action), it is stored in the scenario: saved, undone, reopened.
  ASSERT_EQ(run_action(*app, "coding.set_message", {{"text", "page image page error"}}), "");
  idle(2);
  EXPECT_EQ(lab().doc.scenario().message, std::optional<std::string>("page image page error"));
  EXPECT_TRUE(lab().doc.dirty());
  const std::string text = to_json_text(lab().doc.to_scenario());
  EXPECT_NE(text.find(R"("coding": { "message": "page image page error" })"), std::string::npos) << text;
  // Text that does not read is shown with its error, and the document keeps the last that did.
  EXPECT_NE(run_action(*app, "coding.set_message", {{"text", "page nothing"}}), "");
  idle(2);
  EXPECT_EQ(lab().message_input, "page nothing");
  EXPECT_EQ(lab().doc.scenario().message, std::optional<std::string>("page image page error"));
  // Drawn from P: stored as text too, and undo brings back the typed one (field and coding).
  ASSERT_EQ(run_action(*app, "coding.random_message", {{"n", 12}}), "");
  idle(2);
  ASSERT_TRUE(lab().doc.scenario().message);
  EXPECT_EQ(*lab().doc.scenario().message, lab().message_input);
  EXPECT_EQ(lab().message.symbols.size(), 12u);
  ASSERT_TRUE(lab().doc.undo());
  idle(2);
  EXPECT_EQ(lab().message_input, "page image page error");
  EXPECT_EQ(lab().message.symbols, (std::vector<int>{0, 1, 0, 7}));
  // Reopened from the saved text: the message comes back with the file.
  lab().doc.reset(parse_scenario(text, "saved.json"));
  lab().reset_view();
  idle(2);
  EXPECT_EQ(lab().message_input, "page image page error");
  EXPECT_EQ(lab().message.symbols, (std::vector<int>{0, 1, 0, 7}));
  ASSERT_TRUE(lab().message.bits_p);
  EXPECT_FALSE(lab().doc.dirty());
}

}  // namespace
}  // namespace divlab::gui

namespace divlab::gui {
namespace {

// The narrowest layout: a 1280×720 projector at presentation scale.
class CodingPresentationTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    ImGui::GetIO().DisplaySize = {1280, 720};
    app->settings.presentation_scale = 2.0f;
    app->settings.theme = "high_contrast";
    ASSERT_TRUE(load_fonts(*app, ui_scale(*app))) << "DejaVu Sans missing";
    build_font_atlas();
    app->switch_lab("coding");
    idle(4);
    ASSERT_TRUE(lab().compact_layout);
  }
  CodingLab& lab() { return static_cast<CodingLab&>(*app->find_lab("coding")); }
};

// Issue 12: the identity wrapped inside a number ("0.\n19581"). It wraps between terms only: its
// lines, joined by spaces, give it back, and no line ends inside a number.
TEST_F(CodingPresentationTest, TheIdentityWrapsBetweenTermsNeverInsideANumber) {
  for (const char* preset : {"", "02-english-vs-german-letters.json"}) {
    if (*preset) {
      lab().doc.reset(load_scenario(std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/coding/" + preset));
      lab().reset_view();
      idle(3);
    }
    // With no room under the four numbers, the compact layout shows the identity in the Bounds tab.
    if (lab().identity_in_bounds_tab) {
      ASSERT_EQ(run_action(*app, "coding.show", {{"view", "bounds"}}), "");
      idle(3);
    }
    const std::string identity = identity_line(lab().data.codes);
    const std::vector<std::string>& shown = lab().identity_lines;
    std::string joined;
    for (const std::string& line : shown) {
      joined += (joined.empty() ? "" : " ") + line;
      // A line never ends inside a number: the next character of the identity is the space it replaced.
      if (joined.size() < identity.size()) {
        EXPECT_EQ(identity[joined.size()], ' ') << "split inside a term after: " << line;
        EXPECT_NE(line.back(), '.') << line;
      }
    }
    EXPECT_EQ(joined, identity) << preset;
    const int n = static_cast<int>(shown.size());
    EXPECT_GE(n, 2) << "the narrowest layout wraps the identity: " << preset;
  }
}

TEST(CodingWrap, BreaksAtSpacesOnlyWithinTheWidth) {
  const auto chars = [](std::string_view s) { return static_cast<float>(s.size()); };  // one unit per byte
  const std::string text = "E = H + D: 0.19581 = 0.1 + 0.09581";
  for (float width : {1.0f, 7.0f, 10.0f, 12.0f, 20.0f, 100.0f}) {
    const std::vector<std::string> lines = wrap_at_spaces(text, width, chars);
    std::string joined;
    for (const std::string& l : lines) {
      EXPECT_TRUE(chars(l) <= width || l.find(' ') == std::string::npos) << width << ": " << l;
      joined += (joined.empty() ? "" : " ") + l;
    }
    EXPECT_EQ(joined, text) << width;
  }
  EXPECT_EQ(wrap_at_spaces(text, 10, chars), (std::vector<std::string>{"E = H + D:", "0.19581 =", "0.1 +", "0.09581"}));
}

}  // namespace
}  // namespace divlab::gui

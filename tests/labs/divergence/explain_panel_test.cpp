// Hovering a quantity opens its tooltip (formula, meaning, live sentence); the Explain panel draws
// every section with the current numbers; DejaVu Sans has every glyph the teaching text uses.
// In-process: an ImGui context with a built font atlas, mouse fed through io.MousePos. No GL.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <set>
#include <string>

#include "divlab/teaching/explain.hpp"
#include "labs/divergence/explain_panel.hpp"
#include "labs/divergence/metric_rows.hpp"
#include "shell/app.hpp"
#include "widgets/metric_tooltip.hpp"
#include "shell/actions.hpp"
#include "app/imgui_fixture.hpp"

namespace divlab::gui {
namespace {

// Fair vs rigged coin in bits (scipy; see tests/unit/explain_test.cpp for the generator).
Measures coin_bits() {
  Measures m;
  m.base = Base::two;
  m.entropy_p = 1.0;
  m.entropy_q = 0.08079313589591118;
  m.cross_entropy_pq = 3.32917787973492;
  m.cross_entropy_qp = 1.0;
  m.kl_pq = 2.32917787973492;
  m.kl_qp = 0.9192068641040888;
  m.jsd = 0.2787106118797274;
  m.js_distance = 0.5279304990997654;
  m.wasserstein_1 = 0.49;
  m.total_variation = 0.49;
  m.hellinger = 0.4751073119915445;
  m.bhattacharyya = 0.7742730420921692;
  m.perplexity_p = 2.0;
  m.perplexity_q = 1.0575993064679887;
  m.perplexity_pq = 10.050378152592122;
  m.perplexity_qp = 2.0;
  return m;
}

// Every run of white space made one space (wrapping turns spaces into line breaks).
std::string flat(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

class TeachExplainGui : public ImGuiTest {
 protected:
  // One frame; the text rendered in it with every run of white space (line breaks from wrapping,
  // indentation) made one space.
  static std::string flat_frame(const std::function<void()>& body) { return flat(text_frame(body)); }
};

ImGuiWindow* active_tooltip() {
  for (ImGuiWindow* w : GImGui->Windows)
    if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) return w;
  return nullptr;
}

// A tiny metrics panel: one button per quantity, hover help through metric_tooltip_if_hovered,
// the way the real metrics panel calls it. Records each button's rectangle.
struct MiniMetrics {
  Measures m = coin_bits();
  std::vector<std::pair<std::string, ImRect>> rects;
  bool hovered = false;
  void draw() {
    rects.clear();
    hovered = false;
    ImGui::SetNextWindowPos(ImVec2(20, 20));
    ImGui::SetNextWindowSize(ImVec2(300, 600));
    ImGui::Begin("metrics");
    for (const Quantity& e : kQuantities) {
      ImGui::Button(std::string(e.key).c_str());
      rects.push_back({std::string(e.key), ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax())});
      hovered |= metric_tooltip_if_hovered(e.key, m);
    }
    ImGui::End();
  }
};

TEST_F(TeachExplainGui, HoveringEachQuantityOpensItsTooltipWithFormulaAndSentence) {
  MiniMetrics panel;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(-100, -100);
  flat_frame([&] { panel.draw(); });
  EXPECT_FALSE(panel.hovered);
  const auto rects = panel.rects;
  ASSERT_EQ(rects.size(), 16u);
  for (const auto& [key, rect] : rects) {
    SCOPED_TRACE(key);
    io.MousePos = rect.GetCenter();
    flat_frame([&] { panel.draw(); });  // the tooltip window appears (hidden for its first frame)
    const std::string text = flat_frame([&] { panel.draw(); });
    EXPECT_TRUE(panel.hovered);
    ImGuiWindow* tip = active_tooltip();
    ASSERT_NE(tip, nullptr);
    EXPECT_GT(tip->Size.x, 50.0f);
    // Next to the mouse, on screen.
    EXPECT_GE(tip->Pos.x, rect.GetCenter().x - 1.0f);
    EXPECT_LE(tip->Pos.x + tip->Size.x, 1280.0f + 1.0f);
    const Quantity& e = *find_quantity(key);
    EXPECT_NE(text.find(flat(e.formula)), std::string::npos) << text;
    EXPECT_NE(text.find(flat(e.name)), std::string::npos) << text;
    EXPECT_NE(text.find(flat(live_sentence(key, panel.m))), std::string::npos) << text;
    EXPECT_NE(text.find(flat(e.meaning)), std::string::npos) << text;
    // The head line: symbol = value and the registry's unit, as the metrics panel shows it.
    std::string head(e.symbol);
    head.append(" = ").append(shown_quantity(e, panel.m));
    EXPECT_NE(text.find(flat(head)), std::string::npos) << text;
    const std::string unit = e.unit_in(panel.m.base);
    if (!unit.empty()) {
      EXPECT_TRUE(head.ends_with(std::string(" ").append(unit))) << head;
    }
  }
  // The exact head line and the sentence of forward KL.
  io.MousePos = rects[4].second.GetCenter();
  const std::string kl = flat_frame([&] { panel.draw(); });
  EXPECT_NE(kl.find("D(P‖Q) = 2.329 bits"), std::string::npos) << kl;
  EXPECT_NE(kl.find("Coding samples of P with a code built for Q costs 2.329 extra bits per symbol."),
            std::string::npos)
      << kl;
  // Moving away closes it.
  io.MousePos = ImVec2(900, 700);
  flat_frame([&] { panel.draw(); });
  EXPECT_FALSE(panel.hovered);
  EXPECT_EQ(active_tooltip(), nullptr);
}

TEST_F(TeachExplainGui, TextWrapsAtSpacesOnlyAndWithinTheWidth) {
  const std::string sentence =
      "Turning P into Q means moving probability mass an average distance of 0.49 along x; "
      "TV = 0.49 and H = 0.475, so 0.226 ≤ 0.49 ≤ 0.633 holds.";
  const float width = 150.0f;
  const std::string text = text_frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 400));
    ImGui::Begin("wrap");
    text_wrapped(sentence, width);
    ImGui::End();
  });
  std::vector<std::string> lines;
  std::string joined;
  for (size_t start = text.find('\n') + 1; start < text.size();) {  // skip the title line
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) lines.push_back(line);
    start = end + 1;
  }
  ASSERT_GT(lines.size(), 3u) << text;
  for (const std::string& line : lines) {
    EXPECT_LE(ImGui::CalcTextSize(line.c_str()).x, width) << line;
    if (&line != &lines.back()) {
      EXPECT_NE(line.back(), '.') << "a number was split: " << line;
    }
    joined += (joined.empty() ? "" : " ") + line;
  }
  EXPECT_EQ(joined, sentence);
}

TEST_F(TeachExplainGui, UnknownKeyDrawsNoTooltip) {
  flat_frame([&] {
    draw_metric_tooltip("not_a_key", coin_bits());
  });
  flat_frame([&] { draw_metric_tooltip("not_a_key", coin_bits()); });
  EXPECT_EQ(active_tooltip(), nullptr);
}

TEST_F(TeachExplainGui, ExplainPanelShowsEverySectionWithCurrentNumbers) {
  const Measures m = coin_bits();
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1280, 4000));  // tall enough that nothing is clipped
    draw_explain_panel(m);
  };
  flat_frame(draw);
  const std::string text = flat_frame(draw);
  for (const ExplainSection& s : explain_sections(m)) EXPECT_NE(text.find(s.title), std::string::npos) << s.title;
  // Definitions are open by default: every formula is there, with its value.
  for (const Quantity& e : kQuantities)
    EXPECT_NE(text.find(flat(e.formula)), std::string::npos) << e.key << "\n" << text;
  EXPECT_NE(text.find("= 2.329 bits"), std::string::npos);
  // The relations are open by default: the decomposition with today's numbers.
  EXPECT_NE(text.find("Now 3.329 bits = 1 bit + 2.329 bits."), std::string::npos) << text;
  // The later sections start closed.
  EXPECT_EQ(text.find("A popular mistake"), std::string::npos);
}

// Issue 11 §5: Explain rounds as the metrics panel does (it showed 3.1 beside the panel's 3.099):
// both print each quantity with one function (shown_quantity), so the texts are the same.
TEST_F(TeachExplainGui, ExplainAndTheMetricsPanelPrintTheSameText) {
  Measures m = coin_bits();
  m.kl_pq = 3.0990123;  // 3 significant digits give 3.1, the panel's 4 give 3.099
  m.cross_entropy_pq = 4.0990123;
  m.perplexity_pq = INFINITY;  // 2^H(P,Q) past a double: a power in both, never ∞
  m.cross_entropy_pq = 1440;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1280, 4000));
    draw_explain_panel(m);
  };
  flat_frame(draw);
  const std::string explain = flat_frame(draw);
  for (const MetricRow& row : metric_rows(m, /*discrete=*/true)) {
    const Quantity& q = *find_quantity(row.key);
    // The panel's value column prints row.text; Explain prints "<formula> = <the same>".
    EXPECT_NE(explain.find(flat(std::string(q.formula) + " = " + row.text)), std::string::npos)
        << row.key << ": " << row.text << "\n" << explain;
  }
  EXPECT_NE(explain.find("D(P‖Q) = ∑ p log(p/q) = H(P,Q) − H(P) = 3.099 bits"), std::string::npos) << explain;
  EXPECT_EQ(explain.find("H(P,Q) − H(P) = 3.1 bits"), std::string::npos);
  EXPECT_NE(explain.find("= 2^1440 choices"), std::string::npos) << explain;
  EXPECT_EQ(metric_rows(m, true)[4].text, "3.099 bits");
}

TEST_F(TeachExplainGui, AnOpenedSectionShowsItsParagraphs) {
  const Measures m = coin_bits();
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(1280, 4000));
    draw_explain_panel(m);
  };
  flat_frame(draw);
  flat_frame(draw);
  // Open the "Perplexity is not exp(KL)" header as a click would: its open state lives in the
  // panel window's storage under the header's ID.
  ImGuiWindow* w = ImGui::FindWindowByName(kExplainPanelTitle);
  ASSERT_NE(w, nullptr);
  w->StateStorage.SetInt(w->GetID("Perplexity is not exp(KL)"), 1);
  const std::string text = flat_frame(draw);
  EXPECT_NE(text.find("A popular mistake says perplexity = exp(KL)."), std::string::npos) << text;
  EXPECT_NE(text.find("Now PPL(P,Q) = 10.05 = 2 × 5.025, while exp(KL) alone, 2^D(P‖Q) = 5.025"), std::string::npos)
      << text;
}

TEST_F(TeachExplainGui, ClosedPanelDrawsNothing) {
  bool open = false;
  flat_frame([&] { draw_explain_panel(coin_bits(), {}, &open); });
  EXPECT_EQ(ImGui::FindWindowByName(kExplainPanelTitle), nullptr);
}

// Every code point in a UTF-8 string.
std::vector<unsigned> code_points(std::string_view s) {
  std::vector<unsigned> out;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    unsigned c = 0;
    const int n = ImTextCharFromUtf8(&c, p, end);
    if (n <= 0) break;
    out.push_back(c);
    p += n;
  }
  return out;
}

TEST_F(TeachExplainGui, DejaVuSansHasEveryGlyphTheTeachingTextUses) {
  const App app;
  ImFontGlyphRangesBuilder builder;
  add_teaching_glyphs(builder, app.actions);
  ImVector<ImWchar> ranges;
  builder.BuildRanges(&ranges);
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const std::string path = std::string(DIVLAB_FONT_DIR) + "/DejaVuSans.ttf";
  ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), 18.0f, nullptr, ranges.Data);
  ASSERT_NE(font, nullptr) << path;
  ASSERT_TRUE(io.Fonts->Build());

  std::vector<std::string> texts;
  for (const Quantity& e : kQuantities)
    for (std::string_view s : {e.symbol, e.name, e.formula, e.meaning, e.properties}) texts.emplace_back(s);
  Measures m = coin_bits();
  for (Base b : {Base::two, Base::e}) {
    m.base = b;
    for (const ExplainSection& s : explain_sections(m)) {
      texts.push_back(s.title);
      for (const std::string& p : s.paragraphs) texts.push_back(p);
    }
  }
  for (const HelpRow& r : help_rows(app.actions, "")) {
    texts.push_back(r.keys);
    texts.push_back(r.text);
  }
  std::set<unsigned> missing;
  size_t checked = 0;
  for (const std::string& t : texts)
    for (unsigned c : code_points(t)) {
      ++checked;
      if (c != '\n' && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.insert(c);
    }
  EXPECT_GT(checked, 5000u);
  EXPECT_TRUE(missing.empty()) << "first missing: U+" << std::hex << *missing.begin();
  // And the ones the issue names explicitly.
  for (const char* s : {"∑", "∫", "‖", "√", "∞", "₁", "½", "−", "·", "≤", "²", "×", "–"})
    EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(code_points(s)[0])), nullptr) << s;
}

}  // namespace
}  // namespace divlab::gui

namespace divlab::gui {
namespace {

// Issue 11 §5: at presentation scale on a 1280×720 projector the Explain window (40 lines tall by
// default) fits the screen and scrolls instead of running off it.
class ExplainFits : public ImGuiTest {
 protected:
  ExplainFits() : ImGuiTest({1280, 720}) {}
};

TEST_F(ExplainFits, TheDefaultWindowFitsTheDisplayAndScrolls) {
  ImGuiIO& io = ImGui::GetIO();
  io.FontGlobalScale = 2.0f;  // presentation scale
  Measures m;
  m.base = Base::two;
  bool open = true;
  for (int i = 0; i < 3; ++i) text_frame([&] { draw_explain_panel(m, {}, &open); });
  ImGuiWindow* w = ImGui::FindWindowByName(kExplainPanelTitle);
  ASSERT_NE(w, nullptr);
  EXPECT_GE(w->Pos.x, 0);
  EXPECT_GE(w->Pos.y, 0);
  EXPECT_LE(w->Pos.x + w->Size.x, 1280.0f);
  EXPECT_LE(w->Pos.y + w->Size.y, 720.0f);
  EXPECT_TRUE(w->ScrollbarY);
}

}  // namespace
}  // namespace divlab::gui

namespace divlab::gui {
namespace {

// The Explain window floats over the lab's panels, which paint no background of their own (the
// framebuffer is cleared to it): the window must paint its own, opaque, or its text lands on the
// plots beneath (seen in the real window, 2026-12-04). Begin paints the background first.
class ExplainOverThePanels : public AppTest {};

TEST_F(ExplainOverThePanels, PaintsAnOpaqueBackgroundWhileThePanelsPaintNone) {
  div().show_explain = true;
  idle(3);
  ImGuiWindow* explain = ImGui::FindWindowByName(kExplainPanelTitle);
  ASSERT_TRUE(explain && explain->Active);
  ASSERT_FALSE(explain->DrawList->VtxBuffer.empty());
  const ImU32 bg = explain->DrawList->VtxBuffer[0].col;
  EXPECT_EQ(bg >> IM_COL32_A_SHIFT & 0xff, 0xffu) << "the Explain window's background is not opaque";
  EXPECT_EQ(bg, ImGui::GetColorU32(ImGuiCol_WindowBg));
  // A tiled panel (the metrics) keeps the cheap transparent background: ImGui skips a transparent
  // rectangle, so the panel's first paint is its title bar, not a background.
  ImGuiWindow* metrics = ImGui::FindWindowByName("Metrics###metrics");
  ASSERT_TRUE(metrics && metrics->Active);
  ASSERT_FALSE(metrics->DrawList->VtxBuffer.empty());
  EXPECT_EQ(metrics->DrawList->VtxBuffer[0].col, ImGui::GetColorU32(ImGuiCol_TitleBg));
}

}  // namespace
}  // namespace divlab::gui

// The coding lab: data sync, the message, the layout of its panels, bar sculpting, its actions.
#include "labs/coding/coding_lab.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // TableGetCellBgRect: a row answers the mouse across its width
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>

#include "divlab/coding/huffman.hpp"
#include "divlab/coding/message.hpp"
#include "divlab/teaching/coding_explain.hpp"
#include "shell/actions.hpp"
#include "shell/app.hpp"
#include "shell/export_menu.hpp"
#include "shell/panel.hpp"
#include "widgets/imgui_canvas.hpp"
#include "widgets/metric_tooltip.hpp"
#include "widgets/plot_area.hpp"

namespace divlab::gui {

namespace {

constexpr std::string_view kFigures[] = {"code_trees", "code_table", "code_area"};
// Beyond this many symbols the trees and the area view are not drawn every frame (a file may hold
// 10⁶ bins; the editor's own limit is kMaxBins): the table, the numbers and the message still are.
constexpr std::size_t kMaxDrawnSymbols = 4096;

bool too_many_to_draw(const CodingLab& lab) {
  if (lab.data.codes.p.size() <= kMaxDrawnSymbols) return false;
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%zu symbols: too many to draw here (the table, the numbers and File → Export still have them all)",
                      lab.data.codes.p.size());
  ImGui::PopTextWrapPos();
  return true;
}

std::string num(double v, int digits = 4) { return plot::format_value(v, digits); }

ImU32 to_u32(plot::Color c) { return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, c.a}); }
ImVec4 to_vec4(plot::Color c) { return {c.r, c.g, c.b, c.a}; }

// The hover text of a symbol: its probabilities, both codewords and ideal lengths, its share of the extra bits.
void symbol_tooltip(const plot::CodingFigureData& d, int x) {
  const CodeComparison& c = d.codes;
  const auto i = static_cast<std::size_t>(x);
  ImGui::BeginTooltip();
  ImGui::Text("symbol %s", d.labels[i].c_str());
  ImGui::Separator();
  ImGui::Text("p = %s, q = %s", num(c.p[i]).c_str(), num(c.q[i]).c_str());
  auto word = [](const PrefixCode& code, std::size_t k) {
    return code.has(k) ? std::string(code.codeword(k)) + " (" + std::to_string(code.lengths[k]) + " bits)" : std::string("none (probability 0)");
  };
  ImGui::Text("P's codeword: %s", word(c.code_p, i).c_str());
  ImGui::Text("Q's codeword: %s", word(c.code_q, i).c_str());
  ImGui::Text("ideal lengths: −log₂ p = %s, −log₂ q = %s", c.p[i] > 0 ? num(-std::log2(c.p[i])).c_str() : "∞",
              c.q[i] > 0 ? num(-std::log2(c.q[i])).c_str() : "∞");
  if (c.p[i] > 0 && c.code_p.has(i)) {
    if (!c.code_q.has(i))
      ImGui::TextDisabled("Q's code cannot write it, though P produces it: E_P[ℓ_Q] = ∞");
    else
      ImGui::TextDisabled("p·(ℓ_Q − ℓ_P) = %s bits of the extra cost", num(c.p[i] * (c.code_q.lengths[i] - c.code_p.lengths[i])).c_str());
  }
  ImGui::EndTooltip();
}

void quantity_tooltip(std::string_view key, const CodeComparison& c) {
  const CodingExplanation* e = coding_explanation(key);
  if (!e) return;
  explanation_tooltip(e->formula, e->meaning, coding_sentence(key, c));
}

// [SECTION] panels

// P and Q as bars side by side: press on a bar and drag it up or down (the left half of a bin is P,
// the right half Q; thin bars follow the tools' edit target); crossing into other bars paints them.
void sculpt_panel(App& app, CodingLab& lab) {
  if (too_many_to_draw(lab)) return;
  const plot::Theme t = current_theme(app);
  const PlotArea area = plot_area("##codingsculpt");
  ImGuiCanvas canvas = make_canvas(app, area);
  const CodeComparison& c = lab.data.codes;
  const int n = static_cast<int>(c.p.size());
  double top = 0;
  for (int x = 0; x < n; ++x) top = std::max({top, c.p[static_cast<std::size_t>(x)], c.q[static_cast<std::size_t>(x)]});
  plot::AxesSpec spec;
  spec.x = {-0.5, n - 0.5};
  spec.y = {0, std::min(1.0, top * 1.15 + 0.02)};
  // The compact layout's panel title says it (the plot keeps the height for its axis).
  spec.title = lab.compact_layout ? "" : n <= 40 ? "P and Q: drag a bar (left P, right Q)" : "P and Q: drag a bar";
  spec.x_categories = lab.data.labels;
  spec.y_label = "probability";
  if (lab.drag) spec.y = lab.sculpt_axes.y;  // the mapping stays put during a drag
  const plot::Axes a = plot::draw_axes(canvas, t, area.rect, spec);
  lab.sculpt_axes = a;
  std::vector<double> xs(static_cast<std::size_t>(n));
  for (int x = 0; x < n; ++x) xs[static_cast<std::size_t>(x)] = x;
  canvas.push_clip(a.plot);
  if (lab.hovered) {
    const float x0 = a.px_x(*lab.hovered - 0.5), x1 = a.px_x(*lab.hovered + 0.5);
    canvas.fill_rect({x0, a.plot.y0, x1, a.plot.y1}, t.infinite.with_alpha(0.12f));
  }
  plot::plot_bars(canvas, a, xs, c.p, 0.4, -0.2, t.p.with_alpha(0.75f), {t.p, n <= 64 ? t.px(1) : 0.0f});
  plot::plot_bars(canvas, a, xs, c.q, 0.4, 0.2, t.q.with_alpha(0.75f), {t.q, n <= 64 ? t.px(1) : 0.0f});
  canvas.pop_clip();
  std::vector<plot::LegendEntry> legend{{"P (the data)", t.p, plot::Dash::solid, true}, {"Q (the model)", t.q, plot::Dash::solid, true}};
  if (a.plot.height() > t.font() * 6) plot::draw_legend(canvas, t, a, legend);  // too small: the title says which is which

  // Interaction.
  Document& d = lab.doc;
  const double bx = a.data_x(area.mouse.x);
  const int bin = std::clamp(static_cast<int>(std::lround(bx)), 0, n - 1);
  const double h = std::clamp(a.data_y(area.mouse.y), 0.0, 1.0 - 1e-6);
  const float bar_px = a.plot.width() / static_cast<float>(n) * 0.4f;
  if (area.clicked && a.plot.contains({area.mouse.x, area.mouse.y})) {
    const Which w = bar_px >= 6 ? (bx < bin ? Which::p : Which::q) : lab.tools.target;
    lab.tools.target = w;
    lab.drag = CodingLab::Drag{w, bin, h, false};
    d.begin_gesture();
    d.set_probability(w, bin, h);
  } else if (lab.drag && area.active) {
    CodingLab::Drag& g = *lab.drag;
    if (!g.paint && bin == g.bin) {
      d.set_probability(g.which, bin, h);
    } else {
      g.paint = true;
      d.paint(g.which, g.bin, g.last_h, bin, h);
      g.bin = bin;
    }
    g.last_h = h;
  }
  if (lab.drag && !area.active) {
    if (lab.drag->paint) d.normalise(lab.drag->which);
    d.end_gesture();
    lab.drag.reset();
  }
  if (area.hovered && a.plot.contains({area.mouse.x, area.mouse.y})) {
    lab.hovered = bin;
    if (!lab.drag) symbol_tooltip(lab.data, bin);
  }
}

void area_panel(App& app, CodingLab& lab) {
  if (too_many_to_draw(lab)) return;
  const PlotArea area = plot_area("##codingarea");
  ImGuiCanvas canvas = make_canvas(app, area);
  lab.area_hits = plot::figure_code_area(canvas, current_theme(app), area.rect, lab.data, lab.hovered);
  if (!area.hovered) return;
  for (const plot::SymbolHit& h : lab.area_hits)
    if (h.rect.contains({area.mouse.x, area.mouse.y})) {
      lab.hovered = h.symbol;
      symbol_tooltip(lab.data, h.symbol);
      break;
    }
}

void trees_panel(App& app, CodingLab& lab) {
  if (too_many_to_draw(lab)) return;
  const PlotArea area = plot_area("##codingtrees");
  ImGuiCanvas canvas = make_canvas(app, area);
  lab.tree_hits = plot::figure_code_trees(canvas, current_theme(app), area.rect, lab.data, lab.hovered);
  if (!area.hovered) return;
  for (const plot::SymbolHit& h : lab.tree_hits)
    if (h.rect.contains({area.mouse.x, area.mouse.y})) {
      lab.hovered = h.symbol;
      symbol_tooltip(lab.data, h.symbol);
      break;
    }
}

// The codes table: one row per symbol, the hovered one highlighted (hovering a row highlights it
// everywhere).
void table_panel(App& app, CodingLab& lab) {
  const plot::Theme t = current_theme(app);
  const CodeComparison& c = lab.data.codes;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##codes", 9, flags, ImGui::GetContentRegionAvail())) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  for (const char* h : {"symbol", "p", "q", "P's code", "Q's code", "ℓ_P", "ℓ_Q", "−log₂ p", "−log₂ q"})
    ImGui::TableSetupColumn(h);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(c.p.size()));
  while (clipper.Step())
    for (int x = clipper.DisplayStart; x < clipper.DisplayEnd; ++x) {
      const auto i = static_cast<std::size_t>(x);
      ImGui::TableNextRow();
      if (lab.hovered && *lab.hovered == x) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, to_u32(t.infinite.with_alpha(0.25f)));
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(lab.data.labels[i].c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(num(c.p[i]).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(num(c.q[i]).c_str());
      ImGui::TableSetColumnIndex(3);
      const std::string_view wp = c.code_p.codeword_or(i, "—");
      ImGui::TextColored(to_vec4(t.p), "%.*s", static_cast<int>(wp.size()), wp.data());
      ImGui::TableSetColumnIndex(4);
      const std::string_view wq = c.code_q.codeword_or(i, "—");
      ImGui::TextColored(to_vec4(t.q), "%.*s", static_cast<int>(wq.size()), wq.data());
      ImGui::TableSetColumnIndex(5);
      ImGui::TextUnformatted(c.code_p.has(i) ? std::to_string(c.code_p.lengths[i]).c_str() : "—");
      ImGui::TableSetColumnIndex(6);
      ImGui::TextUnformatted(c.code_q.has(i) ? std::to_string(c.code_q.lengths[i]).c_str() : "—");
      ImGui::TableSetColumnIndex(7);
      ImGui::TextUnformatted(c.p[i] > 0 ? num(-std::log2(c.p[i]), 3).c_str() : "∞");
      ImGui::TableSetColumnIndex(8);
      ImGui::TextUnformatted(c.q[i] > 0 ? num(-std::log2(c.q[i]), 3).c_str() : "∞");
      // The whole row answers the mouse.
      const ImRect row{ImGui::TableGetCellBgRect(ImGui::GetCurrentTable(), 0).Min,
                       ImGui::TableGetCellBgRect(ImGui::GetCurrentTable(), 8).Max};
      if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && row.Contains(ImGui::GetIO().MousePos)) {
        lab.hovered = x;
        symbol_tooltip(lab.data, x);
      }
    }
  ImGui::EndTable();
}

// One number with its hover explanation: its symbol, its value and (when `named`) its name.
void number_row(const CodeComparison& c, std::string_view key, plot::Color color, bool named) {
  const CodingExplanation* e = coding_explanation(key);
  const double v = coding_value(key, c);
  const float em = ImGui::GetFontSize();
  ImGui::BeginGroup();  // SameLine offsets below are from the group's start
  ImGui::TextColored(to_vec4(color), "%.*s", static_cast<int>(e->symbol.size()), e->symbol.data());
  ImGui::SameLine(std::max(em * 8.5f, ImGui::CalcTextSize(e->symbol.data(), e->symbol.data() + e->symbol.size()).x + em * 0.8f));
  ImGui::Text("%s bits", num(v, 5).c_str());
  if (named) {
    ImGui::SameLine(em * 15.0f);
    ImGui::TextDisabled("%.*s", static_cast<int>(e->name.size()), e->name.data());
  }
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) quantity_tooltip(key, c);
}

}  // namespace

std::vector<std::string> wrap_at_spaces(std::string_view text, float width, const std::function<float(std::string_view)>& measure) {
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    const std::string_view word = text.substr(i, j - i);
    const std::string longer = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (!line.empty() && measure(longer) > width) {
      lines.push_back(std::exchange(line, std::string(word)));
    } else {
      line = longer;
    }
    i = j + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string identity_line(const CodeComparison& c) {
  return "E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q): " + num(c.length_p_code_q, 5) + " = " + num(c.entropy_p, 5) + " + " +
         num(c.kl_p_code_q, 5);
}

namespace {

void bounds_panel(App& app, CodingLab& lab);

// The identity, live, wrapped to the panel between terms only (text_wrapped breaks at spaces;
// ImGui's own wrapping also breaks after '.', inside a number: "0.\n19581").
std::vector<std::string> identity_lines(const CodeComparison& c) {
  return wrap_at_spaces(identity_line(c), ImGui::GetContentRegionAvail().x,
                        [](std::string_view s) { return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x; });
}

void draw_identity(CodingLab& lab, const CodeComparison& c, std::vector<std::string> lines) {
  lab.identity_lines = std::move(lines);
  ImGui::BeginGroup();
  for (const std::string& line : lab.identity_lines) ImGui::TextUnformatted(line.c_str());
  ImGui::EndGroup();
  if (ImGui::IsItemHovered()) quantity_tooltip("kl_p_code_q", c);
}

void numbers_panel(App& app, CodingLab& lab) {
  const plot::Theme t = current_theme(app);
  const CodeComparison& c = lab.data.codes;
  // The four numbers on the left, the divergences beside them (names too when there is room).
  const float em = ImGui::GetFontSize();
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool wide = avail > em * 56;  // the longest name and value beside its number, in half the width
  if (avail < em * 30) {  // narrow (presentation scale): one column
    for (const auto& [key, color] : {std::pair<std::string_view, plot::Color>{"entropy_p", t.text}, {"length_p_code_p", t.p},
                                     {"cross_entropy_pq", t.text}, {"length_p_code_q", t.q}, {"kl_pq", t.text},
                                     {"kl_p_code_q", t.text}, {"extra_bits", t.negative}}) {
      ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {ImGui::GetStyle().ItemSpacing.x, ImGui::GetStyle().ItemSpacing.y * 0.4f});
      number_row(c, key, color, false);
      ImGui::PopStyleVar();
    }
  } else if (ImGui::BeginTable("##numbers", 2, ImGuiTableFlags_SizingStretchSame)) {
    const std::pair<std::string_view, plot::Color> left[] = {
        {"entropy_p", t.text}, {"length_p_code_p", t.p}, {"cross_entropy_pq", t.text}, {"length_p_code_q", t.q}};
    const std::pair<std::string_view, plot::Color> right[] = {{"kl_pq", t.text}, {"kl_p_code_q", t.text}, {"extra_bits", t.negative}};
    for (int row = 0; row < 4; ++row) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      number_row(c, left[row].first, left[row].second, wide);
      if (row < 3) {
        ImGui::TableSetColumnIndex(1);
        number_row(c, right[row].first, right[row].second, wide);
      }
    }
    ImGui::EndTable();
  }
  // The compact layout's bounds and why have a tab of their own (nothing scrolls); so does the
  // identity when the panel has no room left for it.
  const std::vector<std::string> lines = identity_lines(c);
  lab.identity_in_bounds_tab =
      lab.compact_layout && ImGui::GetContentRegionAvail().y <
                                ImGui::GetStyle().ItemSpacing.y + static_cast<float>(lines.size()) * ImGui::GetTextLineHeightWithSpacing();
  if (lab.identity_in_bounds_tab) return;
  ImGui::Separator();
  draw_identity(lab, c, lines);
  if (lab.compact_layout) return;
  bounds_panel(app, lab);
}

// The two bounds and the sentence on why the extra bits are (not) D(P‖Q) for this pair.
void bounds_panel(App&, CodingLab& lab) {
  const CodeComparison& c = lab.data.codes;
  if (lab.identity_in_bounds_tab) {
    draw_identity(lab, c, identity_lines(c));
    ImGui::Separator();
  }
  const float width = ImGui::GetContentRegionAvail().x;
  auto wrapped = [&](const std::string& text) {
    ImGui::BeginGroup();
    text_wrapped(text, width);
    ImGui::EndGroup();
    return ImGui::IsItemHovered();
  };
  const bool one = std::count_if(c.p.begin(), c.p.end(), [](double v) { return v > 0; }) == 1;
  const bool huffman_ok = c.entropy_p <= c.length_p_code_p + 1e-12 && (one || c.length_p_code_p < c.entropy_p + 1);
  if (wrapped("H(P) ≤ E_P[ℓ_P] < H(P) + 1:  " + num(c.entropy_p) + " ≤ " + num(c.length_p_code_p) + " < " +
              num(c.entropy_p + 1) + " " + (huffman_ok ? "✓" : (one ? "(one symbol: the code \"0\")" : "✗"))))
    ImGui::SetTooltip("Huffman's code is optimal among prefix codes; whole-bit lengths cost less than one bit per symbol.");
  if (wrapped("Shannon ⌈−log₂ q⌉: H(P,Q) ≤ E_P[ℓ] < H(P,Q) + 1:  " + num(c.cross_entropy_pq) + " ≤ " +
              num(c.length_p_shannon_q)))
    ImGui::SetTooltip("Lengths ⌈−log₂ q(x)⌉ (Shannon's code for Q) cost within one bit of H(P,Q) on P's data:\n"
                      "the cross-entropy is what a code built from Q's probabilities pays, up to rounding.");
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_wrapped(huffman_vs_kl_sentence(c), width);
  ImGui::PopStyleColor();
}

// The arithmetic coder's range narrowing: one row per symbol, the window before it spread over the
// row's width and divided among the symbols, the chosen part in Q's colour, the bits it let out.
void draw_narrowing(plot::Canvas& cv, const plot::Theme& t, plot::Rect r, const CodingLab& lab, const ArithmeticCode& code) {
  const FrequencyModel model = frequency_model(lab.data.codes.q);
  const float fs = t.font(0.85f), row_h = std::max(fs * 1.45f, t.px(16));
  const float label_w = fs * 3.2f, bits_w = fs * 7.5f;
  const int rows = std::max(0, static_cast<int>(r.height() / row_h));
  const int steps = static_cast<int>(code.steps.size());
  const int shown = steps <= rows ? steps : std::max(0, rows - 1);  // the last row then says how many more
  const plot::Rect bar_area{r.x0 + label_w, r.y0, r.x1 - bits_w, r.y1};
  for (int k = 0; k < shown; ++k) {
    const CoderStep& s = code.steps[static_cast<std::size_t>(k)];
    const float y0 = r.y0 + row_h * static_cast<float>(k), y1 = y0 + row_h * 0.8f;
    const double lo = s.low, range = static_cast<double>(s.high) - lo + 1;
    auto px = [&](double v) { return bar_area.x0 + static_cast<float>((v - lo) / range) * bar_area.width(); };
    cv.fill_rect({bar_area.x0, y0, bar_area.x1, y1}, t.plot_bg);
    for (std::size_t x = 0; x < model.freq.size(); ++x) {
      if (model.freq[x] == 0) continue;
      const double a = lo + std::floor(range * static_cast<double>(model.cum[x]) / static_cast<double>(model.total));
      const double b = lo + std::floor(range * static_cast<double>(model.cum[x + 1]) / static_cast<double>(model.total));
      const plot::Rect cell{px(a), y0, px(b), y1};
      const bool chosen = static_cast<int>(x) == s.symbol;
      if (!chosen && cell.width() < 1) continue;  // below a pixel: the row's background shows
      cv.fill_rect(cell, chosen ? t.q.with_alpha(0.8f) : (x % 2 ? t.grid : t.text_dim.with_alpha(0.12f)));
      if (cell.width() > cv.text_size(lab.data.labels[x], {fs, t.text}).x + 4)
        cv.text({(cell.x0 + cell.x1) / 2, (y0 + y1) / 2}, lab.data.labels[x],
                {fs, chosen ? t.background : t.text_dim, plot::Align::center, plot::Align::center});
    }
    cv.text({r.x0, (y0 + y1) / 2}, lab.data.labels[static_cast<std::size_t>(s.symbol)],
            {fs, t.q, plot::Align::start, plot::Align::center, plot::Weight::bold});
    const std::string out = s.bits.empty() ? (s.pending ? "(+" + std::to_string(s.pending) + " pending)" : "") : "→ " + s.bits;
    cv.text({bar_area.x1 + fs * 0.5f, (y0 + y1) / 2}, out.size() > 14 ? out.substr(0, 13) + "…" : out,
            {fs, t.text, plot::Align::start, plot::Align::center});
  }
  if (shown < steps && rows > 0)
    cv.text({r.x0, r.y0 + row_h * (static_cast<float>(shown) + 0.4f)}, "… " + std::to_string(steps - shown) + " more steps",
            {fs, t.text_dim, plot::Align::start, plot::Align::center});
}

void bits_line(const char* who, const std::optional<std::string>& bits, plot::Color color, float width) {
  ImGui::TextColored(to_vec4(color), "%s", who);
  ImGui::SameLine();
  if (!bits) {
    ImGui::TextDisabled("cannot be written: a symbol has no codeword");
    return;
  }
  const std::size_t fit = static_cast<std::size_t>(std::max(8.0f, width / ImGui::CalcTextSize("0").x - 14));
  const std::string shown = bits->size() > fit ? bits->substr(0, fit) + "…" : *bits;
  ImGui::Text("%zu bits  %s", bits->size(), shown.c_str());
  if (ImGui::IsItemHovered() && bits->size() > fit) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40);
    ImGui::TextUnformatted(bits->substr(0, 4000).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void message_panel(App& app, CodingLab& lab) {
  const plot::Theme t = current_theme(app);
  const bool chars = one_character_labels(lab.data.labels);
  ImGui::SetNextItemWidth(std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 11));
  std::string edit = lab.message_input;
  const bool changed =
      ImGui::InputTextWithHint("##message", chars ? "type a message over the labels" : "labels separated by spaces", &edit);
  // One undo step per typing session (from focusing the field to leaving it).
  if (ImGui::IsItemActivated() && !lab.doc.in_gesture()) lab.doc.begin_gesture();
  if (changed) lab.set_message(edit);
  if (ImGui::IsItemDeactivated() && lab.doc.in_gesture()) lab.doc.end_gesture();
  ImGui::SameLine();
  if (ImGui::Button("Draw from P (R)")) lab.random_message(lab.random_length);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("A message of %d symbols drawn at random from P", lab.random_length);
  const MessageCoding& m = lab.message;
  if (!m.error.empty()) {
    ImGui::TextColored(to_vec4(t.infinite), "%s", m.error.c_str());
    return;
  }
  const float w = ImGui::GetContentRegionAvail().x;
  const std::size_t n = m.symbols.size();
  ImGui::Text("%zu symbols", n);
  bits_line("P's code", m.bits_p, t.p, w);
  bits_line("Q's code", m.bits_q, t.q, w);
  ImGui::Text("−Σ log₂ p(xᵢ) = %s   −Σ log₂ q(xᵢ) = %s bits", num(m.ideal_p, 5).c_str(), num(m.ideal_q, 5).c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The ideal lengths of this very message under P and under Q: no code for P (or Q) can do better\n"
                      "than −log₂ of the message's probability, up to about 2 bits.");
  if (m.arith_q && m.arith_p) {
    ImGui::Text("arithmetic: Q's model %zu bits (≤ %s + %s), P's model %zu bits", m.arith_q->bit_count,
                num(m.arith_q->model_bits, 5).c_str(), num(m.arith_q->overhead_bits, 3).c_str(), m.arith_p->bit_count);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("An integer arithmetic coder (32-bit range, %s-count frequencies) writes the message in at most\n"
                        "−log₂ of its probability under the integer model + 2 bits + n·ε (ε ≈ %s bits of truncation per symbol).",
                        num(static_cast<double>(frequency_model(lab.data.codes.q).total), 6).c_str(),
                        num(frequency_model(lab.data.codes.q).overhead_per_symbol(), 2).c_str());
    if (n > 0)
      ImGui::Text("per symbol: Q's − P's = %s bits;  D(P‖Q) = %s", num((static_cast<double>(m.arith_q->bit_count) -
                                                                          static_cast<double>(m.arith_p->bit_count)) / static_cast<double>(n)).c_str(),
                  num(lab.data.codes.kl_pq).c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("On long messages drawn from P (press R with a large length) this difference approaches D(P‖Q).");
  } else {
    const std::string who = !m.arith_q && !m.arith_p ? "P's and Q's models" : !m.arith_q ? "Q's model" : "P's model";
    ImGui::TextDisabled("arithmetic coding with %s: impossible, a symbol of the message has probability 0 there", who.c_str());
    if (m.arith_q) ImGui::Text("arithmetic with Q's model: %zu bits (≤ %s + %s)", m.arith_q->bit_count,
                               num(m.arith_q->model_bits, 5).c_str(), num(m.arith_q->overhead_bits, 3).c_str());
  }
  if (m.arith_q && !m.arith_q->steps.empty()) {
    ImGui::TextDisabled("Q's arithmetic coder narrowing its range, one row per symbol:");
    const PlotArea area = plot_area("##narrowing");
    ImGuiCanvas canvas = make_canvas(app, area);
    draw_narrowing(canvas, t, area.rect, lab, *m.arith_q);
  }
}

// The compact layout's right side: one tab per view (coding.show selects one).
void tabs_panel(App& app, CodingLab& lab) {
  if (!ImGui::BeginTabBar("##codingtabs")) return;
  const std::string select = std::exchange(lab.show_view, {});
  auto tab = [&](const char* label, const char* view, void (*panel)(App&, CodingLab&)) {
    if (ImGui::BeginTabItem(label, nullptr, select == view ? ImGuiTabItemFlags_SetSelected : 0)) {
      panel(app, lab);
      ImGui::EndTabItem();
    }
  };
  tab("Trees", "trees", trees_panel);
  tab("Area", "area", area_panel);
  tab("Table", "table", table_panel);
  tab("Message", "message", message_panel);
  tab("Bounds", "bounds", bounds_panel);
  ImGui::EndTabBar();
}

}  // namespace

Scenario default_coding_scenario() {
  Scenario s;
  s.kind = Kind::discrete;
  s.base = Base::two;
  s.base_given = true;
  s.title = "The compression story: a client's model Q against the true traffic P";
  s.labels = {"page", "image", "script", "style", "api", "font", "video", "error"};
  s.p_mass = {40, 20, 12, 10, 8, 5, 3, 2};
  s.q_mass = {25, 25, 10, 10, 10, 10, 5, 5};
  return s;
}

MessageCoding code_message(const plot::CodingFigureData& d, const std::vector<int>& symbols) {
  MessageCoding m;
  m.symbols = symbols;
  const CodeComparison& c = d.codes;
  m.bits_p = encode_message(c.code_p, symbols);
  m.bits_q = encode_message(c.code_q, symbols);
  m.ideal_p = ideal_bits(c.p, symbols);
  m.ideal_q = ideal_bits(c.q, symbols);
  m.arith_p = arithmetic_encode(frequency_model(c.p), symbols);
  m.arith_q = arithmetic_encode(frequency_model(c.q), symbols, symbols.size() <= 2000);
  return m;
}

CodingLab::CodingLab() : Lab(default_coding_scenario()) {}

std::span<const std::string_view> CodingLab::figures() const { return kFigures; }

void CodingLab::reset_view() {
  drag.reset();
  hovered.reset();
  pinned.reset();
  message_input.clear();
  message = {};
  message_synced = false;  // the next sync takes the message from the document
  data_revision = ~std::uint64_t{0};
}

void CodingLab::sync() {
  if (doc.revision() == data_revision) return;
  data_revision = doc.revision();
  try {
    data = plot::coding_figure_data(doc.scenario());
  } catch (const std::exception& e) {
    data = {};
    error = std::string("Could not build the codes: ") + e.what();
    return;
  }
  // The document's message (opened, undone, redone) replaces the text field's when it changed.
  if (!message_synced || doc.scenario().message != message_seen) {
    message_seen = doc.scenario().message;
    message_input = message_seen.value_or("");
    message_synced = true;
  }
  recode_message();
}

void CodingLab::recode_message() {
  std::string why;
  const auto symbols = parse_message(message_input, data.labels, &why);
  if (!symbols) {
    message = {};
    message.error = why;
    return;
  }
  message = code_message(data, *symbols);
}

std::string CodingLab::set_message(const std::string& text) {
  sync();
  message_input = text;
  recode_message();
  if (!message.error.empty()) return message.error;  // shown, not stored: the document keeps the last that read
  doc.set_message(text);
  message_seen = doc.scenario().message;
  return "";
}

void CodingLab::random_message(int n) {
  sync();
  if (data.codes.p.empty()) return;
  const std::vector<int> symbols = sample_message(data.codes.p, static_cast<std::size_t>(n), message_seed++);
  message_input = message_text(symbols, data.labels);
  message = code_message(data, symbols);
  doc.set_message(message_input);
  message_seen = doc.scenario().message;
}

std::string CodingLab::status_hint() const {
  return "Drag a bar; hover a symbol; R draws a message";
}

nlohmann::json CodingLab::layout() const {
  const plot::Rect& r = sculpt_axes.plot;
  return {{"sculpt_plot", {r.x0, r.y0, r.x1, r.y1}},
          {"x", {sculpt_axes.x.lo, sculpt_axes.x.hi}},
          {"y", {sculpt_axes.y.lo, sculpt_axes.y.hi}},
          {"lengths_q", data.codes.code_q.lengths},
          {"length_p_code_q", data.codes.length_p_code_q},
          {"message_symbols", message.symbols.size()}};
}

void CodingLab::menu_bar_items(App&) {
  if (!compact_layout) return;
  ImGui::Separator();
  if (ImGui::Selectable("≡ P/Q tools", show_tools, 0, ImGui::CalcTextSize("≡ P/Q tools"))) show_tools = !show_tools;
}

void CodingLab::draw(App& app, const LabArea& area) {
  sync();
  if (!error.empty()) app.error_message = std::exchange(error, {});
  if (data.codes.p.empty()) return;
  hovered = pinned;  // set again by whichever panel is hovered
  const float s = ui_scale(app);
  const float W = area.size.x, H = area.size.y;
  compact_layout = W / s < 1400 || H / s < 760;
  const float left = compact_layout ? (show_tools ? std::min(W * 0.34f, 420 * s) : 0.0f)
                                    : std::clamp(W * 0.19f, std::min(260 * s, W * 0.3f), std::min(360 * s, W * 0.3f));
  if (left > 0) {
    if (begin_panel("Sculpt P and Q###coding_tools", area.pos, {left, H})) draw_pq_tools(doc, tools, current_theme(app));
    ImGui::End();
    sync();  // the tools may have edited the document
  }
  const float x0 = area.pos.x + left, R = W - left;
  // The tools open on a small screen (1280×720 presentation): they take the place of the P-and-Q column, so the
  // tabs keep their labels (docs/layout.md).
  const bool tools_replace_mid = compact_layout && left > 0 && R / s < 600;  // 5 tabs need ~560 px at 1×
  const float mid = tools_replace_mid ? 0.0f : std::round(R * (compact_layout ? 0.5f : 0.48f)), right = R - mid;
  if (tools_replace_mid) {
    if (begin_panel("###coding_right", {x0, area.pos.y}, {right, H}, ImGuiWindowFlags_NoTitleBar)) tabs_panel(app, *this);
    ImGui::End();
    return;
  }
  if (compact_layout) {
    // The four numbers and the identity, whole (the bounds are a tab on the right); the bars get the rest.
    // The bars' plot keeps docs/layout.md's minimum (100 px × scale, 50 of them data) under its title.
    const float h1 = std::max(std::round(H * 0.38f), std::round(138 * s));
    if (begin_panel("P and Q: drag a bar (left P, right Q)###coding_sculpt", {x0, area.pos.y}, {mid, h1}, ImGuiWindowFlags_NoScrollbar))
      sculpt_panel(app, *this);
    ImGui::End();
    if (begin_panel("The four numbers###coding_numbers", {x0, area.pos.y + h1}, {mid, H - h1})) numbers_panel(app, *this);
    ImGui::End();
    if (begin_panel("###coding_right", {x0 + mid, area.pos.y}, {right, H}, ImGuiWindowFlags_NoTitleBar)) tabs_panel(app, *this);
    ImGui::End();
    return;
  }
  const float h1 = std::round(H * 0.30f), h2 = std::round(H * 0.33f), h3 = H - h1 - h2;
  if (begin_panel("P and Q: drag a bar###coding_sculpt", {x0, area.pos.y}, {mid, h1}, ImGuiWindowFlags_NoScrollbar))
    sculpt_panel(app, *this);
  ImGui::End();
  if (begin_panel("Area = mean code length: Q's code beside P's own, on P's data###coding_area", {x0, area.pos.y + h1}, {mid, h2},
                  ImGuiWindowFlags_NoScrollbar)) {
    area_panel(app, *this);
    export_context_menu(app, "code_area", figure_source());
  }
  ImGui::End();
  if (begin_panel("Codes###coding_table", {x0, area.pos.y + h1 + h2}, {mid, h3})) table_panel(app, *this);
  ImGui::End();
  const float r1 = std::round(H * 0.33f), r2 = std::round(H * 0.30f), r3 = H - r1 - r2;
  const float xr = x0 + mid;
  if (begin_panel("Code trees: hover a leaf###coding_trees", {xr, area.pos.y}, {right, r1}, ImGuiWindowFlags_NoScrollbar)) {
    trees_panel(app, *this);
    export_context_menu(app, "code_trees", figure_source());
  }
  ImGui::End();
  if (begin_panel("The four numbers: hover for what each means###coding_numbers", {xr, area.pos.y + r1}, {right, r2}))
    numbers_panel(app, *this);
  ImGui::End();
  if (begin_panel("Encode a message###coding_message", {xr, area.pos.y + r1 + r2}, {right, r3})) message_panel(app, *this);
  ImGui::End();
}

void CodingLab::register_actions(ActionRegistry& r) {
  r.add({"coding.random_message", "Coding", "Draw a message at random from P and code it", "coding", {{GLFW_KEY_R}}, false,
         "n: symbols, 1–100000 (default: the last length, 40 at first)", [this](App&, const nlohmann::json& args) {
           std::string err;
           if (args.contains("n")) {
             const auto n = int_arg(args, "n", 1, static_cast<int>(kMaxMessageSymbols), &err);
             if (!n) return err;
             random_length = *n;
           }
           random_message(random_length);
           return std::string();
         }});
  r.add({"coding.set_message", "Coding", "Code a message typed over the support's labels", "coding", {}, false,
         "text: the message (one character per symbol when every label is one character, else labels separated by spaces)",
         [this](App&, const nlohmann::json& args) {
           std::string err;
           const auto text = string_arg(args, "text", &err);
           if (!text) return err;
           return set_message(*text);
         }});
  r.add({"coding.show", "Coding", "Show a view in the compact (presentation) layout's tabs", "coding", {}, false,
         "view: trees | area | table | message | bounds", [this](App&, const nlohmann::json& args) {
           std::string err;
           const auto view = string_arg(args, "view", &err);
           if (!view) return err;
           if (*view != "trees" && *view != "area" && *view != "table" && *view != "message" && *view != "bounds")
             return "view: expected trees, area, table, message or bounds, got \"" + *view + "\"";
           show_view = *view;
           return std::string();
         }});
  r.add({"coding.hover", "Coding", "Highlight a symbol in the trees, the table and the bars (as hovering it does)", "coding", {},
         false, "symbol: index from 0", [this](App&, const nlohmann::json& args) {
           sync();
           std::string err;
           const auto x = int_arg(args, "symbol", 0, static_cast<int>(data.codes.p.size()) - 1, &err);
           if (!x) return err;
           pinned = hovered = *x;
           return std::string();
         }});
}

}  // namespace divlab::gui

// The coding lab (SPEC §6): KL as the bits lost to the wrong code. For the current discrete P and Q
// (sculpted with the shared P/Q tools or by dragging bars), the Huffman codes of both, their trees,
// the area view, the four numbers and the identity E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q), and a message coded
// with both codes and with an arithmetic coder whose range narrows step by step.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "divlab/coding/arithmetic.hpp"
#include "figures/figures_coding.hpp"
#include "plot/axes.hpp"
#include "shell/lab.hpp"
#include "widgets/pq_tools.hpp"

namespace divlab::gui {

// The coding lab's first document: the compression story of assets/presets/coding/01.
Scenario default_coding_scenario();

// The identity line of the four-numbers panel: E_P[ℓ_Q] = H(P) + D(P‖2^−ℓ_Q) with its numbers.
std::string identity_line(const CodeComparison& c);

// `text` broken into lines of at most `width` (by `measure`) at spaces only, so a number such as
// 0.19581 is never split (ImGui's own wrapping also breaks after '.'). A word wider than `width`
// stays whole on its own line.
std::vector<std::string> wrap_at_spaces(std::string_view text, float width, const std::function<float(std::string_view)>& measure);

// A message coded every way the lab shows (no ImGui: tests and benchmarks call it).
struct MessageCoding {
  std::vector<int> symbols;
  std::string error;                         // the message could not be read
  std::optional<std::string> bits_p, bits_q;  // under P's and Q's Huffman codes (nullopt: a symbol lacks a codeword)
  double ideal_p = 0, ideal_q = 0;            // −Σ log₂ p(xᵢ), −Σ log₂ q(xᵢ) (∞ allowed)
  std::optional<ArithmeticCode> arith_p, arith_q;  // arithmetic codes under P's and Q's models (Q's with its steps)
};
MessageCoding code_message(const plot::CodingFigureData& d, const std::vector<int>& symbols);

class CodingLab final : public Lab {
 public:
  CodingLab();

  std::string_view id() const override { return "coding"; }
  std::string_view title() const override { return "Coding"; }
  std::string_view tooltip() const override {
    return "KL as bits lost to the wrong code: Huffman codes for P and Q, their trees and costs, a message coded both ways";
  }
  bool opens(Kind kind) const override { return kind == Kind::discrete; }
  std::filesystem::path preset_folder() const override { return "presets/coding"; }
  void sync() override;
  void draw(App& app, const LabArea& area) override;
  std::span<const std::string_view> figures() const override;
  void register_actions(ActionRegistry& registry) override;
  void menu_bar_items(App& app) override;
  std::string status_hint() const override;
  void reset_view() override;
  nlohmann::json layout() const override;

  // Sets the message from text (SPEC labels): shown at once, and stored in the document (SPEC §6
  // "coding.message": saved, undone, autosaved) when it reads; returns "" or why it cannot be read.
  std::string set_message(const std::string& text);
  // n symbols drawn from P (a new seed each time), stored in the document as text.
  void random_message(int n);

  PqTools tools;  // the shared sculpting sidebar's settings

  // Derived data, recomputed when the document changes.
  plot::CodingFigureData data;
  std::uint64_t data_revision = ~std::uint64_t{0};
  std::string error;
  MessageCoding message;
  std::string message_input;       // the text field (may hold text that does not read; the document keeps the last that did)
  std::optional<std::string> message_seen;  // the document's message when message_input was last taken from it
  bool message_synced = false;
  std::uint64_t message_seed = 1;  // advanced by each random message
  int random_length = 40;

  std::optional<int> hovered;  // a symbol under the mouse in any panel, last frame
  std::optional<int> pinned;   // highlighted by the coding.hover action while no panel is hovered
  // A drag on the sculpting bars: press on a bar and drag to set its probability (the others keep their
  // ratios); crossing into other bars paints them.
  struct Drag {
    Which which = Which::p;
    int bin = -1;
    double last_h = 0;
    bool paint = false;
  };
  std::optional<Drag> drag;
  plot::Axes sculpt_axes;  // the sculpting plot as last drawn (tests aim with it)
  std::vector<plot::SymbolHit> area_hits, tree_hits;
  std::vector<std::string> identity_lines;  // the identity as last drawn, one entry per line
  bool compact_layout = false;
  bool identity_in_bounds_tab = false;  // compact layout, no room under the four numbers: the Bounds tab shows it
  bool show_tools = false;
  std::string show_view;  // a tab the compact layout selects next frame (coding.show)

 private:
  void recode_message();
};

}  // namespace divlab::gui

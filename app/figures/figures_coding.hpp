// The coding lab's figures (SPEC §6), each drawn on any Canvas: the two Huffman code trees, the codes
// table, and the area view (bars of width p(x) and height ℓ(x): the area is the mean length). Each
// returns where it drew its symbols, so the GUI hit-tests the very figure it shows.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "divlab/coding/codes.hpp"
#include "divlab/document/scenario.hpp"
#include "plot/canvas.hpp"
#include "plot/theme.hpp"

namespace divlab::plot {

// Everything the coding figures show, computed once per edit.
struct CodingFigureData {
  CodeComparison codes;
  std::vector<std::string> labels;  // the support labels, or "0", "1", … when not given
};
// Throws std::invalid_argument for a scenario that is not discrete (or invalid masses).
CodingFigureData coding_figure_data(const Scenario& s);

// Where a figure drew one symbol (a leaf, a row, a bar).
struct SymbolHit {
  int symbol = -1;
  Rect rect;
};

// P's code tree (left) and Q's (right): the root on top, bit 0 to the left. `highlight` draws a
// symbol's path in both trees. Returns the leaves as drawn.
std::vector<SymbolHit> figure_code_trees(Canvas& c, const Theme& t, Rect r, const CodingFigureData& d,
                                         std::optional<int> highlight = {});

// The codes table: symbol, p, q, P's and Q's codewords, their lengths, the ideal lengths −log₂ p,
// −log₂ q; as many rows as fit (then a "… more" line). Returns the rows as drawn.
std::vector<SymbolHit> figure_code_table(Canvas& c, const Theme& t, Rect r, const CodingFigureData& d,
                                         std::optional<int> highlight = {});

// Two panels on one scale: P's code on P's data (area E_P[ℓ_P]) and Q's code on P's data (area
// E_P[ℓ_Q]) over P's bars, the difference shaded (extra bits in one colour, bits saved in another),
// the ideal −log₂ p dotted (area H(P)). Returns the bars of the right panel, then of the left.
std::vector<SymbolHit> figure_code_area(Canvas& c, const Theme& t, Rect r, const CodingFigureData& d,
                                        std::optional<int> highlight = {});

// The codes table as LaTeX (booktabs), and as CSV, for course notes.
std::string code_table_latex(const CodingFigureData& d);
std::string code_table_csv(const CodingFigureData& d);

}  // namespace divlab::plot

// The figure registry: every named figure (name → the lab that shows it, its default size, how to
// draw it from a document). `divlab render --figure`, the GUI's export menu and each lab's list of
// figures all read it, so a figure is exported exactly as it is named and drawn on screen.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "divlab/document/scenario.hpp"
#include "figures/figures.hpp"
#include "plot/canvas.hpp"
#include "plot/theme.hpp"

namespace divlab::plot {

struct FitScreen;

// What a figure is drawn from: the document's scenario, and (from the GUI) what the screen already
// computed, so an export is the figure as on screen (the same x window). Either may be null.
struct FigureSource {
  FigureSource() = default;
  FigureSource(const Scenario* s, const FigureData* d, std::optional<Base> b = {}) : scenario(s), data(d), base(b) {}
  const Scenario* scenario = nullptr;
  const FigureData* data = nullptr;
  std::optional<Base> base;  // the units to show figures drawn from `scenario` in (the app's preference); else its own
  const FitScreen* fit = nullptr;  // the fit lab's screen (figures_fit.hpp): its fit figures as shown
};

struct FigureSpec {
  std::string_view name;   // "densities", "fit", …
  std::string_view lab;    // the lab that shows it (SPEC Part II lab name)
  std::string_view title;  // what it shows, for menus and --help
  Vec2 size;               // default export size in pixels
  bool has_data_export;    // .csv/.tex/.json of its data (the P-vs-Q figures)
  // Draws it into r (background already filled); "" on success, else why it cannot be drawn.
  std::string (*draw)(Canvas& c, const Theme& t, Rect r, const FigureSource& source);
};

// Every figure, grouped by lab in the lab bar's order.
std::span<const FigureSpec> figure_registry();
const FigureSpec* find_figure(std::string_view name);
// "densities, contributions, …" for messages and --help.
std::string figure_list();

}  // namespace divlab::plot

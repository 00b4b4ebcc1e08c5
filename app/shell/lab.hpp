// A lab: one idea taught with its own document, panels, figures and actions. The shell gives it an
// area to draw into and knows nothing of its insides; a lab knows nothing of another lab's state.
// Registered in one place (labs/labs.cpp).
#pragma once
#include <imgui.h>

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "divlab/document/document.hpp"
#include "figures/registry.hpp"

namespace divlab::gui {

struct App;
class ActionRegistry;

// Where a lab draws this frame: screen pixels below the menu and lab bars, above the status bar.
struct LabArea {
  ImVec2 pos, size;
};

class Lab {
 public:
  explicit Lab(Scenario initial) : doc(std::move(initial)) {}
  virtual ~Lab() = default;
  Lab(const Lab&) = delete;
  Lab& operator=(const Lab&) = delete;

  // The SPEC lab name ("divergence", "fit", "joint", …): --lab, tours, settings, action ids.
  virtual std::string_view id() const = 0;
  // The lab bar's words.
  virtual std::string_view title() const = 0;
  virtual std::string_view tooltip() const = 0;
  // Whether a scenario of this kind opens in this lab.
  virtual bool opens(Kind kind) const = 0;
  // Where its presets live, relative to the assets folder ("presets", "presets/joint").
  virtual std::filesystem::path preset_folder() const = 0;

  // Derived data from the document (measures, curves, …). No ImGui: tests and benchmarks call it.
  virtual void sync() = 0;
  // Its panels, laid out in `area`. Called between ImGui::NewFrame() and ImGui::Render().
  virtual void draw(App& app, const LabArea& area) = 0;
  // The figures it shows, by figures/registry name: the export menu offers exactly these, drawn
  // from figure_source() (the document, and what the screen computed from it).
  virtual std::span<const std::string_view> figures() const = 0;
  virtual plot::FigureSource figure_source() const { return {&doc.scenario(), nullptr, shown_base()}; }
  // Registers its named actions (ids "<lab>.<verb>") and their shortcuts.
  virtual void register_actions(ActionRegistry& registry) = 0;

  // Items of its own in the View menu (after the shell's), and in the menu bar after the menus.
  virtual void view_menu(App&) {}
  virtual void menu_bar_items(App&) {}
  // A hint for the status bar ("Editing P (Tab switches)"), and a detail dropped first when the
  // bar is narrow ("wheel: zoom x, …").
  virtual std::string status_hint() const { return {}; }
  virtual std::string status_detail() const { return {}; }
  // Something moves on its own (a playing fit): the loop keeps drawing frames.
  virtual bool animating() const { return false; }
  // Forget view state that belongs to the previous document (zoom, drags) after a new one opens.
  virtual void reset_view() {}
  // Where its panels and plots were in the last frame (written beside DIVLAB_STATE_OUT, so
  // end-to-end tests can aim the mouse).
  virtual nlohmann::json layout() const { return nlohmann::json::object(); }

  // The base it shows information in: the app's units preference (the shell sets `units` before
  // each frame; Settings::units), else the document's own base.
  Base shown_base() const { return units.value_or(doc.scenario().base); }
  std::optional<Base> units;
  Document doc;           // every edit goes through it: undo, dirty, autosave
  std::string file_path;  // where the document was opened from / saved to ("" = never saved)
};

}  // namespace divlab::gui

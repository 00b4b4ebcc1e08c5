// The GUI's state: the document, cached figure data, fonts and per-panel interaction state.
// draw_frame() builds one ImGui frame from it and does not depend on GLFW or GL, so the same
// frame can be driven by the window, an offscreen EGL context, or tests with no GL at all.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <deque>
#include <string>

#include "divlab/document/document.hpp"
#include "widgets/file_dialog.hpp"
#include "widgets/autoscale.hpp"
#include "labs/fit/fit_state.hpp"
#include "figures/figures.hpp"
#include "plot/theme.hpp"

namespace divlab::gui {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  float size_px = 15.0f;  // the size they were built at
  ImVector<ImWchar> ranges;  // glyph ranges; must outlive the atlas build
};

// The distributions editor's drag state (see panel_distributions.cpp).
struct SculptState {
  enum class Mode { none, bar, paint, peak, shoulder, pan };
  Mode mode = Mode::none;
  Which which = Which::p;
  int bin = -1;          // bar/paint: last bin touched
  double last_h = 0;     // paint: last height
  int component = -1;    // peak/shoulder
  float pan_anchor_px = 0;
  plot::Range pan_anchor_range;
  std::vector<double> paint_p, paint_q;  // heights shown while painting
};

// One point of the history strip.
struct HistoryPoint {
  std::uint64_t revision = 0;
  Measures m;  // in nats; converted at draw time
};

struct App {
  Document doc;
  Fonts fonts;
  float content_scale = 1.0f;  // monitor DPI scale (GLFW content scale)
  float fonts_built_scale = 0;  // ui scale the font atlas was built for (run loop rebuilds on change)

  // Edit target for tools and for ambiguous clicks.
  Which target = Which::p;
  double temperature = 0.7;   // sharpen uses it, flatten its inverse
  double epsilon = 0.1;       // label smoothing
  double alpha = 1.0;         // Dirichlet concentration
  std::uint64_t seed = 1;     // advanced by each "random"

  // Derived data, recomputed when the document revision or the x window changes.
  plot::FigureData data;
  std::uint64_t data_revision = ~std::uint64_t{0};
  std::uint64_t data_generation = ~std::uint64_t{0};  // a new document: snap the views
  plot::Range data_window;
  bool x_zoomed = false;  // the user panned/zoomed x (continuous: resample there)
  plot::Range x_view;     // current x window of the x-sharing plots

  AutoRange density_y, contrib_y;
  plot::Axes density_axes;  // the distributions plot's mapping in the last frame (tests, e2e)
  SculptState sculpt;
  std::deque<HistoryPoint> history;
  bool history_show[6] = {true, true, true, false, false, false};  // KL→, KL←, JSD, W₁, TV, H

  std::string error_message;    // shown in a modal until dismissed
  bool show_help = false;       // F1 overlay
  bool show_explain = false;    // the Explain window
  FileDialog file_dialog;
  ErrorDialog file_error;
  std::string file_path;        // where the document was opened from / saved to ("" = never saved)
  bool confirm_quit = false;    // asking before discarding unsaved work
  bool quit_confirmed = false;
  std::string notice;           // the last export or copy, shown in the status bar
  std::string pending_open;     // a file to open once the user agrees to discard unsaved work
  // Requests the run loop carries out (it owns the window and GL).
  bool want_fullscreen_toggle = false;
  bool want_window_png = false;
  bool show_values = true;      // discrete values table
  bool show_tools = false;      // the tools sidebar in the compact (presentation) layout
  bool compact_layout = false;  // set by draw_frame
  bool want_quit = false;
  std::string state_out;        // DIVLAB_STATE_OUT: where F9 / exit write the scenario
  double last_frame_cpu_ms = 0;  // measured by the run loop, shown in the status bar
  std::string applied_style;     // theme@scale the ImGui style was built for
  FitPanelState fit;             // the Fit window (gui/panel_fit), toggled from the View menu
};

// UI scale = content scale × presentation scale.
float ui_scale(const App& app);
plot::Theme current_theme(const App& app);

// Adds DejaVu Sans (regular + bold) to io.Fonts at 15 px × scale with the Greek/maths ranges.
// Returns false (and leaves ImGui's default font) when the font files are missing.
bool load_fonts(App& app, float scale);

// Recomputes curves/measures if the document changed; appends to the history strip.
void refresh_data(App& app);

// Builds the whole UI for one frame. Call between ImGui::NewFrame() and ImGui::Render().
void draw_frame(App& app, ImVec2 display_size);

// Keyboard shortcuts (reads io.KeysDown via ImGui); called by draw_frame.
void handle_shortcuts(App& app);

// Writes the document (with view state) to app.state_out if set; false on failure.
bool write_state(const App& app);

}  // namespace divlab::gui

// The fit mode (issue 5 §3–4): run control, the forward and reverse KL fits overlaid on P, loss
// curves, multi-start, the true optima, and the two landscapes side by side.
#pragma once
#include <imgui.h>

#include "divlab/document/document.hpp"
#include "labs/fit/fit_state.hpp"

namespace divlab::gui {

struct App;

// Rebuilds the problems when the document changed (θ kept), refreshes optima/landscapes when due,
// and advances the fits by `speed` steps when playing. Called by draw_fit_window every frame.
void update_fit(const Document& doc, FitPanelState& st, double now_seconds);
// Both fits (and the multi-start runs) back to the start, paused state unchanged.
void reset_fit(FitPanelState& st);
// Play ⇄ pause (Space); Play after both fits have stopped replays from the start.
void toggle_play(FitPanelState& st);
// One step of every run, paused (S).
void step_fit(FitPanelState& st);
// The panel's contents in the current window: the fits of doc's P.
void panel_fit(App& app, const Document& doc, FitPanelState& st);

}  // namespace divlab::gui

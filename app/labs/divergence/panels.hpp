// The divergence lab's panels: one function each, drawing into the current ImGui window.
#pragma once
#include "labs/divergence/divergence_lab.hpp"
#include "shell/app.hpp"
#include "widgets/imgui_canvas.hpp"
#include "widgets/plot_area.hpp"

namespace divlab::gui {

void panel_distributions(App& app, DivergenceLab& lab);  // panel_distributions.cpp: the sculpting plot
void panel_contributions(App& app, DivergenceLab& lab);  // panel_views.cpp
void panel_cdf(App& app, DivergenceLab& lab);            // panel_views.cpp
void panel_metrics(App& app, DivergenceLab& lab);        // panel_metrics.cpp: every SPEC §1 quantity + KL bars
void panel_identities(App& app, DivergenceLab& lab);     // panel_identities.cpp
void panel_history(App& app, DivergenceLab& lab);        // panel_history.cpp

// Mouse wheel zooms x around the cursor, right-drag pans, double-click resets (shared by the
// x-linked plots). `axes` is the frame just drawn.
void handle_x_navigation(DivergenceLab& lab, const PlotArea& area, const plot::Axes& axes);

}  // namespace divlab::gui

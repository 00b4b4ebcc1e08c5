// One function per panel; each draws into the current ImGui window, borrowing App.
#pragma once
#include "shell/app.hpp"
#include "widgets/imgui_canvas.hpp"

namespace divlab::gui {

void menu_bar(App& app);                 // menu.cpp
void panel_tools(App& app);              // panel_tools.cpp: edit target, tools, N, values/components
void panel_distributions(App& app);      // panel_distributions.cpp: the sculpting plot
void panel_contributions(App& app);      // panel_views.cpp
void panel_cdf(App& app);                // panel_views.cpp
void panel_metrics(App& app);            // panel_metrics.cpp: every SPEC §1 quantity + KL bars
void panel_identities(App& app);         // panel_identities.cpp
void panel_history(App& app);            // panel_history.cpp
void status_bar(App& app, float height); // menu.cpp

// A plot region filling the rest of the current window (or `height` px when > 0), with an
// invisible button on it for mouse interaction.
struct PlotArea {
  plot::Rect rect;
  bool hovered = false;
  bool clicked = false;      // left button pressed this frame
  bool active = false;       // left button held on it
  bool right_active = false;
  bool double_clicked = false;
  ImVec2 mouse;
};
PlotArea plot_area(const char* id, float height = 0);
ImGuiCanvas make_canvas(const App& app, const PlotArea& area);

// Mouse wheel zooms x around the cursor, right-drag pans, double-click resets (shared by the
// x-linked plots). `axes` is the frame just drawn.
void handle_x_navigation(App& app, const PlotArea& area, const plot::Axes& axes);

}  // namespace divlab::gui

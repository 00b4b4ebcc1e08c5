// A plot region with an invisible button on it for mouse interaction.
#pragma once
#include <imgui.h>

#include "plot/axes.hpp"

namespace divlab::gui {

// A plot region filling the rest of the current window (or `height` px when > 0).
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

// A test hook (the layout test): every plot area as it is placed, with the part of it its window
// shows (its rect clipped to the window's clip rect; empty when the window hides it).
inline void (*plot_observer)(const char* id, plot::Rect rect, plot::Rect visible) = nullptr;

}  // namespace divlab::gui

// The ImGui style for the current theme and scale.
#pragma once

namespace divlab::gui {
struct App;
void apply_style(const App& app);
}  // namespace divlab::gui

// The menu bar, the lab bar and the status bar.
#pragma once

namespace divlab::gui {

struct App;

// With labs_menu, a "Lab" menu stands in for the lab bar.
void menu_bar(App& app, bool labs_menu);
// The row of labs under the menu bar at y = `top`; returns its height.
float lab_bar(App& app, float top);
void status_bar(App& app, float height);

}  // namespace divlab::gui

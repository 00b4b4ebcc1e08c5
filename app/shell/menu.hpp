// The menu bar, the lab bar and the status bar.
#pragma once
#include <string>

namespace divlab::gui {

struct App;

// With labs_menu, a "Lab" menu stands in for the lab bar.
void menu_bar(App& app, bool labs_menu);
// The row of labs under the menu bar at y = `top`; returns its height.
float lab_bar(App& app, float top);
// The status bar: the lab's hints, then the last notice ("Saved /path/file.png"), whose middle is
// cut when it does not fit, so the file's name stays readable.
void status_bar(App& app, float height);
// `text` with its middle replaced by "…" so that it fits `width` in the current font (unchanged
// when it fits; cut at UTF-8 boundaries): "/home/me/…/lecture-3/densities.png".
std::string fit_text_middle(const std::string& text, float width);

}  // namespace divlab::gui

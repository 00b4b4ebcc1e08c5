// The shell: the labs, the app's settings, fonts, dialogs and the requests the run loop carries out.
// It holds no lab state: each lab owns its document and panels (shell/lab.hpp). draw_frame()
// builds one ImGui frame and does not depend on GLFW or GL, so the same frame is driven by the
// window, an offscreen EGL context, or tests with no GL at all (shell/frame_driver.hpp).
#pragma once
#include <imgui.h>

#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "plot/theme.hpp"
#include "shell/actions.hpp"
#include "shell/data_dir.hpp"
#include "shell/export_dialog.hpp"
#include "shell/lab.hpp"
#include "shell/settings.hpp"
#include "widgets/file_dialog.hpp"

namespace divlab::gui {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  float size_px = 15.0f;  // the size they were built at
  ImVector<ImWchar> ranges;  // glyph ranges; must outlive the atlas build
};

// How long a toast ("Saved …") stays on screen.
inline constexpr float kToastSeconds = 4.0f;

struct App {
  // Every registered lab (labs/labs.cpp), each on its default document, and every action.
  App();
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  Settings settings;  // the look: theme, presentation scale (never the document's)
  Fonts fonts;
  float content_scale = 1.0f;   // base_scale(): the monitor's DPI scale, or the framebuffer's size
  float fonts_built_scale = 0;  // ui scale the font atlas was built for (run loop rebuilds on change)

  std::vector<std::unique_ptr<Lab>> labs;
  std::size_t current = 0;  // the lab shown
  ActionRegistry actions;

  Lab& lab() { return *labs[current]; }
  const Lab& lab() const { return *labs[current]; }
  Lab* find_lab(std::string_view id);
  // Shows lab `id`; false (nothing changes) when there is no such lab.
  bool switch_lab(std::string_view id);

  std::string error_message;    // shown in a modal until dismissed
  bool show_help = false;       // F1 overlay
  FileDialog file_dialog;
  ErrorDialog file_error;
  bool confirm_quit = false;    // asking before discarding unsaved work
  bool quit_confirmed = false;
  std::string notice;           // the last export or copy, shown in the status bar
  std::string toast;            // the same, large over the plots for kToastSeconds (presentation mode too)
  float toast_left = 0;         // seconds the toast stays
  ExportDialog export_dialog;
  // Where the settings live (set by the run loop): the export dialog saves its choices at once.
  std::optional<std::filesystem::path> settings_file;
  std::string pending_open;     // a file to open once the user agrees to discard unsaved work
  // …or a scenario for a lab (File → New, "Open as P vs Q"): the lab's id and the scenario.
  std::optional<std::pair<std::string, Scenario>> pending_scenario;
  bool carry_on_after_save = false;  // "Save" in that prompt: once saved, carry on (open, or quit)
  bool discarded_for_quit = false;   // "Discard" while quitting: the other labs' work goes too
  // Requests the run loop carries out (it owns the window and GL).
  bool want_fullscreen_toggle = false;
  bool want_window_png = false;
  bool want_quit = false;
  std::string state_out;         // DIVLAB_STATE_OUT: where F9 / exit write the scenario (a test hook)
  double last_frame_cpu_ms = 0;  // measured by the run loop, shown in the status bar
  std::string applied_style;     // theme@scale the ImGui style was built for
};

// UI scale = content scale × presentation scale.
float ui_scale(const App& app);
// The content scale for a monitor scale (its DPI, GLFW's content scale) and a framebuffer of
// `display` pixels: the monitor's, or on a framebuffer larger than 1920×1080 with no DPI set (a 4K
// projector at 96 dpi) the 1920×1080 layout scaled up in half steps (3840×2160 → 2), whichever is
// larger (docs/layout.md).
float base_scale(float monitor_scale, ImVec2 display);
plot::Theme current_theme(const App& app);

struct PlotArea;
class ImGuiCanvas;
// A canvas on a plot area in the app's fonts and theme.
ImGuiCanvas make_canvas(const App& app, const PlotArea& area);

// Adds DejaVu Sans (regular + bold) to io.Fonts at 15 px × scale with the Greek/maths ranges.
// Returns false (and leaves ImGui's default font) when the font files are missing.
bool load_fonts(App& app, float scale);

// Builds the whole UI for one frame. Call between ImGui::NewFrame() and ImGui::Render().
void draw_frame(App& app, ImVec2 display_size);

// Keyboard shortcuts (reads io.KeysDown via ImGui); called by draw_frame.
void handle_shortcuts(App& app);

// Writes the current lab's document (with view state) to app.state_out if set, and beside it
// "<state_out>.layout.json" with the lab's layout; false on failure.
bool write_state(const App& app);

// [SECTION] files (shell_actions.cpp)
// Opens a scenario file in the lab its kind belongs to (the current lab when it opens that kind),
// and shows that lab. With unsaved work there it first asks, unless `discard`. On failure shows
// the SPEC §4 message and keeps the current work. A .txt or .csv (dropped, or passed on the command
// line) is imported as `divlab import` does by default and opens as new, unsaved work.
void open_file(App& app, const std::string& path, bool discard = false);
// What open_file (and `divlab FILE`) reads: a scenario file, or a .txt/.csv imported as `divlab
// import` does by default (a text's letter frequencies; a CSV's first two numeric columns), which is
// new work with no file of its own. Throws ScenarioError (a SPEC §4 line).
struct FileToOpen {
  Scenario scenario;
  bool imported = false;
};
FileToOpen read_file_to_open(const std::string& path);
// The lab a scenario of `kind` opens in: the current one when it takes that kind, else the first that
// does; nullptr when none does.
Lab* lab_for(App& app, Kind kind);
// Replaces lab `lab_id`'s document with `s` (a new document, not saved anywhere) and shows it;
// with unsaved work there it first asks (the same prompt), unless `discard`.
void open_scenario(App& app, std::string_view lab_id, Scenario s, bool discard = false);
// Saves the current lab's document to `path` (atomically); errors go to the error dialog. An
// installed preset is never written (presets are read-only templates). After a save asked for by
// the discard prompt, carries on with what the user was doing (carry_on).
void save_file(App& app, const std::string& path);
// The discard prompt's choice made: opens the pending file or scenario, or quits (asking again
// while another lab has unsaved work).
void carry_on(App& app);
// The opposite: the open (or quit) the prompt was for does not happen (Cancel, a failed save).
void drop_pending(App& app);
// Whether `path` lies in divlab's installed assets (a preset).
bool is_preset(const std::string& path);
// The user's documents folder: XDG_DOCUMENTS_DIR from $XDG_CONFIG_HOME/user-dirs.dirs, else
// $HOME/Documents when it exists, else $HOME (else the current folder). Save As starts there.
std::filesystem::path documents_dir_from(const char* xdg_config_home, const char* home);
std::filesystem::path documents_dir();
// The presets of the current lab (its preset folder under the assets), sorted by file name.
std::vector<std::string> preset_paths(const App& app);
void toggle_presentation(App& app);

}  // namespace divlab::gui

// The app's preferences: how divlab looks and where it was, never what a document says. Saved in
// $XDG_CONFIG_HOME/divlab/settings.json (default ~/.config/divlab); opening a file or a preset
// leaves them alone, so a lecturer in presentation mode stays in it.
#pragma once
#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "divlab/document/scenario.hpp"

namespace divlab::gui {

// The export dialog's choices (File → Export, F12), remembered across sessions. Every field has a
// default, so an older settings file without them loads as before.
struct ExportSettings {
  std::string folder;          // where figures go; "" = the user's documents folder
  std::string format = "png";  // png | svg | pdf | csv | tex (the figure must offer it)
  double scale = 2;            // PNG pixel density, 1 … 4
  bool transparent = false;    // no background fill
  // Per format: print | screen (the app's theme at the time) | a theme name. Missing: print.
  std::map<std::string, std::string> theme;
  std::map<std::string, std::string> figure;             // per lab: the figure last exported
  std::map<std::string, std::array<int, 2>> size;        // per figure: W×H when not its default
  bool operator==(const ExportSettings&) const = default;
};

struct Settings {
  std::string theme = "light";      // light | dark | print | high_contrast
  float presentation_scale = 1.0f;  // UI and plot font multiplier (1 … 3); > 1.4 is "presentation mode"
  std::string lab = "divergence";   // the lab shown at start
  std::string units = "file";       // bits | nats | file (each document's own base)
  int window_width = 1600, window_height = 900;
  ExportSettings export_;  // "export" in the file
  bool operator==(const Settings&) const = default;

  bool presentation() const { return presentation_scale > 1.4f; }
  // The base every lab shows information in; nullopt: the document's own.
  std::optional<Base> units_base() const;
};

// The user's configuration folder: $XDG_CONFIG_HOME when it is absolute, else $HOME/.config; nullopt
// when neither gives an absolute path.
std::optional<std::filesystem::path> config_home_from(const char* xdg_config_home, const char* home);

// $XDG_CONFIG_HOME/divlab/settings.json when XDG_CONFIG_HOME is absolute, else
// $HOME/.config/divlab/settings.json; nullopt when neither gives an absolute path.
std::optional<std::filesystem::path> settings_path_from(const char* xdg_config_home, const char* home);
std::optional<std::filesystem::path> settings_path();

// Settings from JSON text: unknown keys are ignored, a missing or malformed value keeps its
// default and out-of-range values are clamped (a broken file never stops the app).
Settings settings_from_json(const std::string& text);
std::string settings_to_json(const Settings& s);

// Reads the file (defaults when it is missing or unreadable).
Settings load_settings(const std::filesystem::path& path);
// Writes atomically; nullopt on success, else a one-line error.
std::optional<std::string> save_settings(const Settings& s, const std::filesystem::path& path);

}  // namespace divlab::gui

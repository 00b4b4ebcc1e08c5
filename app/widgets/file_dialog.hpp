// A small ImGui open/save dialog for scenario files (a path field, the .json files and folders of
// one folder, a shortcut to the presets), and the error dialog that shows a SPEC §4 message.
// Both keep their state in a caller-owned struct; nothing here touches the document.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace divlab::gui {

enum class FileDialogMode { open, save };

// One line of the listing.
struct FolderEntry {
  std::string name;
  bool is_dir = false;
};

// The sub-folders (not hidden) and *.json files of `folder`, folders first, each sorted by name.
// An unreadable folder gives an empty list and sets *error.
std::vector<FolderEntry> list_scenario_folder(const std::filesystem::path& folder, std::string* error);

struct FileDialog {
  bool visible = false;      // between open_file_dialog() and a choice or Cancel
  bool want_open = false;    // OpenPopup on the next draw
  FileDialogMode mode = FileDialogMode::open;
  std::filesystem::path folder, presets_folder;
  std::string path_text;     // the path field
  std::vector<FolderEntry> entries;
  std::string message;       // a problem with the current choice, shown under the field
  std::string overwrite;     // save: the existing file the user is asked to overwrite
};

inline constexpr const char* kOpenDialogTitle = "Open scenario";
inline constexpr const char* kSaveDialogTitle = "Save scenario as";

// Shows the dialog from the next draw on, listing `folder` (the presets folder when empty).
void open_file_dialog(FileDialog& d, FileDialogMode mode, std::filesystem::path folder,
                      std::filesystem::path presets_folder, std::string suggested_name = "");
// Moves the listing to another folder.
void navigate(FileDialog& d, const std::filesystem::path& folder);
// Checks the path field as if Open/Save were pressed: the chosen path, or nullopt with d.message
// set. Saving over an existing file first sets d.overwrite (the dialog asks) and returns nullopt;
// the same choice again confirms it. A folder in the field navigates there; a relative path is
// relative to d.folder; "~/" is the home folder. Save adds ".divlab.json" when the name has no extension.
std::optional<std::filesystem::path> resolve_choice(FileDialog& d);

// Draws the dialog; returns the chosen path on the frame the user confirms (and closes it).
std::optional<std::filesystem::path> draw_file_dialog(FileDialog& d);

// The error dialog for a file that could not be opened or saved.
struct ErrorDialog {
  bool want_open = false;
  std::string message;  // e.g. "coin.json: p.mass[3]: expected a finite number >= 0, got -0.2"
};
inline constexpr const char* kErrorDialogTitle = "File error";

// Shows `message` (a SPEC §4 line, without "divlab: ") from the next draw on.
void show_error(ErrorDialog& d, std::string message);
void draw_error_dialog(ErrorDialog& d);

}  // namespace divlab::gui

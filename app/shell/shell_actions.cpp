// The shell's own actions (File, Edit, View, Labs, Presets), opening and saving files, and App's
// construction: the labs of labs/labs.cpp, then the shell's actions, then each lab's.
#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "divlab/import/import.hpp"
#include "labs/labs.hpp"
#include "shell/app.hpp"

namespace divlab::gui {

bool is_preset(const std::string& path) {
  if (path.empty()) return false;
  std::error_code ec;
  const auto file = std::filesystem::weakly_canonical(path, ec);
  if (ec) return false;
  const auto assets = std::filesystem::weakly_canonical(asset_dir(), ec);
  if (ec) return false;
  const auto [a, f] = std::mismatch(assets.begin(), assets.end(), file.begin(), file.end());
  return a == assets.end();
}

std::filesystem::path documents_dir_from(const char* xdg_config_home, const char* home) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool have_home = home && *home && fs::path(home).is_absolute();
  // XDG user dirs: XDG_DOCUMENTS_DIR="$HOME/Documents" in $XDG_CONFIG_HOME/user-dirs.dirs.
  if (const auto config = config_home_from(xdg_config_home, home)) {
    std::ifstream in(*config / "user-dirs.dirs");
    std::string line;
    while (std::getline(in, line)) {
      const std::string key = "XDG_DOCUMENTS_DIR=\"";
      if (line.rfind(key, 0) != 0 || line.size() < key.size() + 1 || line.back() != '"') continue;
      std::string value = line.substr(key.size(), line.size() - key.size() - 1);
      if (value.rfind("$HOME", 0) == 0) {
        if (!have_home) continue;
        value = std::string(home) + value.substr(5);
      }
      if (fs::path(value).is_absolute() && fs::is_directory(value, ec)) return value;
    }
  }
  if (have_home) {
    if (fs::is_directory(fs::path(home) / "Documents", ec)) return fs::path(home) / "Documents";
    return home;
  }
  return fs::current_path(ec);
}

std::filesystem::path documents_dir() { return documents_dir_from(std::getenv("XDG_CONFIG_HOME"), std::getenv("HOME")); }

Lab* App::find_lab(std::string_view id) {
  for (auto& l : labs)
    if (l->id() == id) return l.get();
  return nullptr;
}

bool App::switch_lab(std::string_view id) {
  for (std::size_t i = 0; i < labs.size(); ++i)
    if (labs[i]->id() == id) {
      current = i;
      settings.lab = std::string(id);
      return true;
    }
  return false;
}

std::vector<std::string> preset_paths(const App& app) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(asset_dir() / app.lab().preset_folder(), ec))
    if (e.path().extension() == ".json") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

Lab* lab_for(App& app, Kind kind) {
  if (app.lab().opens(kind)) return &app.lab();
  for (auto& l : app.labs)
    if (l->opens(kind)) return l.get();
  return nullptr;
}

FileToOpen read_file_to_open(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".txt") return {import_text_files(path, std::nullopt, TextUnit::letter), true};
  if (ext == ".csv") return {import_csv_file(path, {}), true};
  return {load_scenario(path), false};
}

void open_file(App& app, const std::string& path, bool discard) {
  Scenario s;
  bool imported = false;
  try {
    FileToOpen f = read_file_to_open(path);
    s = std::move(f.scenario);
    imported = f.imported;
  } catch (const std::exception& e) {
    show_error(app.file_error, e.what());  // the current work stays untouched
    return;
  }
  Lab* lab = lab_for(app, s.kind);
  if (!lab) {
    show_error(app.file_error, path + ": no lab opens this kind of scenario");
    return;
  }
  // Imported data is new, unsaved work: Save asks for a name and never writes JSON over the data.
  if (imported) return open_scenario(app, lab->id(), std::move(s), discard);
  if (lab->doc.dirty() && !discard) {
    app.switch_lab(lab->id());  // the question is about the work in this lab: show it
    app.pending_open = path;
    app.confirm_quit = true;  // the same prompt, offering "Discard and open"
    return;
  }
  lab->doc.reset(std::move(s));
  lab->file_path = path;
  lab->reset_view();
  app.switch_lab(lab->id());
}

void open_scenario(App& app, std::string_view lab_id, Scenario s, bool discard) {
  Lab* lab = app.find_lab(lab_id);
  if (!lab) return;
  if (lab->doc.dirty() && !discard) {
    app.switch_lab(lab_id);  // the question is about the work in that lab: show it
    app.pending_scenario.emplace(std::string(lab_id), std::move(s));
    app.confirm_quit = true;
    return;
  }
  lab->doc.reset(std::move(s));
  lab->doc.mark_unsaved();
  lab->file_path.clear();
  lab->reset_view();
  app.switch_lab(lab_id);
}

void save_file(App& app, const std::string& path) {
  Lab& lab = app.lab();
  if (is_preset(path)) {  // an installed preset is a read-only template: never overwritten
    show_error(app.file_error, path + ": a preset is a read-only template; save your copy elsewhere (File → Save as…)");
    drop_pending(app);
    return;
  }
  try {
    save_scenario(lab.doc.to_scenario(), path);
    lab.doc.mark_saved();
    lab.file_path = path;
  } catch (const std::exception& e) {
    show_error(app.file_error, e.what());
    drop_pending(app);  // not saved: the open (or quit) the prompt was for does not happen
    return;
  }
  if (app.carry_on_after_save) carry_on(app);
}

void drop_pending(App& app) {
  app.carry_on_after_save = false;
  app.pending_open.clear();
  app.pending_scenario.reset();
}

void carry_on(App& app) {
  app.carry_on_after_save = false;
  if (app.pending_scenario) {
    auto [lab, scenario] = std::move(*app.pending_scenario);
    app.pending_scenario.reset();
    open_scenario(app, lab, std::move(scenario), /*discard=*/true);
  } else if (!app.pending_open.empty()) {
    open_file(app, std::exchange(app.pending_open, {}), /*discard=*/true);
  } else {  // quitting: every lab's work saved or discarded first
    for (const auto& l : app.labs)
      if (l->doc.dirty() && !app.discarded_for_quit) {
        app.switch_lab(l->id());
        app.confirm_quit = true;  // the next lab with unsaved work asks too
        return;
      }
    app.quit_confirmed = app.want_quit = true;
  }
}

void toggle_presentation(App& app) {
  Settings& s = app.settings;
  const bool on = !s.presentation();
  s.presentation_scale = on ? 2.0f : 1.0f;
  s.theme = to_name(on ? plot::ThemeId::high_contrast : plot::ThemeId::light);
}

namespace {

// The themes T cycles through (high contrast is presentation mode's).
constexpr std::array<plot::ThemeId, 3> kThemeCycle{plot::ThemeId::light, plot::ThemeId::dark, plot::ThemeId::print};

using Args = const nlohmann::json&;

// An action without arguments.
Action simple(std::string id, std::string group, std::string text, std::vector<Binding> keys, bool while_typing,
              std::function<void(App&)> f) {
  return {std::move(id), std::move(group), std::move(text), "", std::move(keys), while_typing, "",
          [f = std::move(f)](App& app, Args) { return f(app), std::string(); }};
}

void register_shell_actions(ActionRegistry& r, const std::vector<std::unique_ptr<Lab>>& labs) {
  r.add(simple("help", "View", "Show or hide this help", {{GLFW_KEY_F1}}, true,
               [](App& a) { a.show_help = !a.show_help; }));
  r.add(simple("fullscreen", "View", "Full screen on or off", {{GLFW_KEY_F11}}, true,
               [](App& a) { a.want_fullscreen_toggle = true; }));
  // F12 exports at once with the dialog's remembered choices (the dialog opens when it must ask);
  // the status bar and a toast name the file, in presentation mode too.
  r.add({"export_dialog", "File", "Export a figure… (folder, name, format, size, theme)", "", {{GLFW_KEY_E, kCtrl}}, true,
         "figure: one of the lab's figures (optional)", [](App& a, Args args) {
           std::string figure;
           if (args.contains("figure")) {
             std::string error;
             const auto f = string_arg(args, "figure", &error);
             if (!f) return error;
             const auto figs = a.lab().figures();
             if (std::find(figs.begin(), figs.end(), *f) == figs.end())
               return "figure: this lab has no figure \"" + *f + "\"";
             figure = *f;
           }
           open_export_dialog(a, figure);
           return std::string();
         }});
  r.add(simple("quick_export", "File", "Export the figure again with the dialog's last choices", {{GLFW_KEY_F12}}, true,
               quick_export));
  r.add(simple("save_window_png", "File", "Save the whole window as a PNG (in the export folder)",
               {{GLFW_KEY_F12, kShift}}, true, [](App& a) { a.want_window_png = true; }));
  r.add(simple("presentation_mode", "View", "Presentation mode: large scale, high contrast", {{GLFW_KEY_P}}, false,
               toggle_presentation));
  r.add(simple("cycle_theme", "View", "Next theme (light, dark, print; in presentation mode high contrast too)",
               {{GLFW_KEY_T}}, false, [](App& a) {
    // In presentation mode high contrast is in the cycle (first), so T comes back to it; the scale
    // stays either way.
    const auto now = parse_name<plot::ThemeId>(a.settings.theme);
    std::vector<plot::ThemeId> cycle(kThemeCycle.begin(), kThemeCycle.end());
    if (a.settings.presentation()) cycle.insert(cycle.begin(), plot::ThemeId::high_contrast);
    const auto it = now ? std::find(cycle.begin(), cycle.end(), *now) : cycle.end();
    a.settings.theme = to_name(it == cycle.end() || it + 1 == cycle.end() ? cycle[0] : *(it + 1));
  }));
  r.add({"set_theme", "View", "Use a theme", "", {}, false, "name: " + name_list<plot::ThemeId>(" | ", " | "),
         [](App& a, Args args) {
           std::string error;
           const auto name = string_arg(args, "name", &error);
           if (!name) return error;
           const auto theme = parse_name<plot::ThemeId>(*name);
           if (!theme) return "name: expected " + name_list<plot::ThemeId>() + ", got \"" + *name + "\"";
           a.settings.theme = to_name(*theme);
           return std::string();
         }});
  r.add({"set_scale", "View", "Set the presentation scale", "", {}, false, "scale: 1–3",
         [](App& a, Args args) {
           std::string error;
           const auto scale = number_arg(args, "scale", 1.0, 3.0, &error);
           if (scale) a.settings.presentation_scale = static_cast<float>(*scale);
           return error;
         }});
  // A preference of the app, as the theme is: every lab and every file opened after shows it.
  r.add(simple("toggle_base", "View", "Switch units: bits or nats (for every lab and file)", {{GLFW_KEY_B}}, false,
               [](App& a) { a.settings.units = a.lab().shown_base() == Base::two ? "nats" : "bits"; }));
  r.add(simple("open", "File", "Open a scenario file", {{GLFW_KEY_O, kCtrl}}, true, [](App& a) {
    const auto presets = asset_dir() / a.lab().preset_folder();
    const auto here = a.lab().file_path.empty() ? presets : std::filesystem::path(a.lab().file_path).parent_path();
    open_file_dialog(a.file_dialog, FileDialogMode::open, here, presets);
  }));
  // Save as: beside the file it came from, or in the user's documents for a new document or a
  // preset (presets are read-only templates).
  const auto save_as = [](App& a) {
    const Lab& lab = a.lab();
    const bool own = !lab.file_path.empty() && !is_preset(lab.file_path);
    const auto here = own ? std::filesystem::path(lab.file_path).parent_path() : documents_dir();
    open_file_dialog(a.file_dialog, FileDialogMode::save, here, asset_dir() / lab.preset_folder(),
                     lab.file_path.empty() ? "scenario.divlab.json" : std::filesystem::path(lab.file_path).filename().string());
  };
  r.add(simple("save", "File", "Save the scenario", {{GLFW_KEY_S, kCtrl}}, true, [save_as](App& a) {
    if (a.lab().file_path.empty() || is_preset(a.lab().file_path)) save_as(a);
    else save_file(a, a.lab().file_path);
  }));
  r.add(simple("save_as", "File", "Save the scenario as…", {{GLFW_KEY_S, kCtrl | kShift}}, true, save_as));
  r.add({"open_file", "File", "Open a scenario file by path", "", {}, false, "path: a scenario file",
         [](App& a, Args args) {
           std::string error;
           if (const auto path = string_arg(args, "path", &error)) open_file(a, *path);
           return error;
         }});
  r.add(simple("quit", "File", "Quit (asks first if there is unsaved work)", {{GLFW_KEY_Q, kCtrl}}, true, [](App& a) {
    const bool dirty = std::ranges::any_of(a.labs, [](const auto& l) { return l->doc.dirty(); });
    if (dirty && a.state_out.empty())  // tests that set DIVLAB_STATE_OUT quit without asking
      a.confirm_quit = true;
    else
      a.want_quit = true;
  }));
  r.add(simple("undo", "Edit", "Undo", {{GLFW_KEY_Z, kCtrl}}, false, [](App& a) { a.lab().doc.undo(); }));
  r.add(simple("redo", "Edit", "Redo", {{GLFW_KEY_Z, kCtrl | kShift}, {GLFW_KEY_Y, kCtrl}}, false,
               [](App& a) { a.lab().doc.redo(); }));

  std::vector<Binding> lab_keys;
  std::string names;
  for (std::size_t i = 0; i < labs.size() && i < 9; ++i) {
    lab_keys.push_back({GLFW_KEY_1 + static_cast<int>(i), kCtrl, {{"lab", std::string(labs[i]->id())}}});
    names += (names.empty() ? "" : ", ") + std::string(labs[i]->id());
  }
  r.add({"switch_lab", "Labs", "Show lab 1–" + std::to_string(lab_keys.size()) + " (" + names + ")", "",
         std::move(lab_keys), true, "lab: " + names, [](App& a, Args args) {
           std::string error;
           const auto id = string_arg(args, "lab", &error);
           if (!id) return error;
           return a.switch_lab(*id) ? std::string() : "lab: no lab named \"" + *id + "\"";
         }});

  std::vector<Binding> preset_keys;
  for (int n = 1; n <= 8; ++n) preset_keys.push_back({GLFW_KEY_0 + n, kNone, {{"n", n}}});
  r.add({"open_preset", "Presets", "Open preset 1–8 of this lab (in the Presets menu's order)", "",
         std::move(preset_keys), false, "n: the preset's place in the Presets menu (from 1)", [](App& a, Args args) {
           const auto presets = preset_paths(a);
           std::string error;
           const auto n = int_arg(args, "n", 1, std::max<int>(1, static_cast<int>(presets.size())), &error);
           if (!n || presets.empty()) return presets.empty() ? "this lab has no presets" : error;
           open_file(a, presets[static_cast<std::size_t>(*n - 1)]);
           return std::string();
         }});
}

}  // namespace

App::App() : labs(make_labs()) {
  register_shell_actions(actions, labs);
  for (auto& l : labs) l->register_actions(actions);
}

App::~App() = default;

}  // namespace divlab::gui

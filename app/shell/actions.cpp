#include "shell/actions.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <filesystem>

#include "labs/fit/panel_fit.hpp"

namespace divlab::gui {

namespace {
std::filesystem::path presets_dir() { return std::filesystem::path(DIVLAB_ASSET_DIR) / "presets"; }
}  // namespace

std::vector<std::string> preset_paths() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(presets_dir(), ec))
    if (e.path().extension() == ".json") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

void open_file(App& app, const std::string& path, bool discard) {
  if (app.doc.dirty() && !discard) {
    app.pending_open = path;
    app.confirm_quit = true;  // the same prompt, offering "Discard and open"
    return;
  }
  try {
    app.doc.reset(load_scenario(path));
    app.file_path = path;
  } catch (const std::exception& e) {
    show_error(app.file_error, e.what());  // the current work stays untouched
  }
}

void save_file(App& app, const std::string& path) {
  try {
    save_scenario(app.doc.to_scenario(), path);
    app.doc.mark_saved();
    app.file_path = path;
  } catch (const std::exception& e) {
    show_error(app.file_error, e.what());
  }
}

void toggle_presentation(App& app) {
  auto& v = app.doc.view();
  const bool on = v.presentation_scale < 1.4f;
  v.presentation_scale = on ? 2.0f : 1.0f;
  v.theme = on ? "high_contrast" : "light";
}

void run_action(App& app, ActionId a) {
  Document& d = app.doc;
  const std::filesystem::path here =
      app.file_path.empty() ? presets_dir() : std::filesystem::path(app.file_path).parent_path();
  switch (a) {
    case ActionId::help: app.show_help = !app.show_help; break;
    case ActionId::fullscreen: app.want_fullscreen_toggle = true; break;
    case ActionId::save_window_png: app.want_window_png = true; break;
    case ActionId::undo: d.undo(); break;
    case ActionId::redo: d.redo(); break;
    case ActionId::open: open_file_dialog(app.file_dialog, FileDialogMode::open, here, presets_dir()); break;
    case ActionId::save:
      if (!app.file_path.empty()) {
        save_file(app, app.file_path);
        break;
      }
      [[fallthrough]];
    case ActionId::save_as:
      open_file_dialog(app.file_dialog, FileDialogMode::save, app.file_path.empty() ? std::filesystem::current_path() : here,
                       presets_dir(), app.file_path.empty() ? "scenario.json" : std::filesystem::path(app.file_path).filename().string());
      break;
    case ActionId::quit:
      if (d.dirty() && app.state_out.empty())  // tests that set DIVLAB_STATE_OUT quit without asking
        app.confirm_quit = true;
      else
        app.want_quit = true;
      break;
    case ActionId::presentation_mode: toggle_presentation(app); break;
    case ActionId::cycle_theme: {
      static constexpr std::array<const char*, 3> kThemes{"light", "dark", "print"};
      auto& t = d.view().theme;
      const auto it = std::find(kThemes.begin(), kThemes.end(), t);
      t = it == kThemes.end() || it + 1 == kThemes.end() ? kThemes[0] : *(it + 1);
      break;
    }
    case ActionId::toggle_base: d.set_base(d.scenario().base == Base::two ? Base::e : Base::two); break;
    case ActionId::toggle_mixture: d.view().show_m = !d.view().show_m; break;
    case ActionId::reset_view:
      app.x_zoomed = false;
      app.density_y.initialised = app.contrib_y.initialised = false;
      if (app.fit.open) {
        app.fit.playing = false;
        reset_fit(app.fit);
      }
      break;
    case ActionId::fit_play_pause:
      if (app.fit.open) toggle_play(app.fit);
      break;
    case ActionId::fit_step:
      if (app.fit.open) step_fit(app.fit);
      break;
    case ActionId::switch_target: app.target = app.target == Which::p ? Which::q : Which::p; break;
    case ActionId::shift_left: d.shift(app.target, -1); break;  // no-ops on a continuous scenario
    case ActionId::shift_right: d.shift(app.target, +1); break;
    case ActionId::make_uniform: d.uniform(app.target); break;
    default:
      if (const int n = preset_number(a); n > 0) {
        const auto presets = preset_paths();
        if (n <= static_cast<int>(presets.size())) open_file(app, presets[static_cast<std::size_t>(n - 1)]);
      }
  }
}

}  // namespace divlab::gui

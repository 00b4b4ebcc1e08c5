// [SECTION] one frame: style, shortcuts, the menu and lab bars, the current lab, dialogs.
#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <utility>

#include "shell/app.hpp"
#include "shell/help_overlay.hpp"
#include "shell/keys.hpp"
#include "shell/menu.hpp"
#include "shell/style.hpp"

namespace divlab::gui {

bool write_state(const App& app) {
  if (app.state_out.empty()) return false;
  try {
    save_scenario(app.lab().doc.to_scenario(), app.state_out);
    // Beside it, where the lab's plots are, so end-to-end tests can aim the mouse at a bar.
    nlohmann::json layout = app.lab().layout();
    layout["lab"] = std::string(app.lab().id());
    std::ofstream(app.state_out + ".layout.json") << layout.dump(2) << "\n";
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void handle_shortcuts(App& app) {
  const ImGuiIO& io = ImGui::GetIO();
  if (const auto pressed = poll_shortcut(app.actions, app.lab().id(), io))
    if (const std::string error = run_action(app, pressed->action->id, pressed->binding->args); !error.empty())
      app.notice = error;
  // F9 writes the state to $DIVLAB_STATE_OUT (a test hook, a no-op without it; not a user shortcut).
  if (ImGui::IsKeyPressed(keys::kF9, false)) write_state(app);
}

namespace {

void discard_prompt(App& app, float s) {
  if (app.confirm_quit) {
    ImGui::OpenPopup("Discard unsaved work?");
    app.confirm_quit = false;
  }
  if (!ImGui::BeginPopupModal("Discard unsaved work?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  // Asked before quitting, or before opening a file, preset or new scenario over unsaved work.
  // Save, Discard or Cancel; after Save or Discard it carries on with what the user asked for.
  const bool opening = !app.pending_open.empty() || app.pending_scenario;
  ImGui::Text("%s \"%s\" has changes that are not saved.", opening ? "This lab's scenario" : "The scenario",
              app.lab().doc.scenario().title.value_or("untitled").c_str());
  ImGui::TextDisabled(opening ? "Save them first, discard them, or cancel and keep working."
                              : "Save them first, discard them and quit, or cancel and keep working.");
  if (ImGui::Button("Save", {110 * s, 0})) {
    app.carry_on_after_save = true;
    run_action(app, "save");  // saves and carries on, or opens Save As (a new document, a preset)
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Discard", {110 * s, 0})) {
    if (!opening) app.discarded_for_quit = true;
    carry_on(app);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel", {110 * s, 0}) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    drop_pending(app);
    app.discarded_for_quit = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void error_popup(App& app, float width, float s) {
  if (!app.error_message.empty()) ImGui::OpenPopup("Error");
  ImGui::SetNextWindowSize({std::min(width * 0.6f, 640 * s), 0});
  if (ImGui::BeginPopupModal("Error", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextWrapped("%s", app.error_message.c_str());
    ImGui::Spacing();
    if (ImGui::Button("OK", {120 * s, 0})) {
      app.error_message.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

// "Saved /path/file.png" large over the plots for a few seconds: readable at presentation scale,
// where the status bar is small and far down.
void toast(App& app, float s) {
  if (app.toast_left <= 0 || app.toast.empty()) return;
  app.toast_left -= ImGui::GetIO().DeltaTime;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float bottom = vp->Pos.y + vp->Size.y - ImGui::GetFrameHeight() * 2.5f;
  ImGui::SetNextWindowPos({vp->Pos.x + vp->Size.x / 2, bottom}, ImGuiCond_Always, {0.5f, 1.0f});
  ImGui::SetNextWindowBgAlpha(0.92f * std::min(1.0f, app.toast_left / 0.5f));
  ImGui::SetNextWindowSizeConstraints({0, 0}, {vp->Size.x * 0.9f, vp->Size.y * 0.5f});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {16 * s, 10 * s});
  ImGui::Begin("##toast", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::PushFont(app.fonts.bold);
  ImGui::PushTextWrapPos(vp->Size.x * 0.85f);
  ImGui::TextWrapped("%s", app.toast.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace

void draw_frame(App& app, ImVec2 display) {
  const std::string style_key = app.settings.theme + "@" + std::to_string(ui_scale(app));
  if (style_key != app.applied_style) {
    apply_style(app);
    app.applied_style = style_key;
  }
  handle_shortcuts(app);
  for (auto& lab : app.labs) lab->units = app.settings.units_base();
  const float s = ui_scale(app);
  // Little room (presentation scale on a small projector): the labs move into a menu of the menu bar.
  const bool roomy = display.x / s >= 1250 && display.y / s >= 680;
  menu_bar(app, /*labs_menu=*/!roomy);
  const float top = ImGui::GetFrameHeight();
  const float bar_h = roomy ? lab_bar(app, top) : 0.0f;
  const float status_h = ImGui::GetFrameHeight();
  const float W = std::max(display.x, 200.0f), H = std::max(display.y - top - bar_h - status_h, 100.0f);

  // The panels' children need not paint the cleared background again either (see begin_panel, which
  // does the same for the panels: a floating window such as Explain must keep its WindowBg).
  ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
  app.lab().draw(app, {{0, top + bar_h}, {W, H}});
  ImGui::PopStyleColor();
  status_bar(app, status_h);

  // Dialogs and overlays on top of the panels.
  if (const auto chosen = draw_file_dialog(app.file_dialog)) {
    if (app.file_dialog.mode == FileDialogMode::open)
      open_file(app, chosen->string());
    else
      save_file(app, chosen->string());
  }
  // Save As of the discard prompt cancelled: nothing was saved, so nothing carries on either.
  if (app.carry_on_after_save && !app.file_dialog.visible) drop_pending(app);
  draw_export_dialog(app);
  draw_error_dialog(app.file_error);
  draw_help_overlay(app, &app.show_help);
  discard_prompt(app, s);
  error_popup(app, W, s);
  toast(app, s);
}

}  // namespace divlab::gui

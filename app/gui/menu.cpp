// The menu bar and the status bar.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <vector>

#include "gui/panels.hpp"

namespace divlab::gui {

namespace {

// Built-in starting points for each kind (the presets of assets/presets come from the File menu).
Scenario new_discrete() {
  Scenario s;
  s.kind = Kind::discrete;
  s.base = Base::two;
  s.base_given = true;
  s.title = "New discrete";
  s.p_mass = {0.05, 0.1, 0.2, 0.3, 0.2, 0.1, 0.05};
  s.q_mass = std::vector<double>(7, 1.0 / 7);
  return s;
}

Scenario new_mixture() {
  Scenario s;
  s.kind = Kind::continuous;
  s.base = Base::two;
  s.base_given = true;
  s.title = "New mixture";
  s.p_mix.components = {{Family::normal, 0.5, -2, 0.6}, {Family::normal, 0.5, 2, 0.6}};
  s.q_mix.components = {{Family::normal, 1, 0, 1}};
  return s;
}

std::vector<std::filesystem::path> preset_files() {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::path(DIVLAB_ASSET_DIR) / "presets";
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

void open_scenario(App& app, const std::string& path) {
  try {
    app.doc.reset(load_scenario(path));
    app.x_zoomed = false;
    app.density_y.initialised = app.contrib_y.initialised = false;
  } catch (const std::exception& e) {
    app.error_message = e.what();  // the current work stays untouched
  }
}

}  // namespace

void menu_bar(App& app) {
  Document& d = app.doc;
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("New discrete (7 bins)")) d.reset(new_discrete()), app.x_zoomed = false;
    if (ImGui::MenuItem("New mixture (bimodal P, normal Q)")) d.reset(new_mixture()), app.x_zoomed = false;
    if (ImGui::MenuItem("Default scenario")) d.reset(default_scenario()), app.x_zoomed = false;
    const auto presets = preset_files();
    if (ImGui::BeginMenu("Presets", !presets.empty())) {
      for (const auto& p : presets)
        if (ImGui::MenuItem(p.stem().string().c_str())) open_scenario(app, p.string());
      ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Write state", "F9", false, !app.state_out.empty())) write_state(app);
    if (ImGui::MenuItem("Quit")) app.want_quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, d.can_undo())) d.undo();
    if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, d.can_redo())) d.redo();
    ImGui::Separator();
    if (ImGui::MenuItem("Copy P → Q")) d.copy_p_to_q();
    if (ImGui::MenuItem("Swap P ↔ Q")) d.swap_p_q();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    auto& v = d.view();
    for (const char* name : {"light", "dark", "print", "high_contrast"})
      if (ImGui::MenuItem(name, nullptr, v.theme == name)) v.theme = name;
    ImGui::Separator();
    if (ImGui::MenuItem("Presentation mode", nullptr, v.presentation_scale > 1.4f)) {
      const bool on = v.presentation_scale < 1.4f;
      v.presentation_scale = on ? 2.0f : 1.0f;
      v.theme = on ? "high_contrast" : "light";
    }
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat("Scale", &v.presentation_scale, 1.0f, 3.0f, "%.2f×");
    ImGui::Separator();
    ImGui::MenuItem("Show M = ½(P+Q)", nullptr, &v.show_m);
    ImGui::MenuItem("Show the JSD integrand", nullptr, &v.show_jsd);
    if (ImGui::MenuItem("Reset zoom", "double-click", false, app.x_zoomed)) app.x_zoomed = false;
    ImGui::EndMenu();
  }
  // Units toggle, always visible.
  ImGui::Separator();
  ImGui::TextDisabled("units");
  const bool bits = d.scenario().base == Base::two;
  if (ImGui::RadioButton("bits", bits)) d.set_base(Base::two);
  if (ImGui::RadioButton("nats", !bits)) d.set_base(Base::e);
  ImGui::Separator();
  const std::string title = d.scenario().title.value_or("untitled") + (d.dirty() ? " •" : "");
  ImGui::TextUnformatted(title.c_str());
  ImGui::EndMainMenuBar();
}

void status_bar(App& app, float height) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos({0, display.y - height});
  ImGui::SetNextWindowSize({display.x, height});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ImGui::GetStyle().FramePadding.x * 2, ImGui::GetStyle().FramePadding.y});
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar();
  ImGui::TextDisabled("Editing %s (Tab switches)   ·   Ctrl+Z undo   ·   wheel: zoom x, right-drag: pan, "
                      "double-click: reset   ·   %zu undo steps   ·   %.2f ms CPU/frame",
                      app.target == Which::p ? "P" : "Q", app.doc.undo_depth(), app.last_frame_cpu_ms);
  ImGui::End();
}

}  // namespace divlab::gui

// The menu bar and the status bar.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "shell/app.hpp"
#include "shell/export_menu.hpp"
#include "shell/menu.hpp"

namespace divlab::gui {

namespace {

constexpr const char* kUnitsTooltip =
    "Units for every lab and every file you open (B switches; View → Units).\n"
    "A preference, like the theme: files keep their own base, which divlab metrics uses.";

// text cut to width with "…" at a UTF-8 character boundary (unchanged when it fits).
std::string fit_text(std::string text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
  // The longest prefix (at a character boundary) that fits with "…": a binary search, so a title
  // of any length costs O(log n) measurements, not one per character.
  const auto boundary = [&](std::size_t n) {
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return n;
  };
  std::size_t lo = 0, hi = text.size();
  while (lo < hi) {
    const std::size_t mid = boundary((lo + hi + 1) / 2);
    if (mid <= lo) break;
    if (ImGui::CalcTextSize((text.substr(0, mid) + "…").c_str()).x <= width) lo = mid;
    else hi = mid - 1;
  }
  return text.substr(0, boundary(lo)) + "…";
}

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

}  // namespace

std::string fit_text_middle(const std::string& text, float width) {
  if (ImGui::CalcTextSize(text.c_str()).x <= width || text.size() < 8) return text;
  const auto boundary = [&](std::size_t n) {
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    return n;
  };
  std::size_t keep = text.size();
  while (keep > 4) {
    keep = keep * 7 / 8;
    const std::size_t head = boundary(keep / 3), tail = boundary(text.size() - (keep - keep / 3));
    const std::string s = text.substr(0, head) + "…" + text.substr(tail);
    if (ImGui::CalcTextSize(s.c_str()).x <= width) return s;
  }
  return "…" + text.substr(boundary(text.size() - std::min<std::size_t>(text.size(), 12)));
}

void menu_bar(App& app, bool labs_menu) {
  Lab& lab = app.lab();
  Document& d = lab.doc;
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (lab.opens(Kind::discrete)) {
      if (ImGui::MenuItem("New discrete (7 bins)")) open_scenario(app, lab.id(), new_discrete());
      if (lab.opens(Kind::continuous) && ImGui::MenuItem("New mixture (bimodal P, normal Q)"))
        open_scenario(app, lab.id(), new_mixture());
      if (lab.opens(Kind::continuous) && ImGui::MenuItem("Default scenario")) open_scenario(app, lab.id(), default_scenario());
    }
    if (ImGui::MenuItem("Open…", "Ctrl+O")) run_action(app, "open");
    if (ImGui::MenuItem("Save", "Ctrl+S")) run_action(app, "save");
    if (ImGui::MenuItem("Save as…", "Ctrl+Shift+S")) run_action(app, "save_as");
    if (ImGui::MenuItem("Export figure…", "Ctrl+E")) run_action(app, "export_dialog");
    if (ImGui::MenuItem("Export again", "F12")) run_action(app, "quick_export");
    if (ImGui::BeginMenu("Export a figure of this lab")) {
      export_menu(app);
      ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Save the window as PNG", "Shift+F12")) run_action(app, "save_window_png");
    ImGui::Separator();
    if (ImGui::MenuItem("Write state", "F9", false, !app.state_out.empty())) write_state(app);
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) run_action(app, "quit");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Presets")) {
    const auto presets = preset_paths(app);
    for (std::size_t i = 0; i < presets.size(); ++i) {
      const std::string key = i < 8 ? std::to_string(i + 1) : "";
      if (ImGui::MenuItem(std::filesystem::path(presets[i]).stem().string().c_str(), key.empty() ? nullptr : key.c_str()))
        open_file(app, presets[i]);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, d.can_undo())) d.undo();
    if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, d.can_redo())) d.redo();
    if (lab.opens(Kind::discrete)) {
      ImGui::Separator();
      if (ImGui::MenuItem("Copy P → Q")) d.copy_p_to_q();
      if (ImGui::MenuItem("Swap P ↔ Q")) d.swap_p_q();
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    Settings& v = app.settings;
    for (const std::string_view name : names<plot::ThemeId>())
      if (ImGui::MenuItem(name.data(), nullptr, v.theme == name)) v.theme = name;
    ImGui::Separator();
    if (ImGui::MenuItem("Presentation mode", "P", v.presentation())) toggle_presentation(app);
    if (ImGui::MenuItem("Full screen", "F11")) app.want_fullscreen_toggle = true;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::SliderFloat("Scale", &v.presentation_scale, 1.0f, 3.0f, "%.2f×", ImGuiSliderFlags_AlwaysClamp);
    ImGui::Separator();
    if (ImGui::BeginMenu("Units")) {
      for (const auto& [value, text] : {std::pair{"bits", "Always bits"}, std::pair{"nats", "Always nats"},
                                        std::pair{"file", "As each file says"}})
        if (ImGui::MenuItem(text, value == std::string_view("bits") ? "B" : nullptr, v.units == value)) v.units = value;
      ImGui::EndMenu();
    }
    ImGui::Separator();
    lab.view_menu(app);
    ImGui::Separator();
    if (ImGui::MenuItem("Keyboard shortcuts", "F1")) app.show_help = true;
    ImGui::EndMenu();
  }
  if (labs_menu && ImGui::BeginMenu(("Lab: " + std::string(lab.title()) + "###labmenu").c_str())) {
    for (std::size_t i = 0; i < app.labs.size(); ++i) {
      const std::string key = "Ctrl+" + std::to_string(i + 1);
      if (ImGui::MenuItem(std::string(app.labs[i]->title()).c_str(), key.c_str(), i == app.current))
        app.switch_lab(app.labs[i]->id());
    }
    ImGui::EndMenu();
  }
  lab.menu_bar_items(app);
  // Units toggle, always visible.
  ImGui::Separator();
  ImGui::TextDisabled("units");
  const bool bits = lab.shown_base() == Base::two;
  if (ImGui::RadioButton("bits", bits)) app.settings.units = "bits";
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kUnitsTooltip);
  if (ImGui::RadioButton("nats", !bits)) app.settings.units = "nats";
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", kUnitsTooltip);
  ImGui::Separator();
  const std::string title = d.scenario().title.value_or("untitled") + (d.dirty() ? " •" : "");
  ImGui::TextUnformatted(fit_text(title, ImGui::GetContentRegionAvail().x).c_str());
  ImGui::EndMainMenuBar();
}

float lab_bar(App& app, float top) {
  const ImGuiStyle& style = ImGui::GetStyle();
  // At least ImGui's smallest window height, the buttons centred in it.
  const float h = std::max(ImGui::GetFrameHeight() + 2 * std::round(style.FramePadding.y * 0.5f), style.WindowMinSize.y);
  const float pad = std::floor((h - ImGui::GetFrameHeight()) / 2);
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos({0, top});
  ImGui::SetNextWindowSize({display.x, h});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {style.FramePadding.x * 2, pad});
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
  ImGui::Begin("##labs", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar();
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("Lab");
  for (std::size_t i = 0; i < app.labs.size(); ++i) {
    const Lab& l = *app.labs[i];
    ImGui::SameLine();
    const bool on = i == app.current;
    const std::string label = std::string(l.title()) + (l.doc.dirty() ? " •" : "") + "###lab_" + std::string(l.id());
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::Button(label.c_str())) app.switch_lab(l.id());
    if (on) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%.*s  (Ctrl+%zu)", static_cast<int>(l.tooltip().size()), l.tooltip().data(), i + 1);
  }
  ImGui::End();
  ImGui::PopStyleColor();
  return h;
}

void status_bar(App& app, float height) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos({0, display.y - height});
  ImGui::SetNextWindowSize({display.x, height});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ImGui::GetStyle().FramePadding.x * 2, ImGui::GetStyle().FramePadding.y});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowMinSize, {0, 0});  // one frame high, not ImGui's least window height
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleVar(2);
  char steps[32], cpu[32];
  std::snprintf(steps, sizeof steps, "%zu undo steps", app.lab().doc.undo_depth());
  std::snprintf(cpu, sizeof cpu, "%.2f ms CPU/frame", app.last_frame_cpu_ms);
  const std::array<std::string, 6> hints{app.lab().status_hint(), app.lab().status_detail(), "Ctrl+Z undo",
                                         "F1 shortcuts", steps, cpu};
  std::array<bool, 6> shown{true, true, true, true, true, true};
  const std::string notice = app.notice.empty() ? "" : "   ·   " + app.notice;
  auto joined = [&] {
    std::string s;
    for (std::size_t i = 0; i < hints.size(); ++i)
      if (shown[i] && !hints[i].empty()) s += (s.empty() ? "" : "   ·   ") + hints[i];
    return s;
  };
  // A narrow window (presentation scale) drops the hints that matter least rather than clip them.
  const float room = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(notice.c_str()).x;
  for (const std::size_t drop : {1, 2, 5, 3, 4})
    if (ImGui::CalcTextSize(joined().c_str()).x > room) shown[drop] = false;
  // The lab's hint alone may still be too long (1280×720 presentation): it ends in "…".
  ImGui::TextDisabled("%s", fit_text(joined(), std::max(room, 0.0f)).c_str());
  if (!notice.empty()) {
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(fit_text_middle(notice, ImGui::GetContentRegionAvail().x).c_str());
  }
  ImGui::End();
}

}  // namespace divlab::gui

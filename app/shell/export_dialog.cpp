#include "shell/export_dialog.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "shell/app.hpp"
#include "shell/export_menu.hpp"
#include "shell/menu.hpp"

namespace divlab::gui {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kThemeChoices[] = {"print", "screen", "light", "dark", "high_contrast"};

bool picture(std::string_view format) { return format == "png" || format == "svg" || format == "pdf"; }

std::string trimmed(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// A typed folder: "~/" is the home folder.
fs::path typed_folder(const std::string& text) {
  const std::string t = trimmed(text);
  const char* home = std::getenv("HOME");
  if (home && (t == "~" || t.rfind("~/", 0) == 0)) return fs::path(home) / t.substr(std::min<std::size_t>(2, t.size()));
  return t;
}

std::string title_of(const App& app) {
  const Lab& lab = app.lab();
  if (const auto& t = lab.doc.scenario().title; t && !t->empty()) return *t;
  if (!lab.file_path.empty()) return fs::path(lab.file_path).stem().string();
  return "untitled";
}

// The figure to show: `wanted` when the lab has it, else the remembered one, else the lab's first.
std::string lab_figure(const App& app, std::string_view wanted) {
  const auto figures = app.lab().figures();
  const auto has = [&](std::string_view f) { return std::find(figures.begin(), figures.end(), f) != figures.end(); };
  if (!wanted.empty() && has(wanted)) return std::string(wanted);
  const auto& remembered = app.settings.export_.figure;
  if (const auto it = remembered.find(std::string(app.lab().id())); it != remembered.end() && has(it->second))
    return it->second;
  return figures.empty() ? std::string() : std::string(figures.front());
}

// The figure's size: remembered, else its default.
void set_figure(App& app, ExportDialog& d, const std::string& figure) {
  d.figure = figure;
  const auto& sizes = app.settings.export_.size;
  if (const auto it = sizes.find(figure); it != sizes.end()) {
    d.width = it->second[0];
    d.height = it->second[1];
  } else {
    const plot::Vec2 size = exporting::default_figure_size(figure);
    d.width = static_cast<int>(size.x);
    d.height = static_cast<int>(size.y);
  }
  const auto formats = export_formats(figure);
  if (std::find(formats.begin(), formats.end(), d.format) == formats.end()) d.format = "png";
}

std::string theme_label(const App& app, std::string_view choice) {
  if (choice == "print") return "Print (white paper, thin dark lines)";
  if (choice == "screen") return "As on screen (" + app.settings.theme + ")";
  if (choice == "high_contrast") return "High contrast";
  std::string s(choice);
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// The remembered choices after a successful export; written to the settings file at once.
void remember(App& app, const ExportDialog& d) {
  ExportSettings& e = app.settings.export_;
  e.folder = typed_folder(d.folder).string();
  e.format = d.format;
  if (d.format == "png") e.scale = d.scale;
  if (picture(d.format)) {
    e.transparent = d.transparent;
    e.theme[d.format] = d.theme;
  }
  e.figure[std::string(app.lab().id())] = d.figure;
  const plot::Vec2 def = exporting::default_figure_size(d.figure);
  if (d.width == static_cast<int>(def.x) && d.height == static_cast<int>(def.y)) e.size.erase(d.figure);
  else e.size[d.figure] = {d.width, d.height};
  if (app.settings_file)
    if (const auto err = save_settings(app.settings, *app.settings_file))
      app.notice += " (the settings were not saved: " + *err + ")";
}

// Top-left corner of the last item.
ImVec2 item_corner() { return ImGui::GetItemRectMin(); }

}  // namespace

std::vector<std::string> export_formats(std::string_view figure) {
  const plot::FigureSpec* spec = plot::find_figure(figure);
  if (!spec) return {};
  std::vector<std::string> out{"png", "svg", "pdf"};
  if (spec->has_data_export) out.push_back("csv");
  if (figure == "metrics" || figure == "code_table") out.push_back("tex");
  return out;
}

std::string format_label(std::string_view format) {
  if (format == "csv") return "CSV data";
  if (format == "tex") return "LaTeX table";
  std::string s(format);
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string sanitize_file_name(std::string_view text) {
  std::string out;
  bool gap = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = std::isalnum(c) || c == '-' || c == '_' || (c == '.' && !out.empty());
    if (!keep) {
      gap = !out.empty();
      continue;
    }
    if (gap && out.back() != '-') out += '-';
    gap = false;
    out += static_cast<char>(c);
    if (out.size() >= 100) break;
  }
  while (!out.empty() && (out.back() == '-' || out.back() == '.')) out.pop_back();
  return out.empty() ? "figure" : out;
}

std::string default_export_name(std::string_view title, std::string_view figure) {
  return sanitize_file_name(std::string(title) + " " + std::string(figure));
}

std::string folder_problem(const fs::path& folder) {
  if (folder.empty()) return "Choose a folder.";
  if (folder.is_relative()) return "Type a full path (starting with / or ~/): " + folder.string();
  std::error_code ec;
  if (!fs::exists(folder, ec)) return "No such folder: " + folder.string();
  if (!fs::is_directory(folder, ec)) return "Not a folder: " + folder.string();
  // Writable? Only trying tells (permissions, a read-only mount, /proc, root's override all differ).
  std::string probe = (folder / ".divlab-export-XXXXXX").string();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) return "Cannot write in " + folder.string() + ": " + std::strerror(errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return {};
}

fs::path export_folder(const App& app) {
  const std::string& f = app.settings.export_.folder;
  return f.empty() ? documents_dir() : fs::path(f);
}

std::string export_theme_choice(const App& app, std::string_view format) {
  const auto& themes = app.settings.export_.theme;
  const auto it = themes.find(std::string(format));
  if (it == themes.end()) return "print";
  return std::find(std::begin(kThemeChoices), std::end(kThemeChoices), it->second) != std::end(kThemeChoices)
             ? it->second
             : "print";
}

std::string resolve_export_theme(const App& app, std::string_view choice) {
  return choice == "screen" ? app.settings.theme : std::string(choice);
}

void open_export_dialog(App& app, std::string_view figure) {
  ExportDialog& d = app.export_dialog;
  const ExportSettings& e = app.settings.export_;
  d.visible = d.want_open = true;
  d.error.clear();
  d.overwrite.clear();
  d.format = e.format;
  set_figure(app, d, lab_figure(app, figure));
  d.theme = export_theme_choice(app, d.format);
  d.scale = static_cast<float>(e.scale);
  d.transparent = e.transparent;
  d.folder = export_folder(app).string();
  d.name = default_export_name(title_of(app), d.figure);
}

fs::path export_target(const ExportDialog& d) { return typed_folder(d.folder) / (trimmed(d.name) + "." + d.format); }

bool confirm_export(App& app) {
  ExportDialog& d = app.export_dialog;
  d.error.clear();
  const fs::path folder = typed_folder(d.folder);
  if (std::string problem = folder_problem(folder); !problem.empty()) {
    d.error = std::move(problem);
    d.overwrite.clear();
    return false;
  }
  std::string name = trimmed(d.name);
  if (const std::string ext = "." + d.format; name.size() > ext.size() && name.ends_with(ext))
    name.resize(name.size() - ext.size());  // "plot.png" typed with PNG chosen
  if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
    d.error = name.empty() ? "Type a file name." : "A file name, without a folder: " + name;
    return false;
  }
  d.name = name;
  const fs::path target = export_target(d);
  std::error_code ec;
  if (fs::exists(target, ec) && d.overwrite != target.string()) {
    d.overwrite = target.string();  // ask first; Replace (the same target again) confirms
    return false;
  }
  exporting::RenderRequest request;
  request.figure = d.figure;
  request.size = plot::Vec2{static_cast<float>(d.width), static_cast<float>(d.height)};
  request.scale = d.format == "png" ? d.scale : 1.0;
  request.theme = resolve_export_theme(app, d.theme);
  request.transparent = picture(d.format) && d.transparent;
  exporting::RenderResult checked = exporting::check_request(request, target.string());
  std::string error = checked.ok() ? export_figure(app, app.lab().figure_source(), target.string(), request) : checked.error;
  d.overwrite.clear();
  if (!error.empty()) {
    d.error = std::move(error);
    return false;
  }
  remember(app, d);
  d.visible = false;
  return true;
}

void quick_export(App& app) {
  open_export_dialog(app);
  ExportDialog& d = app.export_dialog;
  d.visible = d.want_open = false;
  if (confirm_export(app)) return;
  d.visible = d.want_open = true;  // the dialog says what is wrong, or asks before replacing
}

void draw_export_dialog(App& app) {
  ExportDialog& d = app.export_dialog;
  if (!d.visible) return;
  if (d.want_open) {
    ImGui::OpenPopup(kExportDialogTitle);
    d.want_open = false;
  }
  const float em = ImGui::GetFontSize();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints({0, 0}, {display.x * 0.96f, display.y * 0.94f});
  bool keep = true;
  if (!ImGui::BeginPopupModal(kExportDialogTitle, &keep, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    d.visible = false;  // closed with its close button
    return;
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  const float label_w = ImGui::CalcTextSize("Folder").x + em * 1.5f;
  // The fields' width: room for a path, never wider than the screen allows.
  const float field_w = std::min(em * 28.0f, display.x * 0.9f - label_w - 2 * style.WindowPadding.x);
  const auto label = [&](const char* text) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text);
    ImGui::SameLine(label_w);
  };
  bool confirm = false, cancel = false;

  label("Figure");
  ImGui::SetNextItemWidth(field_w);
  if (ImGui::BeginCombo("##figure", d.figure.c_str())) {
    for (std::string_view f : app.lab().figures()) {
      const plot::FigureSpec* spec = plot::find_figure(f);
      const std::string text = std::string(f) + (spec ? " — " + std::string(spec->title) : "");
      if (ImGui::Selectable(text.c_str(), f == d.figure) && f != d.figure) {
        const bool default_name = d.name == default_export_name(title_of(app), d.figure);
        set_figure(app, d, std::string(f));
        if (default_name) d.name = default_export_name(title_of(app), d.figure);
        d.overwrite.clear();
      }
    }
    ImGui::EndCombo();
  }

  label("Format");
  d.format_buttons.clear();
  bool first = true;
  for (const std::string& f : export_formats(d.figure)) {
    if (!first) ImGui::SameLine();
    first = false;
    if (ImGui::RadioButton(format_label(f).c_str(), d.format == f) && d.format != f) {
      d.format = f;
      d.theme = export_theme_choice(app, f);
      d.overwrite.clear();
    }
    d.format_buttons.emplace_back(f, item_corner());
  }

  if (picture(d.format)) {
    label("Theme");
    ImGui::SetNextItemWidth(field_w);
    if (ImGui::BeginCombo("##theme", theme_label(app, d.theme).c_str())) {
      for (std::string_view t : kThemeChoices)
        if (ImGui::Selectable(theme_label(app, t).c_str(), t == d.theme)) d.theme = t;
      ImGui::EndCombo();
    }
    label("Size");
    const float num_w = em * 5.0f;
    ImGui::SetNextItemWidth(num_w);
    if (ImGui::InputInt("##width", &d.width, 0)) d.width = std::clamp(d.width, 16, 8192);
    d.width_field = item_corner();
    ImGui::SameLine();
    ImGui::TextUnformatted("×");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(num_w);
    if (ImGui::InputInt("##height", &d.height, 0)) d.height = std::clamp(d.height, 16, 8192);
    ImGui::SameLine();
    ImGui::TextUnformatted(d.format == "png" ? "px" : "px (1 px = 0.75 pt)");
    ImGui::SameLine();
    if (ImGui::SmallButton("default")) {
      const plot::Vec2 s = exporting::default_figure_size(d.figure);
      d.width = static_cast<int>(s.x);
      d.height = static_cast<int>(s.y);
    }
    if (d.format == "png") {
      label("Scale");
      ImGui::SetNextItemWidth(em * 8.0f);
      ImGui::SliderFloat("##scale", &d.scale, 1.0f, 4.0f, "%.1f×", ImGuiSliderFlags_AlwaysClamp);
      ImGui::SameLine();
      ImGui::TextDisabled("→ %d × %d pixels", static_cast<int>(std::ceil(d.width * d.scale)),
                          static_cast<int>(std::ceil(d.height * d.scale)));
    }
    ImGui::Dummy({label_w - style.ItemSpacing.x, 0});
    ImGui::SameLine(label_w);
    ImGui::Checkbox("Transparent background", &d.transparent);
  }

  label("Folder");
  ImGui::SetNextItemWidth(field_w);
  if (ImGui::InputText("##folder", &d.folder)) {
    d.error.clear();
    d.overwrite.clear();
  }
  d.folder_field = item_corner();
  ImGui::Dummy({label_w - style.ItemSpacing.x, 0});
  ImGui::SameLine(label_w);
  if (ImGui::SmallButton("Documents")) d.folder = documents_dir().string();
  if (const std::string& file = app.lab().file_path; !file.empty() && !is_preset(file)) {
    ImGui::SameLine();
    if (ImGui::SmallButton("This file's folder")) d.folder = fs::absolute(fs::path(file)).parent_path().string();
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("Current folder")) {
    std::error_code ec;
    d.folder = fs::current_path(ec).string();
  }

  label("Name");
  ImGui::SetNextItemWidth(field_w - ImGui::CalcTextSize(".png").x - style.ItemSpacing.x);
  if (ImGui::InputText("##name", &d.name, ImGuiInputTextFlags_EnterReturnsTrue)) confirm = true;
  d.name_field = item_corner();
  if (ImGui::IsItemEdited()) d.overwrite.clear();
  ImGui::SameLine();
  ImGui::TextDisabled(".%s", d.format.c_str());

  ImGui::Spacing();
  const float text_w = label_w + field_w;
  ImGui::TextDisabled("%s", fit_text_middle(export_target(d).string(), text_w).c_str());
  const ImVec4 red(1.0f, 0.4f, 0.4f, 1.0f), amber(1.0f, 0.7f, 0.2f, 1.0f);
  if (!d.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, red);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    ImGui::TextWrapped("%s", d.error.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  if (!d.overwrite.empty())
    ImGui::TextColored(amber, "%s exists. Replace it?", fit_text_middle(fs::path(d.overwrite).filename().string(), text_w).c_str());
  ImGui::Spacing();
  const float bw = em * 7.0f;
  if (ImGui::Button(d.overwrite.empty() ? "Export###go" : "Replace###go", {bw, 0})) confirm = true;
  (d.overwrite.empty() ? d.export_button : d.replace_button) = item_corner();
  if (d.overwrite.empty()) d.replace_button = {};
  ImGui::SameLine();
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::Button("Cancel", {bw, 0}) ||
      (io.KeysDown[GLFW_KEY_ESCAPE] && io.KeysDownDuration[GLFW_KEY_ESCAPE] == 0.0f && !io.WantTextInput))
    cancel = true;
  d.cancel_button = item_corner();

  if (confirm) confirm_export(app);
  if (cancel) d.visible = false;
  if (!d.visible) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace divlab::gui

#include "widgets/file_dialog.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "widgets/metric_tooltip.hpp"

namespace divlab::gui {

namespace fs = std::filesystem;

namespace {

bool is_json(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".json";
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool pressed(int key) {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeysDown[key] && io.KeysDownDuration[key] == 0.0f;
}

// Centres the next window on the main viewport when it appears.
void center_next_window() {
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
}

}  // namespace

std::vector<FolderEntry> list_scenario_folder(const fs::path& folder, std::string* error) {
  std::vector<FolderEntry> out;
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    if (error) *error = folder.string() + ": " + ec.message();
    return out;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files and our own .tmp- files
    std::error_code type_ec;
    if (it->is_directory(type_ec))
      out.push_back({name, true});
    else if (is_json(it->path()) && !type_ec)
      out.push_back({name, false});
  }
  std::sort(out.begin(), out.end(), [](const FolderEntry& a, const FolderEntry& b) {
    return a.is_dir != b.is_dir ? a.is_dir : a.name < b.name;
  });
  return out;
}

void navigate(FileDialog& d, const fs::path& folder) {
  std::error_code ec;
  fs::path f = fs::weakly_canonical(folder, ec);
  d.folder = ec ? folder.lexically_normal() : f;
  d.message.clear();
  d.overwrite.clear();
  d.entries = list_scenario_folder(d.folder, &d.message);
}

void open_file_dialog(FileDialog& d, FileDialogMode mode, fs::path folder, fs::path presets_folder,
                      std::string suggested_name) {
  d.visible = true;
  d.want_open = true;
  d.mode = mode;
  d.presets_folder = std::move(presets_folder);
  navigate(d, folder.empty() ? d.presets_folder : folder);
  d.path_text = std::move(suggested_name);
}

std::optional<fs::path> resolve_choice(FileDialog& d) {
  d.message.clear();
  const std::string text = trimmed(d.path_text);
  if (text.empty()) {
    d.message = d.mode == FileDialogMode::open ? "Pick a file or type its path." : "Type a file name.";
    return std::nullopt;
  }
  fs::path p = text;
  const char* home = std::getenv("HOME");
  if (text.rfind("~/", 0) == 0 && home) p = fs::path(home) / text.substr(2);
  if (p.is_relative()) p = d.folder / p;
  p = p.lexically_normal();
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    navigate(d, p);
    d.path_text.clear();
    return std::nullopt;
  }
  if (d.mode == FileDialogMode::open) {
    if (!fs::exists(p, ec)) {
      d.message = "No such file: " + p.string();
      return std::nullopt;
    }
    return p;
  }
  if (!p.has_extension()) p += ".divlab.json";  // the scenario MIME type's glob (packaging/divlab-mime.xml)
  if (!fs::is_directory(p.parent_path(), ec)) {
    d.message = "No such folder: " + p.parent_path().string();
    return std::nullopt;
  }
  if (fs::exists(p, ec) && d.overwrite != p.string()) {
    d.overwrite = p.string();  // ask first; the same choice again confirms
    return std::nullopt;
  }
  return p;
}

std::optional<fs::path> draw_file_dialog(FileDialog& d) {
  if (!d.visible) return std::nullopt;
  const char* title = d.mode == FileDialogMode::open ? kOpenDialogTitle : kSaveDialogTitle;
  if (d.want_open) {
    ImGui::OpenPopup(title);
    d.want_open = false;
  }
  const float em = ImGui::GetFontSize();
  center_next_window();
  ImGui::SetNextWindowSize(ImVec2(em * 36.0f, em * 26.0f), ImGuiCond_Appearing);
  bool keep = true;
  if (!ImGui::BeginPopupModal(title, &keep)) {
    d.visible = false;  // closed with its close button
    return std::nullopt;
  }
  std::optional<fs::path> chosen;
  bool confirm = false, cancel = false;

  if (!d.presets_folder.empty() && ImGui::Button("Presets")) navigate(d, d.presets_folder);
  ImGui::SameLine();
  if (ImGui::Button("Up")) navigate(d, d.folder.parent_path());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", d.folder.string().c_str());

  // The listing; the footer below it holds the path field, a message line and the buttons.
  const float footer = ImGui::GetFrameHeightWithSpacing() * 2.0f + ImGui::GetTextLineHeightWithSpacing();
  std::optional<fs::path> go_to;
  if (ImGui::BeginChild("##files", ImVec2(0, -footer), true)) {
    for (const FolderEntry& e : d.entries) {
      const std::string label = e.is_dir ? e.name + "/" : e.name;
      const fs::path full = d.folder / e.name;
      const bool selected = !e.is_dir && fs::path(trimmed(d.path_text)) == full;
      if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
        if (e.is_dir) {
          go_to = full;
        } else {
          d.path_text = full.string();
          d.overwrite.clear();
          if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) confirm = true;
        }
      }
    }
    if (d.entries.empty()) ImGui::TextDisabled("(no folders or .json files here)");
  }
  ImGui::EndChild();
  if (go_to) navigate(d, *go_to);

  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::InputText("##path", &d.path_text, ImGuiInputTextFlags_EnterReturnsTrue)) confirm = true;
  if (!d.overwrite.empty())
    ImGui::TextColored(ImVec4(1.0f, 0.7f, 0.2f, 1.0f), "%s exists. Save again to replace it.",
                       fs::path(d.overwrite).filename().string().c_str());
  else if (!d.message.empty())
    ImGui::TextColored(ImVec4(1.0f, 0.4f, 0.4f, 1.0f), "%s", d.message.c_str());
  else
    ImGui::TextDisabled("%s", d.mode == FileDialogMode::open ? "Scenario files (.json)" : "Saved as JSON");
  const char* action = d.mode == FileDialogMode::open ? "Open" : (d.overwrite.empty() ? "Save" : "Replace");
  if (ImGui::Button(action, ImVec2(em * 6.0f, 0))) confirm = true;
  ImGui::SameLine();
  if (ImGui::Button("Cancel", ImVec2(em * 6.0f, 0)) || (pressed(GLFW_KEY_ESCAPE) && !ImGui::GetIO().WantTextInput))
    cancel = true;

  if (confirm) chosen = resolve_choice(d);
  if (chosen || cancel) {
    d.visible = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return chosen;
}

void show_error(ErrorDialog& d, std::string message) {
  d.message = std::move(message);
  d.want_open = true;
}

void draw_error_dialog(ErrorDialog& d) {
  if (d.want_open) {
    ImGui::OpenPopup(kErrorDialogTitle);
    d.want_open = false;
  }
  center_next_window();
  if (!ImGui::BeginPopupModal(kErrorDialogTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  text_wrapped(d.message, ImGui::GetFontSize() * 40.0f);  // breaks at spaces, not inside "p.mass[3]"
  ImGui::Spacing();
  ImGui::TextDisabled("Your current work is unchanged.");
  ImGui::Spacing();
  if (ImGui::Button("OK", ImVec2(ImGui::GetFontSize() * 6.0f, 0)) || pressed(GLFW_KEY_ENTER) ||
      pressed(GLFW_KEY_ESCAPE) || pressed(GLFW_KEY_KP_ENTER))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace divlab::gui

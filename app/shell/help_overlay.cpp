#include "shell/help_overlay.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <string>

#include "shell/app.hpp"

namespace divlab::gui {

void draw_help_overlay(const App& app, bool* open) {
  if (!*open) return;
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeysDown[GLFW_KEY_ESCAPE] && io.KeysDownDuration[GLFW_KEY_ESCAPE] == 0.0f) {
    *open = false;
    return;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.96f);
  ImGui::SetNextWindowFocus();
  // Never taller than the window (presentation scale): past that it scrolls.
  ImGui::SetNextWindowSizeConstraints({0, 0}, {vp->Size.x * 0.95f, vp->Size.y * 0.92f});
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
  if (ImGui::Begin(kHelpOverlayTitle, open, flags)) {
    // One table, so that the key column lines up across groups; a group starts with a title row.
    if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
      std::string group;
      for (const HelpRow& row : help_rows(app.actions, app.lab().id())) {
        if (row.group != group) {
          group = row.group;
          ImGui::TableNextRow();
          ImGui::TableSetColumnIndex(0);
          ImGui::Spacing();
          ImGui::TextDisabled("%.*s", static_cast<int>(group.size()), group.data());
        }
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(row.keys.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(row.text.c_str());
      }
      ImGui::EndTable();
    }
    ImGui::Spacing();
    ImGui::TextDisabled("Esc or F1 closes this help.");
  }
  ImGui::End();
}

}  // namespace divlab::gui

// A fixed panel of the tiled layout: labs place their panels with it.
#pragma once
#include <imgui.h>

namespace divlab::gui {

inline constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                                ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                                ImGuiWindowFlags_NoBringToFrontOnFocus;

// ImGui::Begin at a fixed place and size; call ImGui::End() whatever it returns.
inline bool begin_panel(const char* title, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  return ImGui::Begin(title, nullptr, kPanelFlags | extra);
}

}  // namespace divlab::gui

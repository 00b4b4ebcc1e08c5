// A fixed panel of the tiled layout: labs place their panels with it.
#pragma once
#include <imgui.h>

namespace divlab::gui {

inline constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                                ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                                ImGuiWindowFlags_NoBringToFrontOnFocus;

// ImGui::Begin at a fixed place and size; call ImGui::End() whatever it returns.
// The framebuffer is cleared to the theme background (= WindowBg), so a tiled panel need not paint it
// again: a full-screen layer less for a software rasteriser to blend. (A transparent colour, not
// NoBackground, which would drop the border too.) A floating window over the panels (Explain) is
// opened with ImGui::Begin and keeps its opaque background.
inline bool begin_panel(const char* title, ImVec2 pos, ImVec2 size, ImGuiWindowFlags extra = 0) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));  // read by Begin, which paints it
  const bool open = ImGui::Begin(title, nullptr, kPanelFlags | extra);
  ImGui::PopStyleColor();
  return open;
}

}  // namespace divlab::gui

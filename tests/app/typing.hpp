// Typing in the in-process GUI tests as the GLFW backend delivers it: a key index (GLFW's codes,
// which for digits, '-' and '.' are their ASCII codes) and a character for each key.
#pragma once
#include <imgui.h>

#include <string>

#include "shell/keys.hpp"

namespace divlab::gui {

inline constexpr int kEnter = 257, kBackspace = 259;

// The keys ImGui's own widgets need (the GLFW backend sets the same map in the real window).
inline void map_editing_keys() {
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Tab] = keys::kTab;
  io.KeyMap[ImGuiKey_Enter] = kEnter;
  io.KeyMap[ImGuiKey_Backspace] = kBackspace;
  io.KeyMap[ImGuiKey_Escape] = keys::kEscape;
  io.KeyMap[ImGuiKey_LeftArrow] = keys::kLeft;
  io.KeyMap[ImGuiKey_RightArrow] = keys::kRight;
  io.KeyMap[ImGuiKey_A] = 'A';
}

}  // namespace divlab::gui

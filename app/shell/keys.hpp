// Key indices in io.KeysDown: the GLFW key codes, which the GLFW backend writes (letters are their
// upper-case ASCII codes). Tests feed the same indices without GLFW.
#pragma once

namespace divlab::gui::keys {
inline constexpr int kLeft = 263, kRight = 262, kEscape = 256, kTab = 258;
inline constexpr int kF1 = 290, kF5 = 294, kF9 = 298, kF11 = 300;
inline constexpr int kLeftShift = 340, kLeftControl = 341;
}  // namespace divlab::gui::keys

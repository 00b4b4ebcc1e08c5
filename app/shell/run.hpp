// Entry point of the GUI: opens `file`, or the built-in default scenario when empty.
// Returns the exit status (2 without a display or without OpenGL 3.3).
#pragma once
#include <string>

namespace divlab::gui {
int run(const std::string& file);
}

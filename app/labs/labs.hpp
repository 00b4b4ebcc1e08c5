// The one place labs are registered: the lab bar, --lab, settings and tours know them from here.
#pragma once
#include <memory>
#include <vector>

#include "shell/lab.hpp"

namespace divlab::gui {

// Every lab, in the lab bar's order, each on its default document.
std::vector<std::unique_ptr<Lab>> make_labs();

}  // namespace divlab::gui

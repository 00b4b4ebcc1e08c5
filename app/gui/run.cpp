// TODO(gui): placeholder until the GUI lands.
#include "gui/run.hpp"

#include <cstdio>

namespace divlab::gui {

int run(const std::string&) {
  std::fputs("divlab: the GUI is not implemented yet\n", stderr);
  return 1;
}

}  // namespace divlab::gui

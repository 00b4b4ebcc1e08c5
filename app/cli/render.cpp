// TODO(owner of this command): placeholder until implemented.
#include "cli/commands.hpp"

namespace divlab::cli {

int render(const Args&) {
  print_error("'render' is not implemented yet");
  return 1;
}

}  // namespace divlab::cli

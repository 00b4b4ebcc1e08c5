// TODO(owner of this command): placeholder until implemented.
#include "cli/commands.hpp"

namespace divlab::cli {

int screenshot(const Args&) {
  print_error("'screenshot' is not implemented yet");
  return 1;
}

}  // namespace divlab::cli

// TODO(owner of this command): placeholder until implemented.
#include "cli/commands.hpp"

namespace divlab::cli {

int metrics(const Args&) {
  print_error("'metrics' is not implemented yet");
  return 1;
}

}  // namespace divlab::cli

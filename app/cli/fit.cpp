// TODO(owner of this command): placeholder until implemented.
#include "cli/commands.hpp"

namespace divlab::cli {

int fit(const Args&) {
  print_error("'fit' is not implemented yet");
  return 1;
}

}  // namespace divlab::cli

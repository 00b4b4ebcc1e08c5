#include <cstdio>

#include "cli/commands.hpp"

namespace divlab::cli {

void print_error(const std::string& message) { std::fprintf(stderr, "divlab: %s\n", message.c_str()); }

}  // namespace divlab::cli

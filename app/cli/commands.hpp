// The command-line commands. Each takes the arguments after its name and returns the exit
// status of SPEC §3: 0 success, 2 bad usage or invalid input, 1 anything else.
#pragma once
#include <string>
#include <vector>

namespace divlab::cli {

using Args = std::vector<std::string>;

int metrics(const Args& args);     // cli/metrics.cpp
int fit(const Args& args);         // cli/fit.cpp
int render(const Args& args);      // cli/render.cpp
int code(const Args& args);        // cli/code.cpp
int import_data(const Args& args);  // cli/import.cpp (not `import`: C++20 modules give it a meaning)
int screenshot(const Args& args);  // cli/screenshot.cpp (GUI)
int actions(const Args& args);     // cli/actions.cpp (GUI)

// Prints "divlab: <message>" on stderr.
void print_error(const std::string& message);

}  // namespace divlab::cli

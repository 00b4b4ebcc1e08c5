// Helpers shared by the command-line commands: argument parsing with SPEC §3 exit statuses,
// loading a scenario with SPEC §4's error line, and number formatting.
#pragma once
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "cli/commands.hpp"
#include "divlab/document/scenario.hpp"

namespace divlab::cli {

// Parses `args` (in order, without the command name) with `app`. Returns nullopt when the command
// should run, or the exit status to return: 0 after --help/--version (printed on stdout), 2 after
// a usage error (one line "divlab: <command>: <what> (see 'divlab <command> --help')" on stderr).
std::optional<int> parse_command_line(CLI::App& app, std::string_view command, const Args& args);

// Adds --version (prints "divlab <version>") to a command.
void add_version_flag(CLI::App& app);

// Text from a file or the command line made safe for a terminal: control characters (NUL, ESC, a
// newline, DEL) become visible escapes (\0, \x1b, \n, \x7f), so a title or a file name can neither
// cut the output short nor send escape sequences.
std::string terminal_safe(std::string_view s);

// Writes `out` to stdout and flushes it, checking both; on failure (a full disk, a closed pipe) says
// "divlab: <command>: cannot write the output: <why>" on stderr and returns 1, else 0.
int write_stdout(const std::string& out, std::string_view command);

// Loads and validates a scenario file; on failure prints SPEC §4's line ("divlab: coin.json:
// p.mass[3]: expected ...") on stderr and returns nullopt (the caller exits with status 2).
std::optional<Scenario> load_or_report(const std::string& path);

// A number for JSON: 17 significant digits (round-trips), +∞ → "inf" (a JSON string, quotes
// included), −∞ → "-inf", NaN → null, −0 → 0.
std::string json_number(double v);
// A JSON string literal (quotes and escapes included).
std::string json_string(std::string_view s);

}  // namespace divlab::cli

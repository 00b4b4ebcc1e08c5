#include "cli/common.hpp"

#include <cerrno>
#include <cstring>

#include <cmath>
#include <cstdio>

namespace divlab::cli {

std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7f) {
      out += ch;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == 0) {
      out += "\\0";
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

// One line, escaped, and at most ~1000 bytes (whole UTF-8 characters): a hostile name cannot flood
// the terminal.
void print_error(const std::string& message) {
  constexpr std::size_t kMax = 1000;
  std::string line = terminal_safe(message);
  if (line.size() > kMax) {
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    line = line.substr(0, cut) + "...";
  }
  line = "divlab: " + line + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

int write_stdout(const std::string& out, std::string_view command) {
  errno = 0;
  const bool ok = std::fwrite(out.data(), 1, out.size(), stdout) == out.size() && std::fflush(stdout) == 0;
  if (ok) return 0;
  const int err = errno;
  print_error(std::string(command) + ": cannot write the output: " + (err ? std::strerror(err) : "write error"));
  return 1;
}

namespace {

// CLI11 messages may span lines; the contract is one line.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

std::optional<int> parse_command_line(CLI::App& app, std::string_view command, const Args& args) {
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them back to front
    app.parse(reversed);
    return std::nullopt;
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::puts("divlab " DIVLAB_VERSION);
    return 0;
  } catch (const CLI::ParseError& e) {
    print_error(std::string(command) + ": " + one_line(e.what()) + " (see 'divlab " + std::string(command) +
                " --help')");
    return 2;
  }
}

void add_version_flag(CLI::App& app) { app.set_version_flag("--version", "divlab " DIVLAB_VERSION); }

std::optional<Scenario> load_or_report(const std::string& path) {
  try {
    return load_scenario(path);
  } catch (const ScenarioError& e) {
    print_error(e.what());
    return std::nullopt;
  }
}

std::string json_number(double v) {
  if (std::isnan(v)) return "null";
  if (std::isinf(v)) return v > 0 ? "\"inf\"" : "\"-inf\"";
  if (v == 0) return "0";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string json_string(std::string_view s) {
  return nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace divlab::cli

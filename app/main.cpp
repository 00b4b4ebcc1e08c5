// divlab: one executable. `divlab [FILE]` opens the GUI; `divlab COMMAND ...` runs a command.
#include <cstdio>
#include <exception>
#include <string>

#include "cli/commands.hpp"
#include "shell/run.hpp"

namespace {

const char* const kUsage =
    "divlab " DIVLAB_VERSION " - an interactive lab bench for entropy and divergences\n"
    "\n"
    "usage:\n"
    "  divlab [FILE]                    open the GUI on FILE or on the built-in default scenario\n"
    "  divlab metrics FILE [--base e|2] [--json]\n"
    "  divlab fit FILE [--objective forward_kl|reverse_kl|jsd] [--start mean=M,sd=S]\n"
    "                  [--max-steps N] [--json] [--trajectory]\n"
    "  divlab render FILE -o OUT.{png,svg,pdf} [--figure NAME] [--size WxH] [--scale S] [--theme NAME]\n"
    "  divlab screenshot FILE -o OUT.png [--size WxH]\n"
    "\n"
    "Run 'divlab COMMAND --help' for a command's options.\n";

int dispatch(int argc, char** argv) {
  if (argc >= 2) {
    const std::string first = argv[1];
    const divlab::cli::Args rest(argv + 2, argv + argc);
    if (first == "metrics") return divlab::cli::metrics(rest);
    if (first == "fit") return divlab::cli::fit(rest);
    if (first == "render") return divlab::cli::render(rest);
    if (first == "screenshot") return divlab::cli::screenshot(rest);
    if (first == "--help" || first == "-h" || first == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (first == "--version") {
      std::puts("divlab " DIVLAB_VERSION);
      return 0;
    }
    if (argc > 2 || (!first.empty() && first[0] == '-')) {
      divlab::cli::print_error("unknown command or option '" + first + "' (see 'divlab --help')");
      return 2;
    }
    return divlab::gui::run(first);
  }
  return divlab::gui::run("");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    divlab::cli::print_error(std::string("internal error: ") + e.what());
    return 1;
  }
}

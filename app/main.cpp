// divlab: one executable. `divlab [FILE]` opens the GUI; `divlab COMMAND ...` runs a command.
#include <cstdio>
#include <exception>
#include <string>

#include "cli/commands.hpp"
#include "divlab/common/memory_policy.hpp"
#if DIVLAB_WITH_GUI
#include "shell/data_dir.hpp"
#include "shell/run.hpp"
#endif

namespace {

const char* const kUsage =
    "divlab " DIVLAB_VERSION " - an interactive lab bench for entropy and divergences\n"
    "\n"
    "usage:\n"
    "  divlab [FILE]                    open the GUI on FILE or on the built-in default scenario\n"
    "  divlab metrics FILE [--base e|2] [--json]\n"
    "  divlab fit FILE [--objective forward_kl|reverse_kl|jsd] [--start mean=M,sd=S]\n"
    "                  [--max-steps N] [--json] [--trajectory]\n"
    "  divlab code FILE [--json]        binary Huffman codes for P and Q, their lengths in bits\n"
    "  divlab import --text P.txt [Q.txt] [--unit letter|char|word] -o OUT.json\n"
    "  divlab import --csv FILE.csv [--p COLUMN] [--q COLUMN] [--label COLUMN] -o OUT.json\n"
    "  divlab render FILE -o OUT.{png,svg,pdf} [--figure NAME] [--size WxH] [--scale S] [--theme NAME]\n"
    "  divlab screenshot FILE -o OUT.png [--size WxH] [--lab NAME] [--presentation] [--theme NAME]\n"
    "  divlab actions [--markdown] [--json]   every action of the app: id, lab, keys, arguments\n"
    "\n"
    "Run 'divlab COMMAND --help' for a command's options.\n";

#if DIVLAB_WITH_GUI
int run_gui(const std::string& file) { return divlab::gui::run(file); }
#else
// This divlab was built without the GUI (DIVLAB_BUILD_GUI=OFF): exit 2, as with no display.
int refuse_gui() {
  divlab::cli::print_error("this divlab was built without the GUI; use 'divlab render FILE -o OUT.png'");
  return 2;
}
int run_gui(const std::string&) { return refuse_gui(); }
#endif

int dispatch(int argc, char** argv) {
  if (argc >= 2) {
    const std::string first = argv[1];
    const divlab::cli::Args rest(argv + 2, argv + argc);
    if (first == "metrics") return divlab::cli::metrics(rest);
    if (first == "fit") return divlab::cli::fit(rest);
    if (first == "render") return divlab::cli::render(rest);
    if (first == "code") return divlab::cli::code(rest);
    if (first == "import") return divlab::cli::import_data(rest);
#if DIVLAB_WITH_GUI
    if (first == "screenshot") return divlab::cli::screenshot(rest);
    if (first == "actions") return divlab::cli::actions(rest);
#else
    if (first == "screenshot" || first == "actions") return refuse_gui();
#endif
    if (first == "--help" || first == "-h" || first == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (first == "--version") {
      std::puts("divlab " DIVLAB_VERSION);
#if DIVLAB_WITH_GUI
      // Where the presets and tours are read from (docs/install.md): beside the executable.
      std::printf("data: %s\n", divlab::gui::asset_dir().c_str());
#endif
      return 0;
    }
    if (argc > 2 || (!first.empty() && first[0] == '-')) {
      divlab::cli::print_error("unknown command or option '" + first + "' (see 'divlab --help')");
      return 2;
    }
    return run_gui(first);
  }
  return run_gui("");
}

}  // namespace

int main(int argc, char** argv) {
  divlab::keep_freed_memory();
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    divlab::cli::print_error(std::string("internal error: ") + e.what());
    return 1;
  }
}

// `divlab actions [--markdown] [--json]`: every named action of the app (the shell's and each
// lab's) with its keys, lab and arguments, from the one registry. The README's and
// docs/teaching.md's shortcut tables are its --markdown output; tours name these ids.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "shell/app.hpp"

namespace divlab::cli {

namespace {

std::string keys_of(const gui::Action& a) {
  std::string keys;
  for (const gui::Binding& b : a.keys) keys += (keys.empty() ? "" : ", ") + gui::key_label(b);
  return keys;
}

}  // namespace

int actions(const Args& args) {
  CLI::App cli{"Lists every action of the app: id, lab, keys, arguments (for tours and the docs).", "divlab actions"};
  bool markdown = false, json = false;
  cli.add_flag("--markdown", markdown, "The shortcut tables of the README, one per group");
  cli.add_flag("--json", json, "One object per action");
  add_version_flag(cli);
  if (const std::optional<int> done = parse_command_line(cli, "actions", args)) return *done;
  const gui::App app;
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const gui::Action& a : app.actions.all())
      out.push_back({{"id", a.id}, {"group", a.group}, {"text", a.text}, {"lab", a.lab}, {"keys", keys_of(a)},
                     {"params", a.params}});
    std::puts(out.dump(2).c_str());
    return 0;
  }
  if (markdown) {
    // The overlay's rows of every lab, a table per group; a lab's group says whose it is.
    std::string group;
    for (const gui::HelpRow& r : gui::help_rows(app.actions, "")) {
      const std::string title = r.group + (r.lab.empty() ? "" : " (" + r.lab + " lab)");
      if (title != group) {
        std::printf("%s**%s**\n\n| Keys | Action |\n|---|---|\n", group.empty() ? "" : "\n", title.c_str());
        group = title;
      }
      std::printf("| %s | %s |\n", r.keys.c_str(), r.text.c_str());
    }
    return 0;
  }
  for (const gui::Action& a : app.actions.all())
    std::printf("%-28s %-11s %-22s %s%s\n", a.id.c_str(), a.lab.empty() ? "(any lab)" : a.lab.c_str(),
                keys_of(a).c_str(), a.text.c_str(), a.params.empty() ? "" : ("  [" + a.params + "]").c_str());
  return 0;
}

}  // namespace divlab::cli

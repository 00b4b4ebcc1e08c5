#include "shell/session_restore.hpp"

#include <cstdio>
#include <utility>

namespace divlab::gui {

namespace {

// Moves the unreadable autosave out of the way of the next one and says where it went.
std::string keep(SessionStore& store, const std::string& lab, const std::string& why) {
  std::string error;
  const auto kept = store.keep_aside(&error);
  const std::string where = kept ? "kept as " + kept->string() : "left in place (" + error + ")";
  return "The " + lab + " lab's autosave from the last session could not be read (" + why + "); it was " + where +
         ".";
}

}  // namespace

std::string restore_session(SessionStore& store, Lab& lab) {
  const auto recovered = store.recover();
  if (!recovered) return {};
  const std::string name(lab.id());
  std::string said;
  if (!recovered->damaged.empty()) {
    said = keep(store, name, recovered->damaged);
  } else {
    try {
      Scenario s = parse_scenario(recovered->scenario_text, store.session_path().string());
      if (!lab.opens(s.kind)) throw ScenarioError("not a scenario of the " + name + " lab");
      lab.doc.reset(std::move(s));
      lab.doc.mark_unsaved();
      lab.file_path.clear();
      said = "Restored the unsaved work of the " + name + " lab from the last session (not saved yet: Ctrl+S saves it).";
    } catch (const ScenarioError& e) {
      said = keep(store, name, e.what());
    }
  }
  std::fprintf(stderr, "divlab: %s\n", said.c_str());
  return said;
}

}  // namespace divlab::gui

// Issue 11 §2: an autosave that cannot be read is kept aside and said, never dropped and then
// overwritten; a readable one comes back into its lab, marked unsaved, and is said too.
#include "shell/session_restore.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "divlab/document/scenario.hpp"
#include "labs/divergence/divergence_lab.hpp"

namespace divlab::gui {
namespace {

namespace fs = std::filesystem;

struct Tmp {
  Tmp() {
    char tmpl[] = "/tmp/divlab-restore-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~Tmp() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path path;
};

Scenario coin() {
  Scenario s;
  s.kind = Kind::discrete;
  s.title = "autosaved coin";
  s.p_mass = {0.5, 0.5};
  s.q_mass = {0.9, 0.1};
  return s;
}

TEST(SessionRestore, AReadableAutosaveComesBackUnsavedAndIsSaid) {
  Tmp t;
  SessionStore store(t.path);
  ASSERT_EQ(store.autosave(to_json_text(coin())), std::nullopt);
  DivergenceLab lab;
  const std::string said = restore_session(store, lab);
  EXPECT_EQ(lab.doc.scenario().title.value_or(""), "autosaved coin");
  EXPECT_TRUE(lab.doc.dirty());
  EXPECT_NE(said.find("Restored the unsaved work"), std::string::npos) << said;
}

TEST(SessionRestore, ATruncatedAutosaveIsKeptOfferedAndSaid) {
  Tmp t;
  SessionStore store(t.path);
  ASSERT_EQ(store.autosave(to_json_text(coin())), std::nullopt);
  std::string whole;
  {
    std::ifstream in(store.session_path());
    std::ostringstream s;
    s << in.rdbuf();
    whole = s.str();
  }
  std::ofstream(store.session_path(), std::ios::trunc) << whole.substr(0, 40);
  DivergenceLab lab;
  const Scenario before = lab.doc.scenario();
  const std::string said = restore_session(store, lab);
  EXPECT_EQ(lab.doc.scenario(), before);
  EXPECT_NE(said.find("could not be read"), std::string::npos) << said;
  const auto at = said.find("kept as ");
  ASSERT_NE(at, std::string::npos) << said;
  const fs::path kept = said.substr(at + 8, said.size() - at - 9);  // "… kept as PATH."
  ASSERT_TRUE(fs::exists(kept)) << kept;
  ASSERT_EQ(store.autosave(to_json_text(before)), std::nullopt);  // the next session's autosave
  std::ifstream in(kept);
  std::ostringstream s;
  s << in.rdbuf();
  EXPECT_EQ(s.str(), whole.substr(0, 40));  // survives it
}

TEST(SessionRestore, AnAutosaveWithAnInvalidScenarioIsKeptToo) {
  Tmp t;
  SessionStore store(t.path);
  ASSERT_EQ(store.autosave(R"({"p": {"mass": [0.5, -1]}, "q": {"mass": [0.5, 0.5]}})"), std::nullopt);
  DivergenceLab lab;
  const std::string said = restore_session(store, lab);
  EXPECT_NE(said.find("kept as "), std::string::npos) << said;
  EXPECT_FALSE(fs::exists(store.session_path()));  // moved, not deleted
  int kept = 0;
  for (const auto& e : fs::directory_iterator(t.path)) kept += e.path().filename().string().rfind("session-kept-", 0) == 0;
  EXPECT_EQ(kept, 1);
}

}  // namespace
}  // namespace divlab::gui

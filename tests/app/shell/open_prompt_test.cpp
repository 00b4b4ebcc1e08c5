// Never losing work: opening a file or preset over unsaved edits asks first; a failed open
// leaves the current work untouched.
#include <gtest/gtest.h>

#include <string>

#include "shell/actions.hpp"
#include "shell/app.hpp"

namespace divlab::gui {
namespace {

const std::string kPreset = std::string(DIVLAB_SOURCE_DIR) + "/assets/presets/01-fair-vs-rigged-coin.json";

TEST(OpenPrompt, CleanDocumentOpensAtOnce) {
  App app;
  open_file(app, kPreset);
  EXPECT_EQ(app.lab().doc.scenario().title.value_or(""), "Fair coin vs rigged coin");
  EXPECT_FALSE(app.confirm_quit);
  EXPECT_TRUE(app.pending_open.empty());
}

TEST(OpenPrompt, UnsavedWorkAsksBeforeItIsReplaced) {
  App app;
  app.lab().doc.set_base(Base::two);  // an edit
  ASSERT_TRUE(app.lab().doc.dirty());
  const Scenario before = app.lab().doc.scenario();
  open_file(app, kPreset);
  EXPECT_EQ(app.lab().doc.scenario(), before);  // nothing replaced yet
  EXPECT_TRUE(app.confirm_quit);          // the "Discard unsaved work?" prompt
  EXPECT_EQ(app.pending_open, kPreset);
  open_file(app, app.pending_open, /*discard=*/true);  // the user chose "Discard and open"
  EXPECT_EQ(app.lab().doc.scenario().title.value_or(""), "Fair coin vs rigged coin");
  EXPECT_FALSE(app.lab().doc.dirty());
}

TEST(OpenPrompt, InvalidFileKeepsTheWorkAndShowsTheSpecMessage) {
  App app;
  app.lab().doc.set_base(Base::two);
  const Scenario before = app.lab().doc.scenario();
  open_file(app, std::string(DIVLAB_SOURCE_DIR) + "/tests/cli/bad/coin.json", /*discard=*/true);
  EXPECT_EQ(app.lab().doc.scenario(), before);
  EXPECT_TRUE(app.lab().doc.dirty());
  EXPECT_TRUE(app.file_error.want_open);
  EXPECT_NE(app.file_error.message.find("coin.json: p.mass[3]: expected a finite number >= 0, got -0.2"),
            std::string::npos)
      << app.file_error.message;
}

TEST(OpenPrompt, RestoredSessionIsMarkedUnsaved) {
  App app;
  app.lab().doc.mark_unsaved();
  EXPECT_TRUE(app.lab().doc.dirty());
  app.lab().doc.mark_saved();
  EXPECT_FALSE(app.lab().doc.dirty());
}

}  // namespace
}  // namespace divlab::gui

// Issue 15: a text or a CSV dropped on the window (or opened) is imported as `divlab import` does by
// default and opens as new, unsaved work; a table that cannot be used gets the one-line error and the
// current work stays.
#include <gtest/gtest.h>

#include <string>

#include "app/imgui_fixture.hpp"
#include "divlab/import/import.hpp"

namespace divlab::gui {
namespace {

const std::string kData = std::string(DIVLAB_SOURCE_DIR) + "/tests/reference/import/";

class OpenImport : public AppTest {};

TEST_F(OpenImport, ACsvOpensAsUnsavedWorkWithItsLabelsAndCounts) {
  open_file(*app, kData + "quoted_crlf_bom.csv");
  const Scenario expected = import_csv_file(kData + "quoted_crlf_bom.csv", {});
  EXPECT_EQ(app->lab().id(), "divergence");
  EXPECT_EQ(div().doc.scenario().labels, expected.labels);
  EXPECT_EQ(div().doc.scenario().labels.front(), "hello, world");  // a quoted comma kept
  EXPECT_EQ(div().doc.scenario().p_mass, expected.p_mass);
  EXPECT_EQ(div().doc.scenario().q_mass, expected.q_mass);
  EXPECT_TRUE(div().file_path.empty()) << "Save must ask for a name, never write JSON over the CSV";
  EXPECT_TRUE(div().doc.dirty());
  EXPECT_FALSE(app->file_error.want_open);
}

TEST_F(OpenImport, ATextOpensAsItsLetterFrequencies) {
  open_file(*app, kData + "german.txt");
  const Scenario expected = import_text_files(kData + "german.txt", std::nullopt, TextUnit::letter);
  EXPECT_EQ(div().doc.scenario().labels, expected.labels);
  EXPECT_EQ(div().doc.scenario().p_mass, expected.p_mass);
  EXPECT_LE(div().doc.scenario().labels.size(), 26u);
  EXPECT_TRUE(div().file_path.empty());
}

TEST_F(OpenImport, AnUnusableTableSaysWhyAndKeepsTheWork) {
  const Scenario before = div().doc.scenario();
  const std::string bad = ::testing::TempDir() + "/negative.csv";
  {
    std::FILE* f = std::fopen(bad.c_str(), "w");
    ASSERT_TRUE(f);
    std::fputs("a,b\n1,-2\n", f);
    std::fclose(f);
  }
  open_file(*app, bad);
  EXPECT_TRUE(app->file_error.want_open);
  EXPECT_NE(app->file_error.message.find("line 2"), std::string::npos) << app->file_error.message;
  EXPECT_EQ(app->file_error.message.find('\n'), std::string::npos);
  EXPECT_EQ(div().doc.scenario(), before);
}

}  // namespace
}  // namespace divlab::gui

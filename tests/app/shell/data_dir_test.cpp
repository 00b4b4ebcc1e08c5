// divlab's data folder is found from the executable's place, never from a compiled-in path.
#include "shell/data_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace fs = std::filesystem;
using divlab::gui::asset_dir;
using divlab::gui::data_dir_for;
using divlab::gui::executable_path;

TEST(DataDir, BesideTheExecutable) {
  EXPECT_EQ(data_dir_for("/usr/bin/divlab"), fs::path("/usr/share/divlab"));
  EXPECT_EQ(data_dir_for("/opt/divlab/bin/divlab"), fs::path("/opt/divlab/share/divlab"));
  EXPECT_EQ(data_dir_for("/home/a/build/release/app/divlab"), fs::path("/home/a/build/release/share/divlab"));
  EXPECT_EQ(data_dir_for(""), fs::path());
}

TEST(DataDir, ExecutableIsThisProcess) {
  const fs::path exe = executable_path();
  ASSERT_TRUE(exe.is_absolute()) << exe;
  EXPECT_TRUE(fs::equivalent(exe, "/proc/self/exe"));
}

// This test executable lives in BUILD/tests: its data folder is BUILD/share/divlab, the build
// folder's link to the source tree's assets/ (CMakeLists.txt).
TEST(DataDir, BuildFolderReadsTheSourceAssets) {
  const fs::path dir = asset_dir();
  ASSERT_TRUE(fs::is_directory(dir / "presets")) << dir;
  EXPECT_TRUE(fs::equivalent(dir, fs::path(DIVLAB_SOURCE_DIR) / "assets")) << dir;
}

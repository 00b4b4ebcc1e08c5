// The headless GL context of `divlab screenshot`: EGL surfaceless (Mesa), with DISPLAY unset.
#include "shell/egl_offscreen.hpp"

#include <glad/gl.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <string>

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>
// llvmpipe keeps a few bytes per JIT-compiled clear/scissor variant; LeakSanitizer sees them
// from JIT code (an unknown module) that lsan.supp cannot name. They are Mesa's, not ours.
#define DIVLAB_DRIVER_ALLOCATIONS __lsan::ScopedDisabler driver_allocations
#else
#define DIVLAB_DRIVER_ALLOCATIONS
#endif

using divlab::platform::EglOffscreen;

namespace {

// No X server may be used: forget any DISPLAY the test runner has (ctest runs under xvfb-run).
class NoDisplay : public testing::Environment {
 public:
  void SetUp() override {
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
  }
};
const testing::Environment* const kNoDisplay = testing::AddGlobalTestEnvironment(new NoDisplay);

std::array<int, 4> at(const std::vector<std::uint8_t>& px, int w, int x, int y) {
  const size_t i = (static_cast<size_t>(y) * w + x) * 4;
  return {px[i], px[i + 1], px[i + 2], px[i + 3]};
}

}  // namespace

TEST(EglOffscreen, CoreContextWithoutDisplayAndTopRowFirst) {
  std::string error;
  const auto gl = EglOffscreen::create(64, 32, &error);
  ASSERT_TRUE(gl) << error;
  EXPECT_EQ(gl->width(), 64);
  EXPECT_EQ(gl->height(), 32);
  GLint major = 0, minor = 0, profile = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  glGetIntegerv(GL_MINOR_VERSION, &minor);
  glGetIntegerv(GL_CONTEXT_PROFILE_MASK, &profile);
  EXPECT_GE(major * 10 + minor, 33) << gl->renderer();
  EXPECT_TRUE(profile & GL_CONTEXT_CORE_PROFILE_BIT);
  // Red everywhere, then blue in GL's bottom 8 rows: the image's last 8 rows.
  DIVLAB_DRIVER_ALLOCATIONS;
  glClearColor(1, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_SCISSOR_TEST);
  glScissor(0, 0, 64, 8);
  glClearColor(0, 0, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  const auto px = gl->read_rgba();
  ASSERT_EQ(px.size(), 64u * 32 * 4);
  EXPECT_EQ(at(px, 64, 0, 0), (std::array<int, 4>{255, 0, 0, 255}));
  EXPECT_EQ(at(px, 64, 63, 23), (std::array<int, 4>{255, 0, 0, 255}));
  EXPECT_EQ(at(px, 64, 0, 24), (std::array<int, 4>{0, 0, 255, 255}));
  EXPECT_EQ(at(px, 64, 63, 31), (std::array<int, 4>{0, 0, 255, 255}));
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

TEST(EglOffscreen, ResizeAndRejectBadSizes) {
  std::string error;
  const auto gl = EglOffscreen::create(16, 16, &error);
  ASSERT_TRUE(gl) << error;
  ASSERT_TRUE(gl->resize(300, 7, &error)) << error;
  glClearColor(0, 1, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  const auto px = gl->read_rgba();
  ASSERT_EQ(px.size(), 300u * 7 * 4);
  EXPECT_EQ(at(px, 300, 299, 6), (std::array<int, 4>{0, 255, 0, 255}));
  EXPECT_FALSE(gl->resize(0, 10, &error));
  EXPECT_NE(error.find("between 1 and"), std::string::npos) << error;
  EXPECT_FALSE(gl->resize(10, 1 << 20, &error));
  EXPECT_EQ(gl->width(), 300);  // a failed resize keeps the old size
  EXPECT_FALSE(EglOffscreen::create(-1, 10, &error));
}

TEST(EglOffscreen, SequentialContextsInOneProcess) {
  // screenshot and GUI tests may create several in a row: each cleans up after itself.
  for (int i = 0; i < 3; ++i) {
    std::string error;
    const auto gl = EglOffscreen::create(8 + i, 8, &error);
    ASSERT_TRUE(gl) << error;
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    EXPECT_EQ(at(gl->read_rgba(), 8 + i, 0, 0), (std::array<int, 4>{0, 0, 0, 255}));
  }
}

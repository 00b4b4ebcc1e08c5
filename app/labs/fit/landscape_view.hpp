// The landscape heatmap on screen: the grid's levels go into a float texture, shaders/landscape.frag
// maps them to colours and draws the contour lines into an offscreen texture that ImGui shows as an
// image. Without a GL renderer (in-process tests, a failed shader) the CPU path of figures_fit draws
// the same colours as rectangles.
#pragma once
#include <imgui.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "widgets/imgui_canvas.hpp"
#include "figures/figures_fit.hpp"

namespace divlab::gui {

class LandscapeView {
 public:
  LandscapeView() = default;
  ~LandscapeView();
  LandscapeView(const LandscapeView&) = delete;
  LandscapeView& operator=(const LandscapeView&) = delete;

  // True when ImGui's OpenGL3 renderer runs (so a GL context is current while frames are built).
  static bool gl_available();

  // Renders `levels` (w × h, row 0 = lowest log sd) through the shader into a px_w × px_h texture,
  // only when `generation` or the size changed. Returns the texture (top row = highest log sd at
  // uv y = 1), or null when GL is unavailable or failed (see error()).
  ImTextureID render(std::span<const float> levels, int w, int h, std::uint64_t generation, int px_w, int px_h);
  const std::string& error() const { return error_; }

  // The rendered texture's pixels, RGBA8, top row first (tests).
  std::vector<std::uint8_t> read_pixels() const;

 private:
  bool init();
  unsigned program_ = 0, vao_ = 0, data_tex_ = 0, fbo_ = 0, color_tex_ = 0;
  int fbo_w_ = 0, fbo_h_ = 0, grid_w_ = 0, grid_h_ = 0;
  std::uint64_t generation_ = ~std::uint64_t{0};
  bool failed_ = false, inited_ = false;
  std::string error_;
};

// Draws a landscape figure at `rect` into the current window: axes through the canvas, then the
// heatmap by the shader (or the CPU cells), then trajectories, minima and the colour bar.
// *gpu tells which path drew the heatmap.
plot::Axes draw_landscape(ImGuiCanvas& c, const plot::Theme& t, plot::Rect rect, const plot::LandscapeFigure& f,
                          LandscapeView& view, std::uint64_t generation, bool* gpu = nullptr);

}  // namespace divlab::gui

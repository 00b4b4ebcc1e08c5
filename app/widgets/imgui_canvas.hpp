// plot::Canvas drawn into an ImDrawList: the on-screen twin of export's Cairo canvas.
#pragma once
#include <imgui.h>

#include <optional>
#include <string_view>
#include <vector>

#include "plot/canvas.hpp"

namespace divlab::gui {

class ImGuiCanvas final : public plot::Canvas {
 public:
  // `bold` may be null (regular is used). Neither is owned. `background`: the colour the canvas lies
  // on (the window's, or the framebuffer cleared to it); opaque fills of it are not drawn again.
  ImGuiCanvas(ImDrawList* dl, ImFont* regular, ImFont* bold, plot::Rect bounds,
              std::optional<plot::Color> background = std::nullopt);

  plot::Vec2 size() const override;
  void line(plot::Vec2 a, plot::Vec2 b, const plot::Stroke& s) override;
  void polyline(std::span<const plot::Vec2> points, const plot::Stroke& s) override;
  void fill_polygon(std::span<const plot::Vec2> points, plot::Color c) override;
  void fill_between(std::span<const plot::Vec2> top, std::span<const plot::Vec2> bottom, plot::Color c) override;
  void fill_rect(plot::Rect r, plot::Color c) override;
  void fill_rects(std::span<const plot::Rect> rects, std::span<const plot::Color> colours) override;
  void stroke_rect(plot::Rect r, const plot::Stroke& s) override;
  void circle(plot::Vec2 center, float radius, plot::Color fill) override;
  void text(plot::Vec2 pos, std::string_view utf8, const plot::TextStyle& style) override;
  plot::Vec2 text_size(std::string_view utf8, const plot::TextStyle& style) override;
  void push_clip(plot::Rect r) override;
  void pop_clip() override;

  // Tests: sees each text drawn, its box and the canvas bounds (null: nobody watches).
  static inline void (*text_observer)(std::string_view text, plot::Rect box, plot::Rect canvas) = nullptr;

 private:
  ImFont* font_for(const plot::TextStyle& s) const;
  ImDrawList* dl_;
  ImFont* regular_;
  ImFont* bold_;
  plot::Rect bounds_;
  std::optional<plot::Color> background_;
  std::vector<ImVec2> scratch_;
  std::vector<std::size_t> keep_;
  std::vector<plot::Vec2> kept_;
};

ImU32 to_imu32(plot::Color c);
ImVec4 to_imvec4(plot::Color c);

}  // namespace divlab::gui

// The Canvas interface: the few drawing primitives a figure needs. A figure is built once
// against it; ImDrawList draws it on screen (gui/imgui_canvas) and Cairo into PNG/SVG/PDF
// (export/cairo_canvas). Coordinates are pixels, origin top-left, y down.
#pragma once
#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>

namespace divlab::plot {

struct Vec2 {
  float x = 0, y = 0;
};
struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // x0 ≤ x1, y0 ≤ y1
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  bool contains(Vec2 p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
};
struct Color {
  float r = 0, g = 0, b = 0, a = 1;  // straight (not premultiplied) alpha, 0..1
  Color with_alpha(float alpha) const { return {r, g, b, alpha}; }
  bool operator==(const Color&) const = default;
};
// A colour as 8-bit channels, R in the low byte (ImGui's IM_COL32 order): what a screen or a PNG
// shows, so two colours that pack alike look alike.
inline std::uint32_t packed_rgba8(Color c) {
  const auto byte = [](float v) {  // clamped to [0, 1], NaN to 0, without branches
    return static_cast<std::uint32_t>(std::min(1.0f, std::max(0.0f, v)) * 255.0f + 0.5f);
  };
  return byte(c.r) | byte(c.g) << 8 | byte(c.b) << 16 | byte(c.a) << 24;
}
enum class Dash { solid, dashed, dotted };
struct Stroke {
  Color color;
  float width = 1.5f;  // pixels
  Dash dash = Dash::solid;
};
enum class Align { start, center, end };
enum class Weight { regular, bold };
struct TextStyle {
  float size = 14.0f;  // pixels
  Color color;
  Align h = Align::start;
  Align v = Align::start;
  Weight weight = Weight::regular;
};

class Canvas {
 public:
  virtual ~Canvas() = default;
  virtual Vec2 size() const = 0;
  virtual void line(Vec2 a, Vec2 b, const Stroke& s) = 0;
  virtual void polyline(std::span<const Vec2> points, const Stroke& s) = 0;
  // A simple (possibly non-convex) closed polygon.
  virtual void fill_polygon(std::span<const Vec2> points, Color c) = 0;
  // The area between two polylines over the same x positions: top[i].x == bottom[i].x.
  virtual void fill_between(std::span<const Vec2> top, std::span<const Vec2> bottom, Color c) = 0;
  virtual void fill_rect(Rect r, Color c) = 0;
  // Many filled rectangles at once (a heatmap's cells; rects[k] in colours[k]): fill_rect for each,
  // unless a canvas can do it faster.
  virtual void fill_rects(std::span<const Rect> rects, std::span<const Color> colours) {
    for (std::size_t k = 0; k < rects.size() && k < colours.size(); ++k) fill_rect(rects[k], colours[k]);
  }
  virtual void stroke_rect(Rect r, const Stroke& s) = 0;
  virtual void circle(Vec2 center, float radius, Color fill) = 0;
  // UTF-8 text anchored at pos according to style.h / style.v.
  virtual void text(Vec2 pos, std::string_view utf8, const TextStyle& style) = 0;
  virtual Vec2 text_size(std::string_view utf8, const TextStyle& style) = 0;
  virtual void push_clip(Rect r) = 0;
  virtual void pop_clip() = 0;
};

}  // namespace divlab::plot

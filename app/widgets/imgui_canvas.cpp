#include "widgets/imgui_canvas.hpp"

#include <glad/gl.h>
#include <imgui_internal.h>  // ImDrawListSharedData::TexUvWhitePixel

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace divlab::gui {

static_assert(IM_COL32_R_SHIFT == 0, "packed_rgba8 packs R in the low byte");
ImU32 to_imu32(plot::Color c) { return plot::packed_rgba8(c); }
ImVec4 to_imvec4(plot::Color c) { return {c.r, c.g, c.b, c.a}; }

namespace {
// Draws a big opaque rectangle as glClear inside a scissor (its clip rect): the colour is written as
// it is, as the blended quad would, but a software rasteriser skips the shading.
constexpr float kClearMinArea = 128 * 128;  // smaller ones stay quads (a callback ends a draw call)
void clear_rect_callback(const ImDrawList*, const ImDrawCmd* cmd) {
  const ImDrawData* dd = ImGui::GetDrawData();
  const ImVec2 o = dd->DisplayPos, sc = dd->FramebufferScale;
  const float fb_h = dd->DisplaySize.y * sc.y;
  const ImVec4 r = cmd->ClipRect;
  const long x0 = std::lround((r.x - o.x) * sc.x), x1 = std::lround((r.z - o.x) * sc.x);
  const long y0 = std::lround(fb_h - (r.w - o.y) * sc.y), y1 = std::lround(fb_h - (r.y - o.y) * sc.y);
  if (x1 <= x0 || y1 <= y0) return;
  glScissor(static_cast<GLint>(x0), static_cast<GLint>(y0), static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
  const auto col = static_cast<ImU32>(reinterpret_cast<std::uintptr_t>(cmd->UserCallbackData));
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(col);
  glClearColor(c.x, c.y, c.z, c.w);
  glClear(GL_COLOR_BUFFER_BIT);
}
ImVec2 iv(plot::Vec2 p) { return {p.x, p.y}; }

// Whether every point of c strictly between k and e lies within kTolerance px of the segment c[k]→c[e].
constexpr float kTolerance = 0.2f;
bool near_chord(std::span<const plot::Vec2> c, std::size_t k, std::size_t e) {
  const float dx = c[e].x - c[k].x, dy = c[e].y - c[k].y, len = std::hypot(dx, dy);
  if (len < kTolerance) return false;
  for (std::size_t i = k + 1; i < e; ++i) {
    const float px = c[i].x - c[k].x, py = c[i].y - c[k].y, along = dx * px + dy * py;
    if (std::abs(dx * py - dy * px) > kTolerance * len || along < 0 || along > len * len) return false;
  }
  return true;
}

// The points worth drawing: drops each point within kTolerance px of the chord between its kept
// neighbours, on `a` and (when given) on the paired `b`. Curves are sampled finer than pixels, and
// every tiny segment costs a software rasteriser whole 4×4 blocks; the picture does not change.
constexpr std::size_t kMaxRun = 16;  // bounds the work (quadratic in the run)
void keep_points(std::span<const plot::Vec2> a, std::span<const plot::Vec2> b, std::vector<std::size_t>& keep) {
  keep.clear();
  const std::size_t n = a.size();
  if (n == 0) return;
  keep.push_back(0);
  std::size_t k = 0;
  for (std::size_t j = 1; j < n; ++j) {
    const std::size_t e = j + 1;
    if (e < n && e - k <= kMaxRun && near_chord(a, k, e) && (b.empty() || near_chord(b, k, e))) continue;
    keep.push_back(j);
    k = j;
  }
}

// Dash pattern in multiples of the line width: on, off.
void dash_pattern(plot::Dash d, float w, float& on, float& off) {
  const float k = std::max(1.0f, w);
  if (d == plot::Dash::dashed) on = 5 * k, off = 3.5f * k;
  else on = 1.2f * k, off = 2.2f * k;
}
}  // namespace

ImGuiCanvas::ImGuiCanvas(ImDrawList* dl, ImFont* regular, ImFont* bold, plot::Rect bounds,
                         std::optional<plot::Color> background)
    : dl_(dl), regular_(regular), bold_(bold ? bold : regular), bounds_(bounds), background_(background) {}

plot::Vec2 ImGuiCanvas::size() const { return {bounds_.width(), bounds_.height()}; }

void ImGuiCanvas::line(plot::Vec2 a, plot::Vec2 b, const plot::Stroke& s) {
  const plot::Vec2 pts[2] = {a, b};
  polyline(pts, s);
}

void ImGuiCanvas::polyline(std::span<const plot::Vec2> all, const plot::Stroke& s) {
  if (all.size() < 2 || s.width <= 0) return;
  keep_points(all, {}, keep_);
  std::vector<plot::Vec2>& pts = kept_;
  pts.clear();
  for (std::size_t i : keep_) pts.push_back(all[i]);
  const ImU32 col = to_imu32(s.color);
  if (s.dash == plot::Dash::solid) {
    scratch_.clear();
    for (const auto& p : pts) scratch_.push_back(iv(p));
    dl_->AddPolyline(scratch_.data(), static_cast<int>(scratch_.size()), col, ImDrawFlags_None, s.width);
    return;
  }
  // Walk the polyline emitting "on" pieces; the pattern continues across vertices.
  float on = 0, off = 0;
  dash_pattern(s.dash, s.width, on, off);
  bool drawing = true;
  float left = on;
  scratch_.clear();
  scratch_.push_back(iv(pts[0]));
  for (std::size_t i = 1; i < pts.size(); ++i) {
    ImVec2 a = iv(pts[i - 1]);
    const ImVec2 b = iv(pts[i]);
    float len = std::hypot(b.x - a.x, b.y - a.y);
    while (len > 0) {
      const float step = std::min(left, len);
      const float t = step / len;
      const ImVec2 m{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
      if (drawing) scratch_.push_back(m);
      left -= step;
      len -= step;
      a = m;
      if (left <= 0) {
        if (drawing && scratch_.size() >= 2)
          dl_->AddPolyline(scratch_.data(), static_cast<int>(scratch_.size()), col, ImDrawFlags_None, s.width);
        scratch_.clear();
        drawing = !drawing;
        left = drawing ? on : off;
        if (drawing) scratch_.push_back(a);
      }
    }
  }
  if (drawing && scratch_.size() >= 2)
    dl_->AddPolyline(scratch_.data(), static_cast<int>(scratch_.size()), col, ImDrawFlags_None, s.width);
}

void ImGuiCanvas::fill_polygon(std::span<const plot::Vec2> pts, plot::Color c) {
  if (pts.size() < 3) return;
  const ImU32 col = to_imu32(c);
  // Ear clipping (non-convex polygons), written straight into the draw list without AA fringes.
  std::vector<int> idx(pts.size());
  for (std::size_t i = 0; i < pts.size(); ++i) idx[i] = static_cast<int>(i);
  double area = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const auto& p = pts[i];
    const auto& q = pts[(i + 1) % pts.size()];
    area += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
  }
  const float sign = area >= 0 ? 1.0f : -1.0f;
  auto cross = [&](int a, int b, int d) {
    const auto &A = pts[static_cast<std::size_t>(a)], &B = pts[static_cast<std::size_t>(b)],
               &D = pts[static_cast<std::size_t>(d)];
    return ((B.x - A.x) * (D.y - A.y) - (B.y - A.y) * (D.x - A.x)) * sign;
  };
  std::vector<int> tris;
  int guard = 0;
  while (idx.size() > 3 && guard++ < 100000) {
    bool clipped = false;
    const std::size_t n = idx.size();
    for (std::size_t i = 0; i < n; ++i) {
      const int a = idx[(i + n - 1) % n], b = idx[i], d = idx[(i + 1) % n];
      if (cross(a, b, d) <= 0) continue;
      bool inside = false;
      for (int k : idx) {
        if (k == a || k == b || k == d) continue;
        if (cross(a, b, k) >= 0 && cross(b, d, k) >= 0 && cross(d, a, k) >= 0) {
          inside = true;
          break;
        }
      }
      if (inside) continue;
      tris.insert(tris.end(), {a, b, d});
      idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i));
      clipped = true;
      break;
    }
    if (!clipped) break;  // degenerate: fan the rest
  }
  for (std::size_t i = 1; i + 1 < idx.size(); ++i) tris.insert(tris.end(), {idx[0], idx[i], idx[i + 1]});
  const ImVec2 uv = dl_->_Data->TexUvWhitePixel;
  dl_->PrimReserve(static_cast<int>(tris.size()), static_cast<int>(tris.size()));
  for (int k : tris) {
    dl_->PrimWriteIdx(static_cast<ImDrawIdx>(dl_->_VtxCurrentIdx));
    dl_->PrimWriteVtx(iv(pts[static_cast<std::size_t>(k)]), uv, col);
  }
}

void ImGuiCanvas::fill_between(std::span<const plot::Vec2> top_all, std::span<const plot::Vec2> bottom_all,
                               plot::Color c) {
  const std::size_t m = std::min(top_all.size(), bottom_all.size());
  if (m < 2) return;
  keep_points(top_all.first(m), bottom_all.first(m), keep_);
  const std::size_t n = keep_.size();
  const ImU32 col = to_imu32(c);
  const ImVec2 uv = dl_->_Data->TexUvWhitePixel;
  // One strip of quads, in chunks so a 16-bit index buffer never overflows.
  const std::size_t chunk = 8000;
  for (std::size_t s = 0; s + 1 < n; s += chunk) {
    const std::size_t e = std::min(n - 1, s + chunk);
    const int verts = static_cast<int>(2 * (e - s + 1));
    dl_->PrimReserve(static_cast<int>(6 * (e - s)), verts);
    const auto base = static_cast<ImDrawIdx>(dl_->_VtxCurrentIdx);
    for (std::size_t i = s; i <= e; ++i) {
      dl_->PrimWriteVtx(iv(top_all[keep_[i]]), uv, col);
      dl_->PrimWriteVtx(iv(bottom_all[keep_[i]]), uv, col);
    }
    for (std::size_t i = 0; i < e - s; ++i) {
      const auto k = static_cast<ImDrawIdx>(base + 2 * i);
      dl_->PrimWriteIdx(k);
      dl_->PrimWriteIdx(static_cast<ImDrawIdx>(k + 1));
      dl_->PrimWriteIdx(static_cast<ImDrawIdx>(k + 2));
      dl_->PrimWriteIdx(static_cast<ImDrawIdx>(k + 1));
      dl_->PrimWriteIdx(static_cast<ImDrawIdx>(k + 3));
      dl_->PrimWriteIdx(static_cast<ImDrawIdx>(k + 2));
    }
  }
}

void ImGuiCanvas::fill_rect(plot::Rect r, plot::Color c) {
  // Figures paint the theme background only to erase their own area first; on screen that area shows
  // the background already, so skip it: a layer less for a software rasteriser to blend.
  if (background_ && c == *background_ && c.a >= 1.0f) return;
  if (c.a >= 1.0f && r.width() * r.height() >= kClearMinArea) {
    dl_->PushClipRect({r.x0, r.y0}, {r.x1, r.y1}, true);
    dl_->AddCallback(clear_rect_callback, reinterpret_cast<void*>(static_cast<std::uintptr_t>(to_imu32(c))));
    dl_->PopClipRect();
    return;
  }
  dl_->AddRectFilled({r.x0, r.y0}, {r.x1, r.y1}, to_imu32(c));
}

// The small rectangles into vertices reserved a chunk at a time (AddRectFilled reserves per
// rectangle: most of a 256×256 table's heatmaps' cost); the others as fill_rect draws them.
void ImGuiCanvas::fill_rects(std::span<const plot::Rect> rects, std::span<const plot::Color> colours) {
  constexpr std::size_t kChunk = 4096;  // 16k vertices: within 16-bit indices, whatever else is in the list
  // A quad as AddRectFilled would draw it, or not: skipped (invisible, or the background fill_rect
  // skips), or a big opaque one that fill_rect clears.
  const auto is_quad = [&](const plot::Rect& r, const plot::Color& c) {
    if (c.a >= 1.0f) return !(background_ && c == *background_) && r.width() * r.height() < kClearMinArea;
    return (to_imu32(c) & IM_COL32_A_MASK) != 0;
  };
  const std::size_t n = std::min(rects.size(), colours.size());
  for (std::size_t k0 = 0; k0 < n; k0 += kChunk) {
    const std::size_t k1 = std::min(n, k0 + kChunk);
    std::size_t quads = 0;
    for (std::size_t k = k0; k < k1; ++k) {
      if (is_quad(rects[k], colours[k])) ++quads;
      else fill_rect(rects[k], colours[k]);
    }
    if (quads == 0) continue;
    dl_->PrimReserve(static_cast<int>(6 * quads), static_cast<int>(4 * quads));
    for (std::size_t k = k0; k < k1; ++k)
      if (is_quad(rects[k], colours[k]))
        dl_->PrimRect({rects[k].x0, rects[k].y0}, {rects[k].x1, rects[k].y1}, to_imu32(colours[k]));
  }
}

void ImGuiCanvas::stroke_rect(plot::Rect r, const plot::Stroke& s) {
  if (s.dash == plot::Dash::solid) {
    dl_->AddRect({r.x0, r.y0}, {r.x1, r.y1}, to_imu32(s.color), 0, ImDrawFlags_None, s.width);
    return;
  }
  const plot::Vec2 pts[5] = {{r.x0, r.y0}, {r.x1, r.y0}, {r.x1, r.y1}, {r.x0, r.y1}, {r.x0, r.y0}};
  polyline(pts, s);
}

void ImGuiCanvas::circle(plot::Vec2 c, float radius, plot::Color fill) {
  dl_->AddCircleFilled(iv(c), radius, to_imu32(fill), radius > 6 ? 0 : 12);
}

ImFont* ImGuiCanvas::font_for(const plot::TextStyle& s) const {
  return s.weight == plot::Weight::bold ? bold_ : regular_;
}

plot::Vec2 ImGuiCanvas::text_size(std::string_view utf8, const plot::TextStyle& style) {
  ImFont* f = font_for(style);
  if (!f) return {0, 0};
  const ImVec2 s = f->CalcTextSizeA(style.size, 1e9f, 0, utf8.data(), utf8.data() + utf8.size());
  return {s.x, s.y};
}

void ImGuiCanvas::text(plot::Vec2 pos, std::string_view utf8, const plot::TextStyle& style) {
  ImFont* f = font_for(style);
  if (!f || utf8.empty()) return;
  const plot::Vec2 sz = text_size(utf8, style);
  float x = pos.x, y = pos.y;
  if (style.h == plot::Align::center) x -= sz.x / 2;
  if (style.h == plot::Align::end) x -= sz.x;
  if (style.v == plot::Align::center) y -= sz.y / 2;
  if (style.v == plot::Align::end) y -= sz.y;
  if (text_observer) text_observer(utf8, {std::round(x), std::round(y), std::round(x) + sz.x, std::round(y) + sz.y}, bounds_);
  dl_->AddText(f, style.size, {std::round(x), std::round(y)}, to_imu32(style.color), utf8.data(),
               utf8.data() + utf8.size());
}

void ImGuiCanvas::push_clip(plot::Rect r) { dl_->PushClipRect({r.x0, r.y0}, {r.x1, r.y1}, true); }
void ImGuiCanvas::pop_clip() { dl_->PopClipRect(); }

}  // namespace divlab::gui

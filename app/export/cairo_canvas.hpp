// A plot::Canvas that draws with Cairo into a PNG (image surface, 1–4× scale, optional
// transparent background), an SVG or a PDF. Text goes through Cairo with DejaVu Sans loaded by
// FreeType from its file, so glyphs (‖ ∞ ₁ …) are exact and PDF text stays selectable.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plot/canvas.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;
typedef struct _cairo_font_face cairo_font_face_t;

namespace divlab::exporting {

enum class Format { png, svg, pdf };

// The format named by a path's extension (.png, .svg, .pdf; case-insensitive), if any.
std::optional<Format> format_from_path(std::string_view path);
std::string_view format_name(Format f);

// One CSS pixel in PDF points: figures are sized in pixels, PDF pages are 96 dpi.
inline constexpr double kPdfPointsPerPixel = 72.0 / 96.0;

struct CairoOptions {
  Format format = Format::png;
  plot::Vec2 size{800, 500};  // in canvas pixels; the PNG has size × scale device pixels
  double scale = 1.0;         // PNG only, 1..4; vector formats scale losslessly anyway
  std::string font_dir = "/usr/share/fonts/truetype/dejavu";
};

class CairoCanvas final : public plot::Canvas {
 public:
  // Opens a surface for `path`. The file appears (atomically, by rename) only when finish()
  // succeeds; a canvas destroyed unfinished leaves no file.
  // On failure ok() is false and error() says why; drawing calls are then no-ops.
  CairoCanvas(const std::string& path, const CairoOptions& options);
  ~CairoCanvas() override;
  CairoCanvas(const CairoCanvas&) = delete;
  CairoCanvas& operator=(const CairoCanvas&) = delete;

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // Flushes and writes the file. Returns an empty string on success, else the error.
  std::string finish();

  // PNG only: the pixels drawn so far as straight-alpha RGBA8, top row first
  // (width × height = size × scale, rounded).
  std::vector<std::uint8_t> rgba() const;
  int pixel_width() const { return pixel_w_; }
  int pixel_height() const { return pixel_h_; }

  plot::Vec2 size() const override { return size_; }
  void line(plot::Vec2 a, plot::Vec2 b, const plot::Stroke& s) override;
  void polyline(std::span<const plot::Vec2> points, const plot::Stroke& s) override;
  void fill_polygon(std::span<const plot::Vec2> points, plot::Color c) override;
  void fill_between(std::span<const plot::Vec2> top, std::span<const plot::Vec2> bottom,
                    plot::Color c) override;
  void fill_rect(plot::Rect r, plot::Color c) override;
  void stroke_rect(plot::Rect r, const plot::Stroke& s) override;
  void circle(plot::Vec2 center, float radius, plot::Color fill) override;
  void text(plot::Vec2 pos, std::string_view utf8, const plot::TextStyle& style) override;
  plot::Vec2 text_size(std::string_view utf8, const plot::TextStyle& style) override;
  void push_clip(plot::Rect r) override;
  void pop_clip() override;

 private:
  void set_stroke(const plot::Stroke& s);
  void set_font(const plot::TextStyle& style);
  std::string text_string(std::string_view utf8) const;  // valid UTF-8, no NULs
  bool open_target();           // sets write_path_ (a temporary beside path_, or path_ itself)
  std::string commit_target();  // renames write_path_ over path_

  std::string path_;
  std::string write_path_;  // where Cairo writes; renamed to path_ by finish()
  CairoOptions options_;
  plot::Vec2 size_;
  int pixel_w_ = 0, pixel_h_ = 0;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  cairo_font_face_t* regular_ = nullptr;
  cairo_font_face_t* bold_ = nullptr;
  double em_per_line_ = 1.0;  // font em size for a line height of 1 (ascent + descent)
  double ascent_per_line_ = 0.8;
  int clip_depth_ = 0;
  bool finished_ = false;
  std::string error_;
};

}  // namespace divlab::exporting

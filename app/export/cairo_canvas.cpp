#include "export/cairo_canvas.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace divlab::exporting {

std::optional<Format> format_from_path(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(path.substr(dot + 1));
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == "png") return Format::png;
  if (ext == "svg") return Format::svg;
  if (ext == "pdf") return Format::pdf;
  return std::nullopt;
}

std::string_view format_name(Format f) {
  switch (f) {
    case Format::png: return "png";
    case Format::svg: return "svg";
    case Format::pdf: return "pdf";
  }
  return "?";
}

namespace {

// [SECTION] Fonts: a FreeType face per cairo font face. Cairo may cache a font face past the
// canvas, so the face owns its own FT_Library and both are released by cairo's destroy hook.
struct FtOwner {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
};
const cairo_user_data_key_t kFtOwnerKey{};

void release_ft(void* data) {
  auto* owner = static_cast<FtOwner*>(data);
  FT_Done_Face(owner->face);
  FT_Done_FreeType(owner->library);
  delete owner;
}

// Loads a font file as a cairo font face; nullptr (and *error) on failure.
cairo_font_face_t* load_font(const std::string& file, std::string* error) {
  auto* owner = new FtOwner;
  if (FT_Init_FreeType(&owner->library) != 0) {
    delete owner;
    *error = "cannot initialise FreeType";
    return nullptr;
  }
  if (FT_New_Face(owner->library, file.c_str(), 0, &owner->face) != 0) {
    FT_Done_FreeType(owner->library);
    delete owner;
    *error = "cannot load font " + file;
    return nullptr;
  }
  cairo_font_face_t* font = cairo_ft_font_face_create_for_ft_face(owner->face, 0);
  if (cairo_font_face_set_user_data(font, &kFtOwnerKey, owner, release_ft) != CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy(font);
    release_ft(owner);
    *error = "cannot create a Cairo font for " + file;
    return nullptr;
  }
  return font;
}

// Replaces invalid UTF-8 (and NUL) with U+FFFD: Cairo rejects an invalid string by putting the
// whole context into a permanent error state.
std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool good = len > 0 && i + len <= s.size() && c != 0;
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; good && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      good = (cc >> 6) == 0x2;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid too.
    if (good && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
                 (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
      good = false;
    if (good) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

// [SECTION] Files: drawing goes to a new file beside the target, renamed over it when finished,
// so a failed or interrupted export never leaves a partial file. A target that exists and is not
// a regular file (/dev/stdout, a pipe) is written directly.
bool write_directly(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
}

// Creates an empty temporary file beside `path`; its name, or "" (and *error) on failure.
std::string create_temp_beside(const std::string& path, const void* owner, std::string* error) {
  char suffix[64];
  std::snprintf(suffix, sizeof suffix, ".tmp.%ld.%p", static_cast<long>(::getpid()), owner);
  const std::string name = path + suffix;
  const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    *error = "cannot write " + path + ": " + std::strerror(errno);
    return {};
  }
  ::close(fd);
  return name;
}

bool finite(plot::Vec2 p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Splits text into lines at '\n'.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    const auto nl = s.find('\n', start);
    lines.push_back(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace

// [SECTION] Surface lifetime

CairoCanvas::CairoCanvas(const std::string& path, const CairoOptions& options)
    : path_(path), options_(options), size_(options.size) {
  if (!(size_.x >= 1 && size_.y >= 1 && size_.x <= 16384 && size_.y <= 16384)) {
    error_ = "invalid figure size";
    return;
  }
  if (!(options_.scale >= 1.0 && options_.scale <= 4.0)) {
    error_ = "scale must be between 1 and 4";
    return;
  }
  switch (options_.format) {
    case Format::png:
      pixel_w_ = static_cast<int>(std::lround(size_.x * options_.scale));
      pixel_h_ = static_cast<int>(std::lround(size_.y * options_.scale));
      surface_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixel_w_, pixel_h_);
      break;
    case Format::svg:
      if (!open_target()) return;
      surface_ = cairo_svg_surface_create(write_path_.c_str(), size_.x, size_.y);
      if (cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS)
        cairo_svg_surface_set_document_unit(surface_, CAIRO_SVG_UNIT_PX);
      break;
    case Format::pdf:
      if (!open_target()) return;
      surface_ = cairo_pdf_surface_create(write_path_.c_str(), size_.x * kPdfPointsPerPixel,
                                          size_.y * kPdfPointsPerPixel);
      if (cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS) {
        // A fixed date keeps the same input byte-identical across runs.
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "divlab " DIVLAB_VERSION);
      }
      break;
  }
  if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
    error_ = "cannot write " + path_ + ": " + cairo_status_to_string(cairo_surface_status(surface_));
    return;
  }
  cr_ = cairo_create(surface_);
  switch (options_.format) {
    case Format::png: cairo_scale(cr_, options_.scale, options_.scale); break;
    case Format::svg: break;
    case Format::pdf: cairo_scale(cr_, kPdfPointsPerPixel, kPdfPointsPerPixel); break;
  }
  // Unhinted outlines: the same metrics in PNG, SVG and PDF, and at every scale.
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options(cr_, fo);
  cairo_font_options_destroy(fo);
  cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);

  regular_ = load_font(options_.font_dir + "/DejaVuSans.ttf", &error_);
  if (regular_) bold_ = load_font(options_.font_dir + "/DejaVuSans-Bold.ttf", &error_);
  if (!bold_) return;
  // Like Dear ImGui, a text size is the line height (ascent + descent), not the em size.
  cairo_set_font_face(cr_, regular_);
  cairo_set_font_size(cr_, 1000.0);
  cairo_font_extents_t fe;
  cairo_font_extents(cr_, &fe);
  const double line = fe.ascent + fe.descent;
  if (line > 0) {
    em_per_line_ = 1000.0 / line;
    ascent_per_line_ = fe.ascent / line;
  }
}

CairoCanvas::~CairoCanvas() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
  if (regular_) cairo_font_face_destroy(regular_);
  if (bold_) cairo_font_face_destroy(bold_);
  // An unfinished or failed export leaves nothing behind.
  if (!write_path_.empty() && write_path_ != path_) ::unlink(write_path_.c_str());
}

bool CairoCanvas::open_target() {
  if (write_directly(path_)) {
    write_path_ = path_;
    return true;
  }
  write_path_ = create_temp_beside(path_, this, &error_);
  return !write_path_.empty();
}

std::string CairoCanvas::commit_target() {
  if (write_path_ == path_) return {};
  if (::rename(write_path_.c_str(), path_.c_str()) != 0) return "cannot write " + path_ + ": " + std::strerror(errno);
  write_path_.clear();
  return {};
}

std::string CairoCanvas::finish() {
  if (!ok()) return error_;
  if (finished_) return "already finished";
  finished_ = true;
  while (clip_depth_ > 0) pop_clip();
  if (cairo_status(cr_) != CAIRO_STATUS_SUCCESS)
    return error_ = std::string("drawing failed: ") + cairo_status_to_string(cairo_status(cr_));
  cairo_status_t status;
  if (options_.format == Format::png) {
    if (!open_target()) return error_;
    cairo_surface_flush(surface_);
    status = cairo_surface_write_to_png(surface_, write_path_.c_str());
  } else {
    cairo_surface_finish(surface_);
    status = cairo_surface_status(surface_);
  }
  if (status != CAIRO_STATUS_SUCCESS)
    return error_ = "cannot write " + path_ + ": " + cairo_status_to_string(status);
  if (std::string err = commit_target(); !err.empty()) return error_ = err;
  return {};
}

std::vector<std::uint8_t> CairoCanvas::rgba() const {
  std::vector<std::uint8_t> out;
  if (!ok() || options_.format != Format::png) return out;
  cairo_surface_flush(surface_);
  const unsigned char* data = cairo_image_surface_get_data(surface_);
  const int stride = cairo_image_surface_get_stride(surface_);
  out.resize(static_cast<size_t>(pixel_w_) * pixel_h_ * 4);
  for (int y = 0; y < pixel_h_; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < pixel_w_; ++x) {
      // ARGB32 is premultiplied, native-endian.
      const std::uint32_t px = row[x];
      const unsigned a = px >> 24, r = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;
      auto un = [a](unsigned c) { return static_cast<std::uint8_t>(a ? (c * 255 + a / 2) / a : 0); };
      std::uint8_t* o = &out[(static_cast<size_t>(y) * pixel_w_ + x) * 4];
      o[0] = un(r);
      o[1] = un(g);
      o[2] = un(b);
      o[3] = static_cast<std::uint8_t>(a);
    }
  }
  return out;
}

// [SECTION] Drawing

void CairoCanvas::set_stroke(const plot::Stroke& s) {
  const double w = std::max(0.0f, s.width);
  cairo_set_source_rgba(cr_, s.color.r, s.color.g, s.color.b, s.color.a);
  cairo_set_line_width(cr_, w);
  switch (s.dash) {
    case plot::Dash::solid:
      cairo_set_dash(cr_, nullptr, 0, 0);
      cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
      break;
    case plot::Dash::dashed:
    case plot::Dash::dotted: {
      // The screen's pattern (gui/imgui_canvas.cpp), in multiples of the width so thick lines
      // still read as dashed: dashed 5 on, 3.5 off; dotted 1.2 on, 2.2 off.
      const double k = std::max(1.0, w);
      const bool dashed = s.dash == plot::Dash::dashed;
      const double pattern[] = {(dashed ? 5.0 : 1.2) * k, (dashed ? 3.5 : 2.2) * k};
      cairo_set_dash(cr_, pattern, 2, 0);
      cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
      break;
    }
  }
}

void CairoCanvas::line(plot::Vec2 a, plot::Vec2 b, const plot::Stroke& s) {
  const plot::Vec2 pts[] = {a, b};
  polyline(pts, s);
}

void CairoCanvas::polyline(std::span<const plot::Vec2> points, const plot::Stroke& s) {
  if (!cr_ || s.width <= 0) return;
  set_stroke(s);
  // A non-finite point is a gap: the line stops before it and starts again after it.
  bool pen_down = false;
  for (const plot::Vec2& p : points) {
    if (!finite(p)) {
      pen_down = false;
      continue;
    }
    if (pen_down) cairo_line_to(cr_, p.x, p.y);
    else cairo_move_to(cr_, p.x, p.y);
    pen_down = true;
  }
  cairo_stroke(cr_);
}

void CairoCanvas::fill_polygon(std::span<const plot::Vec2> points, plot::Color c) {
  if (!cr_ || points.size() < 3) return;
  if (!std::all_of(points.begin(), points.end(), finite)) return;
  cairo_new_path(cr_);
  for (const plot::Vec2& p : points) cairo_line_to(cr_, p.x, p.y);
  cairo_close_path(cr_);
  cairo_set_source_rgba(cr_, c.r, c.g, c.b, c.a);
  cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr_);
}

void CairoCanvas::fill_between(std::span<const plot::Vec2> top, std::span<const plot::Vec2> bottom,
                               plot::Color c) {
  if (!cr_) return;
  const size_t n = std::min(top.size(), bottom.size());
  cairo_new_path(cr_);
  // One closed band per run of samples where both curves are finite.
  size_t i = 0;
  while (i < n) {
    while (i < n && !(finite(top[i]) && finite(bottom[i]))) ++i;
    size_t j = i;
    while (j < n && finite(top[j]) && finite(bottom[j])) ++j;
    if (j - i >= 2) {
      cairo_move_to(cr_, top[i].x, top[i].y);
      for (size_t k = i + 1; k < j; ++k) cairo_line_to(cr_, top[k].x, top[k].y);
      for (size_t k = j; k-- > i;) cairo_line_to(cr_, bottom[k].x, bottom[k].y);
      cairo_close_path(cr_);
    }
    i = j;
  }
  cairo_set_source_rgba(cr_, c.r, c.g, c.b, c.a);
  // Where the curves cross the band's orientation flips: non-zero winding fills both lobes.
  cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
  cairo_fill(cr_);
}

void CairoCanvas::fill_rect(plot::Rect r, plot::Color c) {
  if (!cr_) return;
  if (options_.format == Format::png) {
    // Edges on whole device pixels: adjacent cells (a heat map, stacked bars) then share their
    // boundary pixels instead of both half-covering them, which shows as light seams.
    double x0 = r.x0, y0 = r.y0, x1 = r.x1, y1 = r.y1;
    cairo_user_to_device(cr_, &x0, &y0);
    cairo_user_to_device(cr_, &x1, &y1);
    x0 = std::round(x0), y0 = std::round(y0), x1 = std::round(x1), y1 = std::round(y1);
    cairo_device_to_user(cr_, &x0, &y0);
    cairo_device_to_user(cr_, &x1, &y1);
    // A sliver thinner than a pixel keeps its exact (antialiased) extent rather than vanishing.
    if (x1 > x0 || r.width() <= 0) r.x0 = static_cast<float>(x0), r.x1 = static_cast<float>(x1);
    if (y1 > y0 || r.height() <= 0) r.y0 = static_cast<float>(y0), r.y1 = static_cast<float>(y1);
  }
  cairo_rectangle(cr_, r.x0, r.y0, r.width(), r.height());
  cairo_set_source_rgba(cr_, c.r, c.g, c.b, c.a);
  cairo_fill(cr_);
}

void CairoCanvas::stroke_rect(plot::Rect r, const plot::Stroke& s) {
  if (!cr_ || s.width <= 0) return;
  set_stroke(s);
  cairo_rectangle(cr_, r.x0, r.y0, r.width(), r.height());
  cairo_stroke(cr_);
}

void CairoCanvas::circle(plot::Vec2 center, float radius, plot::Color fill) {
  if (!cr_ || !finite(center) || !(radius > 0)) return;
  cairo_new_path(cr_);
  cairo_arc(cr_, center.x, center.y, radius, 0, 2 * M_PI);
  cairo_set_source_rgba(cr_, fill.r, fill.g, fill.b, fill.a);
  cairo_fill(cr_);
}

// [SECTION] Text

void CairoCanvas::set_font(const plot::TextStyle& style) {
  cairo_set_font_face(cr_, style.weight == plot::Weight::bold ? bold_ : regular_);
  cairo_set_font_size(cr_, std::max(1.0f, style.size) * em_per_line_);
}

std::string CairoCanvas::text_string(std::string_view utf8) const { return valid_utf8(utf8); }

plot::Vec2 CairoCanvas::text_size(std::string_view utf8, const plot::TextStyle& style) {
  if (!cr_ || !bold_) return {0, 0};
  set_font(style);
  const std::string s = text_string(utf8);
  const auto lines = split_lines(s);
  double width = 0;
  for (std::string_view l : lines) {
    cairo_text_extents_t te;
    const std::string line(l);
    cairo_text_extents(cr_, line.c_str(), &te);
    width = std::max(width, te.x_advance);
  }
  const float line_h = std::max(1.0f, style.size);
  return {static_cast<float>(width), line_h * static_cast<float>(lines.size())};
}

void CairoCanvas::text(plot::Vec2 pos, std::string_view utf8, const plot::TextStyle& style) {
  if (!cr_ || !bold_ || !finite(pos)) return;
  const plot::Vec2 box = text_size(utf8, style);  // also sets the font
  const std::string s = text_string(utf8);
  const float line_h = std::max(1.0f, style.size);
  float top = pos.y;
  if (style.v == plot::Align::center) top -= box.y / 2;
  if (style.v == plot::Align::end) top -= box.y;
  cairo_set_source_rgba(cr_, style.color.r, style.color.g, style.color.b, style.color.a);
  float y = top;
  for (std::string_view l : split_lines(s)) {
    const std::string line(l);
    cairo_text_extents_t te;
    cairo_text_extents(cr_, line.c_str(), &te);
    double x = pos.x;
    if (style.h == plot::Align::center) x -= te.x_advance / 2;
    if (style.h == plot::Align::end) x -= te.x_advance;
    cairo_move_to(cr_, x, y + line_h * ascent_per_line_);
    cairo_show_text(cr_, line.c_str());
    cairo_new_path(cr_);
    y += line_h;
  }
}

// [SECTION] Clipping

void CairoCanvas::push_clip(plot::Rect r) {
  if (!cr_) return;
  cairo_save(cr_);
  cairo_new_path(cr_);
  cairo_rectangle(cr_, r.x0, r.y0, r.width(), r.height());
  cairo_clip(cr_);
  ++clip_depth_;
}

void CairoCanvas::pop_clip() {
  if (!cr_ || clip_depth_ == 0) return;  // unbalanced pops are ignored rather than corrupting state
  cairo_restore(cr_);
  --clip_depth_;
}

}  // namespace divlab::exporting

#include "export/render_figure.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cmath>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "export/figure_csv.hpp"
#include "figures/figures_coding.hpp"
#include "export/metrics_table.hpp"
#include "plot/theme.hpp"

namespace divlab::exporting {

namespace {

// The largest PNG a render may ask for: 16384 pixels a side (cairo's image surfaces stop at 32767)
// and 2^26 ≈ 67 million pixels (256 MiB of ARGB).
constexpr long long kMaxPngSide = 16384, kMaxPngPixels = 1LL << 26;

}  // namespace

namespace {

// The lower-case extension of a path ("png"), or "".
std::string extension(const std::string& path) {
  const auto dot = path.rfind('.');
  const auto slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_data_path(const std::string& path) {
  const std::string ext = extension(path);
  return ext == "csv" || ext == "tex" || ext == "json";
}

// Writes text through a temporary beside `path` renamed over it, so a failure leaves no partial
// file (a target that exists and is not a regular file is written directly).
RenderResult write_text_file(const std::string& path, const std::string& text) {
  struct stat st {};
  const bool direct = ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
  const std::string tmp = direct ? path : path + ".tmp." + std::to_string(::getpid());
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return {"cannot write " + path + ": " + std::strerror(errno), false};
  out << text;
  out.close();
  if (!out) {
    if (!direct) ::unlink(tmp.c_str());
    return {"cannot write " + path, false};
  }
  if (!direct && ::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return {"cannot write " + path + ": " + why, false};
  }
  return {};
}

}  // namespace

plot::Vec2 default_figure_size(std::string_view figure) {
  const plot::FigureSpec* f = plot::find_figure(figure);
  return f ? f->size : plot::Vec2{800, 480};
}

namespace {

std::string unknown_theme(const std::string& name) {
  return "unknown theme '" + name + "' (expected one of: " + name_list<plot::ThemeId>(", ") + ")";
}

// The request's theme, with see-through backgrounds when it asks for transparency.
std::optional<plot::Theme> request_theme(const RenderRequest& request) {
  std::optional<plot::Theme> theme = plot::theme_by_name(request.theme);
  if (theme && request.transparent) theme->background.a = theme->plot_bg.a = 0;
  return theme;
}

// A Cairo file at out_path for the request (its format from the extension, PNG at the request's
// scale): draw(canvas) draws into it, then the file is finished.
template <class Draw>
RenderResult draw_to_file(const std::string& out_path, const RenderRequest& request, Draw draw) {
  CairoOptions options;
  options.format = *format_from_path(out_path);
  options.size = request.size.value_or(default_figure_size(request.figure));
  options.scale = options.format == Format::png ? request.scale : 1.0;
  CairoCanvas canvas(out_path, options);
  if (!canvas.ok()) return {canvas.error(), false};
  if (RenderResult drawn = draw(canvas); !drawn.ok()) return drawn;
  if (std::string err = canvas.finish(); !err.empty()) return {err, false};
  return {};
}

}  // namespace

RenderResult draw_named_figure(plot::Canvas& canvas, const plot::FigureSource& source, const RenderRequest& request) {
  const plot::FigureSpec* figure = plot::find_figure(request.figure);
  if (!figure) return {"unknown figure '" + request.figure + "' (expected one of: " + plot::figure_list() + ")", true};
  const std::optional<plot::Theme> theme = request_theme(request);
  if (!theme)
    return {unknown_theme(request.theme), true};
  const plot::Vec2 sz = canvas.size();
  const plot::Rect all{0, 0, sz.x, sz.y};
  canvas.fill_rect(all, theme->background);
  if (const std::string error = figure->draw(canvas, *theme, all, source); !error.empty())
    return {"figure '" + request.figure + "': " + error, false};
  return {};
}

RenderResult check_request(const RenderRequest& request, const std::string& out_path) {
  if (!plot::find_figure(request.figure))
    return {"unknown figure '" + request.figure + "' (expected one of: " + plot::figure_list() + ")", true};
  if (!plot::theme_by_name(request.theme))
    return {unknown_theme(request.theme), true};
  const plot::Vec2 size = request.size.value_or(default_figure_size(request.figure));
  if (!(size.x >= 16 && size.y >= 16 && size.x <= 8192 && size.y <= 8192))
    return {"--size must be between 16x16 and 8192x8192", true};
  if (!(request.scale >= 1 && request.scale <= 4)) return {"--scale must be between 1 and 4", true};
  // Limits before work: a PNG of 8192x8192 at scale 4 is 32768² pixels (4 GiB), beyond what the
  // canvas can allocate; refused here as a usage error, not after a long failed render.
  if (format_from_path(out_path) == Format::png) {
    const double w = std::ceil(size.x * request.scale), h = std::ceil(size.y * request.scale);
    if (w > kMaxPngSide || h > kMaxPngSide || w * h > kMaxPngPixels)
      return {"--size × --scale is " + std::to_string(static_cast<long long>(w)) + "x" +
                  std::to_string(static_cast<long long>(h)) + " pixels; a PNG may have at most " +
                  std::to_string(kMaxPngSide) + " a side and " + std::to_string(kMaxPngPixels / 1000000) +
                  " million pixels",
              true};
  }
  if (!is_data_path(out_path) && !format_from_path(out_path))
    return {"cannot tell the format of '" + out_path + "' (expected .png, .svg, .pdf, .csv, .tex or .json)", true};
  return {};
}

RenderResult render_source(const plot::FigureSource& source, const std::string& out_path, const RenderRequest& request) {
  if (RenderResult bad = check_request(request, out_path); !bad.ok()) return bad;
  const std::string ext = extension(out_path);
  if (is_data_path(out_path)) {  // data instead of a picture: the figure's curves, or the metrics table
    if (!plot::find_figure(request.figure)->has_data_export)
      return {"figure '" + request.figure + "' exports as .png, .svg or .pdf", true};
    if (plot::find_figure(request.figure)->lab == "coding") {  // the codes table as LaTeX or CSV
      if (ext == "json") return {"figure '" + request.figure + "' exports as .png, .svg, .pdf, .tex or .csv ('divlab code --json' prints the codes)", true};
      if (!source.scenario || source.scenario->kind != Kind::discrete)
        return {"figure '" + request.figure + "' needs a discrete scenario", true};
      const plot::CodingFigureData codes = plot::coding_figure_data(*source.scenario);
      return write_text_file(out_path, ext == "tex" ? plot::code_table_latex(codes) : plot::code_table_csv(codes));
    }
    if (!source.data && (!source.scenario || source.scenario->kind == Kind::joint))
      return {"figure '" + request.figure + "' has no P and Q to export", true};
    const plot::FigureData data = source.data ? *source.data : plot::compute_figure_data(*source.scenario);
    if (ext == "csv") return write_text_file(out_path, figure_csv(request.figure, data));
    if (ext == "tex") return write_text_file(out_path, metrics_latex(data.measures, {.continuous = data.kind == Kind::continuous}));
    return write_text_file(out_path, metrics_json(data.measures));
  }
  return draw_to_file(out_path, request, [&](CairoCanvas& canvas) { return draw_named_figure(canvas, source, request); });
}

RenderResult render_figure(const plot::FigureData& data, const std::string& out_path, const RenderRequest& request) {
  return render_source({nullptr, &data}, out_path, request);
}

RenderResult render_scenario(const Scenario& scenario, const std::string& out_path, const RenderRequest& request) {
  return render_source({&scenario, nullptr}, out_path, request);
}

}  // namespace divlab::exporting

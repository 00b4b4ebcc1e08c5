#include "labs/fit/landscape_view.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "shell/egl_offscreen.hpp"  // read_framebuffer_rgba

namespace divlab::shaders {
extern const std::string_view landscape_vert;
extern const std::string_view landscape_frag;
}  // namespace divlab::shaders

namespace divlab::gui {

static_assert(plot::kColormapStops == 10, "shaders/landscape.frag declares u_lut[10]");

namespace {

GLuint compile(GLenum kind, std::string_view src, std::string* error) {
  const GLuint s = glCreateShader(kind);
  const char* text = src.data();
  const GLint len = static_cast<GLint>(src.size());
  glShaderSource(s, 1, &text, &len);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    *error = std::string("landscape shader: ") + log;
    glDeleteShader(s);
    return 0;
  }
  return s;
}

// Saves the GL state the offscreen pass touches and restores it on scope exit (ImGui's renderer
// and the run loop expect theirs untouched).
struct GlStateGuard {
  GLint fbo = 0, program = 0, vao = 0, tex = 0, active = 0, viewport[4] = {};
  GLboolean blend = GL_FALSE, scissor = GL_FALSE;
  GlStateGuard() {
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &fbo);
    glGetIntegerv(GL_CURRENT_PROGRAM, &program);
    glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vao);
    glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
    glActiveTexture(GL_TEXTURE0);
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &tex);
    glGetIntegerv(GL_VIEWPORT, viewport);
    blend = glIsEnabled(GL_BLEND);
    scissor = glIsEnabled(GL_SCISSOR_TEST);
  }
  ~GlStateGuard() {
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(fbo));
    glUseProgram(static_cast<GLuint>(program));
    glBindVertexArray(static_cast<GLuint>(vao));
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(tex));
    glActiveTexture(static_cast<GLenum>(active));
    glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    if (blend) glEnable(GL_BLEND);
    if (scissor) glEnable(GL_SCISSOR_TEST);
  }
};

}  // namespace

bool LandscapeView::gl_available() {
  const char* name = ImGui::GetCurrentContext() ? ImGui::GetIO().BackendRendererName : nullptr;
  return name && std::string_view(name).find("opengl") != std::string_view::npos && glCreateShader != nullptr;
}

LandscapeView::~LandscapeView() {
  if (!inited_ || !glDeleteProgram) return;  // nothing was created (no GL)
  glDeleteProgram(program_);
  glDeleteVertexArrays(1, &vao_);
  glDeleteTextures(1, &data_tex_);
  glDeleteTextures(1, &color_tex_);
  glDeleteFramebuffers(1, &fbo_);
}

bool LandscapeView::init() {
  if (inited_) return true;
  if (failed_) return false;
  const GLuint vs = compile(GL_VERTEX_SHADER, shaders::landscape_vert, &error_);
  const GLuint fs = vs ? compile(GL_FRAGMENT_SHADER, shaders::landscape_frag, &error_) : 0;
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    failed_ = true;
    return false;
  }
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(program_, sizeof log, nullptr, log);
    error_ = std::string("landscape shader link: ") + log;
    glDeleteProgram(program_);
    failed_ = true;
    return false;
  }
  glGenVertexArrays(1, &vao_);
  glGenTextures(1, &data_tex_);
  glGenTextures(1, &color_tex_);
  glGenFramebuffers(1, &fbo_);
  inited_ = true;
  return true;
}

ImTextureID LandscapeView::render(std::span<const float> levels, int w, int h, std::uint64_t generation, int px_w,
                                  int px_h) {
  if (!gl_available() || w < 2 || h < 2 || levels.size() != static_cast<std::size_t>(w) * h) return nullptr;
  px_w = std::clamp(px_w, 2, 4096);
  px_h = std::clamp(px_h, 2, 4096);
  const bool size_changed = px_w != fbo_w_ || px_h != fbo_h_;
  if (inited_ && !size_changed && generation == generation_ && w == grid_w_ && h == grid_h_)
    return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(color_tex_));  // cached: no GL state touched
  GlStateGuard guard;
  if (!init()) return nullptr;

  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, data_tex_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, w, h, 0, GL_RED, GL_FLOAT, levels.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);

  if (size_changed) {
    glBindTexture(GL_TEXTURE_2D, color_tex_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, px_w, px_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color_tex_, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      error_ = "landscape: offscreen framebuffer incomplete";
      failed_ = true;
      return nullptr;
    }
    fbo_w_ = px_w;
    fbo_h_ = px_h;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, px_w, px_h);
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(program_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, data_tex_);
  glUniform1i(glGetUniformLocation(program_, "u_levels"), 0);
  glUniform2f(glGetUniformLocation(program_, "u_grid"), static_cast<float>(w), static_cast<float>(h));
  glUniform3fv(glGetUniformLocation(program_, "u_lut"), plot::kColormapStops, plot::colormap_table()[0].data());
  const plot::Color inf = plot::infinite_cell_color();
  glUniform3f(glGetUniformLocation(program_, "u_infinite"), inf.r, inf.g, inf.b);
  glUniform1f(glGetUniformLocation(program_, "u_contours"), plot::kContourLevels);
  glUniform1f(glGetUniformLocation(program_, "u_darken"), plot::kContourDarken);
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  generation_ = generation;
  grid_w_ = w;
  grid_h_ = h;
  return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(color_tex_));
}

std::vector<std::uint8_t> LandscapeView::read_pixels() const {
  std::vector<std::uint8_t> px;
  if (!inited_ || fbo_w_ <= 0) return px;
  GLint prev = 0;
  glGetIntegerv(GL_FRAMEBUFFER_BINDING, &prev);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  px = platform::read_framebuffer_rgba(fbo_w_, fbo_h_);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prev));
  return px;
}

plot::Axes draw_landscape(ImGuiCanvas& c, const plot::Theme& t, plot::Rect rect, const plot::LandscapeFigure& f,
                          LandscapeView& view, std::uint64_t generation, bool* gpu) {
  const plot::Axes a = plot::landscape_axes(c, t, rect, f);
  ImTextureID tex = nullptr;
  if (f.landscape) {  // render() checks for GL itself
    const float fb = ImGui::GetIO().DisplayFramebufferScale.x;
    tex = view.render(f.levels, f.landscape->width, f.landscape->height, generation,
                      static_cast<int>(a.plot.width() * fb), static_cast<int>(a.plot.height() * fb));
  }
  if (tex) {
    // The texture's row 0 (bottom of the FBO) is the lowest log sd: flip v so it lands at the bottom.
    ImGui::GetWindowDrawList()->AddImage(tex, {a.plot.x0, a.plot.y0}, {a.plot.x1, a.plot.y1}, {0, 1}, {1, 0});
  } else {
    plot::landscape_cells(c, a, f);
  }
  if (gpu) *gpu = tex != nullptr;
  plot::landscape_overlay(c, t, a, f);
  return a;
}

}  // namespace divlab::gui

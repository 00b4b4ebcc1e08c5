#include "shell/egl_offscreen.hpp"
#include "shell/gl_driver_pin.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <glad/gl.h>

#include <cstring>

namespace divlab::platform {

namespace {

bool has_extension(const char* list, const char* name) {
  if (!list) return false;
  const size_t n = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  return false;
}

std::string egl_error(const char* what) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s failed (EGL error 0x%04x)", what, static_cast<unsigned>(eglGetError()));
  return buf;
}

GLADapiproc load_gl(const char* name) { return reinterpret_cast<GLADapiproc>(eglGetProcAddress(name)); }

}  // namespace

std::unique_ptr<EglOffscreen> EglOffscreen::create(int width, int height, std::string* error) {
  std::unique_ptr<EglOffscreen> self(new EglOffscreen);
  const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  if (!has_extension(client, "EGL_MESA_platform_surfaceless")) {
    *error = "EGL has no surfaceless platform (EGL_MESA_platform_surfaceless; install Mesa's libegl1-mesa)";
    return nullptr;
  }
  auto get_platform_display =
      reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
  if (!get_platform_display) {
    *error = "EGL has no eglGetPlatformDisplayEXT";
    return nullptr;
  }
  EGLDisplay dpy = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
  EGLint major = 0, minor = 0;
  if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, &major, &minor)) {
    *error = egl_error("eglInitialize (surfaceless)");
    return nullptr;
  }
  self->display_ = dpy;
  const char* exts = eglQueryString(dpy, EGL_EXTENSIONS);
  if (!has_extension(exts, "EGL_KHR_surfaceless_context") || !has_extension(exts, "EGL_KHR_create_context")) {
    *error = "EGL lacks EGL_KHR_surfaceless_context or EGL_KHR_create_context";
    return nullptr;
  }
  if (!eglBindAPI(EGL_OPENGL_API)) {
    *error = egl_error("eglBindAPI(OpenGL)");
    return nullptr;
  }
  const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE, 0, EGL_NONE};
  EGLConfig config = nullptr;
  EGLint count = 0;
  EGLConfig chosen = nullptr;
  if (eglChooseConfig(dpy, config_attribs, &config, 1, &count) && count > 0) chosen = config;
  // Without a config, EGL_KHR_no_config_context still lets us make a context.
  if (!chosen && !has_extension(exts, "EGL_KHR_no_config_context")) {
    *error = "EGL has no OpenGL config for the surfaceless platform";
    return nullptr;
  }
  const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                    3,
                                    EGL_CONTEXT_MINOR_VERSION,
                                    3,
                                    EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                    EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                    EGL_NONE};
  EGLContext ctx = eglCreateContext(dpy, chosen ? chosen : EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, context_attribs);
  if (ctx == EGL_NO_CONTEXT) {
    *error = egl_error("creating an OpenGL 3.3 core context");
    return nullptr;
  }
  self->context_ = ctx;
  if (!eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
    *error = egl_error("eglMakeCurrent (surfaceless)");
    return nullptr;
  }
  pin_gl_driver();
  const int version = gladLoadGL(load_gl);
  if (!version || GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) < 33) {
    *error = "OpenGL 3.3 core is not available offscreen";
    return nullptr;
  }
  if (!self->resize(width, height, error)) return nullptr;
  return self;
}

EglOffscreen::~EglOffscreen() {
  auto dpy = static_cast<EGLDisplay>(display_);
  if (context_) {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (color_) glDeleteRenderbuffers(1, &color_);
    if (depth_) glDeleteRenderbuffers(1, &depth_);
    eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(dpy, static_cast<EGLContext>(context_));
  }
  if (dpy) eglTerminate(dpy);
  // Each thread holds EGL state of its own; release this one's.
  eglReleaseThread();
}

bool EglOffscreen::resize(int width, int height, std::string* error) {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  if (width < 1 || height < 1 || width > max_size || height > max_size) {
    *error = "offscreen size must be between 1 and " + std::to_string(max_size) + " pixels per side";
    return false;
  }
  if (!fbo_) glGenFramebuffers(1, &fbo_);
  if (!color_) glGenRenderbuffers(1, &color_);
  if (!depth_) glGenRenderbuffers(1, &depth_);
  glBindRenderbuffer(GL_RENDERBUFFER, color_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  glBindRenderbuffer(GL_RENDERBUFFER, depth_);
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    *error = "the offscreen framebuffer is incomplete";
    return false;
  }
  width_ = width;
  height_ = height;
  bind();
  return true;
}

void EglOffscreen::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, width_, height_);
}

std::vector<std::uint8_t> read_framebuffer_rgba(int width, int height) {
  if (width <= 0 || height <= 0) return {};
  std::vector<std::uint8_t> pixels(static_cast<size_t>(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL's first row is the bottom one.
  const size_t row = static_cast<size_t>(width) * 4;
  std::vector<std::uint8_t> swap(row);
  for (int y = 0; y < height / 2; ++y) {
    std::uint8_t* a = pixels.data() + y * row;
    std::uint8_t* b = pixels.data() + (height - 1 - y) * row;
    std::memcpy(swap.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, swap.data(), row);
  }
  return pixels;
}

std::vector<std::uint8_t> EglOffscreen::read_rgba() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glFinish();
  return read_framebuffer_rgba(width_, height_);
}

std::string EglOffscreen::renderer() const {
  const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const auto* v = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  return std::string(r ? r : "?") + " / " + (v ? v : "?");
}

}  // namespace divlab::platform

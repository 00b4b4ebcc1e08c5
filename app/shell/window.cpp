#include "shell/window.hpp"
#include "shell/gl_driver_pin.hpp"

#include <glad/gl.h>
// glad before GLFW: GLFW must not pull in the system GL header.
#include <GLFW/glfw3.h>

#include <string>

namespace divlab::platform {

std::unique_ptr<Window> Window::create(int width, int height, const std::string& title, std::string* error) {
  const char* why = nullptr;
  if (!glfwInit()) {
    const char* desc = nullptr;
    glfwGetError(&desc);
    *error = std::string("cannot open a window (") + (desc ? desc : "no display") + ")";
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  GLFWwindow* w = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!w) {
    glfwGetError(&why);
    *error = std::string("cannot create an OpenGL 3.3 core context (") + (why ? why : "unknown reason") + ")";
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(w);
  pin_gl_driver();
  const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress));
  if (version == 0 || GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) < 33) {
    *error = "OpenGL 3.3 is not available";
    glfwDestroyWindow(w);
    glfwTerminate();
    return nullptr;
  }
  glfwSwapInterval(1);
  return std::unique_ptr<Window>(new Window(w));
}

Window::~Window() {
  glfwDestroyWindow(window_);
  glfwTerminate();
}

float Window::content_scale() const {
  float x = 1, y = 1;
  glfwGetWindowContentScale(window_, &x, &y);
  return x > 0 ? x : 1.0f;
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::request_close() const { glfwSetWindowShouldClose(window_, GLFW_TRUE); }
void Window::set_title(const std::string& title) const { glfwSetWindowTitle(window_, title.c_str()); }
void Window::framebuffer_size(int* w, int* h) const { glfwGetFramebufferSize(window_, w, h); }
bool Window::minimised() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return w <= 0 || h <= 0 || glfwGetWindowAttrib(window_, GLFW_ICONIFIED);
}
void Window::restore() const { glfwRestoreWindow(window_); }
void Window::swap() const { glfwSwapBuffers(window_); }
void Window::cancel_close() const { glfwSetWindowShouldClose(window_, GLFW_FALSE); }

bool Window::fullscreen() const { return glfwGetWindowMonitor(window_) != nullptr; }

void Window::size(int* w, int* h) const { glfwGetWindowSize(window_, w, h); }

void Window::toggle_fullscreen() {
  if (glfwGetWindowMonitor(window_)) {
    glfwSetWindowMonitor(window_, nullptr, saved_x_, saved_y_, saved_w_, saved_h_, 0);
    return;
  }
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
  if (!mode) return;
  glfwGetWindowPos(window_, &saved_x_, &saved_y_);
  glfwGetWindowSize(window_, &saved_w_, &saved_h_);
  glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

}  // namespace divlab::platform

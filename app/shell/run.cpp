// The desktop main loop: GLFW window + ImGui backends around draw_frame().
#include "shell/run.hpp"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <glad/gl.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "divlab/document/scenario.hpp"
#include "divlab/document/session_store.hpp"
#include "export/png_writer.hpp"
#include "shell/actions.hpp"
#include "shell/app.hpp"
#include "shell/egl_offscreen.hpp"  // read_framebuffer_rgba
#include "shell/window.hpp"

namespace divlab::gui {

namespace {

// Owns the ImGui context and backends; shut down in reverse order before the window goes.
struct ImGuiRuntime {
  bool glfw = false, gl = false;
  ~ImGuiRuntime() {
    if (gl) ImGui_ImplOpenGL3_Shutdown();
    if (glfw) ImGui_ImplGlfw_Shutdown();
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
  }
};

bool input_activity(const ImGuiIO& io) {
  if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.InputQueueCharacters.Size > 0)
    return true;
  for (bool down : io.MouseDown)
    if (down) return true;
  for (bool down : io.KeysDown)
    if (down) return true;
  return false;
}

// ImGui 1.86 reads key state once per frame, so a press and release delivered in the same batch of
// events (a quick tap, or xdotool) would never be seen. This latch defers such releases by a frame.
struct KeyLatch {
  std::vector<int> pressed;                    // keys pressed since the last frame
  std::vector<std::array<int, 4>> releases;    // key, scancode, action, mods
};

// What the window callbacks hand to the loop (the window's user pointer).
struct WindowEvents {
  KeyLatch latch;
  std::vector<std::string> dropped;  // files dropped onto the window
};

void drop_callback(GLFWwindow* w, int count, const char** paths) {
  auto* events = static_cast<WindowEvents*>(glfwGetWindowUserPointer(w));
  if (events && count > 0) events->dropped.emplace_back(paths[0]);  // one scenario at a time
}

void key_callback(GLFWwindow* w, int key, int scancode, int action, int mods) {
  auto* events = static_cast<WindowEvents*>(glfwGetWindowUserPointer(w));
  KeyLatch* latch = events ? &events->latch : nullptr;
  // Any release after a press in the same batch waits a frame, so that a modifier released before
  // its key (xdotool sends ctrl↓ z↓ ctrl↑ z↑) is still held on the frame that sees the key.
  if (latch && action == GLFW_RELEASE && (!latch->pressed.empty() || !latch->releases.empty())) {
    latch->releases.push_back({key, scancode, action, mods});
    return;
  }
  if (latch && action == GLFW_PRESS) latch->pressed.push_back(key);
  ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

void release_latched(GLFWwindow* w, KeyLatch& latch) {
  latch.pressed.clear();
  const auto releases = std::move(latch.releases);
  latch.releases.clear();
  for (const auto& r : releases) ImGui_ImplGlfw_KeyCallback(w, r[0], r[1], r[2], r[3]);
}

// Reads the back buffer and writes divlab-<time>.png in the current folder.
void save_window_png(int w, int h) {
  glReadBuffer(GL_BACK);
  std::vector<std::uint8_t> flipped = platform::read_framebuffer_rgba(w, h);
  for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // the window is opaque
  char name[64];
  const std::time_t now = std::time(nullptr);
  std::strftime(name, sizeof name, "divlab-%Y%m%d-%H%M%S.png", std::localtime(&now));
  std::string error;
  if (!exporting::write_png(name, w, h, flipped, &error)) std::fprintf(stderr, "divlab: %s\n", error.c_str());
  else std::fprintf(stderr, "divlab: saved %s\n", name);
}

// One frame: the UI for the current state, drawn into the window's back buffer and shown.
void render_frame(App& app, const platform::Window& window) {
  int fw = 0, fh = 0;
  window.framebuffer_size(&fw, &fh);
  const float scale = ui_scale(app);
  if (scale != app.fonts_built_scale) {  // presentation scale changed: rebuild the atlas at the new size
    load_fonts(app, scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  const auto t0 = std::chrono::steady_clock::now();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  draw_frame(app, ImGui::GetIO().DisplaySize);
  ImGui::Render();
  const double cpu_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  app.last_frame_cpu_ms = 0.9 * app.last_frame_cpu_ms + 0.1 * cpu_ms;

  glViewport(0, 0, fw, fh);
  const plot::Color bg = current_theme(app).background;
  glClearColor(bg.r, bg.g, bg.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (app.want_window_png) {  // F12: the whole window as it is now
    app.want_window_png = false;
    save_window_png(fw, fh);
  }
  window.swap();
}

std::string window_title(const App& app) {
  const auto& s = app.doc.scenario();
  return (app.doc.dirty() ? "• " : "") + s.title.value_or("untitled") + " — divlab";
}

// The session autosave in the XDG state dir (nullopt without a usable HOME / XDG_STATE_HOME).
std::optional<SessionStore> open_session_store() {
  if (auto dir = state_dir()) return SessionStore(*dir);
  return std::nullopt;
}

// Without a FILE, a session that ended in a crash or kill -9 comes back, marked unsaved.
std::optional<Scenario> recover_session(SessionStore& store) {
  const auto recovered = store.recover();
  if (!recovered) return std::nullopt;
  try {
    Scenario s = parse_scenario(recovered->scenario_text, store.session_path().string());
    std::fprintf(stderr, "divlab: restored the unsaved session from %s\n", store.session_path().c_str());
    return s;
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "divlab: ignoring an unreadable autosave: %s\n", e.what());
    store.discard();
    return std::nullopt;
  }
}

}  // namespace

int run(const std::string& file) {
  std::optional<SessionStore> session = open_session_store();
  Scenario scenario;
  std::optional<Scenario> recovered;
  try {
    if (file.empty() && session) recovered = recover_session(*session);
    scenario = recovered ? *recovered : file.empty() ? default_scenario() : load_scenario(file);
  } catch (const ScenarioError& e) {
    std::fprintf(stderr, "divlab: %s\n", e.what());
    return 2;
  }
  std::string error;
  const auto window = platform::Window::create(1600, 900, "divlab", &error);
  if (!window) {
    std::fprintf(stderr,
                 "divlab: %s.\n"
                 "divlab: the GUI needs a display with OpenGL 3.3. Without one, draw figures with\n"
                 "divlab:   divlab render FILE -o OUT.png   (or .svg/.pdf; see 'divlab render --help')\n",
                 error.c_str());
    return 2;
  }

  auto app = std::make_unique<App>();
  app->doc.reset(std::move(scenario));
  if (recovered) app->doc.mark_unsaved();
  app->content_scale = window->content_scale();
  if (const char* out = std::getenv("DIVLAB_STATE_OUT")) app->state_out = out;

  ImGuiRuntime runtime;
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is computed; nothing to remember
  runtime.glfw = ImGui_ImplGlfw_InitForOpenGL(window->handle(), true);
  runtime.gl = ImGui_ImplOpenGL3_Init("#version 330 core");
  if (!runtime.glfw || !runtime.gl) {
    std::fputs("divlab: could not start the OpenGL renderer; try 'divlab render FILE -o OUT.png'\n", stderr);
    return 2;
  }
  WindowEvents events;
  glfwSetWindowUserPointer(window->handle(), &events);
  glfwSetKeyCallback(window->handle(), key_callback);
  glfwSetDropCallback(window->handle(), drop_callback);
  AutosaveSchedule autosave;
  std::uint64_t autosaved_revision = app->doc.revision();
  if (!load_fonts(*app, ui_scale(*app)))
    std::fprintf(stderr, "divlab: DejaVu Sans not found in %s; using ImGui's built-in font\n", DIVLAB_FONT_DIR);

  int busy_frames = 60;  // keep drawing while something moves; sleep when idle
  bool minimised = false;
  std::string title;
  while (!window->should_close()) {
    if (busy_frames > 0 && !minimised)
      glfwPollEvents();
    else
      glfwWaitEventsTimeout(0.5);  // idle or minimised: sleep until an event (or the autosave is due)
    minimised = window->minimised();
    if (minimised) {
      busy_frames = 60;  // nothing to draw until restored, then draw at once
    } else {
      const auto revision = app->doc.revision();
      render_frame(*app, *window);
      // A playing fit keeps frames coming only while its window is open and a run still moves.
      const bool fitting = app->fit.open && app->fit.advancing();
      busy_frames = input_activity(io) || revision != app->doc.revision() || fitting ? 60 : busy_frames - 1;
      release_latched(window->handle(), events.latch);  // after the frame that saw the presses
    }
    for (const std::string& path : std::exchange(events.dropped, {})) open_file(*app, path);

    // Autosave (debounced: two fsyncs per save) so a crash or kill -9 loses nothing.
    const double now = glfwGetTime();
    if (app->doc.revision() != autosaved_revision) {
      autosave.changed(now);
      autosaved_revision = app->doc.revision();
    }
    if (session && autosave.due(now)) {
      if (const auto err = session->autosave(to_json_text(app->doc.to_scenario())))
        std::fprintf(stderr, "divlab: autosave failed: %s\n", err->c_str());
      autosave.saved();
    }

    if (const std::string t = window_title(*app); t != title) window->set_title(title = t);
    if (app->want_quit) window->request_close();
    if (window->should_close() && app->doc.dirty() && !app->quit_confirmed && app->state_out.empty()) {
      window->cancel_close();  // ask first (tests that set DIVLAB_STATE_OUT close without asking)
      app->confirm_quit = true;
      app->want_quit = false;
      if (minimised) window->restore();  // the question must be seen
    }
    if (app->want_fullscreen_toggle) {
      app->want_fullscreen_toggle = false;
      window->toggle_fullscreen();
    }
  }
  glfwSetKeyCallback(window->handle(), nullptr);
  glfwSetDropCallback(window->handle(), nullptr);
  glfwSetWindowUserPointer(window->handle(), nullptr);
  write_state(*app);
  if (session) session->mark_clean();
  return 0;
}

}  // namespace divlab::gui

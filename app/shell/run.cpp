// The desktop main loop: the "glfw" frame backend, events, autosave of every lab, settings.
#include "shell/run.hpp"
#include "shell/session_restore.hpp"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "divlab/document/scenario.hpp"
#include "divlab/document/session_store.hpp"
#include "shell/actions.hpp"
#include "shell/app.hpp"
#include "shell/frame_driver.hpp"
#include "shell/window.hpp"

namespace divlab::gui {

namespace {

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

std::string window_title(const App& app) {
  const Document& d = app.lab().doc;
  return (d.dirty() ? "• " : "") + d.scenario().title.value_or("untitled") + " — divlab";
}

// One lab's autosave: a session store in the XDG state dir (state/labs/<lab>), debounced.
struct LabAutosave {
  Lab* lab;
  SessionStore store;
  AutosaveSchedule schedule;
  std::uint64_t saved_revision;
};

}  // namespace

int run(const std::string& file) {
  auto app = std::make_unique<App>();
  const std::optional<std::filesystem::path> settings_file = settings_path();
  if (settings_file) app->settings = load_settings(*settings_file);
  app->settings_file = settings_file;
  app->switch_lab(app->settings.lab);
  if (!file.empty()) {
    try {
      FileToOpen opened = read_file_to_open(file);
      Scenario& s = opened.scenario;
      Lab* lab = lab_for(*app, s.kind);
      if (!lab) throw ScenarioError(file + ": no lab opens this kind of scenario");
      if (lab != &app->lab()) app->switch_lab(lab->id());
      app->lab().doc.reset(std::move(s));
      if (opened.imported)
        app->lab().doc.mark_unsaved();  // Save asks for a name: never JSON over the data
      else
        app->lab().file_path = file;
    } catch (const ScenarioError& e) {
      std::fprintf(stderr, "divlab: %s\n", e.what());
      return 2;
    }
  }
  std::vector<LabAutosave> autosaves;
  if (const auto dir = state_dir())
    for (auto& l : app->labs) {
      LabAutosave a{l.get(), SessionStore(*dir / "labs" / std::string(l->id())), AutosaveSchedule(), 0};
      // A lab whose last session ended in a crash or kill -9 gets it back, marked unsaved (not the
      // lab FILE opens in); an unreadable autosave is kept aside. The status bar says which.
      if (!(file.empty() ? false : l.get() == &app->lab()))
        if (const std::string said = restore_session(a.store, *l); !said.empty())
          app->notice += (app->notice.empty() ? "" : " ") + said;
      a.saved_revision = l->doc.revision();
      autosaves.push_back(std::move(a));
    }

  std::string error;
  const auto backend = make_frame_backend("glfw", app->settings.window_width, app->settings.window_height, &error);
  if (!backend) {
    std::fprintf(stderr,
                 "divlab: %s.\n"
                 "divlab: the GUI needs a display with OpenGL 3.3. Without one, draw figures with\n"
                 "divlab:   divlab render FILE -o OUT.png   (or .svg/.pdf; see 'divlab render --help')\n",
                 error.c_str());
    return 2;
  }
  if (const char* out = std::getenv("DIVLAB_STATE_OUT")) app->state_out = out;
  platform::Window* window = backend->window();
  FrameDriver driver(*app, *backend);
  if (!driver.ok()) {
    std::fprintf(stderr, "divlab: %s; try 'divlab render FILE -o OUT.png'\n", driver.error().c_str());
    return 2;
  }
  if (!driver.fonts_found())
    std::fprintf(stderr, "divlab: DejaVu Sans not found in %s; using ImGui's built-in font\n", DIVLAB_FONT_DIR);
  ImGuiIO& io = ImGui::GetIO();
  WindowEvents events;
  glfwSetWindowUserPointer(window->handle(), &events);
  glfwSetKeyCallback(window->handle(), key_callback);
  glfwSetDropCallback(window->handle(), drop_callback);

  const auto any_dirty = [&] { return std::ranges::any_of(app->labs, [](const auto& l) { return l->doc.dirty(); }); };
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
      const auto revision = app->lab().doc.revision();
      const std::size_t lab = app->current;
      driver.frame();
      // A lab that moves on its own (a playing fit) keeps frames coming only while a run still moves.
      const bool changed = revision != app->lab().doc.revision() || lab != app->current;
      busy_frames = input_activity(io) || changed || app->lab().animating() ? 60 : busy_frames - 1;
      release_latched(window->handle(), events.latch);  // after the frame that saw the presses
    }
    for (const std::string& path : std::exchange(events.dropped, {})) open_file(*app, path);

    // Autosave (debounced: two fsyncs per save) so a crash or kill -9 loses nothing, in every lab.
    const double now = glfwGetTime();
    for (LabAutosave& a : autosaves) {
      if (a.lab->doc.revision() != a.saved_revision) {
        a.schedule.changed(now);
        a.saved_revision = a.lab->doc.revision();
      }
      if (a.schedule.due(now)) {
        if (const auto err = a.store.autosave(to_json_text(a.lab->doc.to_scenario())))
          std::fprintf(stderr, "divlab: autosave failed: %s\n", err->c_str());
        a.schedule.saved();
      }
    }

    if (const std::string t = window_title(*app); t != title) window->set_title(title = t);
    if (app->want_quit) window->request_close();
    if (window->should_close() && any_dirty() && !app->quit_confirmed && app->state_out.empty()) {
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
  for (LabAutosave& a : autosaves) a.store.mark_clean();
  if (settings_file) {
    if (!window->fullscreen()) window->size(&app->settings.window_width, &app->settings.window_height);
    if (const auto err = save_settings(app->settings, *settings_file))
      std::fprintf(stderr, "divlab: could not save the settings: %s\n", err->c_str());
  }
  return 0;
}

}  // namespace divlab::gui

// Never losing work: atomic file writes, the XDG state directory, and a session autosave that is
// restored on the next start after a crash or a kill -9 (but not after a clean shutdown).
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace divlab {

// Writes `content` to `path` atomically: a temporary file in the same folder, fsync, rename over
// `path`, fsync of the folder. Readers see the old file or the new one, never a partial file.
// A symlink at `path` is followed (its target is replaced). A new file gets mode 0644, an existing
// one keeps its mode. Returns nullopt on success, else a one-line error ("<path>: <reason>").
std::optional<std::string> write_file_atomic(const std::filesystem::path& path, std::string_view content);

// divlab's state directory per the XDG Base Directory spec: $XDG_STATE_HOME/divlab when that is an
// absolute path, else $HOME/.local/state/divlab; nullopt when neither gives an absolute path.
std::optional<std::filesystem::path> state_dir_from(const char* xdg_state_home, const char* home);
// The same, reading the environment.
std::optional<std::filesystem::path> state_dir();

// What the last unclean session left behind.
struct RecoveredSession {
  std::string scenario_text;  // scenario JSON text (SPEC §2), as autosaved
  std::string ui_state;       // the UI-state JSON text given to autosave
  // Non-empty when session.json is there but cannot be read (truncated, not a session): why. Then
  // scenario_text is the file's raw text. Such a file is never dropped silently: keep_aside() it.
  std::string damaged;
};

// The session autosave in one folder (created on first write, mode 0700):
//   session.json  {"format": "divlab.session", "version": 1, "scenario": "<text>", "ui": "<text>",
//                  "pid": <writer's process id>, "start": <its start time, /proc/PID/stat field 22>,
//                  "boot": "<boot id>"}
//   clean         present only after mark_clean(): the last session ended normally.
// Typical use:  SessionStore store(*state_dir());
//               if (auto r = store.recover()) { /* offer or restore r->scenario_text */ }
//               ... store.autosave(text, ui) after edits ...   store.mark_clean() on exit.
class SessionStore {
 public:
  explicit SessionStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path session_path() const { return dir_ / "session.json"; }
  std::filesystem::path clean_marker_path() const { return dir_ / "clean"; }

  // Saves the session atomically and marks it unclean until mark_clean(). nullopt on success.
  // Costs two fsyncs (~10 ms on a laptop disk): call it debounced after edits, not every frame.
  std::optional<std::string> autosave(std::string_view scenario_text, std::string_view ui_state = "{}");
  // Records a clean shutdown: the next recover() returns nothing. nullopt on success.
  std::optional<std::string> mark_clean();
  // The autosaved session when the previous run did not end with mark_clean() (crash, kill -9);
  // nullopt after a clean shutdown, when nothing was saved, or while the process that wrote it is
  // still running (another divlab window: the same process id, start time and boot — a process id
  // that now belongs to another process, e.g. after a reboot, does not count). A file that cannot
  // be read is returned with `damaged` set.
  std::optional<RecoveredSession> recover() const;
  // Moves session.json aside to "session-kept-<local time>.json" in the same folder, so that the
  // next autosave does not overwrite it. The new path, or an error.
  std::optional<std::filesystem::path> keep_aside(std::string* error = nullptr);
  // Forgets the autosave (the user declined to restore it). nullopt on success.
  std::optional<std::string> discard();

 private:
  std::optional<std::string> ensure_dir();
  std::filesystem::path dir_;
};

// When to autosave: once the document has been quiet for `quiet` seconds after a change, or at
// the latest `max_delay` seconds after the first unsaved change (a long drag still gets saved).
// Pure bookkeeping on a caller-given clock (seconds), so the frame loop decides and tests can
// drive time. Typical use, once per frame:
//   if (doc changed) schedule.changed(now);
//   if (schedule.due(now)) { store.autosave(...); schedule.saved(); }
class AutosaveSchedule {
 public:
  // A long drag is saved every 2 s at most (two fsyncs, ~10 ms): at most 2 s of it can be lost.
  explicit AutosaveSchedule(double quiet = 1.0, double max_delay = 2.0) : quiet_(quiet), max_delay_(max_delay) {}
  void changed(double now) {
    if (!pending_) first_change_ = now;
    pending_ = true;
    last_change_ = now;
  }
  bool pending() const { return pending_; }
  bool due(double now) const {
    return pending_ && (now - last_change_ >= quiet_ || now - first_change_ >= max_delay_);
  }
  void saved() { pending_ = false; }

 private:
  double quiet_, max_delay_;
  bool pending_ = false;
  double first_change_ = 0, last_change_ = 0;
};

}  // namespace divlab

// Tests of never losing work (core/include/divlab/session_store.hpp): atomic writes, the XDG state
// directory, and a session autosave that survives a child process killed with SIGKILL mid-session.
#include "divlab/document/session_store.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace divlab {
namespace {

namespace fs = std::filesystem;

// A fresh folder under $TMPDIR (or /tmp), removed afterwards.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/divlab-session-test-XXXXXX";
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

mode_t mode_of(const fs::path& p) {
  struct stat st{};
  EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
  return st.st_mode & 07777;
}

size_t entries_in(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

// [SECTION] write_file_atomic

TEST(AtomicWrite, CreatesAndReplacesWithoutLeavingTemporaries) {
  TempDir t;
  const fs::path f = t.path() / "coin.json";
  ASSERT_EQ(write_file_atomic(f, "first"), std::nullopt);
  EXPECT_EQ(slurp(f), "first");
  EXPECT_EQ(mode_of(f), 0644u);
  ASSERT_EQ(write_file_atomic(f, "second, longer text ‖∞"), std::nullopt);
  EXPECT_EQ(slurp(f), "second, longer text ‖∞");
  ASSERT_EQ(write_file_atomic(f, ""), std::nullopt);
  EXPECT_EQ(slurp(f), "");
  EXPECT_EQ(entries_in(t.path()), 1u);  // no .coin.json.tmp-* left behind
}

TEST(AtomicWrite, KeepsTheModeOfAnExistingFile) {
  TempDir t;
  const fs::path f = t.path() / "private.json";
  ASSERT_EQ(write_file_atomic(f, "a"), std::nullopt);
  ASSERT_EQ(::chmod(f.c_str(), 0600), 0);
  ASSERT_EQ(write_file_atomic(f, "b"), std::nullopt);
  EXPECT_EQ(mode_of(f), 0600u);
  EXPECT_EQ(slurp(f), "b");
}

TEST(AtomicWrite, FollowsASymlinkAndKeepsIt) {
  TempDir t;
  const fs::path target = t.path() / "real.json";
  const fs::path link = t.path() / "link.json";
  ASSERT_EQ(write_file_atomic(target, "old"), std::nullopt);
  fs::create_symlink("real.json", link);  // relative target, resolved against the link's folder
  ASSERT_EQ(write_file_atomic(link, "new"), std::nullopt);
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(slurp(target), "new");
}

TEST(AtomicWrite, LargeContentIsWrittenCompletely) {
  TempDir t;
  std::string big(8 << 20, 'x');
  for (size_t i = 0; i < big.size(); i += 4096) big[i] = static_cast<char>('a' + (i / 4096) % 26);
  ASSERT_EQ(write_file_atomic(t.path() / "big", big), std::nullopt);
  EXPECT_EQ(slurp(t.path() / "big"), big);
}

TEST(AtomicWrite, ErrorsAreValuesThatNameThePath) {
  TempDir t;
  const fs::path missing = t.path() / "no" / "such" / "dir" / "x.json";
  const auto err = write_file_atomic(missing, "x");
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find(missing.string()), std::string::npos) << *err;
  EXPECT_NE(err->find("No such file or directory"), std::string::npos) << *err;

  // Renaming a file over a non-empty folder fails; the folder and its content stay untouched.
  const fs::path dir = t.path() / "adir";
  fs::create_directory(dir);
  ASSERT_EQ(write_file_atomic(dir / "inside", "keep"), std::nullopt);
  const auto err2 = write_file_atomic(dir, "x");
  ASSERT_TRUE(err2.has_value());
  EXPECT_NE(err2->find("cannot replace"), std::string::npos) << *err2;
  EXPECT_EQ(slurp(dir / "inside"), "keep");
  EXPECT_EQ(entries_in(t.path()), 1u);  // the temporary file was removed
}

TEST(AtomicWrite, AFolderNobodyCanWriteIsAnError) {
  // /proc refuses new files even to root, so this runs everywhere (CI runs as root).
  const auto err = write_file_atomic("/proc/divlab-test.json", "x");
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("/proc/divlab-test.json: cannot create a temporary file"), std::string::npos) << *err;
}

TEST(AtomicWrite, ReadOnlyFolderIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
  TempDir t;
  const fs::path ro = t.path() / "ro";
  fs::create_directory(ro);
  ASSERT_EQ(::chmod(ro.c_str(), 0500), 0);
  const auto err = write_file_atomic(ro / "x.json", "x");
  ::chmod(ro.c_str(), 0700);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("Permission denied"), std::string::npos) << *err;
}

// [SECTION] XDG state directory

TEST(StateDir, XdgStateHomeWinsWhenAbsolute) {
  EXPECT_EQ(state_dir_from("/x/state", "/home/ann"), fs::path("/x/state/divlab"));
}

TEST(StateDir, RelativeOrEmptyXdgIsIgnored) {
  EXPECT_EQ(state_dir_from("rel/state", "/home/ann"), fs::path("/home/ann/.local/state/divlab"));
  EXPECT_EQ(state_dir_from("", "/home/ann"), fs::path("/home/ann/.local/state/divlab"));
  EXPECT_EQ(state_dir_from(nullptr, "/home/ann"), fs::path("/home/ann/.local/state/divlab"));
}

TEST(StateDir, NoUsableVariableGivesNothing) {
  EXPECT_EQ(state_dir_from(nullptr, nullptr), std::nullopt);
  EXPECT_EQ(state_dir_from("", ""), std::nullopt);
  EXPECT_EQ(state_dir_from("relative", "also/relative"), std::nullopt);
}

TEST(StateDir, ReadsTheEnvironment) {
  const char* old = std::getenv("XDG_STATE_HOME");
  const std::string saved = old ? old : "";
  ::setenv("XDG_STATE_HOME", "/tmp/divlab-xdg", 1);
  EXPECT_EQ(state_dir(), fs::path("/tmp/divlab-xdg/divlab"));
  if (old)
    ::setenv("XDG_STATE_HOME", saved.c_str(), 1);
  else
    ::unsetenv("XDG_STATE_HOME");
}

// [SECTION] SessionStore in one process

TEST(SessionStore, NothingToRecoverAtFirstStart) {
  TempDir t;
  SessionStore store(t.path() / "divlab");
  EXPECT_EQ(store.recover(), std::nullopt);
  EXPECT_FALSE(fs::exists(store.dir()));  // recover() creates nothing
}

TEST(SessionStore, AutosaveCreatesAPrivateFolderAndRecoversAfterAnUncleanEnd) {
  TempDir t;
  SessionStore store(t.path() / "state" / "divlab");
  ASSERT_EQ(store.autosave(R"({"format": "divlab.scenario", "title": "Münze ‖ ∞"})", R"({"theme":"dark"})"),
            std::nullopt);
  EXPECT_EQ(mode_of(store.dir()), 0700u);
  const auto r = SessionStore(store.dir()).recover();  // a new process would build a new store
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->scenario_text, R"({"format": "divlab.scenario", "title": "Münze ‖ ∞"})");
  EXPECT_EQ(r->ui_state, R"({"theme":"dark"})");
}

TEST(SessionStore, LatestAutosaveWins) {
  TempDir t;
  SessionStore store(t.path());
  for (int i = 0; i < 5; ++i) ASSERT_EQ(store.autosave("edit " + std::to_string(i)), std::nullopt);
  ASSERT_TRUE(store.recover().has_value());
  EXPECT_EQ(store.recover()->scenario_text, "edit 4");
  EXPECT_EQ(store.recover()->ui_state, "{}");
}

TEST(SessionStore, CleanShutdownMeansNoRestoreUntilTheNextEdit) {
  TempDir t;
  SessionStore store(t.path());
  ASSERT_EQ(store.autosave("before exit"), std::nullopt);
  ASSERT_EQ(store.mark_clean(), std::nullopt);
  EXPECT_EQ(store.recover(), std::nullopt);
  // The next session edits again: unclean again, and the new text is what comes back.
  ASSERT_EQ(store.autosave("next session"), std::nullopt);
  ASSERT_TRUE(store.recover().has_value());
  EXPECT_EQ(store.recover()->scenario_text, "next session");
}

TEST(SessionStore, DiscardForgetsTheSession) {
  TempDir t;
  SessionStore store(t.path());
  ASSERT_EQ(store.autosave("x"), std::nullopt);
  ASSERT_EQ(store.discard(), std::nullopt);
  EXPECT_EQ(store.recover(), std::nullopt);
  EXPECT_FALSE(fs::exists(store.session_path()));
  EXPECT_EQ(store.discard(), std::nullopt);  // discarding twice is fine
}

TEST(SessionStore, ATruncatedOrForeignFileIsReportedDamagedNotDropped) {
  TempDir t;
  SessionStore store(t.path());
  for (const char* text : {"", "{", "[1,2]", R"({"format": "other", "scenario": "x"})",
                           R"({"format": "divlab.session", "scenario": 3})"}) {
    std::ofstream(store.session_path()) << text;
    const auto r = store.recover();
    ASSERT_TRUE(r.has_value()) << text;
    EXPECT_FALSE(r->damaged.empty()) << text;
    EXPECT_EQ(r->scenario_text, text);  // the raw text, to keep
  }
}

TEST(SessionStore, ACutShortAutosaveIsKeptAsideAndTheNextAutosaveLeavesItAlone) {
  TempDir t;
  SessionStore store(t.path());
  ASSERT_EQ(store.autosave(R"({"p": {"mass": [0.5, 0.5]}, "q": {"mass": [0.9, 0.1]}})"), std::nullopt);
  std::string whole;
  {
    std::ifstream in(store.session_path());
    std::getline(in, whole, '\0');
  }
  std::ofstream(store.session_path(), std::ios::trunc) << whole.substr(0, whole.size() / 2);  // a power cut
  const auto r = store.recover();
  ASSERT_TRUE(r.has_value());
  EXPECT_NE(r->damaged.find("cut short"), std::string::npos) << r->damaged;
  std::string error;
  const auto kept = store.keep_aside(&error);
  ASSERT_TRUE(kept.has_value()) << error;
  EXPECT_EQ(kept->parent_path(), t.path());
  EXPECT_EQ(kept->filename().string().rfind("session-kept-", 0), 0u);
  ASSERT_EQ(store.autosave("the next session"), std::nullopt);
  std::string kept_text;
  {
    std::ifstream in(*kept);
    std::getline(in, kept_text, '\0');
  }
  EXPECT_EQ(kept_text, whole.substr(0, whole.size() / 2));  // still there, byte for byte
}

TEST(SessionStore, APidThatNowBelongsToAnotherProcessDoesNotHideTheSession) {
  TempDir t;
  SessionStore store(t.path());
  ASSERT_EQ(store.autosave("work before the reboot"), std::nullopt);
  // The same file as if written by a divlab that had our parent's pid in an earlier boot: the pid is
  // alive now, but it is another process.
  std::string text;
  {
    std::ifstream in(store.session_path());
    std::getline(in, text, '\0');
  }
  nlohmann::json j = nlohmann::json::parse(text);
  j["pid"] = static_cast<long long>(::getppid());
  j["boot"] = "an-earlier-boot";
  std::ofstream(store.session_path(), std::ios::trunc) << j.dump();
  ASSERT_EQ(::kill(::getppid(), 0), 0);
  const auto r = store.recover();
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(r->damaged.empty());
  EXPECT_EQ(r->scenario_text, "work before the reboot");
  // A live writer of this boot with the recorded start time is another divlab window: not ours.
  j["boot"] = nlohmann::json::parse(text)["boot"];
  j["start"] = -5;  // a start time that no process has
  std::ofstream(store.session_path(), std::ios::trunc) << j.dump();
  EXPECT_TRUE(store.recover().has_value());
}

TEST(SessionStore, ALiveWriterIsAnotherWindowAndItsSessionIsNotTaken) {
  TempDir t;
  SessionStore store(t.path());
  const pid_t child = ::fork();
  if (child == 0) {
    SessionStore(t.path()).autosave("the other window's work");
    ::pause();
    ::_exit(0);
  }
  for (int i = 0; i < 500 && !fs::exists(store.session_path()); ++i) ::usleep(10000);
  ::usleep(50000);
  EXPECT_EQ(store.recover(), std::nullopt);  // the writer (same pid, start time and boot) still runs
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ASSERT_TRUE(store.recover().has_value());  // it died: now the session is ours to restore
}

TEST(SessionStore, InvalidUtf8IsReplacedNotThrown) {
  TempDir t;
  SessionStore store(t.path());
  ASSERT_EQ(store.autosave(std::string("bad \xff byte")), std::nullopt);
  ASSERT_TRUE(store.recover().has_value());
  EXPECT_EQ(store.recover()->scenario_text, "bad \xEF\xBF\xBD byte");  // U+FFFD
}

TEST(SessionStore, UnwritableFolderIsAnErrorValue) {
  TempDir t;
  std::ofstream(t.path() / "file") << "x";
  SessionStore store(t.path() / "file" / "divlab");  // a folder below a regular file
  const auto err = store.autosave("x");
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("cannot create the folder"), std::string::npos) << *err;
}

// [SECTION] AutosaveSchedule

TEST(AutosaveSchedule, NothingIsDueWithoutAChange) {
  AutosaveSchedule s(1.0, 10.0);
  EXPECT_FALSE(s.pending());
  EXPECT_FALSE(s.due(0.0));
  EXPECT_FALSE(s.due(1e9));
}

TEST(AutosaveSchedule, SavesOnceTheDocumentIsQuiet) {
  AutosaveSchedule s(1.0, 10.0);
  s.changed(5.0);
  EXPECT_TRUE(s.pending());
  EXPECT_FALSE(s.due(5.5));
  s.changed(5.9);  // still editing: the quiet period restarts
  EXPECT_FALSE(s.due(6.5));
  EXPECT_TRUE(s.due(6.9));
  s.saved();
  EXPECT_FALSE(s.pending());
  EXPECT_FALSE(s.due(100.0));
}

TEST(AutosaveSchedule, ByDefaultALongDragLosesAtMostTwoSeconds) {
  AutosaveSchedule s;
  double t = 0, last_save = 0, longest_gap = 0;
  for (int frame = 0; frame < 60 * 25; ++frame, t += 1.0 / 60.0) {  // 25 s of dragging at 60 fps
    s.changed(t);
    if (s.due(t)) {
      longest_gap = std::max(longest_gap, t - last_save);
      last_save = t;
      s.saved();
    }
  }
  EXPECT_LE(longest_gap, 2.0 + 2.0 / 60);  // within two frames of 2 s
  EXPECT_LE(t - last_save, 2.0 + 2.0 / 60);
}

TEST(AutosaveSchedule, ALongDragIsSavedAfterTheMaximumDelay) {
  AutosaveSchedule s(1.0, 10.0);
  double t = 0;
  int saves = 0;
  for (int frame = 0; frame < 60 * 25; ++frame, t += 1.0 / 60.0) {  // 25 s of edits at 60 fps
    s.changed(t);
    if (s.due(t)) {
      ++saves;
      s.saved();
    }
  }
  EXPECT_EQ(saves, 2);  // at about 10 s and 20 s, never every frame
  EXPECT_TRUE(s.pending());
  EXPECT_TRUE(s.due(t + 1.0));  // and once the drag ends
}

// [SECTION] SessionStore across a kill -9

// The child autosaves edits 0, 1, 2, … forever, each `payload` bytes long, and reports each finished
// autosave's number on `ack`. It never returns.
[[noreturn]] void autosave_forever(const fs::path& dir, int ack, size_t payload) {
  SessionStore store(dir);
  for (int edit = 0;; ++edit) {
    std::string text = "edit " + std::to_string(edit) + " ";
    text.resize(payload, static_cast<char>('a' + edit % 26));
    if (store.autosave(text, "{\"edit\":" + std::to_string(edit) + "}")) ::_exit(3);
    if (::write(ack, &edit, sizeof edit) != sizeof edit) ::_exit(4);
  }
}

// Forks the child, waits for `acks` finished autosaves and then `delay_us`, kills it with SIGKILL,
// and returns the number of the last autosave the child reported as finished.
int run_and_kill(const fs::path& dir, size_t payload, int acks, useconds_t delay_us = 0) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    autosave_forever(dir, fds[1], payload);
  }
  ::close(fds[1]);
  int last = -1;
  for (int i = 0; i < acks; ++i) EXPECT_EQ(::read(fds[0], &last, sizeof last), ssize_t{sizeof last});
  if (delay_us > 0) ::usleep(delay_us);
  ::kill(pid, SIGKILL);
  int status = 0;
  EXPECT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child ended otherwise: " << status;
  // Drain acks written between the last read and the kill: they are finished autosaves too.
  int more = 0;
  while (::read(fds[0], &more, sizeof more) == ssize_t{sizeof more}) last = more;
  ::close(fds[0]);
  return last;
}

// The recovered text must be exactly one whole autosave: "edit N " padded with N's letter.
void expect_whole_edit(const RecoveredSession& r, int at_least, size_t payload) {
  ASSERT_EQ(r.scenario_text.size(), payload);
  ASSERT_EQ(r.scenario_text.rfind("edit ", 0), 0u);
  const int edit = std::stoi(r.scenario_text.substr(5));
  EXPECT_GE(edit, at_least);
  EXPECT_LE(edit, at_least + 1);  // at most one autosave finished without its ack
  const char fill = static_cast<char>('a' + edit % 26);
  EXPECT_EQ(r.scenario_text.find_first_not_of(fill, r.scenario_text.find(' ', 5) + 1), std::string::npos);
  EXPECT_EQ(r.ui_state, "{\"edit\":" + std::to_string(edit) + "}");
}

TEST(SessionStoreCrash, KillNineMidSessionThenRestartRestores) {
  TempDir t;
  const size_t payload = 4096;
  const int last = run_and_kill(t.path(), payload, 20);
  // The "restarted" app: a new store on the same folder finds the session.
  const auto r = SessionStore(t.path()).recover();
  ASSERT_TRUE(r.has_value());
  expect_whole_edit(*r, last, payload);
}

TEST(SessionStoreCrash, KillDuringLargeWritesNeverLeavesAPartialSession) {
  TempDir t;
  const size_t payload = 2 << 20;  // 2 MiB: an autosave takes ~25 ms here, mostly fsync
  for (int round = 0; round < 12; ++round) {
    SCOPED_TRACE(round);
    // Kill at delays spread over one autosave, so that some kills land inside write or fsync.
    const int last = run_and_kill(t.path(), payload, 1 + round % 3, static_cast<useconds_t>(round * 2500));
    const auto r = SessionStore(t.path()).recover();
    ASSERT_TRUE(r.has_value());
    expect_whole_edit(*r, last, payload);
    // Leftover temporaries from the killed write are allowed but must not be mistaken for a session.
    for (const auto& e : fs::directory_iterator(t.path())) {
      const std::string name = e.path().filename().string();
      EXPECT_TRUE(name == "session.json" || name.rfind(".session.json.tmp-", 0) == 0) << name;
    }
  }
}

// A reader (the next start, or a second window) polling while a session autosaves always finds a
// whole session, never a truncated one: what rename(2) buys over writing in place.
TEST(SessionStoreCrash, ConcurrentReaderNeverSeesAPartialSession) {
  TempDir t;
  const size_t payload = 256 << 10;
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    autosave_forever(t.path(), fds[1], payload);
  }
  ::close(fds[1]);
  int first = -1;
  ASSERT_EQ(::read(fds[0], &first, sizeof first), ssize_t{sizeof first});
  // (recover() itself declines while the writer is alive: the reader parses the file directly.)
  const fs::path file = SessionStore(t.path()).session_path();
  int seen = 0, distinct = 0, previous = -1;
  for (int i = 0; i < 3000 && distinct < 40; ++i) {
    const auto j = nlohmann::json::parse(slurp(file), nullptr, false);
    ASSERT_TRUE(j.is_object() && j.contains("scenario")) << "read " << i << " found no whole session";
    const std::string text = j["scenario"].get<std::string>();
    ASSERT_EQ(text.size(), payload);
    const int edit = std::stoi(text.substr(5));
    ASSERT_GE(edit, previous);
    if (edit != previous) ++distinct;
    previous = edit;
    ++seen;
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  ::close(fds[0]);
  EXPECT_GE(distinct, 2) << "the reader should have watched several autosaves go by (" << seen << " reads)";
}

// A second divlab window must not "recover" the session of a first one that is still running.
TEST(SessionStoreCrash, ALiveWritersSessionIsNotRecoveredUntilItDies) {
  TempDir t;
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    const bool ok = !SessionStore(t.path()).autosave("live work");
    const char byte = ok ? 1 : 0;
    if (::write(fds[1], &byte, 1) != 1) ::_exit(4);
    ::pause();  // stays alive until killed
    ::_exit(0);
  }
  ::close(fds[1]);
  char byte = 0;
  ASSERT_EQ(::read(fds[0], &byte, 1), 1);
  ASSERT_EQ(byte, 1);
  EXPECT_EQ(SessionStore(t.path()).recover(), std::nullopt);  // its writer is alive
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  ::close(fds[0]);
  const auto r = SessionStore(t.path()).recover();  // now it is a crashed session
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->scenario_text, "live work");
}

TEST(SessionStoreCrash, CleanExitOfAChildMeansNoRestore) {
  TempDir t;
  const pid_t pid = ::fork();
  if (pid == 0) {
    SessionStore store(t.path());
    const bool ok = !store.autosave("work") && !store.mark_clean();
    ::_exit(ok ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(SessionStore(t.path()).recover(), std::nullopt);
}

}  // namespace
}  // namespace divlab

#include "divlab/document/session_store.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>
#include <vector>

namespace divlab {

namespace fs = std::filesystem;

namespace {

std::string error_text(const fs::path& path, const std::string& what, int err) {
  return path.string() + ": " + what + ": " + std::generic_category().message(err);
}

// write(2) until everything is written (it may write less, or be interrupted).
bool write_all(int fd, std::string_view content) {
  const char* p = content.data();
  size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

// Makes a rename or unlink in `dir` durable.
void fsync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

// The start time of process `pid` in clock ticks after boot (/proc/PID/stat field 22); -1 when
// unknown. With the boot id it tells a process from a later one that got the same id.
long long process_start(pid_t pid) {
  std::string path = "/proc/";  // (appended piecewise: GCC 12's false -Wrestrict)
  path += std::to_string(pid);
  path += "/stat";
  const std::optional<std::string> stat = read_file(path);
  if (!stat) return -1;
  const auto close = stat->rfind(')');  // the command name may hold spaces and parentheses
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat->substr(close + 1));
  std::string field;
  for (int k = 3; k <= 22 && fields >> field; ++k)
    if (k == 22) return std::strtoll(field.c_str(), nullptr, 10);
  return -1;
}

std::string boot_id() {
  std::string id = read_file("/proc/sys/kernel/random/boot_id").value_or("");
  while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
  return id;
}

// Whether the live process `pid` is the one that wrote session `j`. Sessions written before the
// start time was recorded: whether it runs the same program as this process.
bool same_process(pid_t pid, const nlohmann::json& j) {
  const auto start = j.find("start");
  const auto boot = j.find("boot");
  if (start != j.end() && start->is_number_integer() && boot != j.end() && boot->is_string())
    return start->get<long long>() >= 0 && start->get<long long>() == process_start(pid) &&
           boot->get<std::string>() == boot_id();
  std::error_code ec1, ec2;
  const fs::path exe = fs::read_symlink(fs::path("/proc") / std::to_string(pid) / "exe", ec1);
  const fs::path self = fs::read_symlink("/proc/self/exe", ec2);
  return !ec1 && !ec2 && exe == self;
}

}  // namespace

// [SECTION] Atomic writes.

std::optional<std::string> write_file_atomic(const fs::path& requested, std::string_view content) {
  std::error_code ec;
  fs::path path = requested;
  if (fs::is_symlink(path, ec)) {
    // Replace the link's target, not the link: a symlinked scenario stays a symlink.
    const fs::path target = fs::read_symlink(path, ec);
    if (!ec) path = target.is_absolute() ? target : path.parent_path() / target;
  }
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");

  // The temporary file lives beside the target so that rename(2) stays within one filesystem.
  // (Appended piecewise: "." + string trips GCC 12's false -Wrestrict at -O3.)
  std::string leaf = ".";
  leaf += path.filename().string();
  leaf += ".tmp-XXXXXX";
  const std::string tmpl = (dir / leaf).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) return error_text(path, "cannot create a temporary file", errno);
  const fs::path tmp(name.data());

  struct stat st{};
  const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return error_text(path, what, err);
  };
  if (::fchmod(fd, mode) != 0) return fail("cannot set permissions");
  if (!write_all(fd, content)) return fail("cannot write");
  if (::fsync(fd) != 0) return fail("cannot flush to disk");
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return error_text(path, "cannot write", err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return error_text(path, "cannot replace", err);
  }
  fsync_dir(dir);
  return std::nullopt;
}

// [SECTION] XDG state directory.

std::optional<fs::path> state_dir_from(const char* xdg_state_home, const char* home) {
  // The XDG spec says relative paths in $XDG_* are invalid and must be ignored.
  if (xdg_state_home && *xdg_state_home && fs::path(xdg_state_home).is_absolute())
    return fs::path(xdg_state_home) / "divlab";
  if (home && *home && fs::path(home).is_absolute()) return fs::path(home) / ".local" / "state" / "divlab";
  return std::nullopt;
}

std::optional<fs::path> state_dir() { return state_dir_from(std::getenv("XDG_STATE_HOME"), std::getenv("HOME")); }

// [SECTION] Session store.

std::optional<std::string> SessionStore::ensure_dir() {
  std::error_code ec;
  if (fs::is_directory(dir_, ec)) return std::nullopt;
  fs::create_directories(dir_, ec);
  if (ec) return dir_.string() + ": cannot create the folder: " + ec.message();
  // The spec asks for 0700 on state directories: sessions may hold the user's private work.
  fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::replace, ec);
  return std::nullopt;
}

std::optional<std::string> SessionStore::autosave(std::string_view scenario_text, std::string_view ui_state) {
  if (auto err = ensure_dir()) return err;
  // Unclean from now on: drop the marker before writing, so a kill between the two steps still
  // leads to a restore.
  if (::unlink(clean_marker_path().c_str()) != 0 && errno != ENOENT)
    return error_text(clean_marker_path(), "cannot remove", errno);
  const nlohmann::json session = {{"format", "divlab.session"},
                                  {"version", 1},
                                  {"scenario", std::string(scenario_text)},
                                  {"ui", std::string(ui_state)},
                                  {"pid", static_cast<long long>(::getpid())},
                                  {"start", process_start(::getpid())},
                                  {"boot", boot_id()}};
  // Invalid UTF-8 is replaced rather than thrown on: an autosave must never take the app down.
  return write_file_atomic(session_path(),
                           session.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

std::optional<std::string> SessionStore::mark_clean() {
  if (auto err = ensure_dir()) return err;
  return write_file_atomic(clean_marker_path(), "clean\n");
}

std::optional<RecoveredSession> SessionStore::recover() const {
  std::error_code ec;
  if (fs::exists(clean_marker_path(), ec)) return std::nullopt;
  const std::optional<std::string> text = read_file(session_path());
  if (!text) return std::nullopt;
  const auto damaged = [&](std::string why) {
    RecoveredSession r;
    r.scenario_text = *text;
    r.damaged = std::move(why);
    return r;
  };
  const nlohmann::json j = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return damaged(text->empty() ? "the file is empty" : "the file is cut short or not JSON");
  const auto format = j.find("format");
  const auto scenario = j.find("scenario");
  const auto ui = j.find("ui");
  if (format == j.end() || *format != "divlab.session") return damaged("not a divlab session file");
  if (scenario == j.end() || !scenario->is_string()) return damaged("the session holds no scenario text");
  // A session whose writer is still alive is another divlab window's, not a crashed one: the same
  // process id, started at the same time in the same boot.
  const auto pid = j.find("pid");
  if (pid != j.end() && pid->is_number_integer()) {
    const auto writer = static_cast<pid_t>(pid->get<long long>());
    if (writer > 0 && writer != ::getpid() && (::kill(writer, 0) == 0 || errno == EPERM) &&
        same_process(writer, j))
      return std::nullopt;
  }
  RecoveredSession r;
  r.scenario_text = scenario->get<std::string>();
  r.ui_state = (ui != j.end() && ui->is_string()) ? ui->get<std::string>() : "{}";
  return r;
}

std::optional<fs::path> SessionStore::keep_aside(std::string* error) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
  for (int n = 0; n < 100; ++n) {
    std::string leaf = "session-kept-";
    leaf += stamp;
    if (n > 0) {
      leaf += '-';
      leaf += std::to_string(n);
    }
    leaf += ".json";
    const fs::path to = dir_ / leaf;
    std::error_code ec;
    if (fs::exists(to, ec)) continue;
    if (::rename(session_path().c_str(), to.c_str()) != 0) {
      if (error) *error = error_text(session_path(), "cannot move aside", errno);
      return std::nullopt;
    }
    fsync_dir(dir_);
    return to;
  }
  if (error) *error = session_path().string() + ": cannot move aside: too many kept sessions";
  return std::nullopt;
}

std::optional<std::string> SessionStore::discard() {
  for (const fs::path& p : {session_path(), clean_marker_path()})
    if (::unlink(p.c_str()) != 0 && errno != ENOENT) return error_text(p, "cannot remove", errno);
  fsync_dir(dir_);
  return std::nullopt;
}

}  // namespace divlab

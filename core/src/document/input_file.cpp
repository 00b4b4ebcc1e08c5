// read_input_file (document/input_file.hpp): the one reader of scenario, text and CSV files.
#include "divlab/document/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "divlab/document/scenario.hpp"

namespace divlab {

std::string read_input_file(const std::string& path, std::string_view what) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == EISDIR) throw ScenarioError(path + ": cannot read: is a directory");
    throw ScenarioError(path + ": cannot open: " + std::strerror(errno));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw ScenarioError(path + ": cannot read: " + std::strerror(errno));
  const std::string too_large = path + ": cannot read: larger than " + std::to_string(kMaxInputFileBytes >> 20) +
                                " MiB, too large for " + std::string(what);
  if (S_ISDIR(st.st_mode)) throw ScenarioError(path + ": cannot read: is a directory");
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))
    throw ScenarioError(path + ": cannot read: not a regular file or a pipe");
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > kMaxInputFileBytes)
    throw ScenarioError(too_large);
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);  // a pipe with a writer: wait for its data
  std::string text;
  if (S_ISREG(st.st_mode)) text.reserve(static_cast<std::size_t>(st.st_size));  // one allocation for 40 MB
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw ScenarioError(path + ": cannot read: " + std::strerror(errno));
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > kMaxInputFileBytes) throw ScenarioError(too_large);  // a pipe: bounded as it is read
  }
  return text;
}

}  // namespace divlab

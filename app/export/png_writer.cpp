#include "export/png_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace divlab::exporting {

namespace {

// write(2) all of `data`; false with errno set on any failure (ENOSPC on a full disk).
bool write_all(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
               std::string* error) {
  if (width <= 0 || height <= 0 || rgba.size() != static_cast<size_t>(width) * height * 4) {
    if (error) *error = "invalid image size";
    return false;
  }
  auto fail = [&](const std::string& why) {
    if (error) *error = "cannot write " + path + (why.empty() ? "" : ": " + why);
    return false;
  };
  // Encoded in memory first, then written with every write checked (stb's own file writer ignores
  // write errors: a full disk gave exit 0 and a truncated file), through a temporary beside the
  // target renamed over it, so a failure leaves no partial file. A target that exists and is not a
  // regular file (/dev/stdout, a pipe) is written directly.
  std::string png;
  const auto append = [](void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
  };
  if (!stbi_write_png_to_func(append, &png, width, height, 4, rgba.data(), width * 4)) return fail("PNG encoding failed");
  struct stat st {};
  const bool direct = ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
  const std::string tmp = direct ? path : path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (direct ? 0 : O_EXCL), 0666);
  if (fd < 0) return fail(std::strerror(errno));
  const bool written = write_all(fd, png);
  const int write_errno = errno;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed) {
    const std::string why = std::strerror(written ? errno : write_errno);
    if (!direct) ::unlink(tmp.c_str());
    return fail(why);
  }
  if (!direct && ::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(why);
  }
  return true;
}

}  // namespace divlab::exporting

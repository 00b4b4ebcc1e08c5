// divlab's data folder, found from the executable's own place (data_dir.hpp).
#include "shell/data_dir.hpp"

#include <system_error>

namespace divlab::gui {

std::filesystem::path data_dir_for(const std::filesystem::path& executable) {
  if (executable.empty()) return {};
  return (executable.parent_path() / ".." / "share" / "divlab").lexically_normal();
}

std::filesystem::path executable_path() {
  std::error_code ec;
  // Linux: the kernel's link to the running image, already free of symlinks (a
  // /usr/local/bin/divlab -> /opt/divlab/bin/divlab link gives /opt/divlab/bin/divlab).
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe;
}

std::filesystem::path asset_dir() { return data_dir_for(executable_path()); }

}  // namespace divlab::gui

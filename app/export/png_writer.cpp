#include "export/png_writer.hpp"

#include <cerrno>
#include <cstring>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace divlab::exporting {

bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
               std::string* error) {
  if (width <= 0 || height <= 0 || rgba.size() != static_cast<size_t>(width) * height * 4) {
    if (error) *error = "invalid image size";
    return false;
  }
  errno = 0;
  if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4)) {
    if (error) *error = std::string("cannot write ") + path + (errno ? ": " + std::string(std::strerror(errno)) : "");
    return false;
  }
  return true;
}

}  // namespace divlab::exporting

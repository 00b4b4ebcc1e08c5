// Writes RGBA8 pixels to a PNG file (stb_image_write from Debian's libstb-dev).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace divlab::exporting {

// rgba: width*height*4 bytes, top row first. Returns false (and sets *error) on failure.
bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
               std::string* error);

}  // namespace divlab::exporting

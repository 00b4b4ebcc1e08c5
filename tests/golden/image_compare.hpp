// Golden-image comparison with a tolerance, for tests. The stb_image implementation is compiled
// once per test executable, in stb_image_impl.cpp beside this file.
//
// Two images match when they have the same size and at most `max_fraction` of the pixels differ by
// more than `channel_tolerance` in some channel (antialiasing and FreeType/pixman versions move
// edge pixels by a few levels; a moved line, a missing label or a wrong colour changes many pixels
// by a lot). Set DIVLAB_UPDATE_GOLDEN=1 to (re)write the golden files instead of comparing.
#pragma once
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <stb/stb_image.h>

namespace divlab::golden {

using Rgba = std::array<std::uint8_t, 4>;

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // straight alpha, top row first
  Rgba pixel(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) return {0, 0, 0, 0};
    const std::uint8_t* p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
  }
};

// An empty image (width 0) when the file cannot be read.
inline Image load_png(const std::string& path) {
  Image img;
  int n = 0;
  unsigned char* data = stbi_load(path.c_str(), &img.width, &img.height, &n, 4);
  if (!data) return {};
  img.rgba.assign(data, data + static_cast<size_t>(img.width) * img.height * 4);
  stbi_image_free(data);
  return img;
}

struct Tolerance {
  int channel_tolerance = 24;   // 0..255: a pixel differs when some channel differs by more
  double max_fraction = 0.002;  // of all pixels
};

struct Comparison {
  bool same_size = false;
  int max_diff = 0;          // largest channel difference anywhere
  long differing = 0;        // pixels beyond channel_tolerance
  double fraction = 0;       // differing / pixel count
  bool match = false;
  std::string summary() const {
    if (!same_size) return "images differ in size";
    return "max channel diff " + std::to_string(max_diff) + ", " + std::to_string(differing) +
           " pixels differ (" + std::to_string(fraction * 100) + "%)";
  }
};

inline Comparison compare(const Image& a, const Image& b, const Tolerance& tol = {}) {
  Comparison c;
  c.same_size = a.width == b.width && a.height == b.height && a.width > 0 && a.height > 0 &&
                a.rgba.size() == b.rgba.size();
  if (!c.same_size) return c;
  const size_t n = static_cast<size_t>(a.width) * a.height;
  for (size_t i = 0; i < n; ++i) {
    int worst = 0;
    for (int k = 0; k < 4; ++k) worst = std::max(worst, std::abs(int(a.rgba[i * 4 + k]) - int(b.rgba[i * 4 + k])));
    c.max_diff = std::max(c.max_diff, worst);
    c.differing += worst > tol.channel_tolerance;
  }
  c.fraction = static_cast<double>(c.differing) / static_cast<double>(n);
  c.match = c.fraction <= tol.max_fraction;
  return c;
}

inline bool updating_goldens() {
  const char* v = std::getenv("DIVLAB_UPDATE_GOLDEN");
  return v && *v && std::string(v) != "0";
}

}  // namespace divlab::golden

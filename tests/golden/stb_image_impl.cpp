// The one stb_image implementation of a test executable (image_compare.hpp declares its use).
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>

// Where divlab finds its data (presets, tours): beside its own executable, never in the folder it
// was built from. An installed divlab (PREFIX/bin/divlab) reads PREFIX/share/divlab; a build
// folder's (BUILD/app/divlab) reads BUILD/share/divlab, which CMake makes a link to the source
// tree's assets/ (the only way the source tree is reached).
#pragma once
#include <filesystem>

namespace divlab::gui {

// <folder of `executable`>/../share/divlab, lexically normalised; empty for an empty path.
std::filesystem::path data_dir_for(const std::filesystem::path& executable);
// The running executable, symlinks resolved (/proc/self/exe); empty when it cannot be read.
std::filesystem::path executable_path();
// divlab's data folder: data_dir_for(executable_path()).
std::filesystem::path asset_dir();

}  // namespace divlab::gui

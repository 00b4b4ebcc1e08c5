// Reading a whole input file (a scenario, a text or a CSV to import) with one set of checks and
// one wording for what cannot be read, so every command refuses the same things the same way.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace divlab {

// Files larger than this are refused before they are read (a 10⁶-bin scenario is about 40 MB).
inline constexpr std::size_t kMaxInputFileBytes = std::size_t{1} << 30;

// The bytes of `path`. A directory, a device (/dev/zero would be read up to the limit) or a regular
// file over kMaxInputFileBytes is refused before anything is read; a FIFO is opened without blocking
// (no writer: end of file at once, not a hang), then read to its end, bounded as it is read. Throws
// ScenarioError "<path>: cannot read: <why>" (or "cannot open"); `what` names the file's use in the
// too-large message ("larger than 1024 MiB, too large for a scenario").
std::string read_input_file(const std::string& path, std::string_view what = "a scenario");

}  // namespace divlab

// Every benchmark runs under the app's allocator policy (divlab/common/memory_policy.hpp), so it
// measures what the app does.
#include "divlab/common/memory_policy.hpp"

namespace {
const bool kPolicy = (divlab::keep_freed_memory(), true);
}  // namespace

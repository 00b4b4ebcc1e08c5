// How divlab's process uses the C allocator (glibc). Called first thing by every divlab process
// (the app and its commands, the benchmarks, so they measure what the app does).
#pragma once
#include <malloc.h>

namespace divlab {

// Keep freed memory for the next recomputation instead of returning it to the kernel. An edit
// recomputes large arrays (a Huffman code of 10⁶ symbols touches ~200 MB of temporaries); by default
// glibc maps each large block afresh and unmaps it on free, so every recomputation page-faults all of
// it again. On a VM that costs: 10⁶ symbols took 491 ms, 57 ms of it computing (docs/performance.md).
// Blocks up to 32 MiB (glibc's largest threshold) come from the heap, and up to 512 MiB of free heap
// is kept before trimming.
inline void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
}

}  // namespace divlab

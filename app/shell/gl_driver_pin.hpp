// Keeps the loaded Mesa GL driver mapped until the process exits.
#pragma once

namespace divlab::platform {

// Mesa dlclose()s its driver (e.g. swrast_dri.so / libgallium) when the last context goes, so
// LeakSanitizer's exit report sees the driver's own small allocations as "<unknown module>" and no
// suppression can name them. Pinning the driver keeps its name in the report (tests/lsan.supp
// suppresses it); in a normal run it only delays the unmap to exit. Call with a context current.
void pin_gl_driver();

}  // namespace divlab::platform

#include "shell/gl_driver_pin.hpp"

#include <dlfcn.h>
#include <link.h>

#include <cstring>

namespace divlab::platform {

namespace {
int pin_module(dl_phdr_info* info, size_t, void*) {
  const char* name = info->dlpi_name;
  if (name && (std::strstr(name, "_dri.so") || std::strstr(name, "libgallium")))
    dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);  // one more reference that is never dropped
  return 0;
}
}  // namespace

void pin_gl_driver() { dl_iterate_phdr(pin_module, nullptr); }

}  // namespace divlab::platform

// The C API: opaque handles over the C++ API. See include/sla/sla.h.
#include "sla/sla.h"

#include "sla/load.hpp"

extern "C" {

const char* sla_version(void) {
  return sla::version().data();
}

}  // extern "C"

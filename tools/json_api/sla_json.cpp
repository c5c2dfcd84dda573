// The C entry points of libsla_json (include/sla/sla_json.h).
#include "sla/sla_json.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "tools/json_api/call_json.hpp"

extern "C" {

char* sla_call_json(const char* request) {
  try {
    const std::string response = sla::json_api::call_json(request ? request : "");
    char* copy = static_cast<char*>(std::malloc(response.size() + 1));
    if (copy) std::memcpy(copy, response.c_str(), response.size() + 1);
    return copy;
  } catch (...) {  // out of memory: nothing can be said
    return nullptr;
  }
}

void sla_json_free(char* response) {
  std::free(response);
}
}

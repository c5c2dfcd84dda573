// Helpers shared by the language tests.
#pragma once

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "sla/load.hpp"

namespace sla::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(SLA_SOURCE_DIR) + "/" + relative;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The codes of a load's diagnostics, in order: "SLA001 SLA021".
inline std::string codes(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += (out.empty() ? "" : " ") + d.code;
  return out;
}

inline bool has_code(const LoadResult& r, const std::string& code) {
  return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

inline const Diagnostic* find_code(const LoadResult& r, const std::string& code) {
  for (const auto& d : r.diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

// A minimal valid contract prefix: priorities and an office calendar.
inline const char* base_contract = R"(
priorities {
  Low "low"
  High "high"
}
calendar office {
  zone "Asia/Jakarta"
  open Mon-Fri 09:00-17:00
}
)";

}  // namespace sla::testing

// Loading a contract: text -> checked Model, or the diagnostics that say why not.
//
//   sla::LoadResult r = sla::load_file("contracts/qiscus-enterprise.sla");
//   if (!r.model) for (auto& d : r.diagnostics) ...;   // errors: no model
//   r.model->package("premium")->target(sla::TargetKind::response, "Normal")->within.text
//     // "4 business hours"
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/model.hpp"

namespace sla {

struct LoadOptions {
  std::size_t max_file_bytes = 1 << 20;  // per file
  std::size_t max_statements = 20000;    // per file
  std::size_t max_errors = 50;           // per file, then parsing stops
  std::size_t max_import_depth = 16;
  std::size_t max_files = 64;
};

struct LoadResult {
  std::shared_ptr<const Model> model;   // null when there are errors
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in source order
  bool ok() const { return model != nullptr; }
};

// Reads `path` and what it imports. Imports of "std/..." come from the stdlib
// built into the library; other imports are relative to the importing file.
LoadResult load_file(const std::string& path, const LoadOptions& options = {});

// As load_file, for text already in memory; `name` is what diagnostics call it,
// and relative imports resolve against the current directory.
LoadResult load_string(std::string_view name, std::string text, const LoadOptions& options = {});

// The version of the library and the language it reads.
std::string_view version();

}  // namespace sla

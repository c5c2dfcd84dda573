// The loader's full output, for stages that need more than the Model: the lint
// reads the syntax trees (comments, exact statement positions) and the sources.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "sla/load.hpp"

namespace sla {

struct Loaded {
  LoadResult result;
  SourceMap sources;
  std::vector<ast::File> files;  // parallel to the SourceMap: the root file first
};

Loaded load_file_with_sources(const std::string& path, const LoadOptions& options = {});
Loaded load_string_with_sources(std::string_view name, std::string text,
                                const LoadOptions& options = {});

// Sorts diagnostics into source order: the files' load order, then position.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics, const SourceMap& sources);

}  // namespace sla

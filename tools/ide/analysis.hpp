// One analysis of one open document: the loader's syntax trees and sources, the
// checked Model, the errors or lint findings, and the names it defines and uses.
// Every editor request reads it; it is made once per version of the text, by the
// same loader, checker and lint as the command line (no second parser).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "interpreter/check/loader.hpp"
#include "sla/diagnostic.hpp"
#include "sla/load.hpp"
#include "sla/model.hpp"
#include "tools/ide/symbols.hpp"

namespace sla::ide {

struct Analysis {
  // The document is file 0 of loaded.sources and loaded.files (the root); its
  // imports follow. The syntax trees are partial when the text does not parse.
  Loaded loaded;
  // The loader's errors when there are any, else the lint findings; all files.
  std::vector<Diagnostic> diagnostics;
  SymbolIndex symbols;
  // This text's Model, or, while the text has errors, the last one that checked
  // (stale: its names may have moved). Null until the document first checks.
  std::shared_ptr<const Model> model;
  bool model_is_stale = false;
  // For each import statement of each file ("file id:byte offset of the string"),
  // the file id it loaded; absent when the import failed.
  std::map<std::uint64_t, std::uint32_t> imports;

  const SourceFile& root() const { return loaded.sources.file(0); }
  const std::string& text() const { return root().text(); }
};

// Loads `text` as the file called `name` (an absolute path, or a name such as an
// untitled document's URI) with `options` (what it may import), lints it when it
// checks, and indexes its names. `previous`, the document's last analysis, lends
// its Model while this text has errors.
Analysis analyze(std::string name, std::string text, const LoadOptions& options = {},
                 const Analysis* previous = nullptr);

// The occurrences of a name (its definition first when it has one); for a
// calendar also where a package inherits it: the `extends` of each package whose
// calendar it is without the package saying so.
std::vector<const Symbol*> references(const Analysis& analysis, const Symbol& occurrence);

// Where an import statement's string starts, as a key of Analysis::imports.
inline std::uint64_t import_key(std::uint32_t file, std::uint32_t offset) {
  return (std::uint64_t{file} << 32) | offset;
}

}  // namespace sla::ide

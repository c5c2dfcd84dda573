// Loading a contract: text -> checked Model, or the diagnostics that say why not.
//
//   sla::LoadResult r = sla::load_file("contracts/qiscus-enterprise.sla");
//   if (!r.model) for (auto& d : r.diagnostics) ...;   // errors: no model
//   r.model->package("premium")->target(sla::TargetKind::response, "Normal")->within.text
//     // "4 business hours"
//
// A host that loads contracts it did not write chooses what they may import and
// how large they may be:
//
//   sla::LoadOptions options;
//   options.imports = sla::ImportPolicy::stdlib_only();
//   options.limits.max_file_bytes = 64 * 1024;
//   sla::LoadResult r = sla::load_string("tenant-42.sla", text, options);
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sla/diagnostic.hpp"
#include "sla/export.hpp"
#include "sla/model.hpp"

namespace sla {

// What a host's resolver returns for one import: the text, and the name
// diagnostics call the file by.
struct ImportedFile {
  std::string name;
  std::string text;
};

// Supplies the text of `import "<spec>"` met in the file called `importer`, or
// nullopt with `error` saying why not ("no such contract in this tenant").
using ImportResolver = std::function<std::optional<ImportedFile>(
    std::string_view spec, std::string_view importer, std::string& error)>;

// Where `import "..."` may read from. "std/..." always comes from the stdlib built
// into the library and needs no permission; everything else is refused unless the
// policy allows it, and each refusal is a diagnostic at the import.
struct ImportPolicy {
  enum class Mode {
    automatic,    // load_file: the root file's folder (as `folders`); load_string: stdlib only
    stdlib_only,  // no file is read but the root
    folders,      // files under `roots`, relative to the importing file
    resolver,     // the host's `resolve` supplies every non-stdlib import
  };
  Mode mode = Mode::automatic;
  // For Mode::folders. An import is refused when it is an absolute path, when
  // `..` leads out of every root, or when a symbolic link leads out of them; only
  // regular files are opened (never a device or a fifo). The text given to
  // load_string imports relative to the first root.
  std::vector<std::string> roots;
  // For Mode::resolver. Nothing else is read; an import is known by the name the
  // resolver returns (one name, one file: cycles are found by name). An empty
  // result's `error`, or an exception's what(), becomes the diagnostic (SLA010).
  ImportResolver resolve;

  static ImportPolicy stdlib_only() { return {Mode::stdlib_only, {}, {}}; }
  static ImportPolicy folders(std::vector<std::string> roots) {
    return {Mode::folders, std::move(roots), {}};
  }
  static ImportPolicy resolver(ImportResolver resolve) {
    return {Mode::resolver, {}, std::move(resolve)};
  }
};

// Bounds on what one load may cost. The defaults take any real contract (the
// Qiscus SLA uses a few percent of each) and make a hostile one harmless: every
// bound reached is a diagnostic, never a crash, a hang or an exhausted memory.
//
// They also bound what the Model costs to use. Evaluating a ticket touches one
// calendar, whose opening hours compile lazily to a table per year of the years
// 1900-2399 that the ticket reaches (a century-long business-time target under
// a sparse calendar reaches them all): at most about 500 years x 53 weeks x
// max_weekly_intervals intervals of 24 bytes, about 40 MB and half a second at
// the default, once per calendar (the tables are kept for the Model's life).
// Per ticket, the priority is looked up among max_priorities.
struct Limits {
  std::size_t max_file_bytes = 1 << 20;   // per file
  std::size_t max_total_bytes = 4 << 20;  // all files of one load together
  std::size_t max_statements = 20000;     // per file
  std::size_t max_nesting = 16;           // blocks inside blocks (the language nests 2 deep)
  std::size_t max_errors = 50;            // per file, then parsing stops; and for the checker
  std::size_t max_import_depth = 16;      // a imports b imports c ...
  std::size_t max_files = 64;             // files per load, the root included
  std::size_t max_extends_depth = 32;     // a package's (or calendar's) chain of parents
  // Clauses after inheritance, all packages together, counting as well each
  // calendar's hours and the holiday days it takes from sets, and the add-ons
  // applied to packages to check them (`respond to all` counts once per priority).
  std::size_t max_items = 200000;
  std::size_t max_weekly_intervals = 64;  // opening intervals per calendar week
  std::size_t max_priorities = 100;       // priorities in the contract
};

struct LoadOptions {
  ImportPolicy imports;
  Limits limits;
};

struct LoadResult {
  std::shared_ptr<const Model> model;   // null when there are errors
  std::vector<Diagnostic> diagnostics;  // errors and warnings, in source order
  // The files read from disk, the root (load_file) first, then its imports as
  // found: what a host must not overwrite while it uses the contract. Text given
  // to load_string, the stdlib and a resolver's imports are no file and are not here.
  std::vector<std::string> files;
  bool ok() const { return model != nullptr; }
};

// Reads `path` and what it imports (by default: files in `path`'s own folder and
// below, and the stdlib).
SLA_API LoadResult load_file(const std::string& path, const LoadOptions& options = {});

// As load_file, for text already in memory; `name` is what diagnostics call it.
// By default it may import the stdlib only.
SLA_API LoadResult load_string(std::string_view name, std::string text,
                               const LoadOptions& options = {});

// The version of the library and the language it reads: "0.1.0".
SLA_API std::string_view version();

}  // namespace sla

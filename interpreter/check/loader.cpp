// load_file / load_string: read the root file and its imports (each once, in a
// depth-first order), parse them all, and hand the trees to the checker.
//
// What an import may read is the host's choice (sla::ImportPolicy): "std/..." is
// always the embedded stdlib; other imports are refused outright (stdlib_only),
// supplied by the host's resolver, or read from files under the allowed folders.
// Files are checked twice before they are opened: the path as written (an
// absolute path, or `..` leading out of every folder, is refused) and the real
// path with symbolic links resolved (a link leading out is refused); then only a
// regular file is opened, and at most the size limit is read from it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <set>

#include "grammar/codes.hpp"
#include "grammar/parser.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/check/loader.hpp"
#include "interpreter/check/stdlib_hint.hpp"
#include "sla/load.hpp"
#include "stdlib/stdlib.hpp"

namespace sla {

namespace {

namespace fs = std::filesystem;
using Mode = ImportPolicy::Mode;

// ------------------------------------------------------------ reading files

struct ReadResult {
  enum class Status { ok, missing, directory, not_regular, too_large, failed };
  Status status = Status::failed;
  std::string text;
  std::uintmax_t size = 0;  // for too_large: the size, when known (0: over the limit)
};

// Reads at most `limit` bytes of `path`. With `regular_only`, a path that is not a
// regular file is refused without blocking: opened with O_NONBLOCK, a fifo
// returns at once, and fstat then refuses it (the caller has already refused
// anything that was not a regular file when it looked; this closes the race).
ReadResult read_bounded(const fs::path& path, std::size_t limit, bool regular_only) {
  ReadResult r;
  int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY;
  if (regular_only) flags |= O_NONBLOCK | O_NOFOLLOW;
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) {
    r.status = errno == ENOENT || errno == ENOTDIR ? ReadResult::Status::missing
                                                   : ReadResult::Status::failed;
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return r;
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    r.status = ReadResult::Status::directory;
    return r;
  }
  if (regular_only && !S_ISREG(st.st_mode)) {
    ::close(fd);
    r.status = ReadResult::Status::not_regular;
    return r;
  }
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > limit) {
    ::close(fd);
    r.status = ReadResult::Status::too_large;
    r.size = static_cast<std::uintmax_t>(st.st_size);
    return r;
  }
  // A file may grow while it is read, and a pipe has no size: stop one byte past the limit.
  const std::size_t cap = limit == SIZE_MAX ? limit : limit + 1;
  char buffer[65536];
  while (r.text.size() < cap) {
    const std::size_t want = std::min(sizeof buffer, cap - r.text.size());
    const ssize_t got = ::read(fd, buffer, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ::close(fd);
      r.text.clear();
      return r;
    }
    if (got == 0) break;
    r.text.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  if (r.text.size() > limit) {
    r.text.clear();
    r.status = ReadResult::Status::too_large;
    return r;
  }
  r.status = ReadResult::Status::ok;
  return r;
}

// Whether `path` is `root` or lies below it; both absolute and normal.
bool is_under(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // the empty last element of "/a/b/"
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

fs::path absolute_normal(const fs::path& path) {
  std::error_code ec;
  fs::path p = fs::absolute(path, ec);
  if (ec) p = path;
  p = p.lexically_normal();
  if (p.has_relative_path() && p.filename().empty()) p = p.parent_path();  // "/a/b/" -> "/a/b"
  return p;
}

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += fmt::format("{}\"{}\"", out.empty() ? "" : ", ", s);
  return out;
}

// ------------------------------------------------------------------ loader

struct Unit {
  std::string key;  // "std:std/holidays/id", "resolver:NAME" or a canonical path
  fs::path dir;     // where its relative imports resolve; empty for the stdlib
  std::uint32_t id;
  ast::File ast;
};

// An allowed folder: as the host wrote it (for messages), as an absolute path
// (the lexical check) and with its symbolic links resolved (the real check).
struct Root {
  std::string given;
  fs::path lexical;
  fs::path canonical;  // empty when the folder does not exist
};

class Loader {
 public:
  // `root_dir`: the folder of the root file (load_file), or empty (load_string).
  Loader(const LoadOptions& options, bool from_file, const fs::path& root_dir)
      : options_(options), mode_(options.imports.mode) {
    std::vector<std::string> roots = options.imports.roots;
    if (mode_ == Mode::automatic) {
      mode_ = from_file ? Mode::folders : Mode::stdlib_only;
      automatic_ = true;
      if (from_file) roots = {root_dir.empty() ? std::string(".") : root_dir.string()};
    }
    if (mode_ == Mode::folders) {
      for (const auto& given : roots) {
        Root r{given, absolute_normal(given.empty() ? "." : given), {}};
        std::error_code ec;
        fs::path canonical = fs::canonical(r.lexical, ec);
        if (!ec && fs::is_directory(canonical, ec)) r.canonical = canonical;
        roots_.push_back(std::move(r));
      }
    }
  }

  Mode mode() const { return mode_; }

  // Where the root text's relative imports resolve.
  fs::path string_dir() const {
    return mode_ == Mode::folders && !roots_.empty() ? fs::path(roots_.front().given) : fs::path();
  }

  Loaded run(std::string name, std::string text, fs::path dir, std::string key) {
    const Limits& limits = options_.limits;
    if (text.size() > limits.max_total_bytes && text.size() <= limits.max_file_bytes) {
      // The parser reports a file over its own limit; a root file over the limit
      // for the whole load is said here, in the same words.
      auto file = std::make_shared<SourceFile>(name, std::string());
      const std::uint32_t id = sources_.add(file);
      diagnostics_.push_back(make_diagnostic(
          Code::file_too_large, sources_.locate({id, 0, 0}),
          fmt::format("file too large: {} bytes (the limit for all files of one load is {} bytes)",
                      text.size(), limits.max_total_bytes)));
      units_.push_back(std::make_unique<Unit>(Unit{key, dir, id, {}}));
    } else {
      load(std::move(key), std::move(name), std::move(text), std::move(dir));
    }
    Loaded loaded;
    LoadResult& result = loaded.result;
    if (!has_errors(diagnostics_)) {
      // Imports before the files that import them: a name defined twice is
      // reported where the importing file (the user's) defines it again.
      std::vector<const ast::File*> files;
      for (auto it = units_.rbegin(); it != units_.rend(); ++it) files.push_back(&(*it)->ast);
      result.model = check(files, sources_, diagnostics_, limits);
    }
    sort_diagnostics(diagnostics_, sources_);
    result.diagnostics = std::move(diagnostics_);
    result.files = std::move(files_);
    loaded.sources = std::move(sources_);
    // Units are in load order, which is the SourceMap's order.
    for (auto& u : units_) loaded.files.push_back(std::move(u->ast));
    return loaded;
  }

 private:
  void load(std::string key, std::string name, std::string text, fs::path dir) {
    total_bytes_ += text.size();
    auto file = std::make_shared<SourceFile>(std::move(name), std::move(text));
    const std::uint32_t id = sources_.add(file);
    const Limits& l = options_.limits;
    ParseLimits limits{l.max_file_bytes, l.max_statements, l.max_errors, l.max_nesting};
    ParseResult parsed = parse(*file, id, limits);
    for (auto& d : parsed.diagnostics) diagnostics_.push_back(std::move(d));

    auto unit = std::make_unique<Unit>(Unit{key, dir, id, std::move(parsed.file)});
    Unit& u = *unit;
    units_.push_back(std::move(unit));
    loaded_.emplace(key);
    stack_.push_back(key);
    for (const ast::Node& item : u.ast.root.children) {
      if (item.kind != ast::Kind::import_file) continue;
      import(u, *ast::arg<ast::Text>(item));
    }
    stack_.pop_back();
  }

  Diagnostic& error(Code code, Span span, std::string message, std::string hint = {}) {
    diagnostics_.push_back(
        make_diagnostic(code, sources_.locate(span), std::move(message), std::move(hint)));
    return diagnostics_.back();
  }

  // What this load may import, for the hint of a refusal.
  std::string allowed() const {
    std::vector<std::string> given;
    for (const auto& r : roots_) given.push_back(r.given);
    switch (mode_) {
      case Mode::folders:
        if (automatic_)
          return fmt::format(
              "a contract imports files from its own folder ({}) and the folders below it, and "
              "the stdlib (\"std/...\"); a program that embeds sla allows other folders with "
              "ImportPolicy::folders",
              quoted_list(given));
        if (given.empty())
          return "no folder is allowed here, only the stdlib (\"std/...\"); the program that "
                 "loads the contract allows folders with ImportPolicy::folders";
        return fmt::format(
            "imports are read from {} {} and the folders below, and the stdlib (\"std/...\"); the "
            "program that loads the contract allows more with ImportPolicy::folders",
            given.size() == 1 ? "the folder" : "the folders", quoted_list(given));
      case Mode::resolver:
        return "the program that loads the contract supplies its imports (ImportPolicy::resolver)";
      default:
        return "the program that loads the contract allows files with ImportPolicy::folders or "
               "ImportPolicy::resolver";
    }
  }

  void refuse(Span span, std::string message) {
    error(Code::import_not_allowed, span, std::move(message), allowed());
  }

  struct Found {
    std::string key, name, text;
    fs::path dir;
  };

  std::optional<Found> from_stdlib(const std::string& spec, Span span) {
    auto module = stdlib_module(spec);
    if (!module) {
      error(Code::import_not_found, span, fmt::format("no stdlib module \"{}\"", spec),
            stdlib_import_hint(spec));
      return std::nullopt;
    }
    return Found{"std:" + spec, spec, std::string(*module), {}};
  }

  std::optional<Found> from_resolver(const Unit& from, const std::string& spec, Span span) {
    const ImportResolver& resolve = options_.imports.resolve;
    if (!resolve) {
      refuse(span, fmt::format("cannot import \"{}\": no import resolver is set", spec));
      return std::nullopt;
    }
    std::string why;
    std::optional<ImportedFile> file;
    try {
      file = resolve(spec, sources_.file(from.id).name(), why);
    } catch (const std::exception& e) {
      file.reset();
      why = fmt::format("the import resolver failed: {}", e.what());
    } catch (...) {
      file.reset();
      why = "the import resolver failed";
    }
    if (!file) {
      error(Code::import_not_found, span,
            why.empty() ? fmt::format("cannot import \"{}\"", spec)
                        : fmt::format("cannot import \"{}\": {}", spec, why));
      return std::nullopt;
    }
    const std::string key = "resolver:" + file->name;
    return Found{key, std::move(file->name), std::move(file->text), {}};
  }

  std::optional<Found> from_folders(const Unit& from, const std::string& spec, Span span) {
    const fs::path written(spec);
    if (spec.empty()) {
      error(Code::import_not_found, span, "an import names no file");
      return std::nullopt;
    }
    if (written.is_absolute() || written.has_root_name() || written.has_root_directory()) {
      refuse(span, fmt::format("import of \"{}\" refused: an import cannot be an absolute path; "
                               "write it relative to the importing file",
                               spec));
      return std::nullopt;
    }
    fs::path target = from.dir / written;
    if (!target.has_extension()) target += ".sla";
    const std::string name = target.lexically_normal().string();

    // The path as written: `..` may not lead out of every allowed folder.
    const fs::path lexical = absolute_normal(target);
    const bool inside = std::any_of(roots_.begin(), roots_.end(), [&](const Root& r) {
      return is_under(lexical, r.lexical) ||
             (!r.canonical.empty() && is_under(lexical, r.canonical));
    });
    if (!inside) {
      refuse(span, fmt::format("import of \"{}\" refused: it leads outside the folders this "
                               "contract may import from",
                               spec));
      return std::nullopt;
    }
    // The real path: a symbolic link may not lead out of them either.
    std::error_code ec;
    const fs::path real = fs::canonical(target, ec);
    if (ec) {
      error(Code::import_not_found, span, fmt::format("cannot read imported file \"{}\"", name),
            "relative imports are resolved against the importing file's folder");
      return std::nullopt;
    }
    const bool really_inside = std::any_of(roots_.begin(), roots_.end(), [&](const Root& r) {
      return !r.canonical.empty() && is_under(real, r.canonical);
    });
    if (!really_inside) {
      refuse(span, fmt::format("import of \"{}\" refused: a symbolic link leads outside the "
                               "folders this contract may import from",
                               spec));
      return std::nullopt;
    }
    Found found{real.string(), name, {}, target.parent_path()};
    if (loaded_.count(found.key) ||
        std::find(stack_.begin(), stack_.end(), found.key) != stack_.end())
      return found;  // a cycle or a file read already: the caller says which

    // Only a regular file is opened: a fifo would block, a device may act on open.
    const fs::file_status status = fs::status(real, ec);
    if (!ec && fs::is_directory(status)) {
      error(Code::import_not_found, span,
            fmt::format("cannot import \"{}\": it is a folder, not a file", name));
      return std::nullopt;
    }
    if (ec || !fs::is_regular_file(status)) {
      refuse(span, fmt::format("import of \"{}\" refused: it is not a regular file (a device, "
                               "pipe or socket)",
                               name));
      return std::nullopt;
    }
    ReadResult read = read_bounded(real, options_.limits.max_file_bytes, true);
    switch (read.status) {
      case ReadResult::Status::ok:
        found.text = std::move(read.text);
        files_.push_back(real.string());
        return found;
      case ReadResult::Status::too_large:
        error(Code::file_too_large, span,
              read.size ? fmt::format("imported file \"{}\" is too large: {} bytes (the limit is "
                                      "{} bytes per file)",
                                      name, read.size, options_.limits.max_file_bytes)
                        : fmt::format("imported file \"{}\" is too large (the limit is {} bytes "
                                      "per file)",
                                      name, options_.limits.max_file_bytes));
        return std::nullopt;
      case ReadResult::Status::not_regular:
        refuse(span, fmt::format("import of \"{}\" refused: it is not a regular file (a device, "
                                 "pipe or socket)",
                                 name));
        return std::nullopt;
      default:
        error(Code::import_not_found, span, fmt::format("cannot read imported file \"{}\"", name),
              "relative imports are resolved against the importing file's folder");
        return std::nullopt;
    }
  }

  void import(const Unit& from, const ast::Text& path) {
    const std::string& spec = path.value;
    std::optional<Found> found;
    if (spec.starts_with("std/")) {
      found = from_stdlib(spec, path.span);
    } else if (mode_ == Mode::resolver) {
      found = from_resolver(from, spec, path.span);
    } else if (mode_ == Mode::folders) {
      found = from_folders(from, spec, path.span);
    } else {
      refuse(path.span,
             fmt::format("import of \"{}\" refused: this contract may import only the stdlib "
                         "(\"std/...\")",
                         spec));
    }
    if (!found) return;
    const std::string& key = found->key;
    if (auto it = std::find(stack_.begin(), stack_.end(), key); it != stack_.end()) {
      std::string chain;
      for (; it != stack_.end(); ++it) chain += display(*it) + " -> ";
      chain += display(key);
      error(Code::import_cycle, path.span, fmt::format("import cycle: {}", chain));
      return;
    }
    if (loaded_.count(key)) return;  // already loaded through another import
    const Limits& limits = options_.limits;
    if (stack_.size() >= limits.max_import_depth) {
      error(Code::import_too_deep, path.span,
            fmt::format("imports nested more than {} deep", limits.max_import_depth));
      return;
    }
    if (units_.size() >= limits.max_files) {
      error(Code::too_many_items, path.span,
            fmt::format("more than {} files imported", limits.max_files));
      return;
    }
    if (found->text.size() >
        limits.max_total_bytes - std::min(total_bytes_, limits.max_total_bytes)) {
      error(Code::file_too_large, path.span,
            fmt::format("importing \"{}\" ({} bytes) takes this load's files past {} bytes "
                        "together, the limit",
                        found->name, found->text.size(), limits.max_total_bytes));
      return;
    }
    // A calendar file named where a holiday set was meant: one clear error, not a
    // page of syntax errors.
    if (std::string_view text = found->text;
        text.substr(text.starts_with("\xEF\xBB\xBF") ? 3 : 0).starts_with("BEGIN:VCALENDAR")) {
      error(Code::import_not_found, path.span,
            fmt::format("\"{}\" is an iCalendar file, not a .sla file", found->name),
            fmt::format("make a holiday set of it: sla holidays import {} --name NAME -o NAME.sla, "
                        "then import \"NAME.sla\"",
                        spec));
      return;
    }
    load(key, std::move(found->name), std::move(found->text), std::move(found->dir));
  }

  std::string display(const std::string& key) const {
    for (const auto& u : units_)
      if (u->key == key) return sources_.file(u->id).name();
    return key;
  }

  const LoadOptions& options_;
  Mode mode_;
  bool automatic_ = false;
  std::vector<Root> roots_;
  std::size_t total_bytes_ = 0;
  SourceMap sources_;
  std::vector<Diagnostic> diagnostics_;
  std::vector<std::unique_ptr<Unit>> units_;
  std::set<std::string> loaded_;
  std::vector<std::string> stack_;
  std::vector<std::string> files_;  // imports read from disk, for LoadResult::files
};

Loaded failed_load(const std::string& name, std::string message) {
  Loaded r;
  Location at;
  at.file = name;
  r.result.diagnostics.push_back(make_diagnostic(Code::import_not_found, at, std::move(message)));
  return r;
}

}  // namespace

void sort_diagnostics(std::vector<Diagnostic>& diagnostics, const SourceMap& sources) {
  std::map<std::string, std::size_t> file_order;
  for (std::size_t i = 0; i < sources.size(); ++i)
    file_order.emplace(sources.file(static_cast<std::uint32_t>(i)).name(), i);
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     return std::tuple(file_order[a.location.file], a.location.offset) <
                            std::tuple(file_order[b.location.file], b.location.offset);
                   });
}

Loaded load_file_with_sources(const std::string& path, const LoadOptions& options) {
  // The root file is the host's choice: a pipe (/dev/stdin) is fine; its size is not.
  ReadResult read = read_bounded(path, options.limits.max_file_bytes, false);
  if (read.status == ReadResult::Status::too_large) {
    Loaded r;
    Location at;
    at.file = path;
    r.result.diagnostics.push_back(
        make_diagnostic(Code::file_too_large, at,
                        read.size ? fmt::format("file too large: {} bytes (the limit is {} bytes)",
                                                read.size, options.limits.max_file_bytes)
                                  : fmt::format("file too large: more than {} bytes (the limit)",
                                                options.limits.max_file_bytes)));
    return r;
  }
  if (read.status != ReadResult::Status::ok)
    return failed_load(path, fmt::format("cannot read \"{}\"", path));
  const fs::path dir = fs::path(path).parent_path();
  Loader loader(options, true, dir);
  std::string key;
  if (loader.mode() == Mode::resolver) {
    key = "resolver:" + path;
  } else {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(path, ec);
    key = ec ? path : canonical.string();
  }
  Loaded loaded = loader.run(path, std::move(read.text), dir, std::move(key));
  loaded.result.files.insert(loaded.result.files.begin(), path);
  return loaded;
}

Loaded load_string_with_sources(std::string_view name, std::string text,
                                const LoadOptions& options) {
  Loader loader(options, false, {});
  const std::string key =
      (loader.mode() == Mode::resolver ? "resolver:" : "string:") + std::string(name);
  return loader.run(std::string(name), std::move(text), loader.string_dir(), key);
}

LoadResult load_file(const std::string& path, const LoadOptions& options) {
  return load_file_with_sources(path, options).result;
}

LoadResult load_string(std::string_view name, std::string text, const LoadOptions& options) {
  return load_string_with_sources(name, std::move(text), options).result;
}

std::string_view version() {
  return SLA_VERSION;
}

}  // namespace sla

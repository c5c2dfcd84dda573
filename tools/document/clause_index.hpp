// Where each statement of the contract is written, for source references and for
// the stated labels the Model does not keep. The Model records positions for its
// items, targets, escalation bands and exclusions, but not for every statement (a
// channel, a price, a clock rule, a zone); the index re-reads the contract's files
// with the grammar and records, per item, each statement's line and label.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "sla/model.hpp"

namespace sla::cli {

struct Clause {
  SourceRef at;
  std::string label;               // the stated label, ("Public Holidays"); empty when none
  std::vector<std::string> words;  // the statement's fixed words: "always", "on holidays"
};

// Where a top-level item (a package, a calendar, the contract header...) begins
// and ends in its file.
struct Extent {
  ast::Kind kind;
  std::string name;  // its name or title; empty for the header, definitions, priorities
  unsigned first = 0, last = 0;
};

class ClauseIndex {
 public:
  // Parses every file of the model (stdlib modules from the library); a file that
  // cannot be read again is simply not indexed.
  explicit ClauseIndex(const Model& model);

  // The first statement of `kind` in the item named `item` (a package, add-on or
  // calendar; "" is the contract header; "premium|Chat Service" the statements of
  // the block "Chat Service" in premium) whose first string, or else first name,
  // is `key` (any statement of that kind when `key` is empty).
  std::optional<Clause> find(std::string_view item, ast::Kind kind,
                             std::string_view key = {}) const;
  // The same, in the first of `items` that has one: an add-on, then its package,
  // then that package's ancestors.
  std::optional<Clause> find(const std::vector<std::string>& items, ast::Kind kind,
                             std::string_view key = {}) const;
  // Every statement of `kind` in `item`, in source order.
  std::vector<Clause> all(std::string_view item, ast::Kind kind) const;
  // The item whose lines hold `line` of `file`; nullopt between items.
  std::optional<Extent> extent(std::string_view file, unsigned line) const;

 private:
  struct Entry {
    ast::Kind kind;
    std::string key;
    Clause clause;
  };
  std::map<std::string, std::vector<Entry>, std::less<>> items_;
  std::map<std::string, std::vector<Extent>, std::less<>> extents_;  // per file
};

}  // namespace sla::cli

// Text -> syntax tree. Never throws on bad input: every problem is a Diagnostic,
// and parsing goes on at the next statement so that one run reports them all.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "sla/diagnostic.hpp"

namespace sla {

struct ParseLimits {
  std::size_t max_file_bytes = 1 << 20;  // a contract is a few KiB; 1 MiB is plenty
  std::size_t max_statements = 20000;    // per file
  std::size_t max_errors = 50;           // then stop: the rest is noise
  // Blocks inside blocks: a top-level block is 1 deep, an escalation block in a
  // package 2. The grammar itself nests no deeper (its rules do not recurse, and
  // braces in text that does not parse are skipped by counting), so this only
  // matters to a host that allows less.
  std::size_t max_nesting = 16;
};

struct ParseResult {
  ast::File file;
  std::vector<Diagnostic> diagnostics;
};

// `file_id` is the file's index in the SourceMap, recorded in every Span.
ParseResult parse(const SourceFile& source, std::uint32_t file_id, const ParseLimits& limits = {});

// A duration in the language's words, alone: "4 business hours", "90 minutes".
std::optional<ast::Duration> parse_duration(std::string_view text);

}  // namespace sla

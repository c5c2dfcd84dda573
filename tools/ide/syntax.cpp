#include "tools/ide/syntax.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace sla::ide {

namespace {

void collect(const ast::Node& node, std::uint32_t offset, std::vector<const ast::Node*>& out) {
  out.push_back(&node);
  for (const auto& child : node.children)
    if (child.span.begin <= offset && offset <= child.span.end) {
      collect(child, offset, out);
      return;
    }
}

bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}

// Past a string that starts at `i` (its opening quote): after its closing quote,
// or at the end of its line when it has none (a string never spans lines).
std::size_t skip_string(std::string_view text, std::size_t i, std::size_t end) {
  ++i;
  while (i < end && text[i] != '"' && !is_line_end(text[i])) i += text[i] == '\\' ? 2 : 1;
  return i < end && text[i] == '"' ? i + 1 : std::min(i, end);
}

std::size_t skip_comment(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && !is_line_end(text[i])) ++i;
  return i;
}

// The '{' still open at `end`, outermost first.
std::vector<std::uint32_t> open_braces(std::string_view text, std::size_t end) {
  std::vector<std::uint32_t> open;
  end = std::min(end, text.size());
  for (std::size_t i = 0; i < end;) {
    const char c = text[i];
    if (c == '"') {
      i = skip_string(text, i, end);
    } else if (c == '#') {
      i = skip_comment(text, i, end);
    } else {
      if (c == '{') open.push_back(static_cast<std::uint32_t>(i));
      if (c == '}' && !open.empty()) open.pop_back();
      ++i;
    }
  }
  return open;
}

struct BlockWord {
  std::string_view word;
  ast::Kind kind;
  bool named;  // an identifier follows the keyword
};

constexpr std::array<BlockWord, 11> block_words{{
    {"contract", ast::Kind::contract, false},
    {"definitions", ast::Kind::definitions, false},
    {"holidays", ast::Kind::holiday_set, true},
    {"calendar", ast::Kind::calendar, true},
    {"priorities", ast::Kind::priorities, false},
    {"package", ast::Kind::package, true},
    {"addon", ast::Kind::addon, true},
    {"example", ast::Kind::example, false},
    {"translation", ast::Kind::translation, true},
    {"escalation", ast::Kind::escalation, false},
    {"uptime", ast::Kind::uptime, false},
}};

std::string_view word_at(std::string_view text, std::size_t i) {
  std::size_t j = i;
  while (j < text.size() && is_name_char(text[j])) ++j;
  return text.substr(i, j - i);
}

std::size_t skip_blanks(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i;
}

// The head of the statement that `brace` ends: from the start of its line (or
// the last '{', '}' or ';' on it), or the line before when the brace stands alone.
EnclosingBlock block_of_brace(std::string_view text, std::uint32_t brace) {
  EnclosingBlock b;
  b.brace = brace;
  std::size_t line = line_start(text, brace);
  std::size_t head = line;
  for (std::size_t i = line; i < brace;) {
    if (text[i] == '"') {
      i = skip_string(text, i, brace);
      continue;
    }
    if (text[i] == '{' || text[i] == '}' || text[i] == ';') head = i + 1;
    ++i;
  }
  head = skip_blanks(text, head, brace);
  if (head == brace && line > 0) {
    // "package x \"X\"\n{": the head is on the line above.
    std::size_t prev = line - 1;
    if (prev > 0 && text[prev] == '\n' && text[prev - 1] == '\r') --prev;
    head = skip_blanks(text, line_start(text, static_cast<std::uint32_t>(prev)), prev);
  }
  b.head = static_cast<std::uint32_t>(head);
  const std::string_view keyword = word_at(text, head);
  b.kind = ast::Kind::file;  // unknown: a block of a statement that does not exist
  for (const auto& w : block_words) {
    if (w.word != keyword) continue;
    b.kind = w.kind;
    if (w.named) {
      const std::size_t at = skip_blanks(text, head + keyword.size(), text.size());
      b.name = std::string(word_at(text, at));
    }
  }
  return b;
}

}  // namespace

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::vector<const ast::Node*> nodes_at(const ast::Node& root, std::uint32_t offset) {
  std::vector<const ast::Node*> out;
  collect(root, offset, out);
  return out;
}

std::uint32_t open_brace(std::string_view text, const ast::Node& block) {
  const std::size_t end = std::min<std::size_t>(block.span.end, text.size());
  for (std::size_t i = block.span.begin; i < end;) {
    if (text[i] == '"') {
      i = skip_string(text, i, end);
    } else if (text[i] == '#') {
      i = skip_comment(text, i, end);
    } else if (text[i] == '{') {
      return static_cast<std::uint32_t>(i);
    } else {
      ++i;
    }
  }
  return block.span.end;
}

std::vector<EnclosingBlock> enclosing_blocks(const Analysis& analysis, std::uint32_t offset) {
  const std::string& text = analysis.text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  // The tree's blocks, by the brace that opens them.
  std::vector<std::pair<std::uint32_t, const ast::Node*>> tree;
  if (!analysis.loaded.files.empty())
    for (const ast::Node* n : nodes_at(analysis.loaded.files[0].root, offset))
      if (ast::is_block(n->kind)) {
        const std::uint32_t brace = open_brace(text, *n);
        if (brace < offset && offset < n->span.end) tree.emplace_back(brace, n);
      }
  // The text's braces decide which blocks are open (it holds the half-typed ones
  // too); the tree names those it has.
  std::vector<EnclosingBlock> out;
  for (std::uint32_t brace : open_braces(text, offset)) {
    EnclosingBlock b = block_of_brace(text, brace);
    for (const auto& [at, node] : tree)
      if (at == brace) {
        b.node = node;
        b.kind = node->kind;
        if (const auto* id = ast::arg<ast::Ident>(*node)) b.name = id->name;
      }
    out.push_back(std::move(b));
  }
  return out;
}

std::uint32_t line_start(std::string_view text, std::uint32_t offset) {
  std::size_t i = std::min<std::size_t>(offset, text.size());
  while (i > 0 && !is_line_end(text[i - 1])) --i;
  return static_cast<std::uint32_t>(i);
}

std::string indentation_at(std::string_view text, std::uint32_t offset) {
  const std::size_t begin = line_start(text, offset);
  const std::size_t end = skip_blanks(text, begin, text.size());
  return std::string(text.substr(begin, end - begin));
}

const ast::Node* node_with_span(const std::vector<ast::File>& files, const Span& span) {
  if (span.file >= files.size()) return nullptr;
  const ast::Node* found = nullptr;
  const auto visit = [&](const auto& self, const ast::Node& n) -> void {
    if (found) return;
    if (n.span.begin == span.begin && n.span.end == span.end && n.kind != ast::Kind::file) {
      found = &n;
      return;
    }
    for (const auto& child : n.children)
      if (child.span.begin <= span.begin && span.end <= child.span.end) self(self, child);
  };
  visit(visit, files[span.file].root);
  return found;
}

}  // namespace sla::ide

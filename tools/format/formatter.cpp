// The layout is rebuilt from the source's own tokens, never from the tree's
// values, so nothing is respelled; the tree only says where statements begin.
// The parse of the result is then compared with the parse of the source: the
// formatter proves, file by file, that it changed nothing but white space.
#include "tools/format/formatter.hpp"

#include <fmt/format.h>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <set>

#include "grammar/parser.hpp"
#include "grammar/source.hpp"
#include "tools/format/same_syntax.hpp"

namespace sla::cli {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

enum class TokenKind {
  atom,
  string,
  comment,
  open_brace,
  close_brace,
  open_paren,
  close_paren,
  comma
};

// A token of the source as written. An atom is a run of characters that are not
// white space, punctuation, quotes or '#': a word, a number, a date, `Mon-Fri`,
// `8hours`. Atoms are never split, so the author's spelling survives.
struct Token {
  TokenKind kind = TokenKind::atom;
  std::string_view text;
  std::uint32_t begin = 0;
  int breaks = 0;  // line breaks between the previous token and this one
};

// ';' only ever separates statements, and a line break does that as well.
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == ';';
}

bool ends_atom(char c) {
  return is_blank(c) || c == '\n' || std::string_view("{}(),\"#").find(c) != std::string_view::npos;
}

std::string_view trim_end(std::string_view s) {
  while (!s.empty() && is_blank(s.back()) && s.back() != ';') s.remove_suffix(1);
  return s;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const std::size_t n = text.size();
  std::size_t i = text.starts_with(bom) ? bom.size() : 0;
  int breaks = 0;
  while (i < n) {
    const char c = text[i];
    // LF, CRLF and a lone CR each end a line (the output has LF only).
    if (c == '\n' || (c == '\r' && (i + 1 == n || text[i + 1] != '\n'))) ++breaks;
    if (c == '\n' || is_blank(c)) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    TokenKind kind = TokenKind::atom;
    switch (c) {
      case '#':
        kind = TokenKind::comment;
        while (j < n && text[j] != '\n' && text[j] != '\r') ++j;
        break;
      case '"':
        kind = TokenKind::string;
        while (j < n && text[j] != '"' && text[j] != '\n' && text[j] != '\r')
          j += (text[j] == '\\' && j + 1 < n && text[j + 1] != '\n' && text[j + 1] != '\r') ? 2 : 1;
        if (j < n && text[j] == '"') ++j;
        break;
      case '{':
        kind = TokenKind::open_brace;
        break;
      case '}':
        kind = TokenKind::close_brace;
        break;
      case '(':
        kind = TokenKind::open_paren;
        break;
      case ')':
        kind = TokenKind::close_paren;
        break;
      case ',':
        kind = TokenKind::comma;
        break;
      default:
        while (j < n && !ends_atom(text[j])) ++j;
    }
    std::string_view token = text.substr(i, j - i);
    if (kind == TokenKind::comment) token = trim_end(token);
    tokens.push_back({kind, token, static_cast<std::uint32_t>(i), breaks});
    breaks = 0;
    i = j;
  }
  return tokens;
}

// One space between tokens, except inside parentheses and lists (`("x")`, `a, b`)
// and around the dash of a range (`Mon-Fri`, `09:00-17:00`).
bool space_between(const Token& a, const Token& b) {
  if (b.kind == TokenKind::comma || b.kind == TokenKind::close_paren) return false;
  if (a.kind == TokenKind::open_paren) return false;
  if (b.kind == TokenKind::atom && b.text.starts_with('-')) return false;
  if (a.kind == TokenKind::atom && a.text.ends_with('-')) return false;
  return true;
}

void collect_starts(const ast::Node& node, std::set<std::uint32_t>& starts) {
  for (const auto& child : node.children) {
    starts.insert(child.span.begin);
    collect_starts(child, starts);
  }
}

struct Line {
  int depth = 0;
  std::string text;
  bool blank_before = false;
  bool opens = false;   // ends with the '{' of a block (before any trailing comment)
  bool closes = false;  // the '}' of a block
};

// The statement (or block head, or '}') being gathered onto one line.
struct Unit {
  int depth = 0;
  bool blank_before = false;
  std::vector<const Token*> tokens;
  std::vector<std::string_view> inner_comments;  // written in the middle: moved above
  std::string_view trailing;                     // after its end, on its last line
};

class Layout {
 public:
  Layout(std::string_view text, const ast::File& file) : tokens_(tokenize(text)) {
    collect_starts(file.root, starts_);
    for (const auto& item : file.root.children)
      top_items_.emplace(item.span.begin,
                         item.kind != ast::Kind::import_file && item.kind != ast::Kind::attribute);
  }

  std::string run() {
    for (const Token& t : tokens_) {
      if (t.kind == TokenKind::comment) {
        held_.push_back(&t);
        continue;
      }
      const bool fresh =
          !unit_ || after_open_ || t.kind == TokenKind::close_brace || starts_.contains(t.begin);
      if (fresh) {
        begin_unit(t);
      } else {
        // A comment inside a statement that goes on: the statement becomes one
        // line, so the comment moves above it.
        for (const Token* c : held_) unit_->inner_comments.push_back(c->text);
        held_.clear();
        unit_->tokens.push_back(&t);
      }
      after_open_ = t.kind == TokenKind::open_brace;
      if (after_open_) ++depth_;
    }
    // The end of the file: what follows the last statement or '}'.
    std::size_t next = take_trailing_comment();
    flush();
    for (; next < held_.size(); ++next)
      lines_.push_back({0, std::string(held_[next]->text), held_[next]->breaks >= 2});
    return render();
  }

 private:
  // A comment right after the end of the unit, on the same line, stays there.
  std::size_t take_trailing_comment() {
    if (unit_ && !held_.empty() && held_.front()->breaks == 0) {
      unit_->trailing = held_.front()->text;
      return 1;
    }
    return 0;
  }

  void begin_unit(const Token& t) {
    std::size_t next = take_trailing_comment();
    flush();
    if (t.kind == TokenKind::close_brace && depth_ > 0) --depth_;
    // Comments on their own lines before a '}' belong to the block's contents.
    const int comment_depth = depth_ + (t.kind == TokenKind::close_brace ? 1 : 0);
    const std::size_t group = lines_.size();
    for (; next < held_.size(); ++next)
      lines_.push_back({comment_depth, std::string(held_[next]->text), held_[next]->breaks >= 2});
    held_.clear();
    unit_ = Unit{depth_, t.breaks >= 2, {&t}, {}, {}};

    // Top-level blocks are set apart by one blank line, above the comments that
    // lead into them; consecutive one-line items (imports, attributes) may stay together.
    const auto item = depth_ == 0 && t.kind != TokenKind::close_brace ? top_items_.find(t.begin)
                                                                      : top_items_.end();
    if (item == top_items_.end()) return;
    if (previous_item_is_block_ && (*previous_item_is_block_ || item->second)) {
      if (group < lines_.size())
        lines_[group].blank_before = true;
      else
        unit_->blank_before = true;
    }
    previous_item_is_block_ = item->second;
  }

  void flush() {
    if (!unit_) return;
    bool blank = unit_->blank_before;
    for (auto c : unit_->inner_comments) {
      lines_.push_back({unit_->depth, std::string(c), blank});
      blank = false;
    }
    Line line{unit_->depth, {}, blank};
    const Token* previous = nullptr;
    for (const Token* t : unit_->tokens) {
      if (previous && space_between(*previous, *t)) line.text += ' ';
      line.text += t->text;
      previous = t;
    }
    line.opens = previous->kind == TokenKind::open_brace;
    line.closes = unit_->tokens.front()->kind == TokenKind::close_brace;
    if (!unit_->trailing.empty()) line.text += fmt::format(" {}", unit_->trailing);
    lines_.push_back(std::move(line));
    unit_.reset();
  }

  std::string render() const {
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const Line& line = lines_[i];
      const bool blank = line.blank_before && i > 0 && !lines_[i - 1].opens && !line.closes;
      if (blank) out += '\n';
      out.append(static_cast<std::size_t>(2 * line.depth), ' ');
      out += line.text;
      out += '\n';
    }
    return out;
  }

  std::vector<Token> tokens_;
  std::set<std::uint32_t> starts_;           // where statements and blocks begin
  std::map<std::uint32_t, bool> top_items_;  // top-level item start -> is a block (not one line)
  std::vector<const Token*> held_;           // comments since the last other token
  std::optional<Unit> unit_;
  std::vector<Line> lines_;
  int depth_ = 0;
  bool after_open_ = false;
  std::optional<bool> previous_item_is_block_;  // unset before the first item
};

ParseResult parse_text(std::string_view name, std::string text, const ParseLimits& limits) {
  const SourceFile source{std::string(name), std::move(text)};
  return parse(source, 0, limits);
}

}  // namespace

FormatResult format_source(std::string_view name, std::string text) {
  FormatResult result;
  ParseResult before = parse_text(name, text, {});
  if (has_errors(before.diagnostics)) {
    result.diagnostics = std::move(before.diagnostics);
    return result;
  }
  std::string formatted = Layout(text, before.file).run();

  // The safety net. Indentation may grow a file past the size limit, which is
  // not the user's problem here.
  ParseLimits relaxed;
  relaxed.max_file_bytes = std::numeric_limits<std::size_t>::max();
  ParseResult after = parse_text(name, formatted, relaxed);
  if (has_errors(after.diagnostics)) {
    result.internal_error =
        fmt::format("the formatted text does not parse ({})", after.diagnostics.front().message);
    return result;
  }
  if (!same_syntax(before.file, after.file)) {
    result.internal_error = "the formatted text would mean something else";
    return result;
  }
  if (Layout(formatted, after.file).run() != formatted) {
    result.internal_error = "formatting the formatted text changes it again";
    return result;
  }
  result.text = std::move(formatted);
  return result;
}

}  // namespace sla::cli

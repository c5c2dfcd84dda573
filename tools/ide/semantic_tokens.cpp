#include "tools/ide/semantic_tokens.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace sla::ide {

namespace {

// Indexes in token_types() and bits of token_modifiers(); the order is the legend's.
enum TokenType : std::uint32_t {
  keyword,
  string,
  number,
  comment,
  macro,
  operator_,
  type,
  namespace_,
  enum_member,
  property,
  class_,
  interface,
  variable,
};
constexpr std::uint32_t declaration = 1u << 0, definition = 1u << 1, default_library = 1u << 2;

std::uint32_t type_of(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::holiday_set:
      return namespace_;
    case SymbolKind::calendar:
      return type;
    case SymbolKind::priority:
      return enum_member;
    case SymbolKind::attribute:
      return property;
    case SymbolKind::package:
    case SymbolKind::package_or_addon:
      return class_;
    case SymbolKind::addon:
      return interface;
    case SymbolKind::file:
      return string;
  }
  return variable;
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_word_char(char c) {
  return is_letter(c) || is_digit(c);
}
bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

// Statements whose last words follow their last value ("credits at most 25 % per
// month"): the parser ends a statement's span at its last value, so the words
// after it are found on the rest of the line.
bool ends_in_keywords(ast::Kind kind) {
  switch (kind) {
    case ast::Kind::reviewed:       // every 2 months
    case ast::Kind::change_notice:  // at least 2 days in advance
    case ast::Kind::credit_cap:     // at most 25 % per month
    case ast::Kind::exclude:        // announced at least 2 days in advance
      return true;
    default:
      return false;
  }
}

Span span_of(const ast::Value& v) {
  return std::visit([](const auto& x) { return x.span; }, v);
}

class Tokenizer {
 public:
  Tokenizer(const ast::File& file, const SourceFile& source, const SymbolIndex& symbols,
            std::uint32_t file_id, std::function<bool(std::uint32_t)> is_library)
      : file_(file),
        text_(source.text()),
        size_(static_cast<std::uint32_t>(source.text().size())),
        symbols_(symbols),
        file_id_(file_id),
        is_library_(std::move(is_library)) {}

  std::vector<SemanticToken> run() {
    read_comments();
    for (const auto& s : symbols_.all())
      if (s.span.file == file_id_ && s.kind != SymbolKind::file) names_.emplace(s.span.begin, &s);
    for (const Span& c : comments_) comment_tokens(c.begin, c.end);
    // The root's span is the whole file: what lies between its items did not parse,
    // and is no keyword.
    const auto& items = file_.root.children;
    for (std::size_t i = 0; i < items.size(); ++i)
      node(items[i], i + 1 < items.size() ? items[i + 1].span.begin : size_);
    return finish();
  }

 private:
  Span clamp(Span s) const {
    s.begin = std::min(s.begin, size_);
    s.end = std::min(std::max(s.end, s.begin), size_);
    return s;
  }

  void read_comments() {
    for (const auto& c : file_.comments) {
      const Span s = clamp(c.span);
      if (s.end > s.begin) comments_.push_back(s);
    }
    std::sort(comments_.begin(), comments_.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::vector<Span> kept;
    for (const Span& s : comments_)
      if (kept.empty() || s.begin >= kept.back().end) kept.push_back(s);
    comments_ = std::move(kept);
  }

  // The comment holding `at`, or nullptr; and where the next one starts.
  const Span* comment_at(std::uint32_t at) const {
    auto it = std::upper_bound(comments_.begin(), comments_.end(), at,
                               [](std::uint32_t p, const Span& s) { return p < s.begin; });
    if (it == comments_.begin()) return nullptr;
    --it;
    return at < it->end ? &*it : nullptr;
  }
  std::uint32_t next_comment(std::uint32_t at) const {
    auto it = std::upper_bound(comments_.begin(), comments_.end(), at,
                               [](std::uint32_t p, const Span& s) { return p < s.begin; });
    return it == comments_.end() ? size_ : it->begin;
  }

  // [begin, end) as tokens of one line each, without the blanks at their ends,
  // and, unless it is part of a comment, without the comments inside it: a value
  // may hold a line break and a comment ("IDR # list price\n 216 million").
  void emit(std::uint32_t begin, std::uint32_t end, std::uint32_t token_type,
            std::uint32_t modifiers = 0, bool in_comment = false) {
    const Span s = clamp({file_id_, begin, end});
    const bool skip_comments = !in_comment;
    std::uint32_t p = s.begin;
    while (p < s.end) {
      while (p < s.end && (is_blank(text_[p]) || is_line_end(text_[p]))) ++p;
      if (p >= s.end) break;
      if (skip_comments) {
        if (const Span* c = comment_at(p)) {
          p = std::max(p + 1, c->end);
          continue;
        }
      }
      const std::uint32_t limit = skip_comments ? std::min(s.end, next_comment(p)) : s.end;
      std::uint32_t q = p;
      while (q < limit && !is_line_end(text_[q])) ++q;
      std::uint32_t r = q;
      while (r > p && is_blank(text_[r - 1])) --r;
      if (r > p) out_.push_back({p, r - p, token_type, modifiers});
      p = q;
    }
  }

  // "# sla: allow SLA105, SLA102 (why)": the directive to the lint, as a macro
  // between the comment's words, so that a misspelt one does not look the same.
  void comment_tokens(std::uint32_t begin, std::uint32_t end) {
    std::uint32_t p = begin + 1;
    while (p < end && is_blank(text_[p])) ++p;
    const std::string_view rest = std::string_view(text_).substr(p, end - p);
    if (!rest.starts_with("sla:")) return emit(begin, end, comment, 0, true);
    const std::uint32_t directive = p;
    p += 4;
    while (p < end && is_blank(text_[p])) ++p;
    std::uint32_t q = p;
    while (q < end && (is_letter(text_[q]) || text_[q] == '-')) ++q;
    const std::string_view verb = std::string_view(text_).substr(p, q - p);
    if (verb != "allow" && verb != "allow-file") return emit(begin, end, comment, 0, true);
    std::uint32_t directive_end = q;
    for (p = q; p < end;) {
      while (p < end && (is_blank(text_[p]) || text_[p] == ',')) ++p;
      q = p;
      while (q < end && is_word_char(text_[q])) ++q;
      const std::string_view code = std::string_view(text_).substr(p, q - p);
      if (code.size() < 3 || (code[0] != 'S' && code[0] != 's') ||
          (code[1] != 'L' && code[1] != 'l') || (code[2] != 'A' && code[2] != 'a'))
        break;
      directive_end = q;
      p = q;
    }
    emit(begin, directive, comment, 0, true);
    emit(directive, directive_end, macro, 0, true);
    emit(directive_end, end, comment, 0, true);
  }

  // The words of [begin, end) that are not values: a statement's keywords.
  void keywords(std::uint32_t begin, std::uint32_t end) {
    end = std::min(end, size_);
    std::uint32_t p = begin;
    while (p < end) {
      const char c = text_[p];
      if (c == '#') {  // a comment, emitted on its own
        while (p < end && !is_line_end(text_[p])) ++p;
      } else if (c == '"') {  // a string the tree does not hold: not a keyword either
        ++p;
        while (p < end && text_[p] != '"' && !is_line_end(text_[p])) p += text_[p] == '\\' ? 2 : 1;
        ++p;
      } else if (is_letter(c)) {
        // "one-off" is one word.
        std::uint32_t q = p + 1;
        while (q < end && (is_word_char(text_[q]) ||
                           (text_[q] == '-' && q + 1 < end && is_letter(text_[q + 1]))))
          ++q;
        out_.push_back({p, q - p, keyword, 0});
        p = q;
      } else if (is_digit(c)) {  // a number the tree does not hold
        while (p < end && (is_word_char(text_[p]) || text_[p] == '.')) ++p;
      } else {
        if (c == '=') out_.push_back({p, 1, operator_, 0});
        ++p;
      }
    }
  }

  // The end of the words that follow `end` on its line, up to `limit`.
  std::uint32_t trailing_words(std::uint32_t end, std::uint32_t limit) const {
    limit = std::min(limit, size_);
    std::uint32_t last = end;
    for (std::uint32_t p = end; p < limit;) {
      if (is_blank(text_[p])) {
        ++p;
      } else if (is_letter(text_[p])) {
        while (p < limit && is_word_char(text_[p])) ++p;
        last = p;
      } else {
        break;
      }
    }
    return last;
  }

  // `limit`: where the next statement starts, or the enclosing block ends.
  void node(const ast::Node& n, std::uint32_t limit) {
    const Span s = clamp(n.span);
    std::vector<Span> holes;
    for (const auto& v : n.args) holes.push_back(clamp(span_of(v)));
    for (const auto& child : n.children) holes.push_back(clamp(child.span));
    std::sort(holes.begin(), holes.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    const std::uint32_t end =
        ends_in_keywords(n.kind) ? std::max(s.end, trailing_words(s.end, limit)) : s.end;
    std::uint32_t at = s.begin;
    for (const Span& hole : holes) {
      if (hole.begin > at) keywords(at, std::min(hole.begin, end));
      at = std::max(at, hole.end);
    }
    if (at < end) keywords(at, end);
    for (const auto& v : n.args) value(v);
    for (std::size_t i = 0; i < n.children.size(); ++i)
      node(n.children[i], i + 1 < n.children.size() ? n.children[i + 1].span.begin : s.end);
  }

  void value(const ast::Value& v) {
    const Span s = span_of(v);
    if (const auto* w = std::get_if<ast::Word>(&v)) {
      // A zone's UTC offset is a value; the other words are the language's own,
      // and may be several ("on calendar", "next business day").
      if (w->word.starts_with("UTC"))
        emit(s.begin, s.end, number);
      else
        keywords(clamp(s).begin, clamp(s).end);
    } else if (const auto* id = std::get_if<ast::Ident>(&v)) {
      name(*id);
    } else if (std::holds_alternative<ast::Text>(v) || std::holds_alternative<ast::Label>(v)) {
      emit(s.begin, s.end, string);
    } else {
      emit(s.begin, s.end, number);
    }
  }

  void name(const ast::Ident& id) {
    auto it = names_.find(id.span.begin);
    if (it == names_.end() || it->second->span.end != id.span.end)
      return emit(id.span.begin, id.span.end, variable);
    const Symbol& symbol = *it->second;
    const Symbol* def = symbol.definition ? &symbol : definition_of(symbol);
    std::uint32_t modifiers = symbol.definition ? declaration | definition : 0;
    if (def && is_library_(def->span.file)) modifiers |= default_library;
    emit(id.span.begin, id.span.end, type_of(def ? def->kind : symbol.kind), modifiers);
  }

  // Each name is looked up once: a long contract uses the same few many times.
  const Symbol* definition_of(const Symbol& use) {
    auto key = std::make_pair(use.kind, use.name);
    auto it = definitions_.find(key);
    if (it == definitions_.end()) it = definitions_.emplace(key, symbols_.definition_of(use)).first;
    return it->second;
  }

  std::vector<SemanticToken> finish() {
    std::stable_sort(out_.begin(), out_.end(), [](const SemanticToken& a, const SemanticToken& b) {
      return a.begin < b.begin;
    });
    std::vector<SemanticToken> out;
    out.reserve(out_.size());
    std::uint32_t end = 0;
    for (const auto& t : out_) {
      if (t.length == 0 || t.begin < end || t.begin + t.length > size_) continue;
      out.push_back(t);
      end = t.begin + t.length;
    }
    return out;
  }

  const ast::File& file_;
  const std::string& text_;
  std::uint32_t size_;
  const SymbolIndex& symbols_;
  std::uint32_t file_id_;
  std::function<bool(std::uint32_t)> is_library_;
  std::vector<Span> comments_;                              // sorted, not overlapping
  std::unordered_map<std::uint32_t, const Symbol*> names_;  // this file's names, by offset
  std::map<std::pair<SymbolKind, std::string>, const Symbol*> definitions_;
  std::vector<SemanticToken> out_;
};

}  // namespace

const std::vector<std::string_view>& token_types() {
  static const std::vector<std::string_view> types{
      "keyword",   "string",     "number",   "comment", "macro",     "operator", "type",
      "namespace", "enumMember", "property", "class",   "interface", "variable"};
  return types;
}

const std::vector<std::string_view>& token_modifiers() {
  static const std::vector<std::string_view> modifiers{"declaration", "definition",
                                                       "defaultLibrary"};
  return modifiers;
}

std::vector<SemanticToken> semantic_tokens(const Analysis& analysis, std::uint32_t file_id) {
  const SourceMap& sources = analysis.loaded.sources;
  if (file_id >= sources.size() || file_id >= analysis.loaded.files.size()) return {};
  // The loader names the stdlib's modules "std/...", and only them.
  return Tokenizer(analysis.loaded.files[file_id], sources.file(file_id), analysis.symbols, file_id,
                   [&sources](std::uint32_t f) {
                     return f < sources.size() && sources.file(f).name().starts_with("std/");
                   })
      .run();
}

}  // namespace sla::ide

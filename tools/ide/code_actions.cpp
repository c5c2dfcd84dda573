#include "tools/ide/code_actions.hpp"

#include "interpreter/lint/lint_loaded.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <limits>

#include "grammar/keywords.hpp"
#include "grammar/suggest.hpp"
#include "tools/ide/syntax.hpp"

namespace sla::ide {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// The phrases a hint quotes after `lead`: "did you mean 'within'?" gives within;
// `did you mean "std/holidays/id" (Indonesia) or "std/holidays/my" (Malaysia)?`
// gives both modules.
std::vector<std::string> quoted_after(std::string_view hint, std::string_view lead) {
  std::vector<std::string> out;
  const std::size_t at = hint.find(lead);
  if (at == std::string_view::npos) return out;
  std::size_t i = at + lead.size();
  while (i < hint.size() && (hint[i] == '\'' || hint[i] == '"')) {
    const char quote = hint[i];
    const std::size_t end = hint.find(quote, i + 1);
    if (end == std::string_view::npos) break;
    out.emplace_back(hint.substr(i + 1, end - i - 1));
    i = end + 1;
    // `"std/holidays/id" (Indonesia public holidays) or "..."`: past the title.
    if (i + 1 < hint.size() && hint[i] == ' ' && hint[i + 1] == '(') {
      const std::size_t close = hint.find(')', i);
      if (close == std::string_view::npos) break;
      i = close + 1;
    }
    if (hint.substr(i).starts_with(" or ")) {
      i += 4;
      continue;
    }
    break;
  }
  return out;
}

// Every 'phrase' in single quotes.
std::vector<std::string> single_quoted(std::string_view hint) {
  std::vector<std::string> out;
  for (std::size_t i = hint.find('\''); i != std::string_view::npos;) {
    const std::size_t end = hint.find('\'', i + 1);
    if (end == std::string_view::npos) break;
    out.emplace_back(hint.substr(i + 1, end - i - 1));
    i = hint.find('\'', end + 1);
  }
  return out;
}

class Fixer {
 public:
  Fixer(const Analysis& a, std::vector<CodeAction>& out) : a_(a), text_(a.text()), out_(out) {}

  void fix(std::size_t index, std::uint32_t begin, std::uint32_t end) {
    const Diagnostic& d = a_.diagnostics[index];
    index_ = index;
    begin_ = std::min(begin, size());
    end_ = std::min(end, size());
    if (d.code == "SLA111") holidays_unstated(d);
    if (d.code == "SLA115") price_period();
    if (d.hint.starts_with(kNotice)) maintenance_notice(d);
    did_you_mean(d);
    if (d.hint.starts_with("write '")) rewrite_duration(d);
    add_statements(d);
    if (d.code.starts_with("SLA1") && d.code != "SLA100" && d.severity != Severity::error)
      silence(d);
  }

 private:
  std::uint32_t size() const { return static_cast<std::uint32_t>(text_.size()); }

  void add(std::string title, std::vector<Edit> edits, bool preferred = false) {
    out_.push_back({std::move(title), std::move(edits), index_, preferred});
  }

  // The statement the diagnostic points at: the innermost node starting there, else
  // the innermost that holds it.
  const ast::Node* statement() const {
    if (a_.loaded.files.empty()) return nullptr;
    const auto path = nodes_at(a_.loaded.files[0].root, begin_);
    for (auto it = path.rbegin(); it != path.rend(); ++it)
      if ((*it)->span.begin == begin_ && (*it)->kind != ast::Kind::file) return *it;
    return path.size() > 1 ? path.back() : nullptr;
  }

  // ---------------------------------------------------- did you mean 'X'?

  void did_you_mean(const Diagnostic& d) {
    auto names = quoted_after(d.hint, "did you mean ");
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string& name = names[i];
      if (name.empty()) continue;
      std::optional<Edit> edit = is_digit(name[0]) ? replace_value(name) : replace_word(name);
      if (!edit) continue;
      const std::string was = text_.substr(edit->begin, edit->end - edit->begin);
      add(fmt::format("Change '{}' to '{}'", was, name), {std::move(*edit)}, i == 0);
    }
  }

  // "15 min" -> '15 minutes', "1,5 hours" -> '1.5 hours', "99 percent" -> '99 %':
  // the error is at the unit; the hint writes the whole value.
  std::optional<Edit> replace_value(const std::string& value) const {
    std::size_t from = begin_;
    while (from > 0 && is_blank(text_[from - 1])) --from;
    constexpr std::string_view business = "business";
    if (from >= business.size() &&
        text_.compare(from - business.size(), business.size(), business) == 0) {
      from -= business.size();
      while (from > 0 && is_blank(text_[from - 1])) --from;
    }
    const std::size_t number_end = from;
    while (from > 0 && (is_digit(text_[from - 1]) || text_[from - 1] == '.')) --from;
    if (from == number_end) {
      // The error may sit on the number itself ("1,5 hours" fails at the comma).
      from = begin_;
      while (from > 0 && (is_digit(text_[from - 1]) || text_[from - 1] == '.')) --from;
      if (from == begin_) return std::nullopt;
    }
    std::size_t to = begin_;
    if (to < text_.size() && text_[to] == ',') {
      ++to;
      while (to < text_.size() && is_digit(text_[to])) ++to;
    }
    while (to < text_.size() && is_blank(text_[to])) ++to;
    for (std::string_view word : {"business", "calendar"})
      if (text_.compare(to, word.size(), word) == 0 && value.find(word) != std::string::npos) {
        to += word.size();
        while (to < text_.size() && is_blank(text_[to])) ++to;
      }
    if (to < text_.size() && text_[to] == '%') {
      ++to;
    } else {
      const std::size_t unit = to;
      while (to < text_.size() && is_name_char(text_[to])) ++to;
      if (to == unit) return std::nullopt;
    }
    // The line holds the value: the edit never reaches into the next line.
    const std::string_view replaced(text_.data() + from, to - from);
    if (replaced.find_first_of("\r\n\"#") != std::string_view::npos) return std::nullopt;
    return Edit{static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to), value};
  }

  // A misspelt name or keyword: the word in the diagnostic's range closest to the
  // suggestion (the range may be the word, a string, or a whole comment).
  std::optional<Edit> replace_word(const std::string& name) const {
    // A string ("Asia/Jakrta", "std/holidays/idn"): its text is replaced.
    if (end_ >= begin_ + 2 && text_[begin_] == '"' && text_[end_ - 1] == '"') {
      if (name.find_first_of("\"\\\r\n") != std::string::npos) return std::nullopt;
      return Edit{begin_ + 1, end_ - 1, name};
    }
    // A phrase is no misspelt word: its words would go in place of one.
    if (name.find_first_of(" \t\"") != std::string::npos) return std::nullopt;
    const auto word_char = [](char c) { return is_name_char(c) || c == '-'; };
    std::uint32_t from = begin_, to = end_;
    if (from == to) {
      // An empty range: the word it touches.
      while (from > 0 && word_char(text_[from - 1])) --from;
      while (to < text_.size() && word_char(text_[to])) ++to;
    }
    std::optional<Edit> best;
    std::size_t best_distance = std::numeric_limits<std::size_t>::max();
    for (std::uint32_t i = from; i < to;) {
      if (!word_char(text_[i])) {
        ++i;
        continue;
      }
      std::uint32_t j = i;
      while (j < to && word_char(text_[j])) ++j;
      const std::string_view word(text_.data() + i, j - i);
      const std::size_t distance = edit_distance(word, name);
      if (word != name && distance < best_distance) {
        best_distance = distance;
        best = Edit{i, j, name};
      }
      i = j;
    }
    return best;
  }

  // ------------------------------------------------------ SLA111: holidays

  void holidays_unstated(const Diagnostic& d) {
    const ast::Node* calendar = statement();
    if (!calendar || calendar->kind != ast::Kind::calendar || !closed(*calendar)) return;
    // The set the hint names (the stdlib's for the zone), with its import when the
    // document has none; else a set in scope; else a name to fill in.
    std::string set, module;
    const auto quoted = single_quoted(d.hint);
    if (!quoted.empty() && quoted[0].starts_with("closed on holidays ") &&
        quoted[0] != "closed on holidays SET")
      set = quoted[0].substr(std::string_view("closed on holidays ").size());
    if (const auto modules = quoted_after(d.hint, "(with import "); !modules.empty())
      module = modules[0];
    if (set.empty()) {
      const auto sets = a_.symbols.definitions(SymbolKind::holiday_set);
      set = sets.empty() ? "SET" : sets.front()->name;
    }
    std::vector<Edit> closed{inside(*calendar, "closed on holidays " + set)};
    if (!module.empty() && !imports(module)) closed.push_back(import_edit(module));
    add(fmt::format("Close calendar on public holidays ({})", set), std::move(closed));
    add("Keep calendar open on public holidays", {inside(*calendar, "open on holidays")});
  }

  bool imports(std::string_view module) const {
    if (a_.loaded.files.empty()) return false;
    for (const auto& item : a_.loaded.files[0].root.children)
      if (item.kind == ast::Kind::import_file)
        if (const auto* spec = ast::arg<ast::Text>(item); spec && spec->value == module)
          return true;
    return false;
  }

  // After the last import, else before the first item and the comment lines right
  // above it, which are about it (the file's own opening words stand apart).
  Edit import_edit(std::string_view module) const {
    std::uint32_t at = 0;
    bool after_import = false;
    if (!a_.loaded.files.empty())
      for (const auto& item : a_.loaded.files[0].root.children) {
        if (item.kind == ast::Kind::import_file) {
          at = item.span.end;
          after_import = true;
        } else if (!after_import) {
          at = line_start(text_, item.span.begin);
          while (at > 0) {
            const std::uint32_t above = line_start(text_, at - 1);
            const std::size_t first = above + indentation_at(text_, above).size();
            if (first >= size() || text_[first] != '#') break;
            at = above;
          }
          break;
        }
      }
    if (after_import) {
      // At the end of the import's line.
      while (at < size() && text_[at] != '\n' && text_[at] != '\r') ++at;
      return Edit{at, at, fmt::format("\nimport \"{}\"", module)};
    }
    return Edit{at, at, fmt::format("import \"{}\"\n\n", module)};
  }

  bool closed(const ast::Node& block) const {
    return block.span.end > 0 && block.span.end <= size() && text_[block.span.end - 1] == '}';
  }

  // A new statement as the last of a block: on its own line before the closing
  // brace, indented as the block's statements are.
  Edit inside(const ast::Node& block, const std::string& statement) const {
    const std::uint32_t brace = block.span.end > 0 ? block.span.end - 1 : 0;
    const std::uint32_t line = line_start(text_, brace);
    const bool alone = std::all_of(text_.begin() + line, text_.begin() + brace, is_blank);
    if (!alone) {
      // A block on one line: the statement goes before the brace, on that line.
      const bool spaced = brace > 0 && is_blank(text_[brace - 1]);
      return Edit{brace, brace, fmt::format("{}{} ", spaced ? "" : " ", statement)};
    }
    std::string indent = indentation_at(text_, block.span.begin) + "  ";
    if (!block.children.empty()) indent = indentation_at(text_, block.children.front().span.begin);
    return Edit{line, line, fmt::format("{}{}\n", indent, statement)};
  }

  // ---------------------------------------------------- SLA115: price period

  void price_period() {
    const ast::Node* price = statement();
    if (!price || price->kind != ast::Kind::price) return;
    const auto* money = ast::arg<ast::Money>(*price);
    if (!money) return;
    for (std::string_view period : {"per year", "per month", "one-off"})
      add(fmt::format("Add the period: {}", period),
          {Edit{money->span.end, money->span.end, fmt::format(" {}", period)}});
  }

  // ------------------------------------------ SLA119: maintenance notice

  static constexpr std::string_view kNotice = "state the notice: exclude scheduled maintenance ";

  // "exclude scheduled maintenance \"...\"": the notice goes after the cause.
  void maintenance_notice(const Diagnostic& d) {
    const ast::Node* exclude = statement();
    if (!exclude || exclude->kind != ast::Kind::exclude || ast::arg<ast::Duration>(*exclude))
      return;
    const auto* cause = ast::arg<ast::Word>(*exclude);
    std::string_view notice = std::string_view(d.hint).substr(kNotice.size());
    notice = notice.substr(0, notice.find(" \""));
    if (!cause || !notice.starts_with("announced at least ") || !notice.ends_with(" in advance"))
      return;
    add(fmt::format("Add the notice: {}", notice),
        {Edit{cause->span.end, cause->span.end, fmt::format(" {}", notice)}});
  }

  // ------------------------------------ "write '4 business hours' or '4 calendar hours'"

  void rewrite_duration(const Diagnostic& d) {
    const ast::Node* s = statement();
    if (!s) return;
    const auto* duration = ast::arg<ast::Duration>(*s);
    if (!duration) return;
    const std::string was =
        text_.substr(duration->span.begin, duration->span.end - duration->span.begin);
    for (const auto& phrase : single_quoted(d.hint)) {
      // Only values: a phrase that is a number and its unit, on one line.
      if (phrase.empty() || !is_digit(phrase[0]) || phrase == was ||
          phrase.find_first_of("\"#{}\r\n") != std::string::npos)
        continue;
      add(fmt::format("Write '{}'", phrase),
          {Edit{duration->span.begin, duration->span.end, phrase}});
    }
  }

  // --------------------------------------------- "add: measured monthly"

  // The statements a hint asks to add ("add: measured monthly", "add a band for
  // the other case: from 6 business hours escalate to \"...\" when not resolved; or
  // ..."), put last in the block the diagnostic points at (or in), when each
  // starts with a word that block accepts.
  void add_statements(const Diagnostic& d) {
    std::string_view rest = d.hint;
    constexpr std::string_view band = "add a band for the other case: ";
    if (rest.starts_with("add: ")) {
      rest.remove_prefix(5);
    } else if (rest.starts_with(band)) {
      rest.remove_prefix(band.size());
      rest = rest.substr(0, rest.find("; or "));
    } else {
      return;
    }
    if (a_.loaded.files.empty()) return;
    const ast::Node* block = nullptr;
    for (const ast::Node* n : nodes_at(a_.loaded.files[0].root, begin_))
      if (ast::is_block(n->kind)) block = n;
    if (!block || !closed(*block)) return;
    std::vector<std::string> statements;
    while (!rest.empty()) {
      const std::size_t next = rest.find("; and ");
      std::string_view one = rest.substr(0, next);
      // "open Mon-Fri 09:00-17:00 (or: open always)": the first choice.
      if (const std::size_t alternative = one.find(" (or"); alternative != std::string_view::npos)
        one = one.substr(0, alternative);
      statements.emplace_back(one);
      rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 6);
    }
    const auto words = grammar::statement_words(block->kind);
    std::vector<Edit> edits;
    for (const auto& s : statements) {
      const std::string_view first = std::string_view(s).substr(0, s.find(' '));
      if (std::find(words.begin(), words.end(), first) == words.end() ||
          s.find_first_of("{}\r\n#") != std::string::npos)
        return;
      edits.push_back(inside(*block, s));
    }
    if (edits.empty()) return;
    // Edits at one place apply in order: join them into one.
    for (std::size_t i = 1; i < edits.size(); ++i) edits[0].text += edits[i].text;
    edits.resize(1);
    add(fmt::format("Add '{}'", fmt::join(statements, "' and '")), std::move(edits));
  }

  // ------------------------------------------- # sla: allow SLAxxx (reason)

  void silence(const Diagnostic& d) {
    const std::uint32_t line = line_start(text_, begin_);
    add(fmt::format("Silence {} with a reason", d.code),
        {Edit{line, line,
              fmt::format("{}# sla: allow {} ({})\n", indentation_at(text_, begin_), d.code,
                          kReasonPlaceholder)}});
  }

  const Analysis& a_;
  const std::string& text_;
  std::vector<CodeAction>& out_;
  std::size_t index_ = 0;
  std::uint32_t begin_ = 0, end_ = 0;
};

}  // namespace

std::vector<CodeAction> quick_fixes(const Analysis& analysis, std::uint32_t begin,
                                    std::uint32_t end) {
  std::vector<CodeAction> out;
  if (begin > end) std::swap(begin, end);
  try {
    Fixer fixer(analysis, out);
    const std::string& root = analysis.root().name();
    for (std::size_t i = 0; i < analysis.diagnostics.size(); ++i) {
      const Location& at = analysis.diagnostics[i].location;
      if (at.file != root) continue;
      // A position known only by line and column (a lint finding whose statement
      // was not found) has no offset of its own.
      std::uint32_t first = at.offset;
      if (first == 0 && at.length == 0 && (at.line > 1 || at.column > 1))
        first = analysis.root().offset(at.line, at.column);
      const std::uint64_t last = std::uint64_t{first} + at.length;
      if (first > end || last < begin) continue;
      fixer.fix(i, first,
                static_cast<std::uint32_t>(
                    std::min<std::uint64_t>(last, std::numeric_limits<std::uint32_t>::max())));
    }
  } catch (const std::exception&) {
    // The fixes found so far stand; a request never takes the server down.
  }
  return out;
}

}  // namespace sla::ide

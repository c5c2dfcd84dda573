// sla::lint_file / lint_string: load, run every rule, then apply what the user
// silenced (comments in the contract, --allow) or raised to errors (--deny).
#include "sla/lint.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <set>

#include "grammar/codes.hpp"
#include "interpreter/check/loader.hpp"
#include "interpreter/lint/lint_rules.hpp"

namespace sla {

namespace {

bool is_lint_code(std::string_view id) {
  return id.size() == 6 && id.starts_with("SLA1");
}

// A comment "# sla: allow SLA105, SLA103 (why)" or "# sla: allow-file SLA110".
struct Suppression {
  std::uint32_t file = 0;
  std::uint32_t line = 0;  // the line it silences; 0 for the whole file
  std::vector<std::string> codes;
};

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (char ch : s) {
    if (std::isspace(static_cast<unsigned char>(ch)) || ch == ',') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(ch);
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

void collect_starts(const ast::Node& node, std::vector<std::uint32_t>& starts) {
  for (const auto& child : node.children) {
    starts.push_back(child.span.begin);
    collect_starts(child, starts);
  }
}

class Suppressions {
 public:
  Suppressions(const SourceMap& sources, const std::vector<ast::File>& files,
               std::vector<Diagnostic>& findings) {
    for (std::uint32_t id = 0; id < files.size(); ++id) {
      std::vector<std::uint32_t> starts;
      collect_starts(files[id].root, starts);
      std::sort(starts.begin(), starts.end());
      const SourceFile& source = sources.file(id);
      for (const auto& comment : files[id].comments) read(source, id, starts, comment, findings);
    }
  }

  bool silences(const Diagnostic& d, const SourceMap& sources) const {
    for (const auto& s : list_) {
      if (sources.file(s.file).name() != d.location.file) continue;
      if (s.line != 0 && s.line != d.location.line) continue;
      if (std::find(s.codes.begin(), s.codes.end(), d.code) != s.codes.end()) return true;
    }
    return false;
  }

 private:
  static void warn(std::vector<Diagnostic>& findings, const Location& at, std::string message) {
    const auto& rules = lint_rules();
    Diagnostic d = make_diagnostic(
        Code::lint_unknown_code, at, std::move(message),
        fmt::format("write: # sla: allow CODE (reason), or # sla: allow-file CODE; the lint "
                    "codes are {}-{} (docs/lint.md)",
                    rules.front().code, rules.back().code));
    d.severity = Severity::warning;
    findings.push_back(std::move(d));
  }

  void read(const SourceFile& source, std::uint32_t id, const std::vector<std::uint32_t>& starts,
            const ast::Comment& comment, std::vector<Diagnostic>& findings) {
    // "sla:" may be glued to the verb: "#sla:allow SLA105" reads the same.
    std::string_view text = comment.text;
    text.remove_prefix(std::min(text.size(), text.find_first_not_of(" \t")));
    if (!text.starts_with("sla:")) return;
    text.remove_prefix(4);
    const auto words = words_of(text);
    const Location at = source.locate(comment.span.begin, comment.span.end);
    if (words.empty() || (words[0] != "allow" && words[0] != "allow-file")) {
      // A comment addressed to the lint that it cannot read would silently do nothing.
      warn(findings, at,
           fmt::format("'sla: {}' is not a lint comment, so it silences nothing",
                       words.empty() ? "" : words[0]));
      return;
    }
    Suppression s;
    s.file = id;
    if (words[0] == "allow") s.line = line_silenced(source, starts, at.line, comment.span.begin);
    std::size_t named = 0;
    for (std::size_t i = 1; i < words.size(); ++i) {
      std::string code = words[i];
      for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (!code.starts_with("SLA")) break;  // the reason follows the codes
      ++named;
      const bool known = std::any_of(lint_rules().begin(), lint_rules().end(),
                                     [&](const LintRule& r) { return r.code == code; });
      if (!known) {
        warn(findings, at,
             fmt::format("'{}' in this comment is not a lint code, so it silences nothing",
                         words[i]));
        continue;
      }
      s.codes.push_back(code);
    }
    if (named == 0) {
      warn(findings, at, fmt::format("'sla: {}' names no code, so it silences nothing", words[0]));
      return;
    }
    list_.push_back(std::move(s));
  }

  // A trailing comment silences the statement it ends (from the statement's first
  // line, where findings point, however many lines it takes); a comment alone on
  // its line, the next line that holds a statement.
  static std::uint32_t line_silenced(const SourceFile& source,
                                     const std::vector<std::uint32_t>& starts, std::uint32_t line,
                                     std::uint32_t offset) {
    // Lines as the source counts them: LF, CRLF or a lone CR end one.
    const std::string& text = source.text();
    for (std::size_t i = source.line_start(line); i < offset; ++i) {
      if (std::isspace(static_cast<unsigned char>(text[i]))) continue;
      const auto it = std::lower_bound(starts.begin(), starts.end(), offset);
      if (it == starts.begin()) return line;
      return source.locate(*std::prev(it), *std::prev(it)).line;
    }
    for (std::uint32_t next = line + 1; next <= source.line_count(); ++next) {
      const std::string_view content = source.line_text(next);
      const auto first = content.find_first_not_of(" \t\v\f");
      if (first != std::string_view::npos && content[first] != '#') return next;
    }
    return line;
  }

  std::vector<Suppression> list_;
};

LintResult lint_loaded(Loaded loaded, const LintOptions& options) {
  LintResult result;
  result.model = loaded.result.model;
  if (!result.model) {
    result.diagnostics = std::move(loaded.result.diagnostics);
    return result;
  }
  lint::Context context(*result.model, loaded.sources, loaded.files);
  lint::targets_not_monotonic(context);
  lint::resolution_before_response(context);
  lint::labels_disagree(context);
  lint::business_days_always_open(context);
  lint::calendar_time_office_hours(context);
  lint::reversed_zones(context);
  lint::escalation_ladders(context);
  lint::uptime_terms(context);
  lint::holiday_coverage(context);
  lint::unused_definitions(context);
  lint::unselectable_addons(context);
  lint::translations(context, options.languages);
  std::vector<Diagnostic> findings = context.take();

  const Suppressions suppressions(loaded.sources, loaded.files, findings);
  auto listed = [](const std::vector<std::string>& codes, const std::string& code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  // Warnings from the loader (none yet) come first, in their own order.
  result.diagnostics = std::move(loaded.result.diagnostics);
  for (auto& d : findings) {
    if (listed(options.allow, d.code) || suppressions.silences(d, loaded.sources)) {
      ++result.suppressed;
      continue;
    }
    if (listed(options.deny, d.code)) d.severity = Severity::error;
    result.diagnostics.push_back(std::move(d));
  }
  sort_diagnostics(result.diagnostics, loaded.sources);
  return result;
}

}  // namespace

const std::vector<LintRule>& lint_rules() {
  static const std::vector<LintRule> rules = [] {
    std::vector<LintRule> out;
    for (const auto& c : code_table)
      if (is_lint_code(c.id)) out.push_back({c.id, c.title, Severity::warning});
    return out;
  }();
  return rules;
}

LintResult lint_file(const std::string& path, const LintOptions& options) {
  return lint_loaded(load_file_with_sources(path, options.load), options);
}

LintResult lint_string(std::string_view name, std::string text, const LintOptions& options) {
  return lint_loaded(load_string_with_sources(name, std::move(text), options.load), options);
}

}  // namespace sla

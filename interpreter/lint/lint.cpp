// sla::lint_file / lint_string: load, run every rule, then apply what the user
// silenced (comments in the contract, --allow) or raised to errors (--deny).
#include "sla/lint.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "grammar/codes.hpp"
#include "grammar/suggest.hpp"
#include "interpreter/check/loader.hpp"
#include "interpreter/lint/lint_loaded.hpp"
#include "interpreter/lint/lint_rules.hpp"

namespace sla {

namespace {

bool is_lint_code(std::string_view id) {
  return id.size() == 6 && id.starts_with("SLA1");
}

// A comment "# sla: allow SLA105, SLA103 (why)" or "# sla: allow-file SLA110".
struct Suppression {
  std::uint32_t file = 0;
  std::uint32_t line = 0;       // the first line it silences; 0 for the whole file
  std::uint32_t last_line = 0;  // the last: a statement may take several
  std::vector<std::string> codes;
  std::string reason;  // the words after the codes, for people
  Location at;         // the comment
};

// "(calendar hours are meant)" -> "calendar hours are meant".
std::string reason_of(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  text = trim(text);
  if (text.size() >= 2 && text.front() == '(' && text.back() == ')')
    text = trim(text.substr(1, text.size() - 2));
  return std::string(text);
}

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

  // The comment that silences `d`, if any; it is marked as having silenced something.
  const Suppression* silencing(const Diagnostic& d, const SourceMap& sources) {
    for (std::size_t i = 0; i < list_.size(); ++i) {
      const Suppression& s = list_[i];
      if (sources.file(s.file).name() != d.location.file) continue;
      if (s.line != 0 && (d.location.line < s.line || d.location.line > s.last_line)) continue;
      if (std::find(s.codes.begin(), s.codes.end(), d.code) != s.codes.end()) {
        used_.emplace(i, d.code);
        return &s;
      }
    }
    return nullptr;
  }

  // A comment that silences nothing is reported: it is a stale decision, or one
  // meant for a line it is not on, and the finding it meant may be in the output
  // without the reader connecting the two. `ignored` lists codes whose findings
  // this run does not look for (SLA123 without --lang), so it cannot tell.
  std::vector<Diagnostic> unused(const std::vector<std::string>& ignored) const {
    std::vector<Diagnostic> out;
    for (std::size_t i = 0; i < list_.size(); ++i) {
      const Suppression& s = list_[i];
      for (const auto& code : s.codes) {
        if (used_.count({i, code}) ||
            std::find(ignored.begin(), ignored.end(), code) != ignored.end())
          continue;
        const std::string where = s.line == 0 ? "in this file"
                                  : s.line == s.last_line
                                      ? fmt::format("on line {}", s.line)
                                      : fmt::format("on lines {}-{}", s.line, s.last_line);
        Diagnostic d = make_diagnostic(
            Code::lint_unknown_code, s.at,
            fmt::format("'sla: {} {}' silences nothing: no {} finding {}",
                        s.line == 0 ? "allow-file" : "allow", code, code, where),
            "remove the code from the comment if the finding is gone; otherwise put the comment "
            "at the end of the statement the finding is on, or alone on the line above it");
        d.severity = Severity::warning;
        out.push_back(std::move(d));
      }
    }
    return out;
  }

 private:
  static void warn(std::vector<Diagnostic>& findings, const Location& at, std::string message,
                   std::string guess = {}, std::string hint = {}) {
    const auto& rules = lint_rules();
    if (hint.empty())
      hint = fmt::format(
          "{}write: # sla: allow CODE (reason), or # sla: allow-file CODE; the lint codes are "
          "{}-{} (docs/lint.md)",
          guess.empty() ? "" : fmt::format("did you mean '{}'? ", guess), rules.front().code,
          rules.back().code);
    Diagnostic d = make_diagnostic(Code::lint_unknown_code, at, std::move(message), hint);
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
      static constexpr std::string_view verbs[] = {"allow", "allow-file"};
      std::optional<std::string> guess;
      if (!words.empty()) guess = closest(words[0], verbs);
      warn(findings, at,
           fmt::format("'sla: {}' is not a lint comment, so it silences nothing",
                       words.empty() ? "" : words[0]),
           guess.value_or(""));
      return;
    }
    Suppression s;
    s.file = id;
    s.at = at;
    if (words[0] == "allow")
      std::tie(s.line, s.last_line) = lines_silenced(source, starts, at.line, comment.span.begin);
    std::size_t named = 0;
    for (std::size_t i = 1; i < words.size(); ++i) {
      std::string code = words[i];
      for (auto& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      if (!code.starts_with("SLA")) {
        // The reason follows the codes: the rest of the comment, as written.
        std::string_view rest = text;
        std::size_t at = 0;
        for (std::size_t k = 0; k < i; ++k) {
          at = rest.find(words[k], at);
          if (at == std::string_view::npos) break;
          at += words[k].size();
        }
        if (at != std::string_view::npos) {
          rest.remove_prefix(std::min(at, rest.size()));
          while (!rest.empty() && (rest.front() == ',' || rest.front() == ' '))
            rest.remove_prefix(1);
          s.reason = reason_of(rest);
          if (s.reason == kReasonPlaceholder)
            warn(findings, s.at,
                 "the reason in this comment is still the placeholder: say why the finding is "
                 "intended",
                 {}, "replace the placeholder between the parentheses with the reason");
        }
        break;
      }
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
  // line, where most findings point, to the comment's, where a finding on a text
  // inside it may point); a comment alone on its line, the next line that holds a
  // statement. The first and last line silenced.
  static std::pair<std::uint32_t, std::uint32_t> lines_silenced(
      const SourceFile& source, const std::vector<std::uint32_t>& starts, std::uint32_t line,
      std::uint32_t offset) {
    // Lines as the source counts them: LF, CRLF or a lone CR end one.
    const std::string& text = source.text();
    for (std::size_t i = source.line_start(line); i < offset; ++i) {
      if (std::isspace(static_cast<unsigned char>(text[i]))) continue;
      const auto it = std::lower_bound(starts.begin(), starts.end(), offset);
      if (it == starts.begin()) return {line, line};
      return {source.locate(*std::prev(it), *std::prev(it)).line, line};
    }
    for (std::uint32_t next = line + 1; next <= source.line_count(); ++next) {
      const std::string_view content = source.line_text(next);
      const auto first = content.find_first_not_of(" \t\v\f");
      if (first != std::string_view::npos && content[first] != '#') return {next, next};
    }
    return {line, line};
  }

  std::vector<Suppression> list_;
  std::set<std::pair<std::size_t, std::string>> used_;  // (comment, code) that silenced
};

// Findings of one code on one line say one thing (a target seen in several
// combinations, one label read twice): the first keeps its words, and each repeat
// that words it differently becomes a note, with the repeats' own notes.
std::vector<Diagnostic> merge_repeats(std::vector<Diagnostic> findings) {
  std::vector<Diagnostic> out;
  std::map<std::tuple<std::string, std::string, std::uint32_t>, std::size_t> first;
  for (auto& d : findings) {
    const auto [it, fresh] =
        first.try_emplace({d.code, d.location.file, d.location.line}, out.size());
    if (fresh) {
      out.push_back(std::move(d));
      continue;
    }
    Diagnostic& kept = out[it->second];
    const bool said = d.message == kept.message ||
                      std::any_of(kept.notes.begin(), kept.notes.end(),
                                  [&](const Note& n) { return n.message == d.message; });
    if (!said) kept.notes.push_back({d.location, "also: " + d.message});
    for (auto& n : d.notes) {
      const bool known = std::any_of(kept.notes.begin(), kept.notes.end(), [&](const Note& k) {
        return k.message == n.message && k.location.line == n.location.line;
      });
      if (!known) kept.notes.push_back(std::move(n));
    }
  }
  return out;
}

}  // namespace

LintResult lint_loaded(const Loaded& loaded, const LintOptions& options) {
  LintResult result;
  result.model = loaded.result.model;
  if (!result.model) {
    result.diagnostics = loaded.result.diagnostics;
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
  lint::prices_without_period(context);
  lint::notice_periods(context);
  lint::unresolved_references(context);
  lint::uptime_measurement(context);
  lint::escalation_complements(context);
  lint::addons_restating_the_base(context);
  lint::addon_relation_unsettled(context);
  lint::calendars_by_combination(context);
  lint::combinations_capped(context);
  lint::translations(context, options.languages);
  std::vector<Diagnostic> findings = merge_repeats(context.take());

  Suppressions suppressions(loaded.sources, loaded.files, findings);
  auto listed = [](const std::vector<std::string>& codes, const std::string& code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
  };
  // Warnings from the loader (none yet) come first, in their own order.
  result.diagnostics = loaded.result.diagnostics;
  auto place = [&](Diagnostic d) {
    // The comment is asked even under --allow, so that it counts as used.
    const Suppression* comment = suppressions.silencing(d, loaded.sources);
    if (listed(options.allow, d.code) || comment) {
      result.silenced.push_back(
          {std::move(d), comment ? comment->reason : std::string(), comment != nullptr});
      return;
    }
    if (listed(options.deny, d.code)) d.severity = Severity::error;
    result.diagnostics.push_back(std::move(d));
  };
  for (auto& d : findings) place(std::move(d));
  // Translations are reviewed only for the languages the contract has or the run
  // asks for: without them, a comment silencing SLA123 may have nothing to silence.
  std::vector<std::string> ignored;
  if (options.languages.empty() && result.model->translations.empty()) ignored.push_back("SLA123");
  for (auto& d : suppressions.unused(ignored)) place(std::move(d));
  sort_diagnostics(result.diagnostics, loaded.sources);
  std::stable_sort(result.silenced.begin(), result.silenced.end(),
                   [](const SilencedFinding& a, const SilencedFinding& b) {
                     const Location &x = a.diagnostic.location, &y = b.diagnostic.location;
                     return std::tie(x.file, x.line, x.column, a.diagnostic.code) <
                            std::tie(y.file, y.line, y.column, b.diagnostic.code);
                   });
  result.suppressed = result.silenced.size();
  return result;
}

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

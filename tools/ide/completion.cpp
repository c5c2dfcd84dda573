#include "tools/ide/completion.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>
#include <set>
#include <string_view>
#include <system_error>

#include "grammar/keywords.hpp"
#include "stdlib/stdlib.hpp"
#include "tools/ide/syntax.hpp"

namespace sla::ide {

namespace {

// What the statement before the cursor says, in tokens: words (anything between
// blanks and punctuation), commas, strings. A '{', '}' or ';' starts a new statement.
struct Prefix {
  std::vector<std::string> words;  // "," stands for a comma; a closed string is "\"\""
  std::string partial;             // the word being typed, when the cursor ends one
  bool in_comment = false;
  bool in_string = false;  // an unterminated string runs to the cursor
};

Prefix read_prefix(std::string_view line) {
  Prefix p;
  std::size_t i = 0;
  const auto special = [](char c) {
    return c == ' ' || c == '\t' || c == '"' || c == '#' || c == '{' || c == '}' || c == ';' ||
           c == ',' || c == '(' || c == ')' || c == '=' || c == '%';
  };
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '#') {
      p.in_comment = true;
      return p;
    } else if (c == '"') {
      ++i;
      while (i < line.size() && line[i] != '"') i += line[i] == '\\' ? 2 : 1;
      if (i >= line.size()) {
        p.in_string = true;
        return p;
      }
      ++i;
      p.words.emplace_back("\"\"");
    } else if (c == '{' || c == '}' || c == ';') {
      p.words.clear();
      ++i;
    } else if (c == ',' || c == '(' || c == ')' || c == '=' || c == '%') {
      p.words.emplace_back(1, c);
      ++i;
    } else {
      const std::size_t begin = i;
      while (i < line.size() && !special(line[i])) ++i;
      p.words.emplace_back(line.substr(begin, i - begin));
    }
  }
  if (!line.empty() && is_name_char(line.back()) && !p.words.empty()) {
    p.partial = std::move(p.words.back());
    p.words.pop_back();
  }
  return p;
}

bool starts(const std::vector<std::string>& words, std::initializer_list<std::string_view> lead) {
  if (words.size() < lead.size()) return false;
  return std::equal(lead.begin(), lead.end(), words.begin());
}

bool is_number(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
}

// The words a duration follows: "within 4 hours", "every", "from", "until",
// "least" (changes notified at least), "is" (business day is), "announced at least".
bool is_duration_word(std::string_view word) {
  return word == "within" || word == "every" || word == "from" || word == "until" ||
         word == "least" || word == "is";
}

bool is(const std::vector<std::string>& words, std::initializer_list<std::string_view> all) {
  return words.size() == all.size() && starts(words, all);
}

// After the lead of a list of names: right after it, or after a comma in it.
bool list_after(const std::vector<std::string>& words,
                std::initializer_list<std::string_view> lead) {
  return starts(words, lead) && (words.size() == lead.size() || words.back() == ",");
}

bool ends(const std::vector<std::string>& words, std::initializer_list<std::string_view> tail) {
  if (words.size() < tail.size()) return false;
  return std::equal(tail.begin(), tail.end(),
                    words.end() - static_cast<std::ptrdiff_t>(tail.size()));
}

class Completer {
 public:
  explicit Completer(const Analysis& a) : a_(a) {}

  void names(SymbolKind kind, CompletionKind as, std::string_view except = {}) {
    for (const Symbol* s : a_.symbols.definitions(kind)) {
      if (s->name == except || !seen_.insert(s->name).second) continue;
      const CompletionKind k = s->kind == SymbolKind::addon     ? CompletionKind::addon
                               : s->kind == SymbolKind::package ? CompletionKind::package
                                                                : as;
      out_.push_back({s->name, k, detail(*s), {}, {}});
    }
  }

  void priorities(bool with_all) {
    names(SymbolKind::priority, CompletionKind::priority);
    if (with_all) out_.push_back({"all", CompletionKind::keyword, "every priority", {}, {}});
  }

  void keywords(ast::Kind block) {
    for (const std::string_view word : grammar::statement_words(block)) {
      Completion c{std::string(word), CompletionKind::keyword, {}, {}, {}};
      if (const Snippet* s = snippet(block, word)) {
        c.kind = CompletionKind::snippet;
        c.detail = std::string(s->shown);
        c.insert_text = std::string(s->body);
      }
      out_.push_back(std::move(c));
    }
  }

  void import_paths() {
    for (const std::string_view name : stdlib_module_names()) {
      std::string title;
      if (const auto text = stdlib_module(name))
        if (const auto set = stdlib_holiday_set(*text)) title = std::string(set->title);
      out_.push_back({std::string(name), CompletionKind::file, title, {}, {}});
    }
    sibling_files();
  }

  // A duration's units; business time only where a calendar gives it meaning.
  void units(bool business) {
    static constexpr std::string_view plain[] = {"minutes", "hours",         "days",
                                                 "weeks",   "calendar days", "calendar hours"};
    static constexpr std::string_view of_business[] = {"business hours", "business days",
                                                       "business minutes", "business weeks"};
    if (business)
      for (auto u : of_business)
        out_.push_back({std::string(u), CompletionKind::keyword, "operating time", {}, {}});
    for (auto u : plain)
      out_.push_back({std::string(u), CompletionKind::keyword, "calendar time", {}, {}});
  }

  void zones() {
    try {
      for (const auto& zone : date::get_tzdb().zones)
        out_.push_back({std::string(zone.name()), CompletionKind::zone, {}, {}, {}});
    } catch (const std::exception&) {
      // No time zone database: nothing to offer, and nothing broken.
    }
  }

  std::vector<Completion> take() { return std::move(out_); }

 private:
  struct Snippet {
    ast::Kind block;
    std::string_view word, shown, body;
  };

  static const Snippet* snippet(ast::Kind block, std::string_view word) {
    using K = ast::Kind;
    // The statements whose shape is worth a template; `addon` shares the package's.
    static const Snippet snippets[] = {
        {K::file, "import", "import \"MODULE\"", "import \"${1:std/holidays/id}\""},
        {K::file, "contract", "contract \"TITLE\" { ... }",
         "contract \"${1:title}\" {\n  provider \"${2:provider}\"\n  effective "
         "${3:2026-01-01}\n}"},
        {K::file, "definitions", "definitions { \"TERM\" means \"...\" }",
         "definitions {\n  \"${1:term}\" means \"${2:meaning}\"\n}"},
        {K::file, "holidays", "holidays NAME \"TITLE\" { ... }",
         "holidays ${1:name} \"${2:title}\" {\n  covers ${3:2026} to ${4:2027}\n  $0\n}"},
        {K::file, "calendar", "calendar NAME \"TITLE\" { zone, open, holidays }",
         "calendar ${1:name} \"${2:title}\" {\n  zone \"${3:Asia/Jakarta}\"\n  open "
         "${4:Mon-Fri 09:00-17:00}\n  ${5:open on holidays}\n}"},
        {K::file, "priorities", "priorities { NAME \"DESCRIPTION\" }",
         "priorities {\n  ${1:Low} \"${2:description}\"\n}"},
        {K::file, "attribute", "attribute NAME \"VALUE\", ...",
         "attribute ${1:channel} \"${2:phone}\", \"${3:e-mail}\""},
        {K::file, "package", "package NAME \"TITLE\" { ... }",
         "package ${1:name} \"${2:title}\" {\n  calendar ${3:calendar}\n  respond to ${4:all} "
         "within ${5:4 business hours}\n}"},
        {K::file, "addon", "addon NAME \"TITLE\" { ... }",
         "addon ${1:name} \"${2:title}\" {\n  requires ${3:package}\n  $0\n}"},
        {K::file, "example", "example \"WHAT IT SHOWS\" { under, ticket, expect }",
         "example \"${1:what it shows}\" {\n  under ${2:package}\n  ticket ${3:priority} raised "
         "${4:2026-01-09 16:30}\n  expect response due ${5:2026-01-12 12:30}\n}"},
        {K::file, "translation", "translation LANG \"NAME\" { ... }",
         "translation ${1:id} \"${2:Bahasa Indonesia}\" {\n  $0\n}"},
        {K::contract, "effective", "effective DATE", "effective ${1:2026-01-01}"},
        {K::contract, "reviewed", "reviewed annually", "reviewed ${1|annually,quarterly,monthly|}"},
        {K::contract, "changes", "changes notified at least DURATION in advance",
         "changes notified at least ${1:30 calendar days} in advance"},
        {K::holiday_set, "covers", "covers YEAR to YEAR", "covers ${1:2026} to ${2:2027}"},
        {K::holiday_set, "source", "source \"...\"", "source \"${1:where the dates come from}\""},
        {K::calendar, "zone", "zone \"IANA NAME\"", "zone \"${1:Asia/Jakarta}\""},
        {K::calendar, "open", "open DAYS HOURS", "open ${1:Mon-Fri 09:00-17:00}"},
        {K::calendar, "closed", "closed on holidays SET", "closed on holidays ${1:set}"},
        {K::calendar, "on", "on DATE open HOURS \"WHY\"",
         "on ${1:2026-12-24} open ${2:09:00-12:00} \"${3:why}\""},
        {K::calendar, "business", "business day is DURATION", "business day is ${1:8 hours}"},
        {K::calendar, "union", "union of CALENDAR, CALENDAR",
         "union of ${1:calendar}, ${2:calendar}"},
        {K::package, "respond", "respond to PRIORITY within DURATION",
         "respond to ${1:priority} within ${2:4 business hours}"},
        {K::package, "resolve", "resolve PRIORITY within DURATION",
         "resolve ${1:priority} within ${2:2 business days}"},
        {K::package, "update", "update PRIORITY every DURATION",
         "update ${1:priority} every ${2:4 business hours}"},
        {K::package, "restore", "restore PRIORITY within DURATION",
         "restore ${1:priority} within ${2:4 hours}"},
        {K::package, "price", "price CURRENCY AMOUNT per year",
         "price ${1:EUR} ${2:1000} per ${3|year,month|}"},
        {K::package, "credit", "credit PERCENT per breached PRIORITY response",
         "credit ${1:5} % per breached ${2:priority} ${3|response,resolution,update,restoration|}"},
        {K::package, "credits", "credits at most PERCENT per month",
         "credits at most ${1:20} % per month"},
        {K::package, "clock", "clock starts at next opening",
         "clock ${1|starts at next opening,starts at creation,pauses on status \"waiting\"|}"},
        {K::package, "warn", "warn at PERCENT, PERCENT", "warn at ${1:50} %, ${2:75} %"},
        {K::package, "escalation", "escalation { from ... escalate to \"ROLE\" }",
         "escalation {\n  from ${1:0 business hours} until ${2:4 business hours} escalate to "
         "\"${3:role}\"\n  from ${2:4 business hours} escalate to \"${4:role}\"\n}"},
        {K::package, "uptime", "uptime \"SERVICE\" { target, measured }",
         "uptime \"${1:service}\" {\n  target ${2:99.5} %\n  measured "
         "${3|monthly,quarterly,yearly|}\n}"},
        {K::escalation, "from", "from DURATION until DURATION escalate to \"ROLE\"",
         "from ${1:0 business hours} until ${2:4 business hours} escalate to \"${3:role}\""},
        {K::uptime, "target", "target PERCENT", "target ${1:99.5} %"},
        {K::uptime, "measured", "measured monthly", "measured ${1|monthly,quarterly,yearly|}"},
        {K::uptime, "exclude", "exclude CAUSE \"WHAT\"",
         "exclude ${1|scheduled maintenance,third party,force majeure,other|} \"${2:what}\""},
        {K::example, "ticket", "ticket PRIORITY raised DATE TIME",
         "ticket ${1:priority} raised ${2:2026-01-09 16:30}"},
        {K::example, "expect", "expect response due DATE TIME",
         "expect ${1|response,resolution,update,restoration|} due ${2:2026-01-12 12:30}"},
    };
    if (block == K::addon) block = K::package;
    for (const auto& s : snippets)
      if (s.block == block && s.word == word) return &s;
    return nullptr;
  }

  std::string detail(const Symbol& s) const {
    if (const Model* m = a_.model.get()) {
      switch (s.kind) {
        case SymbolKind::calendar:
          if (const auto* c = m->calendar(s.name)) return c->title;
          break;
        case SymbolKind::priority:
          if (const auto* p = m->priority(s.name)) return p->description;
          break;
        case SymbolKind::package:
          if (const auto* p = m->package(s.name)) return p->title;
          break;
        case SymbolKind::addon:
          if (const auto* p = m->addon(s.name)) return p->title;
          break;
        case SymbolKind::attribute:
          if (const auto* at = m->attribute(s.name))
            return fmt::format("\"{}\"", fmt::join(at->values, "\", \""));
          break;
        case SymbolKind::holiday_set:
          for (const auto& h : m->holiday_sets)
            if (h.id == s.name) return h.title;
          break;
        default:
          break;
      }
    }
    // Without a Model (or a name it does not have yet): the title as written.
    if (const ast::Node* n = node_with_span(a_.loaded.files, s.item)) {
      if (s.kind == SymbolKind::attribute) {
        std::vector<std::string> values;
        for (const auto* v : ast::args<ast::Text>(*n)) values.push_back(v->value);
        return fmt::format("\"{}\"", fmt::join(values, "\", \""));
      }
      if (const auto* text = ast::arg<ast::Text>(*n)) return text->value;
    }
    return {};
  }

  // The .sla files beside the document and below it, which it may import.
  void sibling_files() {
    namespace fs = std::filesystem;
    const fs::path document(a_.root().name());
    if (!document.is_absolute()) return;
    std::error_code ec;
    const fs::path folder = document.parent_path();
    if (!fs::is_directory(folder, ec)) return;
    // A folder of thousands of files (a home directory) is cut short.
    constexpr std::size_t kMaxFiles = 200, kMaxEntries = 5000;
    constexpr int kMaxDepth = 3;
    std::vector<std::string> found;
    std::size_t entries = 0;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (++entries > kMaxEntries || found.size() >= kMaxFiles) break;
      const fs::path& path = it->path();
      const std::string leaf = path.filename().string();
      if (it->is_directory(ec)) {
        if (leaf.starts_with(".") || it.depth() >= kMaxDepth) it.disable_recursion_pending();
        continue;
      }
      if (path.extension() != ".sla" || path == document) continue;
      found.push_back(path.lexically_relative(folder).generic_string());
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) out_.push_back({std::move(f), CompletionKind::file, "file", {}, {}});
  }

  const Analysis& a_;
  std::vector<Completion> out_;
  std::set<std::string> seen_;
};

std::vector<Completion> complete_at(const Analysis& a, std::uint32_t offset) {
  const std::string& text = a.text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const std::uint32_t begin = line_start(text, offset);
  const Prefix p = read_prefix(std::string_view(text).substr(begin, offset - begin));
  if (p.in_comment) return {};
  const auto blocks = enclosing_blocks(a, offset);
  const ast::Kind block = blocks.empty() ? ast::Kind::file : blocks.back().kind;
  const std::string own = blocks.empty() ? std::string() : blocks.back().name;
  const bool in_package = block == ast::Kind::package || block == ast::Kind::addon;
  const auto& w = p.words;
  Completer c(a);

  if (p.in_string) {
    if (is(w, {"import"})) c.import_paths();
    if (is(w, {"zone"}) && block == ast::Kind::calendar) c.zones();
    auto items = c.take();
    const std::size_t quote = std::string_view(text).substr(begin, offset - begin).rfind('"');
    if (quote != std::string_view::npos)
      for (auto& item : items) item.replace_from = static_cast<std::uint32_t>(begin + quote + 1);
    return items;
  }
  if (w.empty()) {
    // A block known only as a '{' after something that is no statement: nothing to offer.
    if (blocks.empty() || block != ast::Kind::file) c.keywords(block);
    return c.take();
  }
  // A number where a duration goes: its units ("within 4 ", "until 6 ", "is 8 ").
  if (is_number(w.back()) && w.size() >= 2 && is_duration_word(w[w.size() - 2])) {
    c.units(block != ast::Kind::calendar);
    return c.take();
  }
  // The heads of blocks: "calendar late extends ", "package premium \"P\" extends ".
  if (blocks.empty() && w.size() >= 3 && w.back() == "extends") {
    if (w[0] == "calendar") c.names(SymbolKind::calendar, CompletionKind::calendar, w[1]);
    if (w[0] == "package") c.names(SymbolKind::package, CompletionKind::package, w[1]);
    return c.take();
  }
  if ((in_package && is(w, {"calendar"})) || ends(w, {"on", "calendar"}) ||
      (block == ast::Kind::calendar && list_after(w, {"union", "of"})))
    c.names(SymbolKind::calendar, CompletionKind::calendar,
            block == ast::Kind::calendar ? own : "");
  else if (block == ast::Kind::calendar && list_after(w, {"closed", "on", "holidays"}))
    c.names(SymbolKind::holiday_set, CompletionKind::holiday_set);
  else if (in_package && (is(w, {"respond", "to"}) || is(w, {"resolve"}) || is(w, {"update"}) ||
                          is(w, {"restore"})))
    c.priorities(true);
  else if ((in_package && is(w, {"describe"})) || (in_package && ends(w, {"per", "breached"})) ||
           (block == ast::Kind::example && is(w, {"ticket"})) ||
           (in_package && list_after(w, {"escalation", "for"})))
    c.priorities(false);
  else if (w.back() == "where")
    c.names(SymbolKind::attribute, CompletionKind::attribute);
  else if (in_package && (list_after(w, {"requires"}) || list_after(w, {"excludes"})))
    c.names(SymbolKind::package_or_addon, CompletionKind::package, own);
  else if (block == ast::Kind::example && is(w, {"under"}))
    c.names(SymbolKind::package, CompletionKind::package);
  else if (block == ast::Kind::example && w.size() >= 3 && w[0] == "under" &&
           (w.back() == "with" ||
            (w.back() == "," && std::find(w.begin(), w.end(), "with") != w.end())))
    c.names(SymbolKind::addon, CompletionKind::addon);
  return c.take();
}

}  // namespace

std::vector<Completion> complete(const Analysis& analysis, std::uint32_t offset) {
  try {
    return complete_at(analysis, offset);
  } catch (const std::exception&) {
    // A request that cannot be answered is answered with nothing, never a crash.
    return {};
  }
}

}  // namespace sla::ide

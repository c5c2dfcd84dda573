// The rules for what a contract leaves unsaid: a number without its unit or period,
// a reference to something the contract does not contain, a measurement whose
// terms are not defined, a condition that says what happens in one case and not in
// the other. Each message says what is unclear and why it matters to the parties;
// each hint, the statement that settles it.
#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "interpreter/lint/lint_rules.hpp"
#include "interpreter/lint/lint_util.hpp"

namespace sla::lint {

namespace {

std::string amount_text(std::int64_t milli) {
  return milli % 1000 == 0 ? fmt::format("{}", milli / 1000)
                           : fmt::format("{:.2f}", static_cast<double>(milli) / 1000.0);
}

// The id of the package or add-on a statement belongs to.
std::string owner_of(const ast::Node* parent) {
  if (!parent) return {};
  const auto* id = ast::arg<ast::Ident>(*parent);
  return id ? id->name : std::string();
}

std::string_view owner_kind(const ast::Node* parent) {
  return parent && parent->kind == ast::Kind::addon ? "add-on" : "package";
}

bool plain_days(const DurationValue& d) {
  return !d.business && !d.calendar && (d.unit == TimeUnit::day || d.unit == TimeUnit::week);
}

std::string with_word(const DurationValue& d, std::string_view word) {
  const auto space = d.text.find(' ');
  if (space == std::string::npos) return d.text;
  return fmt::format("{} {}{}", d.text.substr(0, space), word, d.text.substr(space));
}

// The hint for a notice in plain days or weeks: the two readings, each in words the
// language accepts. A business week is not defined (SLA030), so weeks are offered
// as calendar weeks or as five business days each.
std::string which_days_hint(const DurationValue& d) {
  if (d.unit != TimeUnit::week)
    return fmt::format("write '{}' or '{}'", with_word(d, "calendar"), with_word(d, "business"));
  const std::int64_t days = d.milli * 5;
  return fmt::format("write '{}' or, counting business days, '{} business day{}'",
                     with_word(d, "calendar"), amount_text(days), days == 1000 ? "" : "s");
}

}  // namespace

// ------------------------------------------------------------------ SLA115

void prices_without_period(Context& c) {
  walk_own(c, [&](const ast::Node& n, const ast::Node* parent) {
    if (n.kind != ast::Kind::price) return;
    if (ast::has_word(n, "per year") || ast::has_word(n, "per month") ||
        ast::has_word(n, "one-off"))
      return;
    const auto* money = ast::arg<ast::Money>(n);
    if (!money) return;
    // As written ("IDR 216 million"), when the source holds it on one line.
    const std::string& text = c.sources().file(money->span.file).text();
    std::string price = text.substr(money->span.begin, money->span.end - money->span.begin);
    if (price.find_first_of("\r\n#") != std::string::npos)
      price = fmt::format("{} {}", money->currency, amount_text(money->milli));
    c.report(Code::lint_price_period, Severity::warning, c.at(n.span),
             fmt::format("the price of {} '{}' ({}) says no period: per year, per month, or "
                         "once? The parties can read the same line as one payment or as twelve",
                         owner_kind(parent), owner_of(parent), price),
             fmt::format("add the period after the amount: price {} per year (or per month, or "
                         "one-off)",
                         price));
  });
}

// ------------------------------------------------------------ SLA116, SLA117

void notice_periods(Context& c) {
  const Header& h = c.model().contract;
  walk_own(c, [&](const ast::Node& n, const ast::Node* parent) {
    if (n.kind == ast::Kind::change_notice && h.change_notice) {
      const DurationValue& d = *h.change_notice;
      if (plain_days(d))
        c.report(Code::lint_notice_days, Severity::warning, c.at(n.span),
                 fmt::format("the change notice of {} does not say which days count: calendar "
                             "days (weekends and holidays included) or business days? Counted "
                             "the other way, a notice sent on time arrives late",
                             d.text),
                 which_days_hint(d));
      std::vector<std::string> missing, add;
      if (h.change_notice_via.empty()) {
        missing.push_back("how (e-mail? the portal? a letter?)");
        add.push_back("via \"e-mail\"");
      }
      if (h.change_notice_to.empty()) {
        missing.push_back("to whom");
        add.push_back("to \"the Client's named contact\"");
      }
      if (!missing.empty())
        c.report(
            Code::lint_notice_channel, Severity::warning, c.at(n.span),
            fmt::format("changes are notified {} in advance, but the contract does not say "
                        "{}: a notice posted where nobody looks still counts as given",
                        d.text, fmt::join(missing, " or ")),
            // In days that SLA116 accepts, so that the two hints agree.
            fmt::format("add {}: changes notified at least {} in advance {}",
                        missing.size() == 2 ? "both" : "it",
                        plain_days(d) ? with_word(d, "calendar") : d.text, fmt::join(add, " ")));
    }
    if (n.kind == ast::Kind::exclude && parent) {
      const auto* notice = ast::arg<ast::Duration>(n);
      if (!notice || notice->business || notice->calendar ||
          (notice->unit != ast::TimeUnit::day && notice->unit != ast::TimeUnit::week))
        return;
      const std::string text = std::string(c.sources().file(n.span.file).text(), notice->span.begin,
                                           notice->span.end - notice->span.begin);
      DurationValue d;
      d.text = text;
      d.milli = notice->milli;
      d.unit = notice->unit == ast::TimeUnit::week ? TimeUnit::week : TimeUnit::day;
      c.report(Code::lint_notice_days, Severity::warning, c.at(n.span),
               fmt::format("the maintenance notice of {} does not say which days count: calendar "
                           "days or business days? Announced on a Friday, the same maintenance "
                           "is on time for one reading and late for the other",
                           text),
               which_days_hint(d));
    }
  });
}

// ------------------------------------------------------------------ SLA118

namespace {

bool word_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_';
}

// A reference in a text: "Annex A", and where the text says it.
struct Reference {
  std::string name;        // "Annex B", also when the text says "Annexes A and B"
  std::size_t offset = 0;  // of what names it in the text
  std::size_t length = 0;
};

// The end of a reference's id starting at `j` ("4.2", "1a", "A", "II"), or npos.
std::size_t id_end(std::string_view text, std::size_t j) {
  const std::size_t id = j;
  if (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) {
    while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) ||
                               (text[j] == '.' && j + 1 < text.size() &&
                                std::isdigit(static_cast<unsigned char>(text[j + 1])))))
      ++j;
    // One letter after the number: "Lampiran 1a", "Section 4.2b".
    if (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j])) &&
        (j + 1 == text.size() || !word_char(text[j + 1])))
      ++j;
  } else {
    // One capital (Annex A) or a roman numeral (Lampiran II), standing alone.
    while (j < text.size() && std::isupper(static_cast<unsigned char>(text[j])) &&
           (j == id || std::string_view("IVX").find(text[j]) != std::string_view::npos))
      ++j;
    if (j > id + 1 && std::string_view("IVX").find(text[id]) == std::string_view::npos) j = id;
  }
  if (j == id || (j < text.size() && word_char(text[j]))) return std::string_view::npos;
  return j;
}

// "Annex A", "Schedule 3", "Section 4.2", "Lampiran II" in a text, as written; a
// list names each ("Annexes A and B", "Sections 4, 5 and 7", "Lampiran 1 dan 2").
std::vector<Reference> references_in(std::string_view text) {
  struct Kind {
    std::string_view word, singular;  // as matched; the name of one ("annexes": "annex")
    bool lists;                       // followed by a list of ids
  };
  // Plurals before their singular, so the longer word is matched first.
  static constexpr Kind kinds[] = {
      {"annexes", "annex", true},
      {"annex", "annex", false},
      {"appendices", "appendix", true},
      {"appendixes", "appendix", true},
      {"appendix", "appendix", false},
      {"schedules", "schedule", true},
      {"schedule", "schedule", false},
      {"exhibits", "exhibit", true},
      {"exhibit", "exhibit", false},
      {"attachments", "attachment", true},
      {"attachment", "attachment", false},
      {"sections", "section", true},
      {"section", "section", false},
      {"clauses", "clause", true},
      {"clause", "clause", false},
      {"lampiran", "lampiran", true},
      {"pasal", "pasal", true}};  // Indonesian has no plural: "Lampiran 1 dan 2"
  static constexpr std::string_view joins[] = {",", "&", "and", "or", "dan", "atau"};
  std::vector<Reference> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && word_char(text[i - 1])) continue;
    for (const Kind& kind : kinds) {
      if (text.size() - i < kind.word.size() + 2) continue;
      if (lower(text.substr(i, kind.word.size())) != kind.word) continue;
      std::size_t j = i + kind.word.size();
      if (j < text.size() && word_char(text[j])) continue;
      while (j < text.size() && text[j] == ' ') ++j;
      const std::size_t id = j;
      j = id_end(text, id);
      if (j == std::string_view::npos) continue;
      // The name of one, in the text's case: "Annexes" names "Annex A".
      std::string singular(kind.singular);
      if (std::isupper(static_cast<unsigned char>(text[i])))
        singular[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(singular[0])));
      const std::string written =
          kind.word == kind.singular ? std::string(text.substr(i, id - i)) : singular + " ";
      out.push_back({written + std::string(text.substr(id, j - id)), i, j - i});
      // The rest of a list: ", 5", " and B", " & 7".
      while (kind.lists) {
        std::size_t k = j;
        bool joined = false;
        for (bool more = true; more;) {
          more = false;
          while (k < text.size() && text[k] == ' ') ++k;
          for (std::string_view join : joins)
            if (text.size() - k > join.size() && lower(text.substr(k, join.size())) == join &&
                (!word_char(join[0]) || !word_char(text[k + join.size()]))) {
              k += join.size();
              joined = more = true;
              break;
            }
        }
        if (!joined) break;
        const std::size_t next = id_end(text, k);
        if (next == std::string_view::npos) break;
        out.push_back({fmt::format("{} {}", singular, text.substr(k, next - k)), k, next - k});
        j = next;
      }
      i = j;
      break;
    }
  }
  return out;
}

// A web address in a text, as written ("https://acme.com/legal/terms-v7.pdf",
// "support.qiscus.com"), with what identifies it: its host, and the host with its
// path, so the same address written with or without the scheme, "www." or a
// trailing slash is one address.
struct Address {
  std::string written;     // as the text gives it, sentence punctuation aside
  std::size_t offset = 0;  // of `written` in the text
  std::string host;        // lower case, without "www."
  std::string key;         // host + path, without the trailing slash
  bool path = false;       // names a document on the host, not the host
};

// File names ("terms.pdf") look like bare hosts: their last label is an extension.
bool file_extension(std::string_view label) {
  static constexpr std::string_view extensions[] = {
      "pdf",  "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "md",   "csv", "json", "xml",
      "html", "htm", "js",   "ts",  "py",   "zip", "png",  "jpg", "jpeg", "gif", "svg",  "sla"};
  return std::find(std::begin(extensions), std::end(extensions), label) != std::end(extensions);
}

// Web addresses in a text: any dotted host after a scheme; without one, a dotted
// host whose last label is 2-24 letters (every top-level domain is: ".example",
// ".company") and not a file extension.
std::vector<Address> addresses_in(std::string_view text) {
  static constexpr std::string_view delimiters = "()[]<>,;\"'";
  std::vector<Address> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) ||
                               delimiters.find(text[i]) != std::string_view::npos))
      ++i;
    std::size_t j = i;
    while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j])) &&
           delimiters.find(text[j]) == std::string_view::npos)
      ++j;
    // Sentence punctuation after an address is not part of it.
    std::size_t end = j;
    while (end > i && std::string_view(".:!?").find(text[end - 1]) != std::string_view::npos) --end;
    const std::string_view written = text.substr(i, end - i);
    const std::size_t offset = i;
    i = j;
    std::string token = lower(written);
    bool scheme = false;
    for (std::string_view s : {"https://", "http://"})
      if (token.starts_with(s)) {
        token.erase(0, s.size());
        scheme = true;
      }
    const std::size_t slash = token.find_first_of("/?#");
    std::string host = token.substr(0, slash);
    // The path as written (paths are case-sensitive), without a trailing slash.
    std::string path;
    if (slash != std::string::npos) {
      path = std::string(written.substr(written.size() - (token.size() - slash)));
      while (!path.empty() && path.back() == '/') path.pop_back();
    }
    if (const auto port = host.find(':'); port != std::string::npos) host.erase(port);
    if (host.starts_with("www.")) host.erase(0, 4);
    std::vector<std::string_view> labels;
    for (std::size_t from = 0;;) {
      const std::size_t dot = host.find('.', from);
      labels.push_back(
          std::string_view(host).substr(from, dot == std::string::npos ? dot : dot - from));
      if (dot == std::string::npos) break;
      from = dot + 1;
    }
    if (labels.size() < 2) continue;
    const bool well_formed = std::all_of(labels.begin(), labels.end(), [](std::string_view l) {
      return !l.empty() && std::all_of(l.begin(), l.end(), [](char ch) {
        return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-';
      });
    });
    const std::string_view tld = labels.back();
    const bool alpha_tld =
        tld.size() >= 2 && tld.size() <= 24 && std::all_of(tld.begin(), tld.end(), [](char ch) {
          return std::isalpha(static_cast<unsigned char>(ch));
        });
    if (!well_formed || !(scheme || (alpha_tld && !file_extension(tld)))) continue;
    Address a;
    a.written = std::string(written);
    a.offset = offset;
    a.key = host + path;
    a.host = std::move(host);
    a.path = !path.empty();
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

void unresolved_references(Context& c) {
  const Model& m = c.model();
  // What resolves a reference: a definition of the term, a package's or add-on's
  // own designation (a reference in its title or summary names it), an address
  // some statement states (published at, channel ... at) or a definition defines.
  // An address with a path names a document: only that address resolves it, as
  // another page on the same host is another document; a bare host resolves by
  // host.
  std::set<std::string> defined, hosts, addresses;
  auto state = [&](std::string_view text) {
    for (const auto& a : addresses_in(text)) {
      hosts.insert(a.host);
      addresses.insert(a.key);
    }
  };
  for (const auto& d : m.definitions) {
    for (const auto& r : references_in(d.term)) defined.insert(lower(r.name));
    defined.insert(lower(d.term));
    state(d.term);
  }
  walk_own(c, [&](const ast::Node& n, const ast::Node* parent) {
    // A title designates with any reference it holds ("Standard (Annex A)"); a
    // summary, with one in parentheses ("... comprehensive SLA (Annex A)."), as its
    // other references point elsewhere ("prices in Annex B").
    const bool title = n.kind == ast::Kind::package || n.kind == ast::Kind::addon;
    const bool summary = n.kind == ast::Kind::summary && parent &&
                         (parent->kind == ast::Kind::package || parent->kind == ast::Kind::addon);
    if (title || summary)
      for (const auto* t : ast::args<ast::Text>(n)) {
        std::string_view text = t->value;
        for (std::size_t open = text.find('('); open != std::string_view::npos;
             open = text.find('(', open + 1)) {
          const std::size_t close = text.find(')', open);
          if (close == std::string_view::npos) break;
          for (const auto& r : references_in(text.substr(open + 1, close - open - 1)))
            defined.insert(lower(r.name));
        }
        if (title)
          for (const auto& r : references_in(text)) defined.insert(lower(r.name));
      }
    if (n.kind == ast::Kind::published)
      for (const auto* t : ast::args<ast::Text>(n)) state(t->value);
    if (n.kind == ast::Kind::channel)
      if (const auto* at = ast::arg<ast::Text>(n, 1)) state(at->value);
  });
  // Each text that names what nothing resolves: one finding, naming all of it, at
  // the first thing named when the text stands in the source as written (no
  // escapes), else at the text.
  auto scan = [&](const std::string& value, Span span) {
    std::vector<std::string> missing, unknown;
    std::optional<std::pair<std::size_t, std::size_t>> first;  // offset, length in value
    auto mark = [&](std::size_t offset, std::size_t length) {
      if (!first || offset < first->first) first = {offset, length};
    };
    for (const auto& r : references_in(value))
      if (!defined.count(lower(r.name))) {
        mark(r.offset, r.length);
        if (std::find(missing.begin(), missing.end(), r.name) == missing.end())
          missing.push_back(r.name);
      }
    for (const auto& a : addresses_in(value)) {
      const bool resolved = a.path ? addresses.count(a.key) > 0 : hosts.count(a.host) > 0;
      if (resolved) continue;
      mark(a.offset, a.written.size());
      if (std::find(unknown.begin(), unknown.end(), a.written) == unknown.end())
        unknown.push_back(a.written);
    }
    if (missing.empty() && unknown.empty()) return;
    std::vector<std::string> quoted;
    for (const auto& r : missing) quoted.push_back(fmt::format("\"{}\"", r));
    for (const auto& a : unknown) quoted.push_back(fmt::format("\"{}\"", a));
    std::string hint;
    if (missing.size() == 1)
      hint = fmt::format(
          "define it (definitions {{ \"{}\" means \"...\" }}) or state its terms in the contract; "
          "or remove the reference",
          missing.front());
    else if (!missing.empty()) {
      std::vector<std::string> entries;
      for (const auto& r : missing) entries.push_back(fmt::format("\"{}\" means \"...\"", r));
      hint = fmt::format(
          "define each (definitions {{ {} }}) or state their terms in the contract; or remove "
          "the references",
          fmt::join(entries, "; "));
    }
    if (!unknown.empty()) {
      hint += hint.empty()          ? ""
              : unknown.size() == 1 ? "; for the address, "
                                    : "; for the addresses, ";
      if (unknown.size() == 1)
        hint += fmt::format(
            "say what is there: published at \"{}\" (in an uptime block) or channel \"...\" at "
            "\"{}\"",
            unknown.front(), unknown.front());
      else {
        std::vector<std::string> channels;
        for (const auto& a : unknown)
          channels.push_back(fmt::format("channel \"...\" at \"{}\"", a));
        hint += fmt::format("say what is at each: {} (or published at \"...\" in an uptime block)",
                            fmt::join(channels, "; "));
      }
    }
    Span where = span;
    const std::string& source = c.sources().file(span.file).text();
    if (first && span.end <= source.size()) {
      const std::string_view written(source.data() + span.begin, span.end - span.begin);
      if (const auto at = written.find(value); at != std::string_view::npos && !value.empty()) {
        where.begin = static_cast<std::uint32_t>(span.begin + at + first->first);
        where.end = static_cast<std::uint32_t>(where.begin + first->second);
      }
    }
    c.report(Code::lint_unresolved_reference, Severity::warning, c.at(where),
             fmt::format("this text refers to {}, which the contract neither contains nor "
                         "defines: each party may have a different document in mind, or none, "
                         "and its terms are not agreed",
                         fmt::join(quoted, " and ")),
             std::move(hint));
  };
  walk_own(c, [&](const ast::Node& n, const ast::Node*) {
    switch (n.kind) {
      case ast::Kind::import_file:
      case ast::Kind::zone:
      case ast::Kind::published:
      case ast::Kind::file:
      // A holiday set's source cites where its dates come from; the dates are in
      // the contract, so there is nothing left to agree on.
      case ast::Kind::source:
        return;
      default:
        break;
    }
    std::size_t texts = 0;
    for (const auto& v : n.args) {
      if (const auto* t = std::get_if<ast::Text>(&v)) {
        // A channel's address is what it states, not a reference.
        if (!(n.kind == ast::Kind::channel && texts == 1)) scan(t->value, t->span);
        ++texts;
      }
      if (const auto* l = std::get_if<ast::Label>(&v)) scan(l->value, l->span);
    }
  });
}

// ------------------------------------------------------------------ SLA119

void uptime_measurement(Context& c) {
  std::set<std::tuple<std::string, std::uint32_t, std::uint32_t>> seen;
  for (const auto& v : c.views())
    for (const auto& u : v.package.uptime) {
      if (!seen.emplace(u.span.file, u.span.line, u.span.column).second) continue;
      if (u.commitment != Commitment::committed || !u.target_milli) continue;
      std::vector<std::string> unsaid, add;
      if (u.unavailable_when.empty()) {
        unsaid.push_back("what counts as unavailable (is slow, degraded or partial service down?)");
        add.push_back("unavailable when \"...\"");
      }
      if (!u.exclusions.empty() && u.excluded_time == ExcludedTime::unstated) {
        unsaid.push_back(
            "how excluded time enters the figure (removed from the period, or counted as "
            "available?)");
        add.push_back(
            "excluded time is removed from the period (or: excluded time counts as available)");
      }
      if (!unsaid.empty())
        c.report(Code::lint_uptime_undefined, Severity::warning, c.at(u.span),
                 fmt::format("the uptime commitment for \"{}\" does not say {}: the same month "
                             "can be met under one reading and breached under the other",
                             u.service, fmt::join(unsaid, ", nor ")),
                 fmt::format("add: {}", fmt::join(add, "; and ")));
      for (const auto& e : u.exclusions)
        if (e.category == "scheduled maintenance" && !e.notice)
          c.report(Code::lint_uptime_undefined, Severity::warning, c.at(e.span),
                   "scheduled maintenance is excluded from the uptime, but no notice is stated: "
                   "announced a minute before it starts, it would still not count as downtime",
                   "state the notice: exclude scheduled maintenance announced at least 48 hours "
                   "in advance \"...\"");
    }
}

// ------------------------------------------------------------------ SLA120

namespace {

void ladder_complements(Context& c, const View& v, const std::vector<EscalationBand>& bands) {
  const auto steps = ladder_steps(bands, v.calendar);
  if (!steps) return;
  using Step = LadderStep;
  for (const Step& s : *steps) {
    if (!s.band->when_no_response && !s.band->when_not_resolved) continue;
    // The other case: bands that apply to it (no condition, or the other condition).
    std::vector<const Step*> others;
    for (const Step& o : *steps)
      if (s.band->when_no_response ? !o.band->when_no_response : !o.band->when_not_resolved)
        others.push_back(&o);
    std::sort(others.begin(), others.end(),
              [](const Step* a, const Step* b) { return a->from < b->from; });
    // The first moment of [from, until) that no band of the other case covers.
    std::int64_t at = s.from;
    bool open_ended = false;
    for (const Step* o : others) {
      if (o->from > at) break;
      if (!o->until) {
        open_ended = true;
        break;
      }
      at = std::max(at, *o->until);
    }
    if (open_ended || (s.until && at >= *s.until)) continue;
    // The gap ends where the band ends or a later band of the other case starts:
    // the message names both ends, and the suggested band fills only the gap.
    std::optional<std::int64_t> gap_end = s.until;
    for (const Step* o : others)
      if (o->from > at && (!gap_end || o->from < *gap_end)) gap_end = o->from;
    // The duration words of both ends: the band's own, or another band's.
    std::string from_text = s.band->from.text, until_text;
    for (const Step* o : others)
      if (o->until && *o->until == at) from_text = o->band->until->text;
    if (gap_end) {
      if (s.until && *s.until == *gap_end) until_text = s.band->until->text;
      for (const Step* o : others)
        if (o->from == *gap_end) until_text = o->band->from.text;
    }
    const std::string gap = until_text.empty()
                                ? fmt::format("from {}", from_text)
                                : fmt::format("from {} until {}", from_text, until_text);
    const bool no_response = s.band->when_no_response;
    c.report(Code::lint_condition_complement, Severity::warning, c.at(s.band->span),
             fmt::format("the band for \"{}\" applies {}; {} no band names anyone for a "
                         "ticket that {} ({}). Who is it escalated to then?",
                         s.band->role,
                         no_response ? "while a ticket has had no response"
                                     : "once a ticket is answered and until it is resolved",
                         gap,
                         no_response ? "was answered but is still not resolved"
                                     : "has had no response at all",
                         where(v)),
             fmt::format("add a band for the other case: {} escalate to \"...\" when {}; or "
                         "drop 'when {}' if the band is meant for every open ticket",
                         gap, no_response ? "not resolved" : "no response",
                         no_response ? "no response" : "not resolved"));
  }
}

}  // namespace

void escalation_complements(Context& c) {
  for (const auto& v : c.views()) {
    if (v.package.escalation) ladder_complements(c, v, *v.package.escalation);
    for (const auto& l : v.package.ladders) ladder_complements(c, v, l.bands);
  }
}

}  // namespace sla::lint

#include "tools/ide/outline.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace sla::ide {

namespace {

using K = ast::Kind;

// LSP SymbolKind numbers; which item has which is said in outline.hpp.
namespace lsp_kind {
constexpr int file = 1, module = 2, namespace_ = 3, package = 4, class_ = 5, method = 6,
              property = 7, field = 8, enum_ = 10, function = 12, string = 15, array = 18,
              object = 19, key = 20, enum_member = 22, struct_ = 23, event = 24;
}  // namespace lsp_kind

// Names and details are shown on one line of a narrow panel; a contract's texts
// may be whole paragraphs (a priority's description), or hold "\n" escapes.
constexpr std::size_t name_chars = 100, detail_chars = 60;

// `s` on one line (control characters as spaces, runs of white space as one),
// cut after `max_chars` code points at a word when there is one near, with "…".
std::string one_line(std::string_view s, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  bool space = false;
  bool cut = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c == 0x7F) {
      space = !out.empty();
      continue;
    }
    const bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char) {
      if (chars + (space ? 1 : 0) >= max_chars) {
        cut = true;
        break;
      }
      if (space) {
        out.push_back(' ');
        ++chars;
        space = false;
      }
      ++chars;
    }
    out.push_back(s[i]);
  }
  if (!cut) return out;
  // Back to the last space when it keeps most of the text: a word is not cut in two.
  if (const auto at = out.rfind(' '); at != std::string::npos && at > out.size() * 2 / 3)
    out.resize(at);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';'))
    out.pop_back();
  return out + "\u2026";
}

std::string two_digits(int n) {
  std::string s = std::to_string(n);
  return s.size() < 2 ? "0" + s : s;
}

// Thousandths as a contract writes them: 1500 -> "1.5".
std::string milli_text(std::int64_t milli) {
  std::string s = std::to_string(milli / 1000);
  std::int64_t frac = milli % 1000;
  if (frac < 0) frac = -frac;
  if (frac == 0) return s;
  std::string f = std::to_string(frac);
  f.insert(0, 3 - std::min<std::size_t>(3, f.size()), '0');
  while (!f.empty() && f.back() == '0') f.pop_back();
  return s + "." + f;
}

std::string duration_text(const ast::Duration& d) {
  static constexpr std::string_view units[] = {"minute", "hour", "day", "week"};
  const auto unit = static_cast<std::size_t>(d.unit);
  std::string s = milli_text(d.milli);
  if (d.business) s += " business";
  if (d.calendar) s += " calendar";
  s += " ";
  s += unit < std::size(units) ? units[unit] : "hour";
  if (d.milli != 1000) s += "s";
  return s;
}

std::string clock_text(const ast::ClockTime& t) {
  return two_digits(t.minutes / 60) + ":" + two_digits(t.minutes % 60);
}

std::string date_text(const ast::Date& d) {
  std::string year = std::to_string(d.year);
  year.insert(0, 4 - std::min<std::size_t>(4, year.size()), '0');
  return year + "-" + two_digits(d.month) + "-" + two_digits(d.day);
}

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

template <typename T>
std::string value_or(const T* v, std::string fallback = {}) {
  if (!v) return fallback;
  if constexpr (requires { v->name; })
    return v->name;
  else
    return v->value;
}

template <typename T>
Span span_of(const T* v) {
  return v ? v->span : Span{};
}

bool contains(Span outer, Span inner) {
  return inner.begin <= inner.end && outer.begin <= inner.begin && inner.end <= outer.end &&
         inner.file == outer.file;
}

// An item named by `name` (or, when the tree has none, by its keyword, which the
// statement starts with: LSP clients refuse an empty name).
OutlineItem item(const ast::Node& node, std::string name, std::string_view keyword, int kind,
                 Span name_span, std::string detail = {}) {
  OutlineItem out;
  out.name = one_line(name, name_chars);
  if (out.name.empty()) out.name = keyword;
  out.detail = one_line(detail, detail_chars);
  out.lsp_kind = kind;
  out.range = node.span;
  out.range.end = std::max(out.range.end, out.range.begin);
  if (contains(out.range, name_span) && name_span.end > name_span.begin) {
    out.selection = name_span;
  } else {
    out.selection = out.range;
    out.selection.end = static_cast<std::uint32_t>(
        std::min<std::uint64_t>(out.range.end, std::uint64_t{out.range.begin} + keyword.size()));
  }
  return out;
}

// "respond to Critical where channel is "phone" within 1 business hour on
// calendar late": the target as written, without its commitment and label
// (those are the detail).
std::string target_text(const ast::Node& node) {
  std::string s = node.kind == K::respond   ? "respond to"
                  : node.kind == K::resolve ? "resolve"
                  : node.kind == K::update  ? "update"
                                            : "restore";
  bool after_where = false;
  bool texts = false;
  auto add = [&s](std::string_view part) {
    s += " ";
    s += part;
  };
  for (const auto& v : node.args) {
    if (const auto* text = std::get_if<ast::Text>(&v)) {
      s += texts ? ", " : " ";
      s += quoted(text->value);
      texts = true;
      continue;
    }
    texts = false;
    if (const auto* w = std::get_if<ast::Word>(&v)) {
      if (w->word == "best effort" || w->word == "committed") continue;
      add(w->word);
      after_where = w->word == "where";
    } else if (const auto* id = std::get_if<ast::Ident>(&v)) {
      add(id->name);
      if (after_where) add("is");
      after_where = false;
    } else if (const auto* d = std::get_if<ast::Duration>(&v)) {
      add(node.kind == K::update ? "every" : "within");
      add(duration_text(*d));
    } else if (const auto* t = std::get_if<ast::ClockTime>(&v)) {
      add(clock_text(*t));
    }
  }
  return s;
}

std::string commitment_of(const ast::Node& node) {
  if (ast::has_word(node, "best effort")) return "best effort";
  if (ast::has_word(node, "committed")) return "committed";
  return {};
}

OutlineItem band_item(const ast::Node& band) {
  const auto durations = ast::args<ast::Duration>(band);
  std::string detail;
  if (!durations.empty()) detail = "from " + duration_text(*durations[0]);
  if (durations.size() > 1) detail += " until " + duration_text(*durations[1]);
  for (const auto& v : band.args)
    if (const auto* w = std::get_if<ast::Word>(&v); w && w->word.starts_with("when "))
      detail += (detail.empty() ? "" : ", ") + w->word;
  const auto* to = ast::arg<ast::Text>(band);
  return item(band, value_or(to), "from", lsp_kind::field, span_of(to), detail);
}

OutlineItem escalation_item(const ast::Node& node) {
  std::string name = "escalation";
  const auto ids = ast::args<ast::Ident>(node);
  for (std::size_t i = 0; i < ids.size(); ++i) name += (i == 0 ? " for " : ", ") + ids[i]->name;
  OutlineItem out = item(node, name, "escalation", lsp_kind::array, {});
  for (const auto& band : node.children)
    if (band.kind == K::band) out.children.push_back(band_item(band));
  return out;
}

OutlineItem uptime_item(const ast::Node& node) {
  std::string detail = "uptime";
  for (const auto& child : node.children)
    if (const auto* target = ast::arg<ast::Percent>(child);
        target && child.kind == K::uptime_target)
      detail += " " + milli_text(target->milli) + " %";
  const auto* name = ast::arg<ast::Text>(node);
  return item(node, value_or(name), "uptime", lsp_kind::object, span_of(name), detail);
}

// A package's or add-on's targets, escalation ladders and uptime commitments:
// what a reader looks for in it. Prices, channels and features are its detail.
std::vector<OutlineItem> package_children(const ast::Node& node) {
  std::vector<OutlineItem> out;
  for (const auto& child : node.children) {
    switch (child.kind) {
      case K::respond:
      case K::resolve:
      case K::update:
      case K::restore:
        out.push_back(item(child, target_text(child), ast::name(child.kind), lsp_kind::method,
                           child.span, commitment_of(child)));
        break;
      case K::escalation:
        out.push_back(escalation_item(child));
        break;
      case K::uptime:
        out.push_back(uptime_item(child));
        break;
      default:
        break;
    }
  }
  return out;
}

// `ident "Title"` items: calendars, holiday sets, packages, add-ons, translations.
OutlineItem named_item(const ast::Node& node, std::string_view keyword, int kind) {
  const auto* id = ast::arg<ast::Ident>(node);
  const auto* title = ast::arg<ast::Text>(node);
  return item(node, value_or(id), keyword, kind, span_of(id), value_or(title));
}

std::optional<OutlineItem> top_item(const ast::Node& node) {
  switch (node.kind) {
    case K::import_file: {
      const auto* path = ast::arg<ast::Text>(node);
      return item(node, value_or(path), "import", lsp_kind::file, span_of(path), "import");
    }
    case K::contract: {
      const auto* title = ast::arg<ast::Text>(node);
      return item(node, value_or(title), "contract", lsp_kind::module, span_of(title), "contract");
    }
    case K::definitions: {
      OutlineItem out = item(node, "definitions", "definitions", lsp_kind::namespace_, {});
      for (const auto& d : node.children) {
        if (d.kind != K::definition) continue;
        const auto* term = ast::arg<ast::Text>(d);
        out.children.push_back(item(d, value_or(term), "definition", lsp_kind::key, span_of(term),
                                    value_or(ast::arg<ast::Text>(d, 1))));
      }
      return out;
    }
    case K::holiday_set: {
      OutlineItem out = named_item(node, "holidays", lsp_kind::enum_);
      for (const auto& h : node.children) {
        if (h.kind != K::holiday) continue;
        const auto* name = ast::arg<ast::Text>(h);
        const auto* date = ast::arg<ast::Date>(h);
        std::string detail = date ? date_text(*date) : std::string();
        if (ast::has_word(h, "tentative")) detail += " (tentative)";
        out.children.push_back(
            item(h, value_or(name), "holiday", lsp_kind::event, span_of(name), detail));
      }
      return out;
    }
    case K::calendar:
      return named_item(node, "calendar", lsp_kind::struct_);
    case K::priorities: {
      OutlineItem out = item(node, "priorities", "priorities", lsp_kind::enum_, {});
      for (const auto& p : node.children) {
        if (p.kind != K::priority) continue;
        const auto* id = ast::arg<ast::Ident>(p);
        out.children.push_back(item(p, value_or(id), "priority", lsp_kind::enum_member, span_of(id),
                                    value_or(ast::arg<ast::Text>(p))));
      }
      return out;
    }
    case K::attribute: {
      const auto* id = ast::arg<ast::Ident>(node);
      std::string values;
      for (const auto* v : ast::args<ast::Text>(node))
        values += (values.empty() ? "" : ", ") + quoted(v->value);
      return item(node, value_or(id), "attribute", lsp_kind::property, span_of(id), values);
    }
    case K::package:
    case K::addon: {
      OutlineItem out = named_item(node, node.kind == K::package ? "package" : "addon",
                                   node.kind == K::package ? lsp_kind::package : lsp_kind::class_);
      out.children = package_children(node);
      return out;
    }
    case K::example: {
      const auto* name = ast::arg<ast::Text>(node);
      std::string detail;
      for (const auto& child : node.children) {
        if (child.kind != K::under) continue;
        const auto ids = ast::args<ast::Ident>(child);
        for (std::size_t i = 0; i < ids.size(); ++i)
          detail += (i == 0 ? "under " : i == 1 ? " with " : ", ") + ids[i]->name;
      }
      return item(node, value_or(name), "example", lsp_kind::function, span_of(name), detail);
    }
    case K::translation: {
      OutlineItem out = named_item(node, "translation", lsp_kind::namespace_);
      for (const auto& t : node.children) {
        if (t.kind != K::translated) continue;
        const auto* from = ast::arg<ast::Text>(t);
        out.children.push_back(item(t, value_or(from), "translation", lsp_kind::string,
                                    span_of(from), value_or(ast::arg<ast::Text>(t, 1))));
      }
      return out;
    }
    default:
      return std::nullopt;
  }
}

// ------------------------------------------------------------------ folds

// The 1-based line holding byte `offset`.
std::uint32_t line_of(const SourceFile& source, std::uint32_t offset) {
  std::uint32_t low = 1, high = std::max<std::uint32_t>(1, source.line_count());
  while (low < high) {
    const std::uint32_t mid = low + (high - low + 1) / 2;
    if (source.line_start(mid) <= offset)
      low = mid;
    else
      high = mid - 1;
  }
  return low;
}

void block_folds(const ast::Node& node, const SourceFile& source, std::vector<Fold>& out) {
  const std::string& text = source.text();
  for (const auto& child : node.children) {
    const std::uint32_t size = static_cast<std::uint32_t>(text.size());
    const std::uint32_t begin = std::min(child.span.begin, size);
    const std::uint32_t end = std::min(std::max(child.span.end, begin), size);
    if (end > begin) {
      const std::uint32_t first = line_of(source, begin);
      std::uint32_t last = line_of(source, end - 1);
      // The closing brace stays in sight, as editors fold braces everywhere else.
      if ((ast::is_block(child.kind) || !child.children.empty()) && text[end - 1] == '}') --last;
      if (last > first) out.push_back({first, last, false});
    }
    block_folds(child, source, out);
  }
}

bool alone_on_its_line(const SourceFile& source, std::uint32_t line, std::uint32_t offset) {
  const std::string& text = source.text();
  for (std::uint32_t i = source.line_start(line); i < offset && i < text.size(); ++i)
    if (text[i] != ' ' && text[i] != '\t') return false;
  return true;
}

void comment_folds(const ast::File& file, const SourceFile& source, std::vector<Fold>& out) {
  const auto size = static_cast<std::uint32_t>(source.text().size());
  std::uint32_t run_first = 0, run_last = 0;
  auto flush = [&] {
    if (run_first != 0 && run_last > run_first) out.push_back({run_first, run_last, true});
    run_first = run_last = 0;
  };
  for (const auto& comment : file.comments) {
    if (comment.span.begin >= size) continue;
    const std::uint32_t line = line_of(source, comment.span.begin);
    // A comment after a statement belongs to that statement, not to a run.
    if (!alone_on_its_line(source, line, comment.span.begin)) {
      flush();
      continue;
    }
    if (run_first != 0 && line == run_last + 1) {
      run_last = line;
    } else {
      flush();
      run_first = run_last = line;
    }
  }
  flush();
}

}  // namespace

std::vector<OutlineItem> outline(const ast::File& file) {
  std::vector<OutlineItem> out;
  for (const auto& node : file.root.children)
    if (auto i = top_item(node)) out.push_back(std::move(*i));
  return out;
}

std::vector<Fold> folding_ranges(const ast::File& file, const SourceFile& source) {
  std::vector<Fold> out;
  block_folds(file.root, source, out);
  comment_folds(file, source, out);
  // Outermost first at each line; an editor keeps one fold per starting line.
  std::sort(out.begin(), out.end(), [](const Fold& a, const Fold& b) {
    return a.first_line != b.first_line ? a.first_line < b.first_line : a.last_line > b.last_line;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Fold& a, const Fold& b) { return a.first_line == b.first_line; }),
            out.end());
  return out;
}

}  // namespace sla::ide

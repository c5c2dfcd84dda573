#include "tools/document/html_writer.hpp"

#include <fmt/format.h>

#include "tools/document/escape.hpp"

namespace sla::cli {

namespace {

// System fonts only: the file must open the same with no network.
constexpr std::string_view style_sheet = R"(:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", Times, serif; color: #1f2933; background: #ffffff;
  line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1, h2, h3, h4, caption, th, nav, .subtitle, figcaption { font-family: "Helvetica Neue", Arial,
  "Liberation Sans", sans-serif; }
h1 { font-size: 2rem; margin: 0 0 0.25rem; }
.subtitle { margin: 0 0 1.5rem; color: #52606d; font-size: 1.1rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem;
  border-bottom: 2px solid #2f6f9f; }
h3 { font-size: 1.15rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
p, li, dd { max-width: 48rem; }
.src { color: #616e7c; font-size: 0.8em; white-space: nowrap; }
del { color: #9b1c1c; text-decoration: line-through; }
ins { color: #1d6b2f; text-decoration: underline; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.35rem; }
th, td { border: 1px solid #c3cad3; padding: 0.35rem 0.55rem; text-align: left;
  vertical-align: top; }
thead th { background: #e4ecf3; }
tbody th { background: #f5f7fa; font-weight: bold; }
td.src { white-space: nowrap; }
dl { margin: 0.5rem 0 1rem; }
dt { font-weight: bold; margin-top: 0.5rem; }
dd { margin: 0 0 0 1.5rem; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em;
  background: #f0f3f6; padding: 0 0.2em; }
figure.chart { margin: 1rem 0 1.5rem; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: #52606d; }
nav ul { columns: 2; list-style: none; padding-left: 0; }
nav a { color: #1f4e79; }
.num { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif; font-weight: bold;
  margin-right: 0.4em; }
td.num { white-space: nowrap; }
td.num .src { display: block; }
a.ref { color: #1f4e79; }
.parties ol { list-style: none; padding-left: 1.5rem; }
.fill-in { display: inline-block; min-width: 16em; border-bottom: 1px solid #1f2933; }
.signatures { display: flex; flex-wrap: wrap; gap: 2rem 3rem; margin-top: 1.5rem; }
.signatory { flex: 1 1 18rem; break-inside: avoid; }
.signatory p { margin: 0 0 0.25rem; }
.sign-line { display: flex; align-items: flex-end; gap: 0.5rem; height: 2.4rem; }
.sign-line .line { flex: 1; border-bottom: 1px solid #1f2933; }
.sign-line .label { min-width: 5em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .new-page { break-before: page; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, figure.chart, figure.chart svg, li, dt, dd, .signatory { break-inside: avoid; }
  figure.chart svg { break-after: avoid; }
  figcaption { break-before: avoid; }
  thead { display: table-header-group; }
  nav a, a.ref { color: inherit; text-decoration: none; }
}
)";

std::string inline_html(const doc::Inline& runs, std::string_view prefix = {}) {
  using Style = doc::Run::Style;
  std::string out;
  for (const auto& r : runs) {
    switch (r.style) {
      case Style::plain:
        out += html_escape(r.text);
        break;
      case Style::strong:
        out += fmt::format("<strong>{}</strong>", html_escape(r.text));
        break;
      case Style::emphasis:
        out += fmt::format("<em>{}</em>", html_escape(r.text));
        break;
      case Style::reference:
        out += fmt::format("<code>{}</code>", html_escape(r.text));
        break;
      case Style::line_break:
        out += "<br>";
        break;
      case Style::deleted:
        out += fmt::format("<del>{}</del>", html_escape(r.text));
        break;
      case Style::inserted:
        out += fmt::format("<ins>{}</ins>", html_escape(r.text));
        break;
      case Style::clause:
        out +=
            fmt::format("<a class=\"ref\" href=\"#{}{}\"{}>{}</a>", prefix, html_escape(r.target),
                        r.source.empty() ? "" : fmt::format(" title=\"{}\"", html_escape(r.source)),
                        html_escape(r.text));
        break;
    }
  }
  return out;
}

std::string source_note(const std::string& source) {
  return source.empty() ? "" : fmt::format(" <span class=\"src\">({})</span>", html_escape(source));
}

// A clause's id attribute and its number before its words.
std::string anchor(const doc::Numbering& n, std::string_view prefix) {
  return n.anchor.empty() ? "" : fmt::format(" id=\"{}{}\"", prefix, html_escape(n.anchor));
}
std::string number(const doc::Numbering& n) {
  return n.number.empty() ? ""
                          : fmt::format("<span class=\"num\">{}</span> ", html_escape(n.number));
}

std::string party_html(const doc::Party& p) {
  return fmt::format("{} {}",
                     p.name.empty() ? "<span class=\"fill-in\"></span>"
                                    : fmt::format("<strong>{}</strong>", html_escape(p.name)),
                     html_escape(p.role));
}

// Text inside a CSS string, and inside the HTML <style> it sits in.
std::string css_string(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '<') {
      out += "\\3c ";
      continue;
    }
    if (c == '\n') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

class Writer {
 public:
  std::string out;
  // Before every id and link target: the facing language's document repeats the
  // same ids, so its own are prefixed ("id-").
  std::string prefix;

  void block(const doc::Block& b) {
    std::visit([this](const auto& x) { write(x); }, b);
  }

 private:
  void write(const doc::Paragraph& p) {
    out += fmt::format("<p{}>{}{}{}</p>\n", anchor(p.numbering, prefix), number(p.numbering),
                       inline_html(p.text, prefix), source_note(p.source));
  }

  void write(const doc::List& l) {
    out += l.ordered ? "<ol>\n" : "<ul>\n";
    for (const auto& item : l.items)
      out +=
          fmt::format("<li{}>{}{}{}</li>\n", anchor(item.numbering, prefix), number(item.numbering),
                      inline_html(item.text, prefix), source_note(item.source));
    out += l.ordered ? "</ol>\n" : "</ul>\n";
  }

  void write(const doc::Glossary& g) {
    out += "<dl>\n";
    for (const auto& t : g.terms)
      out += fmt::format("<dt{}>{}{}</dt>\n<dd>{}{}</dd>\n", anchor(t.numbering, prefix),
                         number(t.numbering), html_escape(t.term), inline_html(t.meaning, prefix),
                         source_note(t.source));
    out += "</dl>\n";
  }

  void write(const doc::Parties& p) {
    out += fmt::format("<div class=\"parties\">\n<p>{}</p>\n<ol>\n", inline_html(p.intro, prefix));
    for (std::size_t i = 0; i < p.parties.size(); ++i)
      out += fmt::format("<li>{}{}</li>\n", party_html(p.parties[i]),
                         i + 2 == p.parties.size() ? "; " + html_escape(p.joiner) : "");
    out += fmt::format("</ol>\n<p>{}</p>\n</div>\n", inline_html(p.closing, prefix));
  }

  void write(const doc::Signatures& s) {
    out += "<div class=\"signatures\">\n";
    for (const auto& p : s.parties) {
      out += fmt::format("<div class=\"signatory\">\n<p><strong>{} {}</strong> {}</p>\n",
                         html_escape(s.for_words),
                         p.name.empty() ? "<span class=\"fill-in\"></span>" : html_escape(p.name),
                         html_escape(p.role));
      for (const auto& line : s.lines)
        out += fmt::format(
            "<p class=\"sign-line\"><span class=\"label\">{}</span><span "
            "class=\"line\"></span></p>\n",
            html_escape(line));
      out += "</div>\n";
    }
    out += "</div>\n";
  }

  void write(const doc::Table& t) {
    const bool numbered = !t.clause_column.empty();
    out += "<table>\n";
    if (!t.caption.empty()) out += fmt::format("<caption>{}</caption>\n", html_escape(t.caption));
    out += "<thead>\n<tr>";
    for (const auto& c : t.columns) out += fmt::format("<th scope=\"col\">{}</th>", html_escape(c));
    if (numbered) out += fmt::format("<th scope=\"col\">{}</th>", html_escape(t.clause_column));
    out += "</tr>\n</thead>\n<tbody>\n";
    const doc::Numbering none;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const doc::Numbering& n = i < t.numbering.size() ? t.numbering[i] : none;
      const std::string source = i < t.sources.size() ? t.sources[i] : std::string();
      out += fmt::format("<tr{}>", anchor(n, prefix));
      for (std::size_t c = 0; c < t.rows[i].size(); ++c) {
        if (c == 0 && t.row_headings)
          out += fmt::format("<th scope=\"row\">{}</th>", inline_html(t.rows[i][c], prefix));
        else
          out += fmt::format("<td>{}</td>", inline_html(t.rows[i][c], prefix));
      }
      // The clause's number, with the line that states it as a reviewer's aid.
      if (numbered && n.number.empty())
        out += fmt::format("<td class=\"src\">{}</td>", html_escape(source));
      else if (numbered)
        out += fmt::format("<td class=\"num\">{}{}</td>", html_escape(n.number),
                           source.empty()
                               ? ""
                               : fmt::format("<span class=\"src\">{}</span>", html_escape(source)));
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }

  void write(const doc::Chart& c) {
    out += "<figure class=\"chart\">\n";
    out += coverage_svg(c.coverage, prefix + c.id, c.title, c.description);
    out += fmt::format("\n<figcaption>{}{}</figcaption>\n</figure>\n", html_escape(c.title),
                       source_note(c.source));
  }
};

void section(Writer& w, const doc::Section& s, int level) {
  const int h = std::min(level, 6);
  const std::string id = w.prefix + html_escape(s.id);
  w.out += fmt::format("<section id=\"{}\"{} aria-labelledby=\"{}-title\">\n", id,
                       s.new_page ? " class=\"new-page\"" : "", id);
  w.out += fmt::format("<h{0} id=\"{1}-title\">{2}{3}</h{0}>\n", h, id, html_escape(s.title),
                       source_note(s.source));
  for (const auto& b : s.blocks) w.block(b);
  for (const auto& sub : s.sections) section(w, sub, level + 1);
  w.out += "</section>\n";
}

// The printed pages' running header and numbers: CSS strings, set per document.
std::string page_style(const doc::Document& d, const std::string& running_header,
                       std::string_view size) {
  const std::size_t field = d.page_words.find("{}");
  const std::size_t second =
      field == std::string::npos ? field : d.page_words.find("{}", field + 2);
  std::string pages = "counter(page)";
  if (second != std::string::npos)
    pages = fmt::format("\"{}\" counter(page) \"{}\" counter(pages) \"{}\"",
                        css_string(d.page_words.substr(0, field)),
                        css_string(d.page_words.substr(field + 2, second - field - 2)),
                        css_string(d.page_words.substr(second + 2)));
  constexpr std::string_view margin_font =
      "font: 8.5pt \"Helvetica Neue\", Arial, \"Liberation Sans\", sans-serif; color: #52606d;";
  return fmt::format(
      "@page {{ size: {3}; margin: 20mm 16mm 18mm;\n"
      "  @top-center {{ content: \"{0}\"; {2} }}\n"
      "  @bottom-center {{ content: {1}; {2} }} }}\n",
      css_string(running_header), pages, margin_font, size);
}

std::string head(const doc::Document& d, const std::string& title, std::string_view extra_style,
                 const std::string& running_header, std::string_view size = "A4") {
  std::string out =
      fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                  html_escape(d.language));
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"sla render\">\n";
  out += fmt::format("<title>{}</title>\n", html_escape(title));
  out += fmt::format("<style>\n{}{}{}</style>\n</head>\n", style_sheet, extra_style,
                     page_style(d, running_header, size));
  return out;
}

std::string contents(const Writer& w, const doc::Document& d) {
  // The titles carry their numbers, so the list is not numbered again.
  std::string out =
      fmt::format("<nav aria-labelledby=\"{0}contents\">\n<h2 id=\"{0}contents\">{1}</h2>\n<ul>\n",
                  w.prefix, html_escape(d.contents));
  for (const auto& s : d.sections)
    out += fmt::format("<li><a href=\"#{}{}\">{}</a></li>\n", w.prefix, html_escape(s.id),
                       html_escape(s.title));
  return out + "</ul>\n</nav>\n";
}

// Two languages side by side: a row of two columns for each heading and each block,
// so that a clause and its translation stand level on the page.
constexpr std::string_view facing_style = R"(body.facing { max-width: 96rem; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 2rem; }
.pair > div > :first-child { margin-top: 0; }
.pair table { font-size: 0.85rem; }
.pair th, .pair td { padding: 0.25rem 0.35rem; overflow-wrap: break-word; hyphens: auto; }
.pair h2, .pair h3, .pair h4 { margin-top: 0; }
.pair.heading { margin-top: 2rem; }
.pair p.title { font-family: "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
  font-size: 2rem; line-height: 1.2; margin: 0 0 0.25rem; }
@media print { body.facing { font-size: 9pt; } .pair.heading { break-after: avoid; } }
)";

class Facing {
 public:
  Facing(const doc::Document& a, const doc::Document& b) : a_(a), b_(b) {
    right_.prefix = b.language + "-";
  }

  std::string write() {
    // Landscape: two columns of tables need the width.
    std::string out = head(a_, a_.title + " / " + b_.title, facing_style,
                           a_.running_header + " / " + b_.running_header, "A4 landscape");
    out += "<body class=\"facing\">\n<header>\n";
    pair(out, fmt::format("<h1>{}</h1>\n{}", html_escape(a_.title), subtitle(a_)),
         fmt::format("<p class=\"title\"><strong>{}</strong></p>\n{}", html_escape(b_.title),
                     subtitle(b_)));
    out += "</header>\n<main>\n";
    blocks(out, a_.front, b_.front);
    if (!a_.sections.empty()) pair(out, contents(left_, a_), contents(right_, b_));
    for (std::size_t i = 0; i < a_.sections.size(); ++i)
      section_pair(out, a_.sections[i], i < b_.sections.size() ? &b_.sections[i] : nullptr, 2);
    return out + "</main>\n</body>\n</html>\n";
  }

 private:
  const doc::Document& a_;
  const doc::Document& b_;
  Writer left_, right_;

  static std::string subtitle(const doc::Document& d) {
    return d.subtitle.empty()
               ? ""
               : fmt::format("<p class=\"subtitle\">{}</p>\n", html_escape(d.subtitle));
  }

  void pair(std::string& out, const std::string& left, const std::string& right,
            std::string_view kind = "") const {
    out += fmt::format(
        "<div class=\"pair{}\">\n<div lang=\"{}\">\n{}</div>\n<div "
        "lang=\"{}\">\n{}</div>\n</div>\n",
        kind, html_escape(a_.language), left, html_escape(b_.language), right);
  }

  std::string take(Writer& w, const doc::Block& b) {
    w.out.clear();
    w.block(b);
    return std::move(w.out);
  }

  void blocks(std::string& out, const std::vector<doc::Block>& a,
              const std::vector<doc::Block>& b) {
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i)
      pair(out, i < a.size() ? take(left_, a[i]) : "", i < b.size() ? take(right_, b[i]) : "");
  }

  void section_pair(std::string& out, const doc::Section& a, const doc::Section* b, int level) {
    const int h = std::min(level, 6);
    const std::string id = html_escape(a.id);
    out += fmt::format("<section id=\"{}\"{} aria-labelledby=\"{}-title\">\n", id,
                       a.new_page ? " class=\"new-page\"" : "", id);
    pair(out,
         fmt::format("<h{0} id=\"{1}-title\">{2}{3}</h{0}>\n", h, id, html_escape(a.title),
                     source_note(a.source)),
         b ? fmt::format("<h{0} id=\"{1}{2}\">{3}</h{0}>\n", h, right_.prefix, html_escape(b->id),
                         html_escape(b->title))
           : "",
         " heading");
    static const std::vector<doc::Block> none;
    blocks(out, a.blocks, b ? b->blocks : none);
    for (std::size_t i = 0; i < a.sections.size(); ++i)
      section_pair(out, a.sections[i], b && i < b->sections.size() ? &b->sections[i] : nullptr,
                   level + 1);
    out += "</section>\n";
  }
};

}  // namespace

std::string html(const doc::Document& d, const doc::Document* facing) {
  if (facing) return Facing(d, *facing).write();
  Writer w;
  w.out += head(d, d.title, "", d.running_header);
  w.out += "<body>\n";
  w.out += fmt::format("<header>\n<h1>{}</h1>\n", html_escape(d.title));
  if (!d.subtitle.empty())
    w.out += fmt::format("<p class=\"subtitle\">{}</p>\n", html_escape(d.subtitle));
  w.out += "</header>\n<main>\n";
  for (const auto& b : d.front) w.block(b);
  if (!d.sections.empty()) w.out += contents(w, d);
  for (const auto& s : d.sections) section(w, s, 2);
  w.out += "</main>\n</body>\n</html>\n";
  return w.out;
}

}  // namespace sla::cli

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
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .new-page { break-before: page; }
  h2, h3, h4, caption { break-after: avoid; }
  tr, figure.chart, li { break-inside: avoid; }
  thead { display: table-header-group; }
  nav a { color: inherit; text-decoration: none; }
}
)";

std::string inline_html(const doc::Inline& runs) {
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
    }
  }
  return out;
}

std::string source_note(const std::string& source) {
  return source.empty() ? "" : fmt::format(" <span class=\"src\">({})</span>", html_escape(source));
}

class Writer {
 public:
  std::string out;

  void block(const doc::Block& b) {
    std::visit([this](const auto& x) { write(x); }, b);
  }

 private:
  void write(const doc::Paragraph& p) {
    out += fmt::format("<p>{}{}</p>\n", inline_html(p.text), source_note(p.source));
  }

  void write(const doc::List& l) {
    out += l.ordered ? "<ol>\n" : "<ul>\n";
    for (const auto& item : l.items)
      out += fmt::format("<li>{}{}</li>\n", inline_html(item.text), source_note(item.source));
    out += l.ordered ? "</ol>\n" : "</ul>\n";
  }

  void write(const doc::Glossary& g) {
    out += "<dl>\n";
    for (const auto& t : g.terms)
      out += fmt::format("<dt>{}</dt>\n<dd>{}{}</dd>\n", html_escape(t.term),
                         inline_html(t.meaning), source_note(t.source));
    out += "</dl>\n";
  }

  void write(const doc::Table& t) {
    bool sources = false;
    for (const auto& s : t.sources) sources = sources || !s.empty();
    out += "<table>\n";
    if (!t.caption.empty()) out += fmt::format("<caption>{}</caption>\n", html_escape(t.caption));
    out += "<thead>\n<tr>";
    for (const auto& c : t.columns) out += fmt::format("<th scope=\"col\">{}</th>", html_escape(c));
    if (sources) out += "<th scope=\"col\">Source</th>";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out += "<tr>";
      for (std::size_t c = 0; c < t.rows[i].size(); ++c) {
        if (c == 0 && t.row_headings)
          out += fmt::format("<th scope=\"row\">{}</th>", inline_html(t.rows[i][c]));
        else
          out += fmt::format("<td>{}</td>", inline_html(t.rows[i][c]));
      }
      if (sources)
        out += fmt::format("<td class=\"src\">{}</td>",
                           i < t.sources.size() ? html_escape(t.sources[i]) : "");
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }

  void write(const doc::Chart& c) {
    out += "<figure class=\"chart\">\n";
    out += coverage_svg(c.coverage, c.id, c.title, c.description);
    out += fmt::format("\n<figcaption>{}{}</figcaption>\n</figure>\n", html_escape(c.title),
                       source_note(c.source));
  }
};

void section(Writer& w, const doc::Section& s, int level) {
  const int h = std::min(level, 6);
  w.out += fmt::format("<section id=\"{}\"{} aria-labelledby=\"{}-title\">\n", html_escape(s.id),
                       s.new_page ? " class=\"new-page\"" : "", html_escape(s.id));
  w.out += fmt::format("<h{0} id=\"{1}-title\">{2}{3}</h{0}>\n", h, html_escape(s.id),
                       html_escape(s.title), source_note(s.source));
  for (const auto& b : s.blocks) w.block(b);
  for (const auto& sub : s.sections) section(w, sub, level + 1);
  w.out += "</section>\n";
}

}  // namespace

std::string html(const doc::Document& d) {
  Writer w;
  w.out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  w.out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  w.out += "<meta name=\"generator\" content=\"sla render\">\n";
  w.out += fmt::format("<title>{}</title>\n", html_escape(d.title));
  w.out += fmt::format("<style>\n{}</style>\n</head>\n<body>\n", style_sheet);
  w.out += fmt::format("<header>\n<h1>{}</h1>\n", html_escape(d.title));
  if (!d.subtitle.empty())
    w.out += fmt::format("<p class=\"subtitle\">{}</p>\n", html_escape(d.subtitle));
  w.out += "</header>\n<main>\n";
  for (const auto& b : d.front) w.block(b);
  if (!d.sections.empty()) {
    // The titles carry their numbers, so the list is not numbered again.
    w.out += "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ul>\n";
    for (const auto& s : d.sections)
      w.out +=
          fmt::format("<li><a href=\"#{}\">{}</a></li>\n", html_escape(s.id), html_escape(s.title));
    w.out += "</ul>\n</nav>\n";
  }
  for (const auto& s : d.sections) section(w, s, 2);
  w.out += "</main>\n</body>\n</html>\n";
  return w.out;
}

}  // namespace sla::cli

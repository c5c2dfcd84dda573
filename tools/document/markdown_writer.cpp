#include "tools/document/markdown_writer.hpp"

#include <fmt/format.h>

#include "tools/document/escape.hpp"

namespace sla::cli {

namespace {

// Emphasis markers must touch the words they wrap ("**Start.** then"), so the
// spaces at the ends of a styled run go outside the markers.
std::string styled(const doc::Run& run, bool cell, bool block_start) {
  using Style = doc::Run::Style;
  if (run.style == Style::line_break) return cell ? "<br>" : "  \n";
  // A citation is its words ("clause 4.3.2"); Markdown has no anchors to link to.
  if (run.style == Style::clause) return markdown_escape(run.text, cell, block_start);
  const std::size_t first = run.text.find_first_not_of(' ');
  if (run.style == Style::plain || first == std::string::npos)
    return markdown_escape(run.text, cell, block_start);
  const std::size_t last = run.text.find_last_not_of(' ');
  const std::string lead = run.text.substr(0, first);
  const std::string trail = run.text.substr(last + 1);
  const std::string core = run.text.substr(first, last + 1 - first);
  switch (run.style) {
    case Style::strong:
      return fmt::format("{}**{}**{}", lead, markdown_escape(core, cell), trail);
    case Style::emphasis:
      return fmt::format("{}_{}_{}", lead, markdown_escape(core, cell), trail);
    case Style::reference:
      return fmt::format("{}`{}`{}", lead, core, trail);
    case Style::deleted:
      return fmt::format("{}~~{}~~{}", lead, markdown_escape(core, cell), trail);
    case Style::inserted:
      return fmt::format("{}<ins>{}</ins>{}", lead, markdown_escape(core, cell), trail);
    default:
      return markdown_escape(run.text, cell);
  }
}

// `block_start`: the text opens a paragraph or a list item.
std::string inline_text(const doc::Inline& runs, bool cell = false, bool block_start = false) {
  std::string out;
  for (const auto& r : runs) out += styled(r, cell, block_start && out.empty());
  return out;
}

std::string source_note(const std::string& source) {
  return source.empty() ? "" : fmt::format(" _({})_", markdown_escape(source));
}

// A line to write on: escaped underscores, which Markdown shows as they are.
std::string blank(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "\\_";
  return out;
}

// "**4.3.1** " before a clause's words.
std::string number(const doc::Numbering& n) {
  return n.number.empty() ? "" : fmt::format("**{}** ", n.number);
}

std::string party_text(const doc::Party& p) {
  return fmt::format("{} {}",
                     p.name.empty() ? blank(20) : fmt::format("**{}**", markdown_escape(p.name)),
                     markdown_escape(p.role));
}

class Writer {
 public:
  std::string out;

  void block(const doc::Block& b) {
    std::visit([this](const auto& x) { write(x); }, b);
  }

 private:
  void write(const doc::Paragraph& p) {
    out += number(p.numbering) + inline_text(p.text, false, p.numbering.number.empty()) +
           source_note(p.source) + "\n\n";
  }

  void write(const doc::List& l) {
    int n = 0;
    for (const auto& item : l.items)
      out += fmt::format(
          "{} {}{}{}\n", l.ordered ? fmt::format("{}.", ++n) : "-", number(item.numbering),
          inline_text(item.text, false, item.numbering.number.empty()), source_note(item.source));
    out += "\n";
  }

  void write(const doc::Glossary& g) {
    for (const auto& t : g.terms)
      out += fmt::format("- {}**{}**: {}{}\n", number(t.numbering), markdown_escape(t.term),
                         inline_text(t.meaning), source_note(t.source));
    out += "\n";
  }

  void write(const doc::Parties& p) {
    out += inline_text(p.intro, false, true) + "\n\n";
    for (std::size_t i = 0; i < p.parties.size(); ++i)
      out += fmt::format("- {}{}\n", party_text(p.parties[i]),
                         i + 2 == p.parties.size() ? "; " + markdown_escape(p.joiner) : "");
    out += "\n" + inline_text(p.closing, false, true) + "\n\n";
  }

  void write(const doc::Signatures& s) {
    for (const auto& p : s.parties) {
      out += fmt::format("**{} {}** {}\n\n", markdown_escape(s.for_words),
                         p.name.empty() ? blank(12) : markdown_escape(p.name),
                         markdown_escape(p.role));
      for (const auto& line : s.lines)
        out += fmt::format("{}: {}  \n", markdown_escape(line), blank(24));
      out += "\n";
    }
  }

  void write(const doc::Table& t) {
    // The caption names what the table holds, as the HTML's <caption> does.
    if (!t.caption.empty()) out += fmt::format("_{}_\n\n", markdown_escape(t.caption));
    std::string head = "|", rule = "|";
    for (const auto& c : t.columns) {
      head += fmt::format(" {} |", markdown_escape(c, true));
      rule += "---|";
    }
    const bool numbered = !t.clause_column.empty();
    if (numbered) {
      head += fmt::format(" {} |", markdown_escape(t.clause_column, true));
      rule += "---|";
    }
    out += head + "\n" + rule + "\n";
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      std::string row = "|";
      for (std::size_t c = 0; c < t.rows[i].size(); ++c) {
        std::string cell = inline_text(t.rows[i][c], true);
        if (c == 0 && t.row_headings && !cell.empty() && cell.find("**") == std::string::npos)
          cell = "**" + cell + "**";
        row += fmt::format(" {} |", cell);
      }
      // The clause's number, with the line that states it as a reviewer's aid.
      const std::string number = i < t.numbering.size() ? t.numbering[i].number : std::string();
      const std::string source =
          i < t.sources.size() ? markdown_escape(t.sources[i], true) : std::string();
      if (numbered && number.empty())
        row += fmt::format(" {} |", source);
      else if (numbered)
        row += fmt::format(" {}{} |", number, source.empty() ? "" : " _(" + source + ")_");
      out += row + "\n";
    }
    out += "\n";
  }

  void write(const doc::Chart& c) {
    out += fmt::format("_{}_{}\n\n", markdown_escape(c.title), source_note(c.source));
    out += "```text\n" + coverage_text(c.coverage) + "```\n\n";
  }
};

void section(Writer& w, const doc::Section& s, int level) {
  w.out += fmt::format("{} {}{}\n\n", std::string(static_cast<std::size_t>(level), '#'),
                       markdown_escape(s.title), source_note(s.source));
  for (const auto& b : s.blocks) w.block(b);
  for (const auto& sub : s.sections) section(w, sub, std::min(level + 1, 6));
}

// A block of the facing language, as a quotation under its counterpart: Markdown
// has no columns, so parallel texts alternate, block by block.
std::string quoted(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string_view line(text.data() + start,
                                (end == std::string::npos ? text.size() : end) - start);
    out += line.empty() ? ">\n" : fmt::format("> {}\n", line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  // The blank line that ends the block ends the quotation too.
  while (out.ends_with(">\n")) out.resize(out.size() - 2);
  return out + "\n";
}

std::string block_text(const doc::Block& b) {
  Writer w;
  w.block(b);
  return w.out;
}

void blocks_facing(std::string& out, const std::vector<doc::Block>& a,
                   const std::vector<doc::Block>& b) {
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    if (i < a.size()) out += block_text(a[i]);
    if (i < b.size()) out += quoted(block_text(b[i]));
  }
}

void section_facing(std::string& out, const doc::Section& a, const doc::Section* b, int level) {
  const std::string marks(static_cast<std::size_t>(level), '#');
  out += fmt::format("{} {}{}{}\n\n", marks, markdown_escape(a.title),
                     b ? " · " + markdown_escape(b->title) : "", source_note(a.source));
  static const std::vector<doc::Block> none;
  blocks_facing(out, a.blocks, b ? b->blocks : none);
  for (std::size_t i = 0; i < a.sections.size(); ++i)
    section_facing(out, a.sections[i], b && i < b->sections.size() ? &b->sections[i] : nullptr,
                   std::min(level + 1, 6));
}

}  // namespace

std::string markdown(const doc::Document& d, const doc::Document* facing) {
  Writer w;
  if (facing) {
    // Both documents come from one Model by one builder: the same sections and
    // blocks in the same order, in two languages.
    w.out += fmt::format("# {} · {}\n\n", markdown_escape(d.title), markdown_escape(facing->title));
    if (!d.subtitle.empty())
      w.out += fmt::format("_{}_ · _{}_\n\n", markdown_escape(d.subtitle),
                           markdown_escape(facing->subtitle));
    blocks_facing(w.out, d.front, facing->front);
    for (std::size_t i = 0; i < d.sections.size(); ++i)
      section_facing(w.out, d.sections[i],
                     i < facing->sections.size() ? &facing->sections[i] : nullptr, 2);
  } else {
    w.out += fmt::format("# {}\n\n", markdown_escape(d.title));
    if (!d.subtitle.empty()) w.out += fmt::format("_{}_\n\n", markdown_escape(d.subtitle));
    for (const auto& b : d.front) w.block(b);
    for (const auto& s : d.sections) section(w, s, 2);
  }
  while (w.out.size() > 1 && w.out.ends_with("\n\n")) w.out.pop_back();
  return w.out;
}

}  // namespace sla::cli

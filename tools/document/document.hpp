// A rendered contract before it has a format: sections, paragraphs, lists, a
// glossary, tables and coverage charts, each clause with the source line it comes
// from. Built once from the Model (contract_document.hpp), then written as Markdown
// or HTML by one writer each, so the formats can never say different things.
// All text here is plain: the writers escape it for their format.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "tools/document/coverage_chart.hpp"

namespace sla::cli::doc {

// A run of text with one style. `reference` is a small technical name (a file
// name, an id) shown as code; `line_break` starts a new line within a table cell;
// `clause` cites a clause by its number ("clause 4.3.2"), linked to `target` (the
// clause's anchor) with `source` (the line that states it) as a reviewer's aid.
// `deleted` and `inserted` mark a redline's old and new words.
struct Run {
  enum class Style { plain, strong, emphasis, reference, line_break, clause, deleted, inserted };
  Style style = Style::plain;
  std::string text;
  std::string target;
  std::string source;
};

using Inline = std::vector<Run>;

inline Inline plain(std::string text) {
  return {Run{Run::Style::plain, std::move(text), {}, {}}};
}

// A clause of the contract carries its number ("4.3.2", given when the document is
// complete) and an anchor; the renderer's own explanations carry neither.
struct Numbering {
  std::string number;  // "4.3.2"; empty: not a numbered clause
  std::string anchor;  // "clause-4-3-2"
};

struct Paragraph {
  Inline text;
  std::string source;   // "line 101"; empty when the sentence is the renderer's own
  bool clause = false;  // states a clause of the contract, so it is numbered
  Numbering numbering;
};

struct List {
  std::vector<Paragraph> items;
  bool ordered = false;
};

struct Term {
  std::string term;
  Inline meaning;
  std::string source;
  Numbering numbering;
};

struct Glossary {
  std::vector<Term> terms;
};

// Column headings, then rows whose first cell heads the row. With a
// `clause_column` heading, the writers add a last column with each row's clause
// number (in a numbered section, where a row with a source states a clause) and
// its source line.
struct Table {
  std::string caption;
  std::vector<std::string> columns;
  std::vector<std::vector<Inline>> rows;
  std::vector<std::string> sources;  // one per row (may be empty strings)
  bool row_headings = true;          // the first cell of a row is its heading
  std::string clause_column;         // "Clause"
  std::vector<Numbering> numbering;  // one per row once numbered
};

struct Chart {
  WeeklyCoverage coverage;
  std::string id;           // unique in the document, for the SVG's title and description
  std::string title;        // "Weekly operating hours of Basic Support"
  std::string description;  // the hours in words, for readers who cannot see the chart
  std::string source;
};

// One party to the agreement: its role in the contract's own defined term
// ("Provider", "Customer") and its name, empty where the contract leaves it to be
// filled in when the agreement is signed.
struct Party {
  std::string term;  // "Customer"
  std::string name;  // "PT Example"; empty: a line to fill in
  std::string role;  // "(the “Customer”)"
};

// The parties block that opens the agreement: "This agreement is made between ...".
struct Parties {
  Inline intro;  // "This agreement is made between:"
  std::vector<Party> parties;
  std::string joiner;  // "and", before the last party
  Inline closing;      // what the parties agree
};

// The signature block: for each party, its name and the lines to sign on.
struct Signatures {
  std::vector<Party> parties;
  std::string for_words;           // "For {}" (one {} for the party's name or term)
  std::vector<std::string> lines;  // "Signature", "Name", "Title", "Date"
};

using Block = std::variant<Paragraph, List, Glossary, Table, Chart, Parties, Signatures>;

struct Section {
  std::string id;      // an anchor, unique in the document: "premium-support"
  std::string number;  // "3", "3.2", "A"; empty for an unnumbered section (the signatures)
  std::string title;   // "3. Premium Support"
  std::string source;
  bool new_page = false;  // printed on a new page
  std::vector<Block> blocks;
  std::vector<Section> sections;
};

struct Document {
  std::string language = "en";  // the words' language, for the HTML's lang
  std::string title;            // the contract's name
  std::string subtitle;         // "Service level agreement by Qiscus"
  std::string running_header;   // printed at the top of every page: the contract's name
  std::string page_words;       // "Page {} of {}", for the printed page numbers
  std::string contents;         // "Contents"
  std::vector<Block> front;     // the title block and the introduction, before the contents
  std::vector<Section> sections;
};

}  // namespace sla::cli::doc

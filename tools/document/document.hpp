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
// name, an id) shown as code; `line_break` starts a new line within a table cell.
struct Run {
  enum class Style { plain, strong, emphasis, reference, line_break };
  Style style = Style::plain;
  std::string text;
};

using Inline = std::vector<Run>;

inline Inline plain(std::string text) {
  return {Run{Run::Style::plain, std::move(text)}};
}

struct Paragraph {
  Inline text;
  std::string source;  // "line 101"; empty when the sentence is the renderer's own
};

struct List {
  std::vector<Paragraph> items;
  bool ordered = false;
};

struct Term {
  std::string term;
  Inline meaning;
  std::string source;
};

struct Glossary {
  std::vector<Term> terms;
};

// Column headings, then rows whose first cell heads the row. When any row has a
// source, the writers add a last "Source" column.
struct Table {
  std::string caption;
  std::vector<std::string> columns;
  std::vector<std::vector<Inline>> rows;
  std::vector<std::string> sources;  // one per row (may be empty strings)
  bool row_headings = true;          // the first cell of a row is its heading
};

struct Chart {
  WeeklyCoverage coverage;
  std::string id;           // unique in the document, for the SVG's title and description
  std::string title;        // "Weekly operating hours of Basic Support"
  std::string description;  // the hours in words, for readers who cannot see the chart
  std::string source;
};

using Block = std::variant<Paragraph, List, Glossary, Table, Chart>;

struct Section {
  std::string id;     // an anchor, unique in the document: "premium-support"
  std::string title;  // "3. Premium Support"
  std::string source;
  bool new_page = false;  // printed on a new page
  std::vector<Block> blocks;
  std::vector<Section> sections;
};

struct Document {
  std::string title;         // the contract's name
  std::string subtitle;      // "Service level agreement by Qiscus"
  std::vector<Block> front;  // the title block and the introduction, before the contents
  std::vector<Section> sections;
};

}  // namespace sla::cli::doc

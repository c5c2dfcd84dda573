#include "tools/lsp/protocol.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tools/reports/ci_formats.hpp"

namespace sla::lsp {

// The analysis and its answers (tools/ide), said here in the protocol's terms.
using namespace ide;

namespace {

int severity_number(Severity s) {
  switch (s) {
    case Severity::error:
      return 1;
    case Severity::warning:
      return 2;
    case Severity::note:
      return 3;
  }
  return 1;
}

// LSP CompletionItemKind numbers.
int completion_kind_number(CompletionKind k) {
  switch (k) {
    case CompletionKind::keyword:
      return 14;
    case CompletionKind::calendar:
      return 7;  // Class
    case CompletionKind::holiday_set:
      return 9;  // Module
    case CompletionKind::priority:
      return 20;  // EnumMember
    case CompletionKind::attribute:
      return 10;  // Property
    case CompletionKind::package:
      return 22;  // Struct
    case CompletionKind::addon:
      return 8;  // Interface
    case CompletionKind::file:
      return 17;  // File
    case CompletionKind::zone:
      return 12;  // Value
    case CompletionKind::snippet:
      return 15;
  }
  return 1;
}

// The index of the file a location names, or nullopt.
std::optional<std::uint32_t> file_named(const Analysis& a, const std::string& name) {
  for (std::uint32_t i = 0; i < a.loaded.sources.size(); ++i)
    if (a.loaded.sources.file(i).name() == name) return i;
  return std::nullopt;
}

std::string message_with_hint(const Diagnostic& d) {
  return d.hint.empty() ? d.message : fmt::format("{}\nhint: {}", d.message, d.hint);
}

}  // namespace

const LineIndex& Positions::lines(std::uint32_t file) const {
  if (lines_.size() <= file) lines_.resize(file + 1);
  if (!lines_[file]) lines_[file].emplace(analysis_.loaded.sources.file(file).text());
  return *lines_[file];
}

Position Positions::position(std::uint32_t file, std::uint32_t offset) const {
  if (file >= analysis_.loaded.sources.size()) return {};
  return lines(file).position(analysis_.loaded.sources.file(file).text(), offset, encoding_);
}

json Positions::range(std::uint32_t file, std::uint32_t begin, std::uint32_t end) const {
  const Position a = position(file, begin), b = position(file, std::max(begin, end));
  return {{"start", {{"line", a.line}, {"character", a.character}}},
          {"end", {{"line", b.line}, {"character", b.character}}}};
}

std::optional<json> Positions::location(const Span& span) const {
  if (span.file >= analysis_.loaded.sources.size()) return std::nullopt;
  auto uri = workspace_.uri_of(analysis_.loaded.sources.file(span.file).name());
  if (!uri) return std::nullopt;
  return json{{"uri", *uri}, {"range", range(span)}};
}

std::uint32_t Positions::offset(const json& position) const {
  const Position p{position.at("line").get<std::uint32_t>(),
                   position.at("character").get<std::uint32_t>()};
  return lines(0).offset(analysis_.text(), p, encoding_);
}

json diagnostic_json(const Diagnostic& d, std::uint32_t begin, std::uint32_t end,
                     const Positions& at) {
  json out = {{"range", at.range(0, begin, end)},
              {"severity", severity_number(d.severity)},
              {"source", "sla"},
              {"message", message_with_hint(d)}};
  if (!d.code.empty()) {
    out["code"] = d.code;
    out["codeDescription"] = {{"href", cli::help_url(d.code)}};
  }
  if (!d.hint.empty()) out["data"] = {{"hint", d.hint}};
  return out;
}

json diagnostics_json(const Analysis& a, const Positions& at) {
  json out = json::array();
  const std::string& self = a.root().name();
  auto related = [&](const Location& l, const std::string& message, json& list) {
    auto file = file_named(a, l.file);
    if (!file) return;
    if (auto place = at.location({*file, l.offset, l.offset + l.length}))
      list.push_back({{"location", *place}, {"message", message}});
  };
  // Where the document imports a file: the first import that brought it in, else
  // the first import (it came in through another file), else the top.
  auto import_span = [&](std::uint32_t file) -> std::pair<std::uint32_t, std::uint32_t> {
    std::optional<std::pair<std::uint32_t, std::uint32_t>> first;
    for (const auto& s : a.symbols.all()) {
      if (s.span.file != 0 || s.kind != SymbolKind::file) continue;
      if (!first) first = {s.span.begin, s.span.end};
      auto it = a.imports.find(import_key(0, s.span.begin));
      if (it != a.imports.end() && it->second == file) return {s.span.begin, s.span.end};
    }
    return first.value_or(std::pair<std::uint32_t, std::uint32_t>{0, 0});
  };
  for (const auto& d : a.diagnostics) {
    const Location& l = d.location;
    if (l.file == self) {
      json j = diagnostic_json(d, l.offset, l.offset + l.length, at);
      json notes = json::array();
      for (const auto& n : d.notes) related(n.location, n.message, notes);
      if (!notes.empty()) j["relatedInformation"] = std::move(notes);
      out.push_back(std::move(j));
      continue;
    }
    // In an imported file: said at the import, with the place to go to.
    auto file = file_named(a, l.file);
    auto [begin, end] = import_span(file.value_or(0));
    Diagnostic here = d;
    here.message =
        fmt::format("in imported file {}:{}:{}: {}", l.file, l.line, l.column, d.message);
    json j = diagnostic_json(here, begin, end, at);
    json notes = json::array();
    related(l, d.message, notes);
    for (const auto& n : d.notes) related(n.location, n.message, notes);
    if (!notes.empty()) j["relatedInformation"] = std::move(notes);
    out.push_back(std::move(j));
  }
  return out;
}

json code_action_json(const CodeAction& action, const Analysis& analysis, const Positions& at,
                      const std::string& uri) {
  json edits = json::array();
  for (const auto& e : action.edits)
    edits.push_back({{"range", at.range(0, e.begin, e.end)}, {"newText", e.text}});
  json out = {{"title", action.title},
              {"kind", "quickfix"},
              {"edit", {{"changes", {{uri, std::move(edits)}}}}}};
  if (action.preferred) out["isPreferred"] = true;
  if (action.diagnostic < analysis.diagnostics.size()) {
    const Diagnostic& d = analysis.diagnostics[action.diagnostic];
    out["diagnostics"] = json::array(
        {diagnostic_json(d, d.location.offset, d.location.offset + d.location.length, at)});
  }
  return out;
}

json completion_json(const std::vector<Completion>& items, std::uint32_t offset,
                     const Positions& at, bool snippets) {
  json list = json::array();
  for (Completion c : items) {
    if (c.kind == CompletionKind::snippet && !snippets) {
      c.kind = CompletionKind::keyword;
      c.insert_text.clear();
    }
    json item = {{"label", c.label}, {"kind", completion_kind_number(c.kind)}};
    if (!c.detail.empty()) item["detail"] = c.detail;
    if (!c.insert_text.empty()) {
      item["insertText"] = c.insert_text;
      if (c.kind == CompletionKind::snippet) item["insertTextFormat"] = 2;
    }
    if (c.replace_from && *c.replace_from <= offset)
      item["textEdit"] = {{"range", at.range(0, *c.replace_from, offset)},
                          {"newText", c.insert_text.empty() ? c.label : c.insert_text}};
    list.push_back(std::move(item));
  }
  return {{"isIncomplete", false}, {"items", std::move(list)}};
}

json outline_json(const std::vector<OutlineItem>& items, const Positions& at) {
  json out = json::array();
  for (const auto& item : items) {
    json j = {{"name", item.name.empty() ? std::string("(unnamed)") : item.name},
              {"kind", item.lsp_kind},
              {"range", at.range(item.range)},
              {"selectionRange", at.range(item.selection)}};
    if (!item.detail.empty()) j["detail"] = item.detail;
    if (!item.children.empty()) j["children"] = outline_json(item.children, at);
    out.push_back(std::move(j));
  }
  return out;
}

json folding_json(const std::vector<Fold>& folds) {
  json out = json::array();
  for (const auto& f : folds) {
    if (f.first_line == 0 || f.last_line <= f.first_line) continue;
    json j = {{"startLine", f.first_line - 1}, {"endLine", f.last_line - 1}};
    if (f.comment) j["kind"] = "comment";
    out.push_back(std::move(j));
  }
  return out;
}

json semantic_tokens_json(const std::vector<SemanticToken>& tokens, const Positions& at) {
  json data = json::array();
  Position previous;
  for (const auto& t : tokens) {
    const Position a = at.position(0, t.begin), b = at.position(0, t.begin + t.length);
    if (b.line != a.line || b.character <= a.character) continue;
    data.push_back(a.line - previous.line);
    data.push_back(a.line == previous.line ? a.character - previous.character : a.character);
    data.push_back(b.character - a.character);
    data.push_back(t.type);
    data.push_back(t.modifiers);
    previous = a;
  }
  return {{"data", std::move(data)}};
}

json text_edits(const std::string& before, const std::string& after, const Positions& at) {
  if (before == after) return json::array();
  // Whole lines in common at the start and at the end.
  std::size_t head = 0;
  for (std::size_t i = 0; i < std::min(before.size(), after.size()) && before[i] == after[i]; ++i)
    if (before[i] == '\n') head = i + 1;
  std::size_t tail = 0;
  for (std::size_t i = 1; i <= std::min(before.size(), after.size()) - head &&
                          before[before.size() - i] == after[after.size() - i];
       ++i)
    if (before[before.size() - i] == '\n' && i > 1) tail = i - 1;
  const auto begin = static_cast<std::uint32_t>(head);
  const auto end = static_cast<std::uint32_t>(before.size() - tail);
  return json::array({{{"range", at.range(0, begin, end)},
                       {"newText", after.substr(head, after.size() - tail - head)}}});
}

}  // namespace sla::lsp

#include "tools/document/redline.hpp"

#include <map>

namespace sla::cli {

namespace {

using Style = doc::Run::Style;

doc::Run run(Style style, std::string text) {
  return doc::Run{style, std::move(text), {}, {}};
}

std::string effect_words(Effect effect, const Wording& w) {
  switch (effect) {
    // TRANSLATORS: a change's effect on the client, in a redline: it gets less.
    case Effect::weaker:
      return w.say("weaker");
    // TRANSLATORS: a change's effect on the client, in a redline: it gets more.
    case Effect::stronger:
      return w.say("stronger");
    // TRANSLATORS: a change's effect on the client, in a redline: neither.
    case Effect::neutral:
      return w.say("neutral");
  }
  return {};
}

// What each changed line of the new version was: "old value" per line.
using Marks = std::map<unsigned, std::vector<const Change*>>;

// " [was: 4 business hours]", the old value struck, after a clause.
void mark(doc::Inline& text, const std::vector<const Change*>& changes, const Wording& w) {
  for (const Change* c : changes) {
    text.push_back(run(Style::plain, " "));
    if (!c->old_value.empty()) {
      text.push_back(run(Style::deleted, c->old_value));
      text.push_back(run(Style::plain, " "));
    }
    // TRANSLATORS: after a clause of a redline: the change's effect on the client.
    text.push_back(run(Style::inserted, w.say("(changed: {})", effect_words(c->effect, w))));
  }
}

const std::vector<const Change*>* marks_of(const Marks& marks, const SourceOf& source_of,
                                           const std::string& source, const std::string& file) {
  if (source.empty()) return nullptr;
  const auto [f, line] = source_of(source);
  if (line == 0 || f != file) return nullptr;
  const auto it = marks.find(line);
  return it == marks.end() ? nullptr : &it->second;
}

// Every place that states a changed line: a clause a package inherits is shown
// in each package's section, and marked in each.
void mark_blocks(std::vector<doc::Block>& blocks, const Marks& marks, const SourceOf& source_of,
                 const std::string& file, const Wording& w) {
  for (auto& block : blocks) {
    if (auto* p = std::get_if<doc::Paragraph>(&block)) {
      if (const auto* m = marks_of(marks, source_of, p->source, file)) mark(p->text, *m, w);
    } else if (auto* list = std::get_if<doc::List>(&block)) {
      for (auto& item : list->items)
        if (const auto* m = marks_of(marks, source_of, item.source, file)) mark(item.text, *m, w);
    } else if (auto* table = std::get_if<doc::Table>(&block)) {
      for (std::size_t r = 0; r < table->rows.size() && r < table->sources.size(); ++r)
        if (const auto* m = marks_of(marks, source_of, table->sources[r], file);
            m && !table->rows[r].empty())
          mark(table->rows[r].back(), *m, w);
    }
  }
}

void mark_sections(std::vector<doc::Section>& sections, const Marks& marks,
                   const SourceOf& source_of, const std::string& file, const Wording& w) {
  for (auto& s : sections) {
    mark_blocks(s.blocks, marks, source_of, file, w);
    mark_sections(s.sections, marks, source_of, file, w);
  }
}

}  // namespace

void mark_changes(doc::Document& d, const std::vector<Change>& changes,
                  const std::string& compared_with, const Wording& w, const SourceOf& source_of) {
  // The summary, before the contents: every change, even one no clause states
  // (a removed package).
  d.front.push_back(doc::Paragraph{
      {run(Style::strong, w.say("Changes since {}", compared_with)), run(Style::plain, " "),
       run(Style::plain, changes.empty() ? w.say("None: the two versions say the same.")
                                         : w.say("Struck: the old version's words; underlined: "
                                                 "this version's."))},
      {},
      false,
      {}});
  if (!changes.empty()) {
    doc::Table table;
    table.caption = w.say("Changes since {}", compared_with);
    table.columns = {w.say("Effect for the client"), w.say("Change"), w.say("Was"), w.say("Now")};
    table.row_headings = false;
    for (const auto& c : changes) {
      table.rows.push_back({{run(Style::strong, effect_words(c.effect, w))},
                            {run(Style::plain, c.message)},
                            {run(Style::deleted, c.old_value)},
                            {run(Style::inserted, c.new_value)}});
      table.sources.emplace_back();
    }
    d.front.push_back(std::move(table));
  }
  // Each clause the new version states differently, marked where it is.
  Marks marks;
  std::string file;
  for (const auto& c : changes)
    if (c.new_at.line) {
      marks[c.new_at.line].push_back(&c);
      file = c.new_at.file;
    }
  mark_sections(d.sections, marks, source_of, file, w);
}

}  // namespace sla::cli

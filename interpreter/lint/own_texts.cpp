#include "interpreter/lint/own_texts.hpp"

#include <set>

namespace sla::lint {

namespace {

class Collector {
 public:
  Collector(std::vector<OwnText>& out, bool with_libraries)
      : out_(out), with_libraries_(with_libraries) {}

  void add(const std::string& text, const SourceRef& at) {
    if (text.empty() || (!with_libraries_ && at.file.starts_with("std/"))) return;
    if (seen_.insert(text).second) out_.push_back({text, at});
  }

  void package(const Package& p) {
    add(p.title, p.span);
    add(p.summary, p.span);
    add(p.sold_included_in, p.span);
    add(p.sold_label, p.span);
    if (p.price) add(p.price->label, p.span);
    for (const auto& ch : p.channels) {
      add(ch.name, p.span);
      add(ch.label, p.span);
    }
    for (const auto& f : p.features) {
      add(f.name, p.span);
      add(f.description, p.span);
    }
    for (const auto& [priority, words] : p.descriptions) add(words, p.span);
    for (const auto& t : p.targets) add(t.label, t.span);
    auto bands = [&](const std::vector<EscalationBand>& list) {
      for (const auto& b : list) {
        add(b.role, b.span);
        add(b.contact, b.span);
        add(b.channel, b.span);
        add(b.remark, b.span);
      }
    };
    if (p.escalation) bands(*p.escalation);
    for (const auto& l : p.ladders) bands(l.bands);
    for (const auto& u : p.uptime) {
      add(u.service, u.span);
      add(u.target_label, u.span);
      for (const auto& e : u.exclusions) add(e.text, e.span);
      add(u.credits_text, u.span);
      for (const auto& n : u.notes) add(n, u.span);
    }
    for (const auto& n : p.notes) add(n, p.span);
  }

 private:
  std::vector<OwnText>& out_;
  bool with_libraries_;
  std::set<std::string> seen_;
};

void add_labels(Collector& c, const SourceMap& sources, const ast::Node& node) {
  for (const auto& v : node.args)
    if (const auto* label = std::get_if<ast::Label>(&v)) {
      const Location at = sources.locate(node.span);
      c.add(label->value, {at.file, at.line, at.column});
    }
  for (const auto& child : node.children) add_labels(c, sources, child);
}

}  // namespace

std::vector<OwnText> own_texts(const Model& m, const SourceMap& sources,
                               const std::vector<ast::File>& files, bool with_libraries) {
  std::vector<OwnText> out;
  Collector c(out, with_libraries);
  const Header& h = m.contract;
  c.add(h.name, h.span);
  c.add(h.summary, h.span);
  c.add(h.review_label, h.span);
  c.add(h.change_notice_label, h.span);
  c.add(h.change_notice_via, h.span);
  c.add(h.change_notice_to, h.span);
  for (const auto& d : m.definitions) {
    c.add(d.term, d.span);
    c.add(d.meaning, d.span);
  }
  for (const auto& p : m.priorities) c.add(p.description, p.span);
  for (const auto& a : m.attributes) c.add(a.label, a.span);
  for (const auto& s : m.holiday_sets) {
    c.add(s.title, s.span);
    for (const auto& d : s.days) c.add(d.name, s.span);
  }
  for (const auto& cal : m.calendars) {
    c.add(cal.title, cal.span);
    c.add(cal.summary, cal.span);
  }
  for (const auto& p : m.packages) c.package(p);
  for (const auto& a : m.addons) c.package(a);
  for (const auto& e : m.examples) c.add(e.name, e.span);
  for (const auto& file : files) add_labels(c, sources, file.root);
  return out;
}

}  // namespace sla::lint

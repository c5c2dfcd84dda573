#include "tools/helpdesk/desk_reader.hpp"

#include <fmt/format.h>

namespace sla::cli {

namespace {

// The first character that is not blank, left in the stream: JSON or CSV. A
// byte-order mark before it is read past (an editor's UTF-8), and `line` is the
// line it is on, so that the CSV reader counts on from there.
int first_character(std::FILE* in, std::size_t& line) {
  line = 1;
  int c = std::getc(in);
  if (c == 0xEF) {
    const int b = std::getc(in);
    const int f = b == 0xBB ? std::getc(in) : EOF;
    if (b != 0xBB || f != 0xBF) {  // not a BOM: a CSV whose header starts with 0xEF
      if (f != EOF) std::ungetc(f, in);
      if (b != EOF && (b != 0xBB || f == EOF)) std::ungetc(b, in);
      std::ungetc(c, in);
      return c;
    }
    c = std::getc(in);
  }
  for (int previous = 0; c == ' ' || c == '\t' || c == '\r' || c == '\n';
       previous = c, c = std::getc(in))
    if (c == '\r' || (c == '\n' && previous != '\r')) ++line;  // CR, LF or CRLF
  if (c != EOF) std::ungetc(c, in);
  return c;
}

}  // namespace

bool DeskReader::open(std::FILE* in, Desk desk, DeskMap map, const Evaluator& evaluator,
                      std::string& error) {
  map_ = std::move(map);
  const Calendar* zone = &evaluator.calendar();
  if (!map_.zone.empty()) {
    CalendarSpec spec;
    spec.name = "desk";
    spec.zone = map_.zone;
    zone_ = std::make_unique<Calendar>(std::move(spec));  // the map checked the zone
    zone = zone_.get();
  }
  std::vector<std::string> priorities, statuses;
  for (const auto& p : evaluator.model().priorities) priorities.push_back(p.name);
  if (evaluator.package().pause_statuses) statuses = *evaluator.package().pause_statuses;
  // A map value the contract does not know would fail every row, or, for a status,
  // silently turn a pause off: the map is the user's to fix first.
  const Model& model = evaluator.model();
  const std::string contract = model.files.empty() ? model.contract.name : model.files.front();
  if (error = check_desk_map(map_, priorities, statuses, contract); !error.empty()) return false;
  builder_.emplace(map_, std::move(priorities), std::move(statuses));
  switch (desk) {
    case Desk::zendesk:
      return reader_.emplace<ZendeskReader>(in, *zone).start(error);
    case Desk::jira: {
      std::size_t line = 1;
      const int c = first_character(in, line);
      if (c == '{' || c == '[') return reader_.emplace<JiraJsonReader>(in, *zone).start(error);
      return reader_.emplace<JiraCsvReader>(in, *zone, line).start(error);
    }
    case Desk::zammad:
      return reader_.emplace<ZammadReader>(in, *zone).start(error);
    case Desk::freshdesk:
      return reader_.emplace<FreshdeskReader>(in, *zone).start(error);
  }
  return false;
}

bool DeskReader::next(TicketRow& row) {
  const bool more = std::visit(
      [&](auto& reader) {
        if constexpr (std::is_same_v<std::decay_t<decltype(reader)>, std::monostate>)
          return false;
        else
          return reader.next(ticket_);
      },
      reader_);
  if (!more) return false;
  row = TicketRow{};
  row.number = ++rows_;
  builder_->build(ticket_, row);
  return true;
}

std::size_t DeskReader::peak_held() const {
  if (const auto* zendesk = std::get_if<ZendeskReader>(&reader_)) return zendesk->peak_held();
  return 1;
}

}  // namespace sla::cli

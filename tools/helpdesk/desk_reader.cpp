#include "tools/helpdesk/desk_reader.hpp"

#include <fmt/format.h>

namespace sla::cli {

namespace {

// The first character that is not blank, left in the stream: JSON or CSV.
int first_character(std::FILE* in) {
  int c = std::getc(in);
  while (c == ' ' || c == '\t' || c == '\r' || c == '\n') c = std::getc(in);
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
  builder_.emplace(map_, std::move(priorities), std::move(statuses));
  switch (desk) {
    case Desk::zendesk:
      return reader_.emplace<ZendeskReader>(in, *zone).start(error);
    case Desk::jira: {
      const int c = first_character(in);
      if (c == '{' || c == '[') return reader_.emplace<JiraJsonReader>(in, *zone).start(error);
      return reader_.emplace<JiraCsvReader>(in, *zone).start(error);
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

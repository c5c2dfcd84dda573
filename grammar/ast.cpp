#include "grammar/ast.hpp"

namespace sla::ast {

std::string_view name(Kind kind) {
  switch (kind) {
    case Kind::file:
      return "file";
    case Kind::import_file:
      return "import";
    case Kind::contract:
      return "contract";
    case Kind::definitions:
      return "definitions";
    case Kind::holiday_set:
      return "holidays";
    case Kind::calendar:
      return "calendar";
    case Kind::priorities:
      return "priorities";
    case Kind::attribute:
      return "attribute";
    case Kind::package:
      return "package";
    case Kind::addon:
      return "addon";
    case Kind::example:
      return "example";
    case Kind::translation:
      return "translation";
    case Kind::provider:
      return "provider";
    case Kind::client:
      return "client";
    case Kind::version:
      return "version";
    case Kind::effective:
      return "effective";
    case Kind::ends:
      return "ends";
    case Kind::reviewed:
      return "reviewed";
    case Kind::change_notice:
      return "changes notified";
    case Kind::summary:
      return "summary";
    case Kind::definition:
      return "definition";
    case Kind::priority:
      return "priority";
    case Kind::source:
      return "source";
    case Kind::covers:
      return "covers";
    case Kind::holiday:
      return "holiday";
    case Kind::extends:
      return "extends";
    case Kind::zone:
      return "zone";
    case Kind::open:
      return "open";
    case Kind::closed:
      return "closed";
    case Kind::special_hours:
      return "special hours";
    case Kind::business_day:
      return "business day";
    case Kind::union_of:
      return "union of";
    case Kind::sold:
      return "sold";
    case Kind::price:
      return "price";
    case Kind::requirement:
      return "requires";
    case Kind::exclusion:
      return "excludes";
    case Kind::uses_calendar:
      return "calendar";
    case Kind::channel:
      return "channel";
    case Kind::feature:
      return "feature";
    case Kind::describe:
      return "describe";
    case Kind::respond:
      return "respond";
    case Kind::resolve:
      return "resolve";
    case Kind::update:
      return "update";
    case Kind::restore:
      return "restore";
    case Kind::ticket_credit:
      return "credit per breached";
    case Kind::credit_cap:
      return "credits at most";
    case Kind::clock_starts:
      return "clock starts";
    case Kind::clock_pauses:
      return "clock pauses";
    case Kind::warn_at:
      return "warn at";
    case Kind::escalation:
      return "escalation";
    case Kind::band:
      return "band";
    case Kind::uptime:
      return "uptime";
    case Kind::uptime_target:
      return "target";
    case Kind::measured:
      return "measured";
    case Kind::commitment:
      return "commitment";
    case Kind::published:
      return "published";
    case Kind::unavailable:
      return "unavailable";
    case Kind::excluded_time:
      return "excluded time";
    case Kind::exclude:
      return "exclude";
    case Kind::service_credits:
      return "service credits";
    case Kind::credit:
      return "credit";
    case Kind::note:
      return "note";
    case Kind::under:
      return "under";
    case Kind::ticket:
      return "ticket";
    case Kind::ticket_attribute:
      return "where";
    case Kind::responded:
      return "responded";
    case Kind::updated:
      return "updated";
    case Kind::restored:
      return "restored";
    case Kind::resolved:
      return "resolved";
    case Kind::expect:
      return "expect";
    case Kind::translated:
      return "translated text";
  }
  return "statement";
}

bool is_block(Kind kind) {
  switch (kind) {
    case Kind::contract:
    case Kind::definitions:
    case Kind::holiday_set:
    case Kind::calendar:
    case Kind::priorities:
    case Kind::package:
    case Kind::addon:
    case Kind::example:
    case Kind::translation:
    case Kind::escalation:
    case Kind::uptime:
      return true;
    default:
      return false;
  }
}

}  // namespace sla::ast

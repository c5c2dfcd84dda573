#include "tools/calendar_export/calendar_ics.hpp"

#include <fmt/format.h>
#include <cstdint>
#include <map>

#include <date/tz.h>

#include "interpreter/time/calendar.hpp"
#include "tools/calendar_export/calendar_days.hpp"
#include "tools/calendar_export/ics_writer.hpp"
#include "tools/calendar_export/vtimezone.hpp"

namespace sla::cli {

namespace {

std::string date_value(date::local_days d) {
  return date::format("%Y%m%d", d);
}
std::string utc_value(Instant t) {
  return date::format("%Y%m%dT%H%M%SZ", t);
}
std::string local_value(date::local_seconds t) {
  return date::format("%Y%m%dT%H%M%S", t);
}

std::string hours_list(const std::vector<DailyInterval>& hours) {
  std::string out;
  for (const auto& h : hours) out += (out.empty() ? "" : ", ") + hours_text(h);
  return out;
}

}  // namespace

std::string uid_slug(std::string_view text) {
  const auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  const auto separator = [](char c) { return c == ' ' || c == '-' || c == '_'; };
  std::string out;
  bool gap = false;
  // A character dropped (one that is neither a letter, a digit nor a single
  // separator between words) lets another name give the same slug. Case does not
  // count: "ACME support" is the Acme Support contract written otherwise.
  bool lossy = text.empty();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!alnum(c)) {
      if (!separator(c) || i == 0 || i + 1 == text.size() || !alnum(text[i - 1]) ||
          !alnum(text[i + 1]))
        lossy = true;
      gap = !out.empty();
      continue;
    }
    if (gap) out += '-';
    gap = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (out.empty()) out = "contract";
  if (!lossy) return out;
  // FNV-1a, 32 bits, of the name's bytes: the same on every run and machine.
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
  return fmt::format("{}-{:08x}", out, hash);
}

CalendarIcsText calendar_ics(const CalendarIcs& e) {
  const CalendarInfo& info = *e.calendar;
  const Calendar& calendar = *info.calendar;
  const date::time_zone* tz = nullptr;
  if (!calendar.spec().zone.empty()) tz = date::locate_zone(calendar.spec().zone);
  const std::string title = info.title.empty() ? info.id : info.title;
  const std::string stamp = utc_value(e.stamp);
  auto uid = [&](const std::string& when, const char* what) {
    return fmt::format("{}-{}-{}-{}@sla", when, what, info.id, e.contract_key);
  };

  IcsWriter out;
  out.begin("VCALENDAR");
  out.line("VERSION", "2.0");
  out.line("PRODID", fmt::format("-//sla//sla calendar export {}//EN", e.version));
  out.line("CALSCALE", "GREGORIAN");
  out.line("METHOD", "PUBLISH");
  out.text("X-WR-CALNAME",
           e.contract_name.empty() ? title : fmt::format("{}: {}", e.contract_name, title));
  out.text(
      "X-WR-CALDESC",
      fmt::format(
          "{} of calendar {} ({}){}, {} to {}. Made by sla calendar export from the "
          "contract: change the contract, not these events.",
          e.openings ? "Closures, special hours and opening hours" : "Closures and special hours",
          info.id, info.zone, e.contract_name.empty() ? "" : fmt::format(" of {}", e.contract_name),
          date::format("%F", e.first), date::format("%F", e.last)));
  if (tz) out.line("X-WR-TIMEZONE", tz->name());
  if (e.openings && tz)
    write_vtimezone(out, *tz, calendar.to_instant(e.first),
                    calendar.to_instant(e.last + date::days{2}));

  std::size_t events = 0;
  const auto days = dated_days(calendar, e.first, e.last);
  std::map<date::local_days, const DatedDay*> special;
  for (const auto& d : days) {
    const bool closed = d.hours.empty();
    if (!closed) special[d.day] = &d;
    const std::string hours = hours_list(d.hours);
    const std::string name = d.tentative ? d.name + " (tentative)" : d.name;
    const std::string summary =
        closed ? (name.empty() ? std::string("Closed") : fmt::format("Closed: {}", name))
               : fmt::format("{}: open {} only", name.empty() ? "Special hours" : name, hours);
    out.begin("VEVENT");
    out.line("UID", uid(date_value(d.day), closed ? "closed" : "hours"));
    out.line("DTSTAMP", stamp);
    out.line("DTSTART;VALUE=DATE", date_value(d.day));
    out.line("DTEND;VALUE=DATE", date_value(d.day + date::days{1}));
    out.text("SUMMARY", summary);
    std::string description =
        closed ? fmt::format("Calendar {} ({}) is closed all day on {}{}.", info.id, info.zone,
                             date::format("%F", d.day),
                             d.name.empty() ? "" : fmt::format(": {}", d.name))
               : fmt::format("Calendar {} is open only {} ({} time) on {}{}.", info.id, hours,
                             info.zone, date::format("%F", d.day),
                             d.name.empty() ? "" : fmt::format(": {}", d.name));
    if (d.tentative)
      description +=
          " The date is tentative: it follows a lunar calendar, and the authorities can move it "
          "by a day.";
    out.text("DESCRIPTION", description);
    out.text("CATEGORIES", closed ? "Closed" : "Special hours");
    out.line("TRANSP", "TRANSPARENT");
    out.line("X-MICROSOFT-CDO-BUSYSTATUS", "FREE");
    out.line("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE");
    out.end("VEVENT");
    ++events;
  }

  if (e.openings) {
    for (const Opening& o : openings(calendar, e.first, e.last)) {
      const date::local_seconds start = calendar.to_local(o.start);
      const auto day = std::chrono::floor<date::days>(start);
      const auto it = special.find(day);
      out.begin("VEVENT");
      out.line("UID", uid(tz ? local_value(start) : utc_value(o.start), "open"));
      out.line("DTSTAMP", stamp);
      if (tz) {
        out.line(fmt::format("DTSTART;TZID={}", tz->name()), local_value(start));
        out.line(fmt::format("DTEND;TZID={}", tz->name()), local_value(calendar.to_local(o.end)));
      } else {
        out.line("DTSTART", utc_value(o.start));
        out.line("DTEND", utc_value(o.end));
      }
      out.text("SUMMARY", it == special.end() || it->second->name.empty()
                              ? std::string("Open")
                              : fmt::format("Open ({} hours)", it->second->name));
      out.text("DESCRIPTION", fmt::format("Calendar {} ({}) is open.", info.id, info.zone));
      out.line("TRANSP", "TRANSPARENT");
      out.line("X-MICROSOFT-CDO-BUSYSTATUS", "FREE");
      out.end("VEVENT");
      ++events;
    }
  }
  out.end("VCALENDAR");
  return {out.str(), events};
}

}  // namespace sla::cli

#include "tools/holidays/ics_reader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include <libical/ical.h>

#include "grammar/source.hpp"
#include "tools/holidays/ics_outline.hpp"
#include "tools/holidays/zone_name.hpp"

namespace sla::cli {

namespace {

using date::local_days;
using date::local_seconds;
using std::chrono::seconds;

constexpr int kFirstYear = 1900, kLastYear = 2399;  // the years a .sla date may name
// A rule that needs more steps than this to reach the end of its years (every
// second for centuries) is refused rather than left to run for minutes.
constexpr std::size_t kMostSteps = 2'000'000;
// An end this close to midnight ends the day: "00:00 to 23:59" is a whole day.
constexpr seconds kEndOfDaySlack{60};

// Where a value's clock is: as written (floating), in UTC, or in a TZID's zone.
struct Frame {
  enum Kind { floating, utc, zoned } kind = floating;
  std::string tzid;
  std::optional<Zone> zone;  // of a TZID the tz database knows
  bool same(const Frame& o) const { return kind == o.kind && tzid == o.tzid; }
};

// A DATE or DATE-TIME value: the clock reading as written, in its frame.
struct Stamp {
  local_seconds wall;
  bool is_date = false;
  bool valid = false;
};

Stamp stamp_of(const icaltimetype& t) {
  if (icaltime_is_null_time(t)) return {};
  const date::year_month_day ymd{date::year{t.year}, date::month{static_cast<unsigned>(t.month)},
                                 date::day{static_cast<unsigned>(t.day)}};
  if (!ymd.ok() || t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 ||
      t.second > 60)
    return {};
  Stamp s;
  s.is_date = t.is_date != 0;
  s.wall = local_days{ymd} + std::chrono::hours(s.is_date ? 0 : t.hour) +
           std::chrono::minutes(s.is_date ? 0 : t.minute) + seconds(s.is_date ? 0 : t.second);
  s.valid = true;
  return s;
}

Frame frame_of(icalproperty* p, const icaltimetype& t) {
  Frame f;
  if (icaltime_is_utc(t)) {
    f.kind = Frame::utc;
    return f;
  }
  if (icalparameter* tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER)) {
    f.kind = Frame::zoned;
    f.tzid = icalparameter_get_tzid(tzid) ? icalparameter_get_tzid(tzid) : "";
    f.zone = zone_named(f.tzid);
  }
  return f;
}

// The same moment on another clock; nullopt when a zone is unknown. A floating
// time reads the same on every clock.
std::optional<local_seconds> convert(local_seconds wall, const Frame& from, const Frame& to) {
  if (from.same(to) || from.kind == Frame::floating || to.kind == Frame::floating) return wall;
  std::optional<std::chrono::sys_seconds> instant;
  if (from.kind == Frame::utc)
    instant = std::chrono::sys_seconds{wall.time_since_epoch()};
  else if (from.zone)
    instant = from.zone->to_instant(wall);
  if (!instant) return std::nullopt;
  if (to.kind == Frame::utc) return local_seconds{instant->time_since_epoch()};
  if (to.zone) return to.zone->to_local(*instant);
  return std::nullopt;
}

std::string time_text(local_seconds t) {
  return date::format("%F %R", t);
}

// iCalendar TEXT escapes (\, \; \n \\) as found in X- properties libical leaves raw.
std::string unescape_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char c = s[++i];
      out += c == 'n' || c == 'N' ? '\n' : c;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct IcalFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
struct IterFree {
  void operator()(icalrecur_iterator* i) const { icalrecur_iterator_free(i); }
};

// The properties whose values decide the dates: one libical cannot read is an
// error, where any other broken property is only noted.
bool decides_dates(const std::string& property) {
  static const std::set<std::string> names{"DTSTART", "DTEND",  "DURATION",     "RRULE",
                                           "RDATE",   "EXDATE", "RECURRENCE-ID"};
  return names.count(property) > 0;
}

// A libical X-LIC-ERROR as a message: "Can't parse as DATE-TIME value in DTEND
// property. Removing entire property: garbage" -> the property and the value.
struct LibicalError {
  std::string property, kind, value, text;
};
LibicalError libical_error(std::string_view text) {
  LibicalError e;
  e.text = std::string(text);
  if (auto in = text.find(" in "), prop = text.find(" property");
      in != std::string_view::npos && prop != std::string_view::npos && prop > in)
    e.property = std::string(text.substr(in + 4, prop - in - 4));
  if (auto as = text.find("parse as "), value = text.find(" value");
      as != std::string_view::npos && value != std::string_view::npos && value > as)
    e.kind = std::string(text.substr(as + 9, value - as - 9));
  if (auto colon = text.find("property: "); colon != std::string_view::npos)
    e.value = std::string(text.substr(colon + 10));
  return e;
}

class Reader {
 public:
  Reader(const IcsOutline& outline, const IcsOptions& options, ImportedHolidays& out)
      : outline_(outline), options_(options), out_(out) {}

  void read(icalcomponent* root) {
    std::vector<icalcomponent*> calendars;
    if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
      calendars.push_back(root);
    } else {
      for (auto* c = icalcomponent_get_first_component(root, ICAL_VCALENDAR_COMPONENT); c;
           c = icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
        calendars.push_back(c);
    }
    for (auto* cal : calendars) {
      read_calendar_properties(cal);
      for (auto* e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
           e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        const std::size_t k = events_.size();
        events_.push_back({e, k < outline_.events.size() ? &outline_.events[k] : &unknown_});
      }
    }
    choose_utc_zone();
    // Occurrences moved or cancelled elsewhere: (UID, RECURRENCE-ID) of each override.
    for (const auto& ev : events_) {
      icalproperty* rid = icalcomponent_get_first_property(ev.c, ICAL_RECURRENCEID_PROPERTY);
      const char* uid = icalcomponent_get_uid(ev.c);
      if (!rid || !uid) continue;
      const icaltimetype t = icalproperty_get_recurrenceid(rid);
      const Stamp s = stamp_of(t);
      if (s.valid) overridden_[uid].push_back({s, frame_of(rid, t)});
    }
    std::vector<const Event*> endless;
    for (const auto& ev : events_) {
      if (!usable(ev)) return;
      if (!options_.years && repeats_without_end(ev.c)) {
        endless.push_back(&ev);
        continue;
      }
      if (!add_event(ev, options_.years ? options_.years->last : kLastYear)) return;
    }
    // Rules without an end run as far as the rest of the file, and at least five
    // years past this one.
    int last = std::min(options_.this_year + 5, kLastYear);
    for (const auto& d : out_.days) last = std::max(last, static_cast<int>(d.day.year()));
    for (const Event* ev : endless) {
      note(ev->at->line_of("RRULE"),
           fmt::format("'{}' repeats without end (RRULE without COUNT or UNTIL): its dates are "
                       "listed through {}; --years A..B chooses the years",
                       name_of(*ev), last));
      if (!add_event(*ev, last)) return;
    }
    if (utc_used_)
      note(0, fmt::format("times in UTC are read as dates in {}{}", zone_text(utc_zone_),
                          utc_zone_from_));
    if (cancelled_)
      note(0, fmt::format("{} cancelled event{} (STATUS:CANCELLED) left out", cancelled_,
                          cancelled_ == 1 ? "" : "s"));
    // In the order of the file; what concerns the whole file last.
    std::stable_sort(out_.notes.begin(), out_.notes.end(), [](auto& a, auto& b) {
      return (a.line == 0 ? SIZE_MAX : a.line) < (b.line == 0 ? SIZE_MAX : b.line);
    });
  }

 private:
  struct Event {
    icalcomponent* c;
    const EventOutline* at;
  };
  struct Excluded {
    Stamp stamp;
    Frame frame;
  };
  struct Occurrence {
    Stamp start;
    std::optional<seconds> length;  // an RDATE period's own length
  };

  void note(std::size_t line, std::string message) {
    out_.notes.push_back({line, std::move(message)});
  }
  bool fail(std::size_t line, std::string message) {
    if (!out_.error) out_.error = ImportNote{line, std::move(message)};
    return false;
  }

  void read_calendar_properties(icalcomponent* cal) {
    for (auto* p = icalcomponent_get_first_property(cal, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(cal, ICAL_X_PROPERTY)) {
      const char* name = icalproperty_get_x_name(p);
      const char* value = icalproperty_get_x(p);
      if (!name || !value) continue;
      const std::string n = name;
      if (n == "X-WR-CALNAME" && out_.calendar_name.empty())
        out_.calendar_name = unescape_text(value);
      if (n == "X-WR-TIMEZONE" && calendar_zone_.empty()) calendar_zone_ = unescape_text(value);
    }
  }

  void choose_utc_zone() {
    if (options_.zone) {
      utc_zone_ = *options_.zone;
      utc_zone_from_ = " (--zone)";
    } else if (auto z = zone_named(calendar_zone_); z && !calendar_zone_.empty()) {
      utc_zone_ = *z;
      utc_zone_from_ = ", the calendar's X-WR-TIMEZONE; --zone chooses another zone";
    } else {
      utc_zone_ = Zone();
      utc_zone_from_ = calendar_zone_.empty()
                           ? ": the calendar names no zone (X-WR-TIMEZONE); --zone chooses one"
                           : fmt::format(
                                 ": the calendar's X-WR-TIMEZONE '{}' is not a known zone; --zone "
                                 "chooses one",
                                 escape_invisible(calendar_zone_));
    }
  }

  std::string name_of(const Event& ev) const {
    const char* summary = icalcomponent_get_summary(ev.c);
    return summary && *summary ? std::string(summary) : "(no title)";
  }

  // The errors libical found in the event's values: fatal in the properties that
  // decide its dates.
  bool usable(const Event& ev) {
    for (auto* p = icalcomponent_get_first_property(ev.c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(ev.c, ICAL_XLICERROR_PROPERTY)) {
      const char* text = icalproperty_get_xlicerror(p);
      const LibicalError e = libical_error(text ? text : "");
      if (decides_dates(e.property))
        return fail(ev.at->line_of(e.property),
                    e.kind.empty() || e.value.empty()
                        ? fmt::format("{} cannot be read: {}", e.property, escape_invisible(e.text))
                        : fmt::format("{} '{}' is not a valid {} value", e.property,
                                      escape_invisible(e.value), e.kind));
      // Others do not matter (Google writes an empty DESCRIPTION and LOCATION in
      // every event), except the name.
      if (e.property == "SUMMARY")
        note(ev.at->line_of(e.property),
             fmt::format("the SUMMARY cannot be read, so the event is '(no title)': {}",
                         escape_invisible(e.text)));
    }
    return true;
  }

  static bool repeats_without_end(icalcomponent* c) {
    for (auto* p = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_RRULE_PROPERTY)) {
      const icalrecurrencetype r = icalproperty_get_rrule(p);
      if (r.count == 0 && icaltime_is_null_time(r.until)) return true;
    }
    return false;
  }

  // Whether an event may have dates in --years: notes about events outside them are
  // noise to someone who asked for those years only. Without its occurrences (a
  // cancelled event's are not worked out), by its start: one that starts after
  // the years, or before them without repeating, has none there.
  bool may_fall_in_years(icalcomponent* c) const {
    if (!options_.years) return true;
    icalproperty* dtstart = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
    if (!dtstart) return true;
    const int year = icalproperty_get_dtstart(dtstart).year;
    const bool repeats = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY) ||
                         icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY);
    return year <= options_.years->last && (repeats || year >= options_.years->first);
  }
  bool in_years(int year) const { return !options_.years || options_.years->contains(year); }

  // Adds the dates of one event, its recurrences up to the end of `last_year`.
  bool add_event(const Event& ev, int last_year) {
    if (icalcomponent_get_status(ev.c) == ICAL_STATUS_CANCELLED) {
      if (may_fall_in_years(ev.c)) ++cancelled_;
      return true;
    }
    const std::string name = name_of(ev);
    const std::size_t line = ev.at->begin_line;
    icalproperty* dtstart = icalcomponent_get_first_property(ev.c, ICAL_DTSTART_PROPERTY);
    if (!dtstart)
      return fail(line, fmt::format("the event '{}' has no DTSTART, so it has no date",
                                    escape_invisible(name)));
    const icaltimetype ts = icalproperty_get_dtstart(dtstart);
    const Stamp start = stamp_of(ts);
    if (!start.valid)
      return fail(ev.at->line_of("DTSTART"),
                  fmt::format("DTSTART of '{}' is not a valid date", escape_invisible(name)));
    const Frame frame = frame_of(dtstart, ts);

    // The length: days for an all-day event, seconds of its clock for a timed one.
    seconds length{start.is_date ? 86400 : 0};
    if (icalproperty* dtend = icalcomponent_get_first_property(ev.c, ICAL_DTEND_PROPERTY)) {
      const icaltimetype te = icalproperty_get_dtend(dtend);
      const Stamp end = stamp_of(te);
      if (!end.valid)
        return fail(ev.at->line_of("DTEND"),
                    fmt::format("DTEND of '{}' is not a valid date", escape_invisible(name)));
      auto wall = end.is_date || start.is_date ? std::optional(end.wall)
                                               : convert(end.wall, frame_of(dtend, te), frame);
      if (!wall) {
        note(ev.at->line_of("DTEND"),
             fmt::format("'{}': DTEND is in a zone the tz database does not know, and not the "
                         "zone of DTSTART; it is read as written",
                         escape_invisible(name)));
        wall = end.wall;
      }
      length = *wall - start.wall;
      if (start.is_date) {
        // An all-day event ends on a date; a time on that date still closes it.
        const auto days = std::chrono::floor<date::days>(length);
        length = days + (length > days ? date::days{1} : date::days{0});
        if (length.count() == 0) length = date::days{1};  // DTEND = DTSTART: one day
      }
      if (length.count() < 0)
        return fail(ev.at->line_of("DTEND"),
                    fmt::format("'{}' ends ({}) before it starts ({})", escape_invisible(name),
                                time_text(*wall), time_text(start.wall)));
    } else if (icalproperty* duration =
                   icalcomponent_get_first_property(ev.c, ICAL_DURATION_PROPERTY)) {
      const icaldurationtype d = icalproperty_get_duration(duration);
      if (d.is_neg)
        return fail(ev.at->line_of("DURATION"),
                    fmt::format("the DURATION of '{}' is negative", escape_invisible(name)));
      length = seconds{((static_cast<long long>(d.weeks) * 7 + d.days) * 24 + d.hours) * 3600 +
                       static_cast<long long>(d.minutes) * 60 + d.seconds};
      if (start.is_date) {
        const auto days = std::chrono::ceil<date::days>(length);
        length = days.count() == 0 ? date::days{1} : days;
      }
    }

    // The occurrences: DTSTART, the rules', RDATEs; less EXDATEs and overrides.
    std::vector<Occurrence> occurrences{{start, std::nullopt}};
    for (auto* p = icalcomponent_get_first_property(ev.c, ICAL_RRULE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev.c, ICAL_RRULE_PROPERTY)) {
      const icalrecurrencetype rule = icalproperty_get_rrule(p);
      std::unique_ptr<icalrecur_iterator, IterFree> it(icalrecur_iterator_new(rule, ts));
      if (!it)
        return fail(ev.at->line_of("RRULE"),
                    fmt::format("the RRULE of '{}' cannot be expanded ({})", escape_invisible(name),
                                icalerror_strerror(icalerrno)));
      std::size_t steps = 0;
      for (icaltimetype t = icalrecur_iterator_next(it.get()); !icaltime_is_null_time(t);
           t = icalrecur_iterator_next(it.get())) {
        if (t.year > last_year) break;
        if (++steps > kMostSteps)
          return fail(ev.at->line_of("RRULE"),
                      fmt::format("the RRULE of '{}' repeats more than {} times before the end of "
                                  "{}; choose fewer years with --years",
                                  escape_invisible(name), kMostSteps, last_year));
        const Stamp s = stamp_of(t);
        if (s.valid) occurrences.push_back({s, std::nullopt});
      }
    }
    for (auto* p = icalcomponent_get_first_property(ev.c, ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev.c, ICAL_RDATE_PROPERTY)) {
      const icaldatetimeperiodtype r = icalproperty_get_rdate(p);
      if (!icaltime_is_null_time(r.time)) {
        Stamp s = stamp_of(r.time);
        if (!s.valid) continue;
        if (!s.is_date)
          if (auto w = convert(s.wall, frame_of(p, r.time), frame)) s.wall = *w;
        occurrences.push_back({s, std::nullopt});
      } else if (!icaltime_is_null_time(r.period.start)) {
        Stamp s = stamp_of(r.period.start);
        if (!s.valid) continue;
        const Frame pf = frame_of(p, r.period.start);
        std::optional<seconds> own;
        if (!icaltime_is_null_time(r.period.end)) {
          const Stamp e = stamp_of(r.period.end);
          if (e.valid) own = e.wall - s.wall;
        } else {
          own = seconds{icaldurationtype_as_int(r.period.duration)};
        }
        if (auto w = convert(s.wall, pf, frame)) s.wall = *w;
        occurrences.push_back({s, own});
      }
    }
    std::vector<Excluded> excluded;
    for (auto* p = icalcomponent_get_first_property(ev.c, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(ev.c, ICAL_EXDATE_PROPERTY)) {
      const icaltimetype t = icalproperty_get_exdate(p);
      if (const Stamp s = stamp_of(t); s.valid) excluded.push_back({s, frame_of(p, t)});
    }
    const bool is_override = icalcomponent_get_first_property(ev.c, ICAL_RECURRENCEID_PROPERTY);
    if (const char* uid = icalcomponent_get_uid(ev.c); uid && !is_override)
      if (auto it = overridden_.find(uid); it != overridden_.end())
        excluded.insert(excluded.end(), it->second.begin(), it->second.end());
    auto is_excluded = [&](const Stamp& s) {
      return std::any_of(excluded.begin(), excluded.end(), [&](const Excluded& x) {
        if (x.stamp.is_date || s.is_date)
          return std::chrono::floor<date::days>(x.stamp.wall) ==
                 std::chrono::floor<date::days>(s.wall);
        const auto w = convert(x.stamp.wall, x.frame, frame);
        return w && *w == s.wall;
      });
    };

    std::set<local_seconds> seen;
    std::size_t short_ones = 0, kept = 0;
    std::optional<local_seconds> first_short, first_partial;
    for (const auto& o : occurrences) {
      if (!seen.insert(o.start.wall).second || is_excluded(o.start)) continue;
      const seconds len = o.length.value_or(length);
      std::vector<local_days> days;
      if (start.is_date) {
        const auto first = std::chrono::floor<date::days>(o.start.wall);
        for (auto d = first; d < first + std::chrono::ceil<date::days>(len); d += date::days{1})
          days.push_back(d);
      } else {
        const local_seconds from = local_clock(o.start.wall, frame);
        const local_seconds to = local_clock(o.start.wall + len, frame);
        auto day = std::chrono::ceil<date::days>(from);
        for (; day + date::days{1} <= to + kEndOfDaySlack; day += date::days{1})
          days.push_back(day);
        // What happens outside --years is not said: only the years asked about are.
        const auto year_of = [](local_seconds t) {
          return static_cast<int>(date::year_month_day{std::chrono::floor<date::days>(t)}.year());
        };
        if (!in_years(year_of(from)) && !in_years(year_of(to))) continue;
        if (frame.kind == Frame::utc) utc_used_ = true;
        if (days.empty()) {
          ++short_ones;
          if (!first_short) first_short = from;
          continue;
        }
        if ((from < days.front() || to > days.back() + date::days{1}) && !first_partial)
          first_partial = from < days.front() ? from : days.back() + date::days{1};
      }
      for (local_days d : days) {
        const date::year_month_day ymd{d};
        const int year = static_cast<int>(ymd.year());
        if (year < kFirstYear || year > kLastYear) continue;
        if (!in_years(year)) continue;
        out_.days.push_back({ymd, name, line});
        ++kept;
      }
    }
    if (short_ones)
      note(line,
           fmt::format("'{}' ({}{}) is a timed event shorter than a day: it closes no whole "
                       "day, so it is left out{}",
                       escape_invisible(name), time_text(*first_short),
                       short_ones > 1 ? fmt::format(", and {} more times", short_ones - 1) : "",
                       kept ? "" : " (write it as an all-day event to import it)"));
    if (first_partial && kept)
      note(line, fmt::format("'{}' covers part of a day ({}): only the whole days it covers are "
                             "kept",
                             escape_invisible(name), time_text(*first_partial)));
    return true;
  }

  // A clock reading as the local time the dates are taken from: the event's own
  // zone as written, or for UTC times the zone chosen for them.
  local_seconds local_clock(local_seconds wall, const Frame& frame) const {
    if (frame.kind != Frame::utc) return wall;
    return utc_zone_.to_local(std::chrono::sys_seconds{wall.time_since_epoch()});
  }

  const IcsOutline& outline_;
  const IcsOptions& options_;
  ImportedHolidays& out_;
  EventOutline unknown_{};
  std::vector<Event> events_;
  std::map<std::string, std::vector<Excluded>> overridden_;
  std::string calendar_zone_;
  Zone utc_zone_;
  std::string utc_zone_from_;
  bool utc_used_ = false;
  std::size_t cancelled_ = 0;
};

}  // namespace

ImportedHolidays read_ics(std::string_view text, const IcsOptions& options) {
  ImportedHolidays out;
  const IcsOutline outline = outline_ics(text);
  if (outline.error) {
    out.error = outline.error;
    return out;
  }
  // libical aborts on an error by default; here every error is a message.
  icalerror_set_errors_are_fatal(0);
  icalerror_clear_errno();
  const std::string unfolded = outline.unfolded();
  std::unique_ptr<icalcomponent, IcalFree> root(icalparser_parse_string(unfolded.c_str()));
  if (!root) {
    out.error = ImportNote{
        outline.lines.front().line,
        fmt::format("libical cannot parse this calendar ({})", icalerror_strerror(icalerrno))};
    return out;
  }
  Reader(outline, options, out).read(root.get());
  icalmemory_free_ring();
  return out;
}

}  // namespace sla::cli

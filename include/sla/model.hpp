// The checked contract: names resolved, inheritance flattened, units checked.
// Immutable once built and shared by pointer; every clause keeps a SourceRef so
// tools can point back at the line that said it.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "sla/export.hpp"

namespace sla {

class Calendar;  // the compiled opening hours; internal to the library

// Every instant the library takes or returns: UTC, whole seconds.
using Instant = std::chrono::sys_seconds;

struct SourceRef {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

enum class Commitment { committed, best_effort };
// What a target measures: the first response, the resolution, the gaps between
// updates while open, the restoration of service (or a workaround).
enum class TargetKind { response, resolution, update, restoration };

// "response", "resolution", "update", "restoration"
SLA_API std::string_view name(TargetKind kind);
// The words its statement starts with: "respond to", "resolve", "update", "restore".
SLA_API std::string_view verb(TargetKind kind);
enum class TimeUnit { minute, hour, day, week };

// A duration as the contract states it; business units are resolved against a
// calendar when evaluated (see Package::seconds).
struct DurationValue {
  std::int64_t milli = 0;  // thousandths of `unit`
  TimeUnit unit = TimeUnit::hour;
  bool business = false;
  bool calendar = false;  // "30 calendar days": the same as "30 days", said outright
  std::string text;       // canonical words: "4 business hours", "30 calendar days"
};

struct Money {
  std::string currency;
  std::int64_t milli = 0;  // thousandths of a currency unit
  std::string period;      // "", "per year", "per month", "one-off"
  std::string label;
};

struct Header {
  std::string name, provider, version, summary;
  // The other party, when the contract is made out to one; empty for a contract
  // offered to any client (a document then leaves a line to fill in).
  std::string client;
  std::string effective;     // YYYY-MM-DD, empty when not stated
  std::string ends;          // YYYY-MM-DD, the last day in force; empty: open-ended
  std::string review_cycle;  // "annually", "every 6 months", ...
  std::string review_label;
  std::optional<DurationValue> change_notice;
  std::string change_notice_via;  // how changes are notified: "e-mail"; empty when not stated
  std::string change_notice_to;   // to whom: "the Client's named contact"; empty when not stated
  std::string change_notice_label;
  SourceRef span;
};

struct Definition {
  std::string term, meaning;
  SourceRef span;
};

struct Priority {
  std::string name, description;
  int rank = 0;  // 0 = lowest
  SourceRef span;
};

struct Holiday {
  std::string date;  // YYYY-MM-DD
  std::string name;
  std::vector<std::string> hours;  // special hours "09:00-12:00"; empty = closed
  bool tentative = false;          // the source says the date may still move (a lunar calendar)
};

struct HolidaySet {
  std::string id, title, source;
  int first_year = 0, last_year = 0;  // the years the set covers
  std::vector<Holiday> days;
  SourceRef span;
};

// A ticket field that targets may be keyed on: attribute channel "phone", "e-mail".
struct Attribute {
  std::string name;
  std::vector<std::string> values;  // as declared; tickets match them case-insensitively
  std::string label;
  SourceRef span;
};

// where channel is "phone", "chat": a target for tickets with one of these values.
struct Condition {
  std::string attribute;
  std::vector<std::string> values;
  std::string text() const;  // channel is "phone", "chat"
  friend bool operator==(const Condition&, const Condition&) = default;
  // Written out rather than a defaulted <=>: libc++ 14 (Emscripten's in Debian 12)
  // has no <=> for strings and vectors yet.
  friend bool operator<(const Condition& a, const Condition& b) {
    return std::tie(a.attribute, a.values) < std::tie(b.attribute, b.values);
  }
};

// A deadline stated as a time of a later business day rather than a length:
// "by 12:00 next business day", "by end of next business day".
struct RelativeDeadline {
  std::optional<int> at_minutes;  // minutes after local midnight; none: the day's last closing
  std::string text;               // "by 12:00 next business day"
};

struct CalendarInfo {
  std::string id, title, zone;            // zone: IANA name or "UTC+07:00"
  std::vector<std::string> weekly;        // readable: "Mon-Fri 09:00-17:00"
  std::vector<std::string> holiday_sets;  // closed on these sets
  std::vector<std::string> dated;  // its own dated rules: "2026-12-24 09:00-12:00 (Christmas Eve)"
  std::string extends, summary;
  std::vector<std::string> union_of;  // open when any of these calendars is
  bool holidays_stated = false;       // says whether public holidays close it
  std::optional<std::int64_t> business_day_seconds;
  std::shared_ptr<const Calendar> calendar;
  SourceRef span;
};

struct Target {
  TargetKind kind = TargetKind::response;
  std::string priority;
  bool for_all = false;                // stated for 'all' priorities
  std::optional<Condition> where;      // only for tickets with this attribute value
  DurationValue within;                // for updates: the longest gap between updates
  std::optional<RelativeDeadline> by;  // instead of `within`: by 12:00 next business day
  std::string calendar;                // its own calendar ("on calendar X"); empty: the package's
  Commitment commitment = Commitment::committed;
  std::string label;
  std::string origin;  // the package or add-on that stated it
  SourceRef span;
};

struct EscalationBand {
  DurationValue from;
  std::optional<DurationValue> until;  // none: open-ended
  std::string role, contact, channel, remark;
  bool when_no_response = false;   // only while the ticket has had no response
  bool when_not_resolved = false;  // on after the response, until the resolution
  SourceRef span;
};

// A ladder of escalation bands for some priorities (none listed: all of them).
struct Escalation {
  std::vector<std::string> priorities;
  std::vector<EscalationBand> bands;
  SourceRef span;
};

// credit 5 % per breached P1 response: a service credit per missed ticket target.
struct TicketCredit {
  std::int64_t percent_milli = 0;
  std::string priority;  // empty: every priority
  TargetKind kind = TargetKind::response;
  SourceRef span;
};

struct Exclusion {
  std::string category;  // "scheduled maintenance", "third party", "force majeure", "other"
  std::string text;
  std::optional<DurationValue> notice;
  SourceRef span;
};

struct CreditTier {
  std::int64_t credit_milli = 0;  // percent, in thousandths
  std::int64_t below_milli = 0;
  SourceRef span;
};

// How excluded time (maintenance, third parties...) enters the uptime figure.
enum class ExcludedTime {
  unstated,            // the contract does not say; computed as `removed`
  removed,             // excluded time is removed from the period: up / (period - excluded)
  counts_as_available  // excluded time counts as available: (up + excluded) / period
};

struct Uptime {
  std::string service;
  std::string unavailable_when;  // what counts as unavailable, in the contract's words
  ExcludedTime excluded_time = ExcludedTime::unstated;
  std::optional<std::int64_t> target_milli;  // percent, in thousandths
  std::string target_label;
  std::string period;  // "monthly", "quarterly", "yearly"; empty when not stated
  Commitment commitment = Commitment::committed;
  std::string published_at;
  std::vector<Exclusion> exclusions;
  bool credits_named = false;
  std::string credits_text;
  std::vector<CreditTier> credits;
  std::vector<std::string> notes;
  SourceRef span;
};

struct Channel {
  std::string name, at, label;
};

struct Feature {
  std::string name, description;
};

// A package (or add-on) with everything it says. For packages in Model::packages
// inheritance is already applied; add-ons hold only their own statements and are
// applied by Model::select.
struct SLA_API Package {
  std::string id, title, summary;
  bool is_addon = false;
  std::string extends;  // the parent package, if any
  std::string sold_included_in;
  bool sold_separately = false;
  std::string sold_label;
  std::optional<Money> price;
  std::vector<std::string> requires_, excludes;
  // The clause that states each entry of requires_ and excludes, for messages.
  std::vector<SourceRef> requires_at, excludes_at;
  std::string calendar;  // a CalendarInfo id
  std::vector<Channel> channels;
  std::vector<Feature> features;
  std::map<std::string, std::string> descriptions;  // priority -> wording for this package
  std::vector<Target> targets;                      // ordered by kind, then priority rank
  std::optional<bool> clock_starts_at_next_opening;
  std::optional<std::vector<std::string>> pause_statuses;
  // warn at 50 %, 75 %: the shares of a target's time (thousandths of a percent,
  // rising) from which a pending ticket is at risk; unset: never warned of.
  std::optional<std::vector<std::int32_t>> warn_at_milli;
  // The ladder for all priorities (escalation { ... }); see ladders for the others.
  std::optional<std::vector<EscalationBand>> escalation;
  std::vector<Escalation> ladders;  // escalation for P1, P2 { ... }
  std::vector<TicketCredit> ticket_credits;
  std::optional<std::int64_t> credit_cap_milli;  // credits at most N % per month
  std::vector<Uptime> uptime;
  std::vector<std::string> notes;
  std::vector<std::string> applied_addons;  // set by Model::select
  SourceRef span;

  // The target for a priority with no attribute condition.
  const Target* target(TargetKind kind, const std::string& priority) const;
  // The escalation bands that apply to a priority: its own ladder, else the one for all.
  const std::vector<EscalationBand>* ladder(const std::string& priority) const;
};

struct Expectation {
  std::string subject;  // "response", "resolution", "update", "restoration", "escalation"
  std::string due;      // local date-time "YYYY-MM-DD HH:MM", for due and escalation
  std::string status;   // "met", "breached", "pending"
  std::string role;     // for escalation
  SourceRef span;
};

struct Example {
  std::string name, package;
  std::vector<std::string> addons;
  std::string priority;  // empty: a ticket without a priority
  std::map<std::string, std::string> attributes;
  std::string raised, responded, resolved, restored;  // local date-times; empty when absent
  std::vector<std::string> updates;                   // local date-times
  std::vector<Expectation> expectations;
  SourceRef span;
};

// translation id "Bahasa Indonesia" { "Basic Support" = "Dukungan Dasar" }: the
// contract's own texts in another language, keyed by the text as written.
struct Translation {
  std::string language;  // "id"
  std::string name;      // "Bahasa Indonesia"
  std::map<std::string, std::string, std::less<>> texts;
  std::map<std::string, SourceRef, std::less<>> at;  // where each entry is stated
  SourceRef span;
};

struct SLA_API Model {
  Header contract;
  std::vector<Definition> definitions;
  std::vector<Priority> priorities;  // lowest first
  std::vector<Attribute> attributes;
  std::vector<HolidaySet> holiday_sets;
  std::vector<CalendarInfo> calendars;
  std::vector<Package> packages;
  std::vector<Package> addons;
  std::vector<Example> examples;
  std::vector<Translation> translations;
  std::vector<std::string> files;  // the root file, then its imports

  const Package* package(const std::string& id) const;
  const Package* addon(const std::string& id) const;
  const CalendarInfo* calendar(const std::string& id) const;
  const Priority* priority(std::string_view name) const;  // case-insensitive
  const Attribute* attribute(std::string_view name) const;
};

// The result of choosing a package and add-ons: the merged terms, or why not.
struct Selection {
  std::optional<Package> package;
  const CalendarInfo* calendar = nullptr;
  std::string error;  // set when package is empty
};

// Applies `addons` to `package` in the contract's declaration order, checking
// each add-on's requires and excludes.
SLA_API Selection select(const Model& model, const std::string& package,
                         const std::vector<std::string>& addons = {});

// The duration in seconds: business units use the calendar's business-day length.
SLA_API std::optional<std::chrono::seconds> to_seconds(const DurationValue& d,
                                                       const CalendarInfo& calendar);

}  // namespace sla

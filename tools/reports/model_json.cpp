#include "tools/reports/model_json.hpp"

#include <fmt/format.h>

#include "tools/console/output.hpp"

namespace sla::cli {

namespace {

using json = nlohmann::ordered_json;

std::string number_text(std::int64_t milli) {
  if (milli % 1000 == 0) return fmt::format("{}", milli / 1000);
  std::string s = fmt::format("{}.{:03}", milli / 1000, milli % 1000);
  while (s.back() == '0') s.pop_back();
  return s;
}

std::string_view commitment_name(Commitment c) {
  return c == Commitment::committed ? "committed" : "best_effort";
}

json duration_json(const DurationValue& d, const CalendarInfo* calendar) {
  json j{{"text", d.text}, {"business", d.business}};
  if (d.calendar) j["calendar"] = true;  // "30 calendar days": said outright
  if (calendar)
    if (auto s = to_seconds(d, *calendar)) j["seconds"] = s->count();
  return j;
}

}  // namespace

std::string money_text(const Money& money) {
  const std::int64_t whole = money.milli / 1000;
  std::string digits = fmt::format("{}", whole);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  // Exact: cents as two digits ("1.50"), a third digit only when the contract has one.
  if (const auto fraction = money.milli % 1000; fraction % 10 != 0)
    grouped += fmt::format(".{:03}", fraction);
  else if (fraction != 0)
    grouped += fmt::format(".{:02}", fraction / 10);
  return fmt::format("{} {}", money.currency, grouped);
}

std::string percent_text(std::int64_t milli) {
  return fmt::format("{} %", number_text(milli));
}

std::string warn_at_text(const std::vector<std::int32_t>& milli) {
  std::string out;
  for (const auto share : milli) out += (out.empty() ? "" : ", ") + percent_text(share);
  return out;
}

json to_json(const Package& p, const Model& model) {
  const CalendarInfo* calendar = model.calendar(p.calendar);
  json j;
  j["id"] = p.id;
  j["title"] = p.title;
  j["kind"] = p.is_addon ? "addon" : "package";
  if (!p.extends.empty()) j["extends"] = p.extends;
  if (!p.summary.empty()) j["summary"] = p.summary;
  if (!p.sold_included_in.empty())
    j["sold"] = {{"included_in", p.sold_included_in}, {"label", p.sold_label}};
  if (p.sold_separately) j["sold"] = {{"separately", true}};
  if (p.price)
    j["price"] = {{"currency", p.price->currency},
                  {"amount", number_text(p.price->milli)},
                  {"text", money_text(*p.price)},
                  {"period", p.price->period},
                  {"label", p.price->label}};
  if (!p.requires_.empty()) j["requires"] = p.requires_;
  if (!p.excludes.empty()) j["excludes"] = p.excludes;
  if (!p.applied_addons.empty()) j["addons"] = p.applied_addons;
  if (!p.calendar.empty()) j["calendar"] = p.calendar;
  auto channels = json::array();
  for (const auto& c : p.channels)
    channels.push_back({{"name", c.name}, {"at", c.at}, {"label", c.label}});
  j["channels"] = channels;
  auto features = json::array();
  for (const auto& f : p.features)
    features.push_back({{"name", f.name}, {"description", f.description}});
  j["features"] = features;
  if (!p.descriptions.empty()) j["priority_descriptions"] = p.descriptions;

  // Per kind, the target of each priority; those on an attribute condition (and
  // those for tickets without a priority) are listed apart, under "conditional".
  json targets{{"response", json::object()}, {"resolution", json::object()}};
  auto conditional = json::array();
  for (const auto& t : p.targets) {
    json tj = t.by ? json{{"by", t.by->text}} : duration_json(t.within, calendar);
    if (t.by && t.by->at_minutes) tj["at_minutes"] = *t.by->at_minutes;
    if (!t.calendar.empty()) tj["calendar"] = t.calendar;
    tj["commitment"] = commitment_name(t.commitment);
    if (!t.label.empty()) tj["label"] = t.label;
    tj["origin"] = t.origin;
    tj["span"] = to_json(t.span);
    const std::string kind(name(t.kind));
    if (t.where) {
      tj["kind"] = kind;
      tj["priority"] = t.priority.empty() ? json() : json(t.priority);
      tj["where"] = {{"attribute", t.where->attribute}, {"values", t.where->values}};
      conditional.push_back(tj);
    } else {
      targets[kind][t.priority] = tj;
    }
  }
  if (!conditional.empty()) targets["conditional"] = conditional;
  j["targets"] = targets;
  if (!p.ticket_credits.empty()) {
    auto credits = json::array();
    for (const auto& c : p.ticket_credits)
      credits.push_back({{"percent", static_cast<double>(c.percent_milli) / 1000.0},
                         {"priority", c.priority.empty() ? json() : json(c.priority)},
                         {"per_breached", name(c.kind)},
                         {"span", to_json(c.span)}});
    j["ticket_credits"] = credits;
  }
  if (p.credit_cap_milli)
    j["credits_at_most_percent_per_month"] = static_cast<double>(*p.credit_cap_milli) / 1000.0;
  json clock;
  if (p.clock_starts_at_next_opening)
    clock["starts"] = *p.clock_starts_at_next_opening ? "at next opening" : "at creation";
  if (p.pause_statuses) clock["pauses_on_status"] = *p.pause_statuses;
  if (!clock.empty()) j["clock"] = clock;
  if (p.warn_at_milli) {
    auto shares = json::array();
    for (const auto share : *p.warn_at_milli) shares.push_back(static_cast<double>(share) / 1000.0);
    j["warn_at_percent"] = shares;
  }
  auto ladder_json = [&](const std::vector<EscalationBand>& ladder) {
    auto bands = json::array();
    for (const auto& b : ladder) {
      json bj{{"from", duration_json(b.from, calendar)}};
      if (b.until) bj["until"] = duration_json(*b.until, calendar);
      bj["role"] = b.role;
      if (!b.contact.empty()) bj["contact"] = b.contact;
      if (!b.channel.empty()) bj["via"] = b.channel;
      if (b.when_no_response) bj["when"] = "no response";
      if (b.when_not_resolved) bj["when"] = "not resolved";
      if (!b.remark.empty()) bj["remark"] = b.remark;
      bj["span"] = to_json(b.span);
      bands.push_back(bj);
    }
    return bands;
  };
  if (p.escalation) j["escalation"] = ladder_json(*p.escalation);
  if (!p.ladders.empty()) {
    auto ladders = json::array();
    for (const auto& l : p.ladders)
      ladders.push_back({{"priorities", l.priorities},
                         {"bands", ladder_json(l.bands)},
                         {"span", to_json(l.span)}});
    j["escalation_for"] = ladders;
  }
  auto uptime = json::array();
  for (const auto& u : p.uptime) {
    json uj{{"service", u.service}};
    if (u.target_milli) uj["target_percent"] = static_cast<double>(*u.target_milli) / 1000.0;
    if (!u.target_label.empty()) uj["label"] = u.target_label;
    uj["period"] = u.period;
    uj["commitment"] = commitment_name(u.commitment);
    if (!u.published_at.empty()) uj["published_at"] = u.published_at;
    if (!u.unavailable_when.empty()) uj["unavailable_when"] = u.unavailable_when;
    if (u.excluded_time != ExcludedTime::unstated)
      uj["excluded_time"] = u.excluded_time == ExcludedTime::counts_as_available
                                ? "counts as available"
                                : "removed from the period";
    auto exclusions = json::array();
    for (const auto& e : u.exclusions) {
      json ej{{"category", e.category}, {"text", e.text}};
      if (e.notice) ej["notice"] = e.notice->text;
      ej["span"] = to_json(e.span);
      exclusions.push_back(ej);
    }
    uj["exclusions"] = exclusions;
    auto tiers = json::array();
    for (const auto& c : u.credits)
      tiers.push_back({{"credit_percent", static_cast<double>(c.credit_milli) / 1000.0},
                       {"below_percent", static_cast<double>(c.below_milli) / 1000.0},
                       {"span", to_json(c.span)}});
    uj["service_credits"] = {
        {"named", u.credits_named}, {"text", u.credits_text}, {"tiers", tiers}};
    uj["span"] = to_json(u.span);
    uptime.push_back(uj);
  }
  j["uptime"] = uptime;
  if (!p.notes.empty()) j["notes"] = p.notes;
  j["span"] = to_json(p.span);
  return j;
}

json to_json(const Model& m) {
  json j;
  const Header& h = m.contract;
  j["contract"] = {{"name", h.name},
                   {"provider", h.provider},
                   {"client", h.client},
                   {"version", h.version},
                   {"effective", h.effective},
                   {"ends", h.ends},
                   {"review_cycle", h.review_cycle},
                   {"change_notice", h.change_notice ? h.change_notice->text : ""},
                   {"summary", h.summary},
                   {"span", to_json(h.span)}};
  if (!h.change_notice_via.empty()) j["contract"]["change_notice_via"] = h.change_notice_via;
  if (!h.change_notice_to.empty()) j["contract"]["change_notice_to"] = h.change_notice_to;
  auto definitions = json::array();
  for (const auto& d : m.definitions)
    definitions.push_back({{"term", d.term}, {"meaning", d.meaning}, {"span", to_json(d.span)}});
  j["definitions"] = definitions;
  auto priorities = json::array();
  for (const auto& p : m.priorities)
    priorities.push_back({{"name", p.name},
                          {"rank", p.rank},
                          {"description", p.description},
                          {"span", to_json(p.span)}});
  j["priorities"] = priorities;
  if (!m.attributes.empty()) {
    auto attributes = json::array();
    for (const auto& a : m.attributes)
      attributes.push_back({{"name", a.name}, {"values", a.values}, {"span", to_json(a.span)}});
    j["attributes"] = attributes;
  }
  auto calendars = json::array();
  for (const auto& c : m.calendars) {
    json cj{{"id", c.id},
            {"title", c.title},
            {"zone", c.zone},
            {"open", c.weekly},
            {"closed_on_holidays", c.holiday_sets},
            {"dated", c.dated},
            {"holidays_stated", c.holidays_stated}};
    if (!c.extends.empty()) cj["extends"] = c.extends;
    if (!c.union_of.empty()) cj["union_of"] = c.union_of;
    if (!c.summary.empty()) cj["summary"] = c.summary;
    if (c.business_day_seconds) cj["business_day_seconds"] = *c.business_day_seconds;
    cj["span"] = to_json(c.span);
    calendars.push_back(cj);
  }
  j["calendars"] = calendars;
  auto sets = json::array();
  for (const auto& s : m.holiday_sets) {
    auto days = json::array();
    for (const auto& d : s.days) {
      json dj{{"date", d.date}, {"name", d.name}};
      if (!d.hours.empty()) dj["open"] = d.hours;
      if (d.tentative) dj["tentative"] = true;
      days.push_back(dj);
    }
    sets.push_back({{"id", s.id},
                    {"title", s.title},
                    {"source", s.source},
                    {"covers", {s.first_year, s.last_year}},
                    {"days", days},
                    {"span", to_json(s.span)}});
  }
  j["holiday_sets"] = sets;
  auto packages = json::array();
  for (const auto& p : m.packages) packages.push_back(to_json(p, m));
  j["packages"] = packages;
  auto addons = json::array();
  for (const auto& a : m.addons) addons.push_back(to_json(a, m));
  j["addons"] = addons;
  auto examples = json::array();
  for (const auto& e : m.examples) {
    auto expect = json::array();
    for (const auto& x : e.expectations) {
      json xj{{"subject", x.subject}};
      if (!x.due.empty()) xj[x.subject == "escalation" ? "at" : "due"] = x.due;
      if (!x.status.empty()) xj["status"] = x.status;
      if (!x.role.empty()) xj["role"] = x.role;
      xj["span"] = to_json(x.span);
      expect.push_back(xj);
    }
    examples.push_back({{"name", e.name},
                        {"package", e.package},
                        {"addons", e.addons},
                        {"priority", e.priority},
                        {"raised", e.raised},
                        {"responded", e.responded},
                        {"resolved", e.resolved},
                        {"expect", expect},
                        {"span", to_json(e.span)}});
  }
  j["examples"] = examples;
  auto translations = json::array();
  for (const auto& t : m.translations) {
    auto texts = json::object();
    for (const auto& [from, to] : t.texts) texts[from] = to;
    translations.push_back(
        {{"language", t.language}, {"name", t.name}, {"texts", texts}, {"span", to_json(t.span)}});
  }
  j["translations"] = translations;
  // Each file under a "file" key, like the file of every span, so that one filter
  // drops every trace of where the contract was read from.
  auto files = json::array();
  for (const auto& f : m.files) files.push_back(json{{"file", f}});
  j["files"] = files;
  return j;
}

}  // namespace sla::cli

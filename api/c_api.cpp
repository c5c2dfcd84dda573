// The C API: opaque handles over the C++ API (include/sla/sla.h says the rules).
// Every entry point catches everything: no exception crosses into C.
#include "sla/sla.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "sla/evaluator.hpp"
#include "sla/explanation.hpp"
#include "sla/load.hpp"
#include "sla/ticket.hpp"
#include "sla/timestamp.hpp"

struct sla_options {
  sla::LoadOptions options;
};

struct sla_contract {
  std::shared_ptr<const sla::Model> model;
};

struct sla_diagnostics {
  std::vector<sla::Diagnostic> list;
  std::string text;  // all of them, one per line
};

struct sla_evaluator {
  sla::Evaluator evaluator;
};

namespace {

using sla::Instant;

// Runs `body`, turning any exception into SLA_ERROR_INTERNAL.
template <class Body>
sla_status guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (...) {
    return SLA_ERROR_INTERNAL;
  }
}

std::string line_of(const sla::Diagnostic& d) {
  static constexpr const char* severity[] = {"error", "warning", "note"};
  std::string out = d.location.file;
  if (d.location.line > 0)
    out += ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column);
  if (!out.empty()) out += ": ";
  out += severity[static_cast<int>(d.severity)];
  if (!d.code.empty()) out += "[" + d.code + "]";
  out += ": " + d.message;
  if (!d.hint.empty()) out += " (" + d.hint + ")";
  return out;
}

// Hands `list` to the caller when they asked for diagnostics.
void give(sla_diagnostics** out, std::vector<sla::Diagnostic> list) {
  if (!out) return;
  *out = nullptr;
  auto d = std::make_unique<sla_diagnostics>();
  for (const auto& one : list) d->text += line_of(one) + "\n";
  d->list = std::move(list);
  *out = d.release();
}

void give_message(sla_diagnostics** out, std::string message) {
  sla::Diagnostic d;
  d.location.line = 0;
  d.location.column = 0;
  d.message = std::move(message);
  give(out, {std::move(d)});
}

const sla::Diagnostic* at(const sla_diagnostics* d, size_t i) {
  return d && i < d->list.size() ? &d->list[i] : nullptr;
}

// The years the evaluator supports (see sla/evaluator.hpp), as Unix seconds.
constexpr int64_t kFirst = -2177452800;  // 1901-01-01T00:00:00Z
constexpr int64_t kEnd = 13537929600;    // 2399-01-01T00:00:00Z

bool in_range(int64_t t) {
  return t >= kFirst && t < kEnd;
}

// What sla_format_time writes: four-digit years whatever the offset, which covers
// every due time (a calendar-time target is at most a century after 2398, pauses
// at most the supported years again).
constexpr int64_t kFormatFirst = -62104060800;  // 0002-01-01T00:00:00Z
constexpr int64_t kFormatEnd = 253339228800;    // 9998-01-01T00:00:00Z

// True when `text` starts with a four-digit year outside 1901-2398: such a time is
// well formed but out of range.
bool year_out_of_range(std::string_view text) {
  if (text.size() < 5 || text[4] != '-') return false;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    year = year * 10 + (text[i] - '0');
  }
  return year < 1901 || year > 2398;
}

Instant instant(int64_t t) {
  return Instant(std::chrono::seconds(t));
}

std::optional<Instant> optional_instant(int64_t t) {
  if (t == SLA_NO_TIME) return std::nullopt;
  return instant(t);
}

int64_t unix_seconds(const std::optional<Instant>& t) {
  if (!t || *t == Instant::max()) return SLA_NO_TIME;
  return t->time_since_epoch().count();
}

// What converting a C ticket needs besides the ticket, reused across a batch so
// that a batch allocates nothing per ticket once grown.
struct Scratch {
  std::vector<sla::TicketEvent> events;
  std::vector<std::string_view> attributes;  // in the order of Model::attributes
  std::vector<char> given;                   // per attribute: named by the ticket
};

// Out of range becomes a time just before the supported years: the evaluator
// reports it, and no conversion overflows.
int64_t clamp(int64_t v) {
  return v == SLA_NO_TIME || in_range(v) ? v : kFirst - 1;
}
// An event's time is never "none": SLA_NO_TIME is out of range too.
Instant event_time(int64_t v) {
  return instant(in_range(v) ? v : kFirst - 1);
}

// Checks what the C types leave open, then converts the C ticket (with its `_ex`
// part, when given) into the C++ API's Ticket, whose views point into `t`, `ex` and
// `s`. Times outside the range the evaluator checks come through clamped and are
// reported by it as errors, so any int64 is safe here. On failure `error` says why
// (static text).
sla_status ticket_of(const sla::Model& model, const sla_ticket& t, const sla_ticket_ex* ex,
                     Scratch& s, sla::Ticket& ticket, const char*& error) {
  if (t.event_count > 0 && !t.events) {
    error = "events is NULL but event_count is not 0";
    return SLA_ERROR_ARGUMENT;
  }
  for (size_t i = 0; i < t.event_count; ++i) {
    const sla_event& e = t.events[i];
    const bool known =
        e.kind == SLA_EVENT_STATUS || e.kind == SLA_EVENT_PRIORITY || e.kind == SLA_EVENT_UPDATE;
    if (!known || (!e.value && e.kind != SLA_EVENT_UPDATE)) {
      error =
          "an event's kind is not SLA_EVENT_STATUS, SLA_EVENT_PRIORITY or SLA_EVENT_UPDATE, or "
          "the value of a status or priority event is NULL";
      return SLA_ERROR_ARGUMENT;
    }
  }
  if (ex) {
    if ((ex->attribute_count > 0 && !ex->attributes) || (ex->update_count > 0 && !ex->updates)) {
      error = "attributes or updates is NULL but its count is not 0";
      return SLA_ERROR_ARGUMENT;
    }
  }
  if (t.created == SLA_NO_TIME) {
    error = "the ticket has no creation time";
    return SLA_ERROR_TICKET;
  }
  s.events.clear();
  for (size_t i = 0; i < t.event_count; ++i) {
    const sla_event& e = t.events[i];
    const auto kind = e.kind == SLA_EVENT_PRIORITY ? sla::TicketEvent::Kind::priority
                      : e.kind == SLA_EVENT_UPDATE ? sla::TicketEvent::Kind::update
                                                   : sla::TicketEvent::Kind::status;
    s.events.push_back(
        {event_time(e.at), kind, e.value ? std::string_view(e.value) : std::string_view()});
  }
  ticket = sla::Ticket{};
  ticket.priority = t.priority ? std::string_view(t.priority) : std::string_view();
  ticket.created = instant(clamp(t.created));
  ticket.responded = optional_instant(clamp(t.responded));
  ticket.resolved = optional_instant(clamp(t.resolved));
  if (ex) {
    ticket.restored = optional_instant(clamp(ex->restored));
    s.attributes.assign(model.attributes.size(), std::string_view());
    s.given.assign(model.attributes.size(), 0);
    for (size_t i = 0; i < ex->attribute_count; ++i) {
      const sla_attribute& a = ex->attributes[i];
      if (!a.name) {
        error = "an attribute's name is NULL";
        return SLA_ERROR_ARGUMENT;
      }
      size_t at = 0;
      while (at < model.attributes.size() && model.attributes[at].name != a.name) ++at;
      if (at == model.attributes.size()) {
        error = "unknown attribute name";
        return SLA_ERROR_TICKET;
      }
      if (s.given[at]) {
        error = "an attribute is given twice";
        return SLA_ERROR_ARGUMENT;
      }
      s.given[at] = 1;
      s.attributes[at] = a.value ? std::string_view(a.value) : std::string_view();
    }
    ticket.attributes = s.attributes;
    for (size_t i = 0; i < ex->update_count; ++i)
      s.events.push_back({event_time(ex->updates[i]), sla::TicketEvent::Kind::update, "update"});
    // The updates join the events in time order, as the evaluator reads them.
    if (ex->update_count > 0)
      std::stable_sort(
          s.events.begin(), s.events.end(),
          [](const sla::TicketEvent& a, const sla::TicketEvent& b) { return a.at < b.at; });
  }
  ticket.events = s.events;
  return SLA_OK;
}

// sla_verdict mirrors sla::Verdict value for value.
static_assert(SLA_MET == static_cast<int>(sla::Verdict::met) &&
              SLA_BREACHED == static_cast<int>(sla::Verdict::breached) &&
              SLA_PENDING == static_cast<int>(sla::Verdict::pending) &&
              SLA_NO_TARGET == static_cast<int>(sla::Verdict::no_target));

sla_target_result target_of(const sla::TargetOutcome& o) {
  sla_target_result r;
  r.verdict = static_cast<sla_verdict>(o.verdict);
  r.due = unix_seconds(o.due);
  r.committed = o.commitment == sla::Commitment::committed ? 1 : 0;
  return r;
}

constexpr sla_target_result kNoTarget{SLA_NO_TARGET, SLA_NO_TIME, 0};

// One ticket into `out`, and into `more` (the `_ex` result) when given.
sla_status evaluate_one(const sla_evaluator& ev, const sla_ticket& t, const sla_ticket_ex* ex,
                        int64_t as_of, sla_result& out, Scratch& scratch,
                        sla_result_ex* more = nullptr) {
  out = sla_result{"", kNoTarget, kNoTarget, "", "", ""};
  if (more) {
    more->update = kNoTarget;
    more->restoration = kNoTarget;
    more->update_worst_gap = -1;
    more->error_attribute = "";
  }
  const sla::Model& model = ev.evaluator.model();
  sla::Ticket ticket;
  if (const sla_status s = ticket_of(model, t, ex, scratch, ticket, out.error); s != SLA_OK)
    return s;
  const sla::Evaluation e =
      ev.evaluator.evaluate(ticket, instant(in_range(as_of) ? as_of : kFirst - 1));
  if (!e.ok()) {
    // The evaluator's messages are string literals: NUL-terminated, static.
    out.error = e.error.data();
    if (more && e.error == "unknown attribute value")
      more->error_attribute = model.attributes[e.unknown_attribute].name.c_str();
    return SLA_ERROR_TICKET;
  }
  out.priority = e.priority ? e.priority->name.c_str() : "";
  out.response = target_of(e.response);
  out.resolution = target_of(e.resolution);
  if (e.escalation) {
    out.escalation_role = e.escalation->role.c_str();
    out.escalation_contact = e.escalation->contact.c_str();
  }
  if (more) {
    more->update = target_of(e.update);
    more->restoration = target_of(e.restoration);
    if (e.update_worst_gap) more->update_worst_gap = e.update_worst_gap->count();
  }
  return SLA_OK;
}

// The steps of sla::explain, one a line, as a string the caller frees.
sla_status explain_one(const sla_evaluator& ev, const sla_ticket& t, const sla_ticket_ex* ex,
                       int64_t as_of, char** text) {
  Scratch scratch;
  sla_result check;
  if (const sla_status s = evaluate_one(ev, t, ex, as_of, check, scratch); s != SLA_OK) return s;
  sla::Ticket ticket;
  const char* error = nullptr;
  if (const sla_status s = ticket_of(ev.evaluator.model(), t, ex, scratch, ticket, error);
      s != SLA_OK)
    return s;
  std::string all;
  for (const auto& step : sla::explain(ev.evaluator, ticket, instant(as_of)))
    all += step.text + "\n";
  *text = new char[all.size() + 1];
  std::memcpy(*text, all.c_str(), all.size() + 1);
  return SLA_OK;
}

sla_status finish_load(sla::LoadResult result, sla_contract** contract,
                       sla_diagnostics** diagnostics) {
  give(diagnostics, std::move(result.diagnostics));
  if (!result.model) return SLA_ERROR_CONTRACT;
  *contract = new sla_contract{std::move(result.model)};
  return SLA_OK;
}

}  // namespace

extern "C" {

const char* sla_version(void) {
  return sla::version().data();
}

const char* sla_status_name(int status) {
  switch (status) {
    case SLA_OK:
      return "ok";
    case SLA_ERROR_CONTRACT:
      return "contract";
    case SLA_ERROR_SELECTION:
      return "selection";
    case SLA_ERROR_TICKET:
      return "ticket";
    case SLA_ERROR_ARGUMENT:
      return "argument";
    case SLA_ERROR_RANGE:
      return "range";
    case SLA_ERROR_INTERNAL:
      return "internal";
  }
  return "unknown";
}

void sla_string_free(char* text) {
  delete[] text;
}

// ---- Diagnostics

size_t sla_diagnostics_count(const sla_diagnostics* d) {
  return d ? d->list.size() : 0;
}

const char* sla_diagnostics_code(const sla_diagnostics* d, size_t i) {
  const auto* one = at(d, i);
  return one ? one->code.c_str() : "";
}

sla_severity sla_diagnostics_severity(const sla_diagnostics* d, size_t i) {
  const auto* one = at(d, i);
  return one ? static_cast<sla_severity>(one->severity) : SLA_SEVERITY_NOTE;
}

const char* sla_diagnostics_message(const sla_diagnostics* d, size_t i) {
  const auto* one = at(d, i);
  return one ? one->message.c_str() : "";
}

const char* sla_diagnostics_file(const sla_diagnostics* d, size_t i) {
  const auto* one = at(d, i);
  return one ? one->location.file.c_str() : "";
}

uint32_t sla_diagnostics_line(const sla_diagnostics* d, size_t i) {
  const auto* one = at(d, i);
  return one ? one->location.line : 0;
}

uint32_t sla_diagnostics_column(const sla_diagnostics* d, size_t i) {
  const auto* one = at(d, i);
  return one ? one->location.column : 0;
}

const char* sla_diagnostics_hint(const sla_diagnostics* d, size_t i) {
  const auto* one = at(d, i);
  return one ? one->hint.c_str() : "";
}

const char* sla_diagnostics_text(const sla_diagnostics* d) {
  return d ? d->text.c_str() : "";
}

void sla_diagnostics_free(sla_diagnostics* d) {
  delete d;
}

// ---- Options

sla_options* sla_options_new(void) {
  return new (std::nothrow) sla_options();
}

void sla_options_free(sla_options* options) {
  delete options;
}

sla_status sla_options_stdlib_only(sla_options* options) {
  if (!options) return SLA_ERROR_ARGUMENT;
  options->options.imports = sla::ImportPolicy::stdlib_only();
  return SLA_OK;
}

sla_status sla_options_add_import_root(sla_options* options, const char* folder) {
  if (!options || !folder || !*folder) return SLA_ERROR_ARGUMENT;
  return guarded([&] {
    auto& imports = options->options.imports;
    if (imports.mode != sla::ImportPolicy::Mode::folders) imports = sla::ImportPolicy::folders({});
    imports.roots.emplace_back(folder);
    return SLA_OK;
  });
}

sla_status sla_options_set_limit(sla_options* options, const char* name, uint64_t value) {
  if (!options || !name) return SLA_ERROR_ARGUMENT;
  auto& l = options->options.limits;
  const std::pair<const char*, std::size_t*> limits[] = {
      {"max_file_bytes", &l.max_file_bytes}, {"max_total_bytes", &l.max_total_bytes},
      {"max_statements", &l.max_statements}, {"max_nesting", &l.max_nesting},
      {"max_errors", &l.max_errors},         {"max_import_depth", &l.max_import_depth},
      {"max_files", &l.max_files},           {"max_extends_depth", &l.max_extends_depth},
      {"max_items", &l.max_items},           {"max_weekly_intervals", &l.max_weekly_intervals},
      {"max_priorities", &l.max_priorities},
  };
  for (const auto& [n, field] : limits)
    if (std::strcmp(n, name) == 0) {
      *field = static_cast<std::size_t>(value);
      return SLA_OK;
    }
  return SLA_ERROR_ARGUMENT;
}

// ---- Contracts

sla_status sla_contract_load_file(const char* path, const sla_options* options,
                                  sla_contract** contract, sla_diagnostics** diagnostics) {
  if (diagnostics) *diagnostics = nullptr;
  if (!contract) return SLA_ERROR_ARGUMENT;
  *contract = nullptr;
  if (!path) return SLA_ERROR_ARGUMENT;
  return guarded([&] {
    return finish_load(sla::load_file(path, options ? options->options : sla::LoadOptions{}),
                       contract, diagnostics);
  });
}

sla_status sla_contract_load_string(const char* name, const char* text, size_t length,
                                    const sla_options* options, sla_contract** contract,
                                    sla_diagnostics** diagnostics) {
  if (diagnostics) *diagnostics = nullptr;
  if (!contract) return SLA_ERROR_ARGUMENT;
  *contract = nullptr;
  if (!text && length > 0) return SLA_ERROR_ARGUMENT;
  return guarded([&] {
    return finish_load(
        sla::load_string(name ? name : "<string>", std::string(text ? text : "", length),
                         options ? options->options : sla::LoadOptions{}),
        contract, diagnostics);
  });
}

void sla_contract_free(sla_contract* contract) {
  delete contract;
}

const char* sla_contract_name(const sla_contract* c) {
  return c ? c->model->contract.name.c_str() : "";
}

size_t sla_contract_package_count(const sla_contract* c) {
  return c ? c->model->packages.size() : 0;
}

const char* sla_contract_package_id(const sla_contract* c, size_t i) {
  return c && i < c->model->packages.size() ? c->model->packages[i].id.c_str() : "";
}

size_t sla_contract_addon_count(const sla_contract* c) {
  return c ? c->model->addons.size() : 0;
}

const char* sla_contract_addon_id(const sla_contract* c, size_t i) {
  return c && i < c->model->addons.size() ? c->model->addons[i].id.c_str() : "";
}

size_t sla_contract_priority_count(const sla_contract* c) {
  return c ? c->model->priorities.size() : 0;
}

const char* sla_contract_priority_name(const sla_contract* c, size_t i) {
  return c && i < c->model->priorities.size() ? c->model->priorities[i].name.c_str() : "";
}

size_t sla_contract_attribute_count(const sla_contract* c) {
  return c ? c->model->attributes.size() : 0;
}

const char* sla_contract_attribute_name(const sla_contract* c, size_t i) {
  return c && i < c->model->attributes.size() ? c->model->attributes[i].name.c_str() : "";
}

size_t sla_contract_attribute_value_count(const sla_contract* c, size_t i) {
  return c && i < c->model->attributes.size() ? c->model->attributes[i].values.size() : 0;
}

const char* sla_contract_attribute_value(const sla_contract* c, size_t i, size_t j) {
  if (!c || i >= c->model->attributes.size()) return "";
  const auto& values = c->model->attributes[i].values;
  return j < values.size() ? values[j].c_str() : "";
}

// ---- Evaluators

sla_status sla_evaluator_new(const sla_contract* contract, const char* package,
                             const char* const* addons, size_t addon_count,
                             sla_evaluator** evaluator, sla_diagnostics** diagnostics) {
  if (diagnostics) *diagnostics = nullptr;
  if (!evaluator) return SLA_ERROR_ARGUMENT;
  *evaluator = nullptr;
  if (!contract || !package || (addon_count > 0 && !addons)) return SLA_ERROR_ARGUMENT;
  return guarded([&] {
    std::vector<std::string> ids;
    for (size_t i = 0; i < addon_count; ++i) {
      if (!addons[i]) return SLA_ERROR_ARGUMENT;
      ids.emplace_back(addons[i]);
    }
    auto made = sla::Evaluator::make(contract->model, package, ids);
    if (!made.evaluator) {
      give_message(diagnostics, made.error);
      return SLA_ERROR_SELECTION;
    }
    give(diagnostics, {});
    *evaluator = new sla_evaluator{std::move(*made.evaluator)};
    return SLA_OK;
  });
}

void sla_evaluator_free(sla_evaluator* evaluator) {
  delete evaluator;
}

// ---- Tickets

sla_ticket sla_ticket_init(void) {
  return sla_ticket{nullptr, SLA_NO_TIME, SLA_NO_TIME, SLA_NO_TIME, nullptr, 0};
}

const char* sla_verdict_name(int verdict) {
  // The C++ names (literals: NUL-terminated), for values checked to be in the enum:
  // converting any other int to sla::Verdict would be undefined.
  if (verdict < SLA_MET || verdict > SLA_NO_TARGET) return "unknown";
  return sla::name(static_cast<sla::Verdict>(verdict)).data();
}

sla_status sla_evaluate(const sla_evaluator* evaluator, const sla_ticket* ticket, int64_t as_of,
                        sla_result* result) {
  if (!evaluator || !ticket || !result) return SLA_ERROR_ARGUMENT;
  return guarded([&] {
    Scratch scratch;
    return evaluate_one(*evaluator, *ticket, nullptr, as_of, *result, scratch);
  });
}

sla_status sla_evaluate_batch(const sla_evaluator* evaluator, const sla_ticket* tickets,
                              size_t count, int64_t as_of, sla_result* results) {
  if (!evaluator || (count > 0 && (!tickets || !results))) return SLA_ERROR_ARGUMENT;
  return guarded([&] {
    Scratch scratch;  // reused: no allocation per ticket once grown
    sla_status status = SLA_OK;
    for (size_t i = 0; i < count; ++i)
      if (evaluate_one(*evaluator, tickets[i], nullptr, as_of, results[i], scratch) != SLA_OK)
        status = SLA_ERROR_TICKET;
    return status;
  });
}

sla_status sla_explain(const sla_evaluator* evaluator, const sla_ticket* ticket, int64_t as_of,
                       char** text) {
  if (text) *text = nullptr;
  if (!evaluator || !ticket || !text) return SLA_ERROR_ARGUMENT;
  return guarded([&] { return explain_one(*evaluator, *ticket, nullptr, as_of, text); });
}

sla_ticket_ex sla_ticket_ex_init(void) {
  return sla_ticket_ex{
      sizeof(sla_ticket_ex), sla_ticket_init(), SLA_NO_TIME, nullptr, 0, nullptr, 0};
}

sla_result_ex sla_result_ex_init(void) {
  return sla_result_ex{sizeof(sla_result_ex),
                       sla_result{"", kNoTarget, kNoTarget, "", "", ""},
                       kNoTarget,
                       kNoTarget,
                       -1,
                       ""};
}

// The first version of each `_ex` struct is the smallest size accepted; a later
// library reads (and writes) only the fields that fit in a caller's `size`.
sla_status sla_evaluate_ex(const sla_evaluator* evaluator, const sla_ticket_ex* ticket,
                           int64_t as_of, sla_result_ex* result) {
  if (!evaluator || !ticket || !result || result->size < sizeof(sla_result_ex))
    return SLA_ERROR_ARGUMENT;
  if (ticket->size < sizeof(sla_ticket_ex)) {
    result->base = sla_result{"", kNoTarget, kNoTarget, "", "", ""};
    result->base.error = "the ticket's size is not set: start from sla_ticket_ex_init()";
    return SLA_ERROR_ARGUMENT;
  }
  return guarded([&] {
    Scratch scratch;
    return evaluate_one(*evaluator, ticket->base, ticket, as_of, result->base, scratch, result);
  });
}

sla_status sla_explain_ex(const sla_evaluator* evaluator, const sla_ticket_ex* ticket,
                          int64_t as_of, char** text) {
  if (text) *text = nullptr;
  if (!evaluator || !ticket || !text || ticket->size < sizeof(sla_ticket_ex))
    return SLA_ERROR_ARGUMENT;
  return guarded([&] { return explain_one(*evaluator, ticket->base, ticket, as_of, text); });
}

// ---- Time

sla_status sla_parse_time(const char* text, int64_t* unix_seconds) {
  if (!text || !unix_seconds) return SLA_ERROR_ARGUMENT;
  return guarded([&] {
    const auto t = sla::parse_instant(text);
    if (!t) return year_out_of_range(text) ? SLA_ERROR_RANGE : SLA_ERROR_ARGUMENT;
    // A local 1901 or 2398 time can fall outside those years in UTC.
    if (!in_range(t->time_since_epoch().count())) return SLA_ERROR_RANGE;
    *unix_seconds = t->time_since_epoch().count();
    return SLA_OK;
  });
}

sla_status sla_parse_local_time(const sla_evaluator* evaluator, const char* text,
                                int64_t* unix_seconds) {
  if (!evaluator || !text || !unix_seconds) return SLA_ERROR_ARGUMENT;
  return guarded([&] {
    const auto t = evaluator->evaluator.parse_time(text);
    if (!t) {
      // Well formed but outside the years (a local time can cross 1901 or 2398 in
      // UTC): read as it stands, or as UTC when it has no offset.
      const bool well_formed =
          sla::parse_instant(text) || sla::parse_instant(std::string(text) + "Z");
      return well_formed || year_out_of_range(text) ? SLA_ERROR_RANGE : SLA_ERROR_ARGUMENT;
    }
    *unix_seconds = t->time_since_epoch().count();
    return SLA_OK;
  });
}

sla_status sla_format_time(const sla_evaluator* evaluator, int64_t t, char* buffer, size_t size) {
  if (!evaluator || !buffer || size == 0) return SLA_ERROR_ARGUMENT;
  if (t < kFormatFirst || t >= kFormatEnd) return SLA_ERROR_RANGE;
  return guarded([&] {
    const std::string text =
        sla::format_instant(instant(t), evaluator->evaluator.utc_offset(instant(t)));
    if (text.size() + 1 > size) return SLA_ERROR_ARGUMENT;
    std::memcpy(buffer, text.c_str(), text.size() + 1);
    return SLA_OK;
  });
}

int sla_is_open(const sla_evaluator* evaluator, int64_t t) {
  if (!evaluator || !in_range(t)) return 0;
  try {
    return evaluator->evaluator.is_open(instant(t)) ? 1 : 0;
  } catch (...) {
    return 0;
  }
}

sla_status sla_next_opening(const sla_evaluator* evaluator, int64_t t, int64_t* result) {
  if (!evaluator || !result) return SLA_ERROR_ARGUMENT;
  if (!in_range(t)) return SLA_ERROR_RANGE;
  return guarded([&] {
    const auto next = evaluator->evaluator.next_opening(instant(t));
    if (!next) return SLA_ERROR_RANGE;
    *result = next->time_since_epoch().count();
    return SLA_OK;
  });
}

sla_status sla_add_business_time(const sla_evaluator* evaluator, int64_t from, int64_t seconds,
                                 int64_t* result) {
  if (!evaluator || !result || seconds < 0) return SLA_ERROR_ARGUMENT;
  if (!in_range(from)) return SLA_ERROR_RANGE;
  return guarded([&] {
    const auto t = evaluator->evaluator.add_business_time(
        instant(from), std::chrono::seconds(std::min<int64_t>(seconds, kEnd - kFirst)));
    if (!t) return SLA_ERROR_RANGE;
    *result = t->time_since_epoch().count();
    return SLA_OK;
  });
}

sla_status sla_subtract_business_time(const sla_evaluator* evaluator, int64_t to, int64_t seconds,
                                      int64_t* result) {
  if (!evaluator || !result || seconds < 0) return SLA_ERROR_ARGUMENT;
  if (!in_range(to)) return SLA_ERROR_RANGE;
  return guarded([&] {
    const auto t = evaluator->evaluator.subtract_business_time(
        instant(to), std::chrono::seconds(std::min<int64_t>(seconds, kEnd - kFirst)));
    if (!t) return SLA_ERROR_RANGE;
    *result = t->time_since_epoch().count();
    return SLA_OK;
  });
}

sla_status sla_business_time_between(const sla_evaluator* evaluator, int64_t from, int64_t to,
                                     int64_t* seconds) {
  if (!evaluator || !seconds) return SLA_ERROR_ARGUMENT;
  if (!in_range(from) || !in_range(to)) return SLA_ERROR_RANGE;
  return guarded([&] {
    const auto s = evaluator->evaluator.business_time_between(instant(from), instant(to));
    if (!s) return SLA_ERROR_RANGE;
    *seconds = s->count();
    return SLA_OK;
  });
}

}  // extern "C"

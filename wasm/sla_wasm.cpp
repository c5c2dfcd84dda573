// The functions wasm/sla.js calls: the C API (include/sla/sla.h) with JSON text
// in and out, so that the JavaScript side never lays out C structs or passes
// 64-bit integers (wasm32 pointers and size_t are 4 bytes; Emscripten 3.1.6
// splits an int64_t argument in two unless built with WASM_BIGINT).
// A client of the C API like any host: nothing here reaches past sla.h.
// Every function returns a string the caller frees with sla_string_free(); the
// objects (contracts, evaluators) travel as their addresses and are freed with
// the C API's own _free functions, which the module exports as they are.
#include <sla/sla.h>

#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

char* give(const json& j) {
  // malloc, as sla_string_free (free) expects.
  const std::string text = j.dump();
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out) std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

json failure(sla_status status, std::string message) {
  return {{"ok", false}, {"status", sla_status_name(status)}, {"message", std::move(message)}};
}

json diagnostics_json(const sla_diagnostics* d) {
  json list = json::array();
  for (size_t i = 0; i < sla_diagnostics_count(d); ++i) {
    static const char* const severities[] = {"error", "warning", "note"};
    const int severity = sla_diagnostics_severity(d, i);
    list.push_back({{"code", sla_diagnostics_code(d, i)},
                    {"severity", severity >= 0 && severity <= 2 ? severities[severity] : "note"},
                    {"message", sla_diagnostics_message(d, i)},
                    {"hint", sla_diagnostics_hint(d, i)},
                    {"file", sla_diagnostics_file(d, i)},
                    {"line", sla_diagnostics_line(d, i)},
                    {"column", sla_diagnostics_column(d, i)}});
  }
  return list;
}

// A failure with diagnostics: the list, and the text as the CLI prints it.
json failure(sla_status status, sla_diagnostics* d) {
  json out = failure(status, d ? std::string(sla_diagnostics_text(d)) : std::string());
  out["diagnostics"] = d ? diagnostics_json(d) : json::array();
  sla_diagnostics_free(d);
  return out;
}

std::string format_time(const sla_evaluator* ev, int64_t t) {
  char buffer[40];
  return sla_format_time(ev, t, buffer, sizeof buffer) == SLA_OK ? buffer : "";
}

json time_json(const sla_evaluator* ev, int64_t t) {
  return t == SLA_NO_TIME ? json(nullptr) : json(format_time(ev, t));
}

// A time from JavaScript: RFC 3339 text (without an offset: the calendar's zone,
// as the CLI reads it), or Unix seconds. Throws the message for the caller.
struct BadInput {
  sla_status status;
  std::string message;
};

// The years the library computes in (sla.h: SLA_ERROR_RANGE). sla.h has no
// function that says why a time is out of range, so the words are ours.
constexpr int64_t kFirst = -2177452800;  // 1901-01-01T00:00:00Z
constexpr int64_t kEnd = 13537929600;    // 2399-01-01T00:00:00Z
constexpr const char* kYears = "outside the years supported (1901-2398)";

int64_t read_time(const sla_evaluator* ev, const json& v, const std::string& what) {
  if (v.is_number_integer()) {
    // An unsigned past INT64_MAX would wrap under get<int64_t>: compared first.
    if ((v.is_number_unsigned() && v.get<uint64_t>() >= uint64_t(kEnd)) ||
        (!v.is_number_unsigned() && (v.get<int64_t>() < kFirst || v.get<int64_t>() >= kEnd)))
      throw BadInput{SLA_ERROR_RANGE, what + ": " + v.dump() + " (Unix seconds) is " + kYears};
    return v.get<int64_t>();
  }
  if (!v.is_string())
    throw BadInput{SLA_ERROR_ARGUMENT,
                   what + (v.is_null() ? ": missing" : ": not a time") +
                       "; expected RFC 3339 text (2026-01-09T16:30:00+07:00) or Unix seconds"};
  int64_t t = 0;
  const auto text = v.get<std::string>();
  const sla_status s = sla_parse_local_time(ev, text.c_str(), &t);
  if (s == SLA_ERROR_RANGE) throw BadInput{s, what + ": \"" + text + "\" is " + kYears};
  if (s != SLA_OK) throw BadInput{s, what + ": not an RFC 3339 time: \"" + text + "\""};
  return t;
}

int64_t read_optional_time(const sla_evaluator* ev, const json& ticket, const char* key) {
  const auto it = ticket.find(key);
  return it == ticket.end() || it->is_null() ? SLA_NO_TIME : read_time(ev, *it, key);
}

json target_json(const sla_evaluator* ev, const sla_target_result& r) {
  return {{"status", sla_verdict_name(r.verdict)},
          {"due", time_json(ev, r.due)},
          {"committed", r.committed != 0}};
}

// The ticket as the CLI's JSON Lines read it (created_at, first_response_at,
// resolved_at, restored_at, updates, events), with the attributes in `attributes`.
// `keep` holds the strings the C structs point into.
struct Ticket {
  sla_ticket_ex ex = sla_ticket_ex_init();
  std::vector<std::string> keep_strings;
  std::vector<sla_event> events;
  std::vector<sla_attribute> attributes;
  std::vector<int64_t> updates;
};

// What each part of a ticket should have been, for the messages: nlohmann's own
// ("[json.exception.type_error.306] ...") speak of its internals, not of tickets.
constexpr const char* kEventsShape =
    "events: a list of objects {at, status} | {at, priority} | {at, update}";
constexpr const char* kUpdatesShape = "updates: a list of times (RFC 3339 text or Unix seconds)";
constexpr const char* kAttributesShape =
    "attributes: an object of attribute names and values ({channel: 'phone'})";

// A value that is absent or null is "not given"; the C API's NULL.
json member(const json& j, const char* key, json fallback) {
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? fallback : *it;
}

void read_ticket(const sla_evaluator* ev, const json& j, Ticket& t) {
  if (!j.is_object())
    throw BadInput{SLA_ERROR_ARGUMENT,
                   "ticket: an object {priority, created_at, ...}, as a line of `sla eval`'s "
                   "JSON Lines"};
  // Named, not iterated as j.value(...).items(): the items of a temporary dangle.
  const json events = member(j, "events", json::array());
  const json attributes = member(j, "attributes", json::object());
  const json updates = member(j, "updates", json::array());
  if (!events.is_array()) throw BadInput{SLA_ERROR_ARGUMENT, kEventsShape};
  for (const auto& e : events)
    if (!e.is_object()) throw BadInput{SLA_ERROR_ARGUMENT, kEventsShape};
  if (!updates.is_array()) throw BadInput{SLA_ERROR_ARGUMENT, kUpdatesShape};
  if (!attributes.is_object()) throw BadInput{SLA_ERROR_ARGUMENT, kAttributesShape};
  // Reserved up front: the C structs point into these strings.
  t.keep_strings.reserve(1 + 2 * attributes.size() + events.size());
  auto keep = [&](const json& v, const std::string& what) -> const char* {
    if (v.is_null()) return nullptr;
    if (!v.is_string()) throw BadInput{SLA_ERROR_ARGUMENT, what + ": not a string"};
    return t.keep_strings.emplace_back(v.get<std::string>()).c_str();
  };
  auto& base = t.ex.base;
  if (auto it = j.find("priority"); it != j.end()) base.priority = keep(*it, "priority");
  const auto created = j.find("created_at");
  if (created == j.end()) throw BadInput{SLA_ERROR_ARGUMENT, "created_at: missing"};
  base.created = read_time(ev, *created, "created_at");
  base.responded = read_optional_time(ev, j, "first_response_at");
  base.resolved = read_optional_time(ev, j, "resolved_at");
  t.ex.restored = read_optional_time(ev, j, "restored_at");
  for (std::size_t i = 0; i < events.size(); ++i) {
    const json& e = events[i];
    const std::string where = "events[" + std::to_string(i) + "]";
    sla_event event{read_time(ev, member(e, "at", json()), where + ".at"), SLA_EVENT_STATUS,
                    nullptr};
    if (e.contains("status")) {
      event.value = keep(e["status"], where + ".status");
    } else if (e.contains("priority")) {
      event.kind = SLA_EVENT_PRIORITY;
      event.value = keep(e["priority"], where + ".priority");
    } else if (e.contains("update")) {
      event.kind = SLA_EVENT_UPDATE;
    } else {
      throw BadInput{SLA_ERROR_ARGUMENT, where + ": needs status, priority or update"};
    }
    t.events.push_back(event);
  }
  for (const auto& [name, value] : attributes.items())
    t.attributes.push_back({keep(json(name), "attributes"), keep(value, "attributes." + name)});
  for (std::size_t i = 0; i < updates.size(); ++i)
    t.updates.push_back(read_time(ev, updates[i], "updates[" + std::to_string(i) + "]"));
  base.events = t.events.empty() ? nullptr : t.events.data();
  base.event_count = t.events.size();
  t.ex.attributes = t.attributes.empty() ? nullptr : t.attributes.data();
  t.ex.attribute_count = t.attributes.size();
  t.ex.updates = t.updates.empty() ? nullptr : t.updates.data();
  t.ex.update_count = t.updates.size();
}

// A ticket the C API could not evaluate: its reason, and the attribute at fault.
json ticket_failure(sla_status s, const sla_result_ex& r) {
  json out = failure(s, *r.base.error ? std::string(r.base.error) : sla_status_name(s));
  if (*r.error_attribute) out["attribute"] = r.error_attribute;
  return out;
}

template <class F>
char* guarded(F&& f) {
  try {
    return give(f());
  } catch (const BadInput& e) {
    return give(failure(e.status, e.message));
  } catch (const std::exception& e) {
    // Malformed JSON text from the caller, or out of memory.
    return give(failure(SLA_ERROR_ARGUMENT, e.what()));
  }
}

}  // namespace

extern "C" {

// {"ok": true, "contract": address, "name", "packages", "addons", "priorities",
//  "attributes": {name: [values]}, "diagnostics": [warnings]} or
// {"ok": false, "status": "contract", "message": CLI text, "diagnostics": [...]}.
// Imports: the stdlib only (the module has no files of the caller's).
// `length`: the text's bytes, from JavaScript; not strlen, which would stop at a
// NUL in the text and load the part before it as if it were all.
EMSCRIPTEN_KEEPALIVE char* sla_wasm_load(const char* name, const char* text, size_t length) {
  return guarded([&] {
    sla_contract* contract = nullptr;
    sla_diagnostics* diags = nullptr;
    const sla_status s =
        sla_contract_load_string(name, text, text ? length : 0, nullptr, &contract, &diags);
    if (s != SLA_OK) return failure(s, diags);
    json out = {{"ok", true},
                {"contract", reinterpret_cast<std::uintptr_t>(contract)},
                {"name", sla_contract_name(contract)},
                {"diagnostics", diags ? diagnostics_json(diags) : json::array()}};
    sla_diagnostics_free(diags);
    json& packages = out["packages"] = json::array();
    for (size_t i = 0; i < sla_contract_package_count(contract); ++i)
      packages.push_back(sla_contract_package_id(contract, i));
    json& addons = out["addons"] = json::array();
    for (size_t i = 0; i < sla_contract_addon_count(contract); ++i)
      addons.push_back(sla_contract_addon_id(contract, i));
    json& priorities = out["priorities"] = json::array();
    for (size_t i = 0; i < sla_contract_priority_count(contract); ++i)
      priorities.push_back(sla_contract_priority_name(contract, i));
    json& attributes = out["attributes"] = json::object();
    for (size_t i = 0; i < sla_contract_attribute_count(contract); ++i) {
      json& values = attributes[sla_contract_attribute_name(contract, i)] = json::array();
      for (size_t v = 0; v < sla_contract_attribute_value_count(contract, i); ++v)
        values.push_back(sla_contract_attribute_value(contract, i, v));
    }
    return out;
  });
}

// addons: a JSON array of add-on ids. {"ok": true, "evaluator": address} or a failure.
EMSCRIPTEN_KEEPALIVE char* sla_wasm_evaluator(const sla_contract* contract, const char* package,
                                              const char* addons_json) {
  return guarded([&] {
    const json list = json::parse(addons_json ? addons_json : "[]");
    std::vector<const char*> addons;
    if (!list.is_array())
      throw BadInput{SLA_ERROR_ARGUMENT, "addons: a list of add-on names (['dedicated_24x7'])"};
    for (const auto& id : list) {
      if (!id.is_string())
        throw BadInput{SLA_ERROR_ARGUMENT, "addons: a list of add-on names (['dedicated_24x7'])"};
      addons.push_back(id.get_ref<const std::string&>().c_str());
    }
    sla_evaluator* ev = nullptr;
    sla_diagnostics* diags = nullptr;
    const sla_status s = sla_evaluator_new(
        contract, package, addons.empty() ? nullptr : addons.data(), addons.size(), &ev, &diags);
    if (s != SLA_OK) return failure(s, diags);
    sla_diagnostics_free(diags);
    return json{{"ok", true}, {"evaluator", reinterpret_cast<std::uintptr_t>(ev)}};
  });
}

// One ticket as of `as_of` (JSON: a time): the verdicts, due times in the
// calendar's zone, the escalation band; a ticket error as {"ok": false, ...}.
EMSCRIPTEN_KEEPALIVE char* sla_wasm_evaluate(const sla_evaluator* ev, const char* ticket_json,
                                             const char* as_of_json) {
  return guarded([&] {
    Ticket t;
    read_ticket(ev, json::parse(ticket_json), t);
    const int64_t as_of = read_time(ev, json::parse(as_of_json), "asOf");
    sla_result_ex r = sla_result_ex_init();
    const sla_status s = sla_evaluate_ex(ev, &t.ex, as_of, &r);
    if (s != SLA_OK) return ticket_failure(s, r);
    json update = target_json(ev, r.update);
    update["worst_gap_seconds"] = r.update_worst_gap < 0 ? json(nullptr) : json(r.update_worst_gap);
    return json{
        {"ok", true},
        {"priority", r.base.priority},
        {"response", target_json(ev, r.base.response)},
        {"resolution", target_json(ev, r.base.resolution)},
        {"restoration", target_json(ev, r.restoration)},
        {"update", update},
        {"escalation", *r.base.escalation_role ? json{{"role", r.base.escalation_role},
                                                      {"contact", r.base.escalation_contact}}
                                               : json(nullptr)}};
  });
}

// {"ok": true, "text": the steps, one a line} or a failure.
EMSCRIPTEN_KEEPALIVE char* sla_wasm_explain(const sla_evaluator* ev, const char* ticket_json,
                                            const char* as_of_json) {
  return guarded([&] {
    Ticket t;
    read_ticket(ev, json::parse(ticket_json), t);
    const int64_t as_of = read_time(ev, json::parse(as_of_json), "asOf");
    char* text = nullptr;
    const sla_status s = sla_explain_ex(ev, &t.ex, as_of, &text);
    if (s != SLA_OK) {
      // sla_explain_ex gives no reason; evaluating the same ticket does.
      sla_result_ex r = sla_result_ex_init();
      const sla_status why = sla_evaluate_ex(ev, &t.ex, as_of, &r);
      return ticket_failure(why != SLA_OK ? why : s, r);
    }
    json out = {{"ok", true}, {"text", text}};
    sla_string_free(text);
    return out;
  });
}

// Business-time arithmetic on the package's calendar, as `sla time` does it.
// request: {"op": "add", "from": T, "seconds": N} -> {"ok", "time"};
// {"op": "sub", "to": T, "seconds": N} -> {"ok", "time"};
// {"op": "between", "from": T, "to": T} -> {"ok", "seconds"};
// {"op": "open", "at": T} -> {"ok", "open", "next_opening"}.
EMSCRIPTEN_KEEPALIVE char* sla_wasm_time(const sla_evaluator* ev, const char* request_json) {
  return guarded([&] {
    const json req = json::parse(request_json);
    if (!req.is_object()) throw BadInput{SLA_ERROR_ARGUMENT, "a time request is an object"};
    const json op_value = member(req, "op", "");
    const std::string op = op_value.is_string() ? op_value.get<std::string>() : "";
    auto seconds = [&] {
      const json v = member(req, "seconds", json());
      if (!v.is_number_integer())
        throw BadInput{SLA_ERROR_ARGUMENT,
                       std::string("seconds: ") + (v.is_null() ? "missing" : "not an integer") +
                           "; expected a whole number of business seconds, 0 or more"};
      // Past INT64_MAX get<int64_t> would wrap to a negative number.
      if (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX))
        throw BadInput{SLA_ERROR_RANGE, "seconds: " + v.dump() + " is too large"};
      const int64_t n = v.get<int64_t>();
      if (n < 0)
        throw BadInput{SLA_ERROR_ARGUMENT,
                       "seconds: " + std::to_string(n) + "; a duration must be 0 or more seconds"};
      return n;
    };
    // The times were checked on the way in, so a range error here is about the
    // result: said in words, as the C API gives only the status.
    auto check = [&](sla_status s, const std::string& range_message) {
      if (s == SLA_ERROR_RANGE) throw BadInput{s, op + ": " + range_message};
      if (s != SLA_OK) throw BadInput{s, op + ": " + sla_status_name(s)};
    };
    int64_t out = 0;
    if (op == "add") {
      const int64_t from = read_time(ev, member(req, "from", json()), "from");
      const int64_t n = seconds();
      check(sla_add_business_time(ev, from, n, &out),
            "the result is " + std::string(kYears) + ": the open time runs past 2398");
      return json{{"ok", true}, {"time", format_time(ev, out)}};
    }
    if (op == "sub") {
      const int64_t to = read_time(ev, member(req, "to", json()), "to");
      const int64_t n = seconds();
      check(sla_subtract_business_time(ev, to, n, &out),
            "the result is " + std::string(kYears) +
                ": there is not that much open time between 1901 and to");
      return json{{"ok", true}, {"time", format_time(ev, out)}};
    }
    if (op == "between") {
      const int64_t from = read_time(ev, member(req, "from", json()), "from");
      const int64_t to = read_time(ev, member(req, "to", json()), "to");
      check(sla_business_time_between(ev, from, to, &out), std::string("a time is ") + kYears);
      return json{{"ok", true}, {"seconds", out}};
    }
    if (op == "open") {
      const int64_t at = read_time(ev, member(req, "at", json()), "at");
      check(sla_next_opening(ev, at, &out),
            std::string("the calendar does not open again before 2399 (the years supported are "
                        "1901-2398)"));
      return json{
          {"ok", true}, {"open", sla_is_open(ev, at) != 0}, {"next_opening", format_time(ev, out)}};
    }
    throw BadInput{SLA_ERROR_ARGUMENT, "op: one of add, sub, between, open"};
  });
}

}  // extern "C"

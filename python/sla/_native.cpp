// sla._native: the C++ API as Python sees it, under the pure-Python layer in
// __init__.py. Instants cross as int64 Unix seconds (None: none), durations as
// int64 seconds, records as dicts and tuples of plain values; the Python layer
// turns them into aware datetimes, timedeltas, enums and frozen dataclasses.
//
// Like any host, this module includes the public headers (include/sla); the one
// exception is render, which writes documents with `sla render`'s own writer
// (tools/document, linked in by python/CMakeLists.txt) so that the two documents
// cannot differ. User errors stay values until they reach this boundary: a failed
// load returns its diagnostics, a failed selection its message, and __init__.py
// raises. Only bad arguments (an unknown attribute name, a malformed array) raise
// here.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sla/diff.hpp"
#include "sla/lint.hpp"
#include "sla/sla.hpp"
#include "tools/document/contract_document.hpp"
#include "tools/document/html_writer.hpp"
#include "tools/document/markdown_writer.hpp"
#include "tools/json_api/call_json.hpp"
#include "tools/wording/wording.hpp"

namespace py = pybind11;

namespace {

using sla::Instant;
using Seconds = std::int64_t;

// numpy's NaT: "no time" in a datetime64 column, read as none.
constexpr Seconds kNoTime = std::numeric_limits<Seconds>::min();

Instant instant(Seconds s) {
  return Instant{std::chrono::seconds{s}};
}
Seconds seconds(Instant t) {
  return t.time_since_epoch().count();
}

py::object optional_seconds(const std::optional<Instant>& t) {
  return t ? py::object(py::int_(seconds(*t))) : py::object(py::none());
}
py::object optional_duration(const std::optional<std::chrono::seconds>& d) {
  return d ? py::object(py::int_(d->count())) : py::object(py::none());
}
std::optional<Instant> optional_instant(const std::optional<Seconds>& s) {
  if (!s) return std::nullopt;
  return instant(*s);
}

const char* severity_name(sla::Severity s) {
  switch (s) {
    case sla::Severity::error:
      return "error";
    case sla::Severity::warning:
      return "warning";
    case sla::Severity::note:
      return "note";
  }
  return "error";
}

const char* commitment_name(sla::Commitment c) {
  return c == sla::Commitment::committed ? "committed" : "best_effort";
}

py::dict source_dict(const sla::SourceRef& s) {
  py::dict d;
  d["file"] = s.file;
  d["line"] = s.line;
  d["column"] = s.column;
  return d;
}

py::dict diagnostic_dict(const sla::Diagnostic& d) {
  py::dict out;
  out["code"] = d.code;
  out["severity"] = severity_name(d.severity);
  out["file"] = d.location.file;
  out["line"] = d.location.line;
  out["column"] = d.location.column;
  out["length"] = d.location.length;
  out["source_line"] = d.location.source_line;
  out["source_column"] = d.location.source_column;
  out["message"] = d.message;
  out["hint"] = d.hint;
  py::list notes;
  for (const auto& n : d.notes) {
    py::dict note;
    note["file"] = n.location.file;
    note["line"] = n.location.line;
    note["column"] = n.location.column;
    note["message"] = n.message;
    notes.append(note);
  }
  out["notes"] = notes;
  return out;
}

py::list diagnostics_list(const std::vector<sla::Diagnostic>& list) {
  py::list out;
  for (const auto& d : list) out.append(diagnostic_dict(d));
  return out;
}

py::object money_dict(const std::optional<sla::Money>& m) {
  if (!m) return py::none();
  py::dict d;
  d["currency"] = m->currency;
  d["milli"] = m->milli;
  d["period"] = m->period;
  d["label"] = m->label;
  return d;
}

py::dict target_dict(const sla::Target& t) {
  py::dict d;
  d["kind"] = std::string(sla::name(t.kind));
  d["priority"] = t.for_all ? std::string("all") : t.priority;
  d["where"] = t.where ? py::object(py::str(t.where->text())) : py::object(py::none());
  d["within"] = t.by ? t.by->text : t.within.text;
  d["calendar"] = t.calendar;
  d["commitment"] = commitment_name(t.commitment);
  d["label"] = t.label;
  d["origin"] = t.origin;
  d["source"] = source_dict(t.span);
  return d;
}

py::dict package_dict(const sla::Package& p) {
  py::dict d;
  d["id"] = p.id;
  d["title"] = p.title;
  d["summary"] = p.summary;
  d["is_addon"] = p.is_addon;
  d["extends"] = p.extends;
  d["price"] = money_dict(p.price);
  d["sold_separately"] = p.sold_separately;
  d["included_in"] = p.sold_included_in;
  d["requires"] = p.requires_;
  d["excludes"] = p.excludes;
  d["calendar"] = p.calendar;
  py::list targets;
  for (const auto& t : p.targets) targets.append(target_dict(t));
  d["targets"] = targets;
  py::list services;
  for (const auto& u : p.uptime) services.append(u.service);
  d["uptime_services"] = services;
  d["notes"] = p.notes;
  d["applied_addons"] = p.applied_addons;
  d["source"] = source_dict(p.span);
  return d;
}

py::dict calendar_dict(const sla::CalendarInfo& c) {
  py::dict d;
  d["id"] = c.id;
  d["title"] = c.title;
  d["zone"] = c.zone;
  d["weekly"] = c.weekly;
  d["holiday_sets"] = c.holiday_sets;
  d["dated"] = c.dated;
  d["extends"] = c.extends;
  d["union_of"] = c.union_of;
  d["summary"] = c.summary;
  d["business_day_seconds"] =
      c.business_day_seconds ? py::object(py::int_(*c.business_day_seconds)) : py::none();
  d["source"] = source_dict(c.span);
  return d;
}

// A contract as loaded: the shared, immutable Model, and how to read it again for
// the lint (which works from the text: it needs the comments that silence findings).
struct Contract {
  std::shared_ptr<const sla::Model> model;
};

py::tuple load_result(sla::LoadResult r) {
  py::object contract = py::none();
  if (r.model) contract = py::cast(Contract{std::move(r.model)});
  return py::make_tuple(contract, diagnostics_list(r.diagnostics));
}

sla::LoadOptions load_options(bool stdlib_only) {
  sla::LoadOptions options;
  if (stdlib_only) options.imports = sla::ImportPolicy::stdlib_only();
  return options;
}

py::dict lint_dict(const sla::LintResult& r) {
  py::dict d;
  d["diagnostics"] = diagnostics_list(r.diagnostics);
  py::list silenced;
  for (const auto& s : r.silenced) {
    py::dict one = diagnostic_dict(s.diagnostic);
    one["reason"] = s.reason;
    one["in_source"] = s.in_source;
    silenced.append(one);
  }
  d["silenced"] = silenced;
  d["ok"] = r.model != nullptr;
  return d;
}

sla::LintOptions lint_options(const std::vector<std::string>& allow,
                              const std::vector<std::string>& deny,
                              const std::vector<std::string>& languages) {
  sla::LintOptions options;
  options.allow = allow;
  options.deny = deny;
  options.languages = languages;
  return options;
}

// An evaluator with the model it reads kept alive. Immutable once made: Python
// threads may share it, and batches release the GIL while it works.
struct NativeEvaluator {
  std::shared_ptr<const sla::Model> model;
  std::optional<sla::Evaluator> evaluator;
  // The escalation bands a result may point to, so that a batch reports a band as
  // a small index; the roles in the same order.
  std::vector<const sla::EscalationBand*> bands;

  const sla::Evaluator& ev() const { return *evaluator; }

  void index_bands() {
    bands.clear();
    auto add = [&](std::span<const sla::EscalationBand> ladder) {
      for (const auto& b : ladder)
        if (std::find(bands.begin(), bands.end(), &b) == bands.end()) bands.push_back(&b);
    };
    add(ev().ladder(nullptr));
    for (const auto& p : model->priorities) add(ev().ladder(&p));
  }
  std::int16_t band_index(const sla::EscalationBand* band) const {
    if (!band) return -1;
    for (std::size_t i = 0; i < bands.size(); ++i)
      if (bands[i] == band) return static_cast<std::int16_t>(i);
    return -1;
  }
};

// Made for a package, or an error message (unknown package, forbidden add-ons).
py::object make_evaluator(const Contract& c, const std::string& package,
                          const std::vector<std::string>& addons) {
  auto made = sla::Evaluator::make(c.model, package, addons);
  if (!made.evaluator) return py::str(made.error);
  auto native = std::make_shared<NativeEvaluator>();
  native->model = c.model;
  native->evaluator.emplace(std::move(*made.evaluator));
  native->index_bands();
  return py::cast(native);
}

// The time queries of one calendar: an evaluator for a package that states
// nothing but the calendar (the public API's way to a calendar's arithmetic).
py::object calendar_evaluator(const Contract& c, const std::string& id) {
  const sla::CalendarInfo* info = c.model->calendar(id);
  if (!info || !info->calendar) return py::none();
  sla::Package bare;
  bare.id = "calendar " + id;
  bare.calendar = id;
  auto native = std::make_shared<NativeEvaluator>();
  native->model = c.model;
  native->evaluator.emplace(*c.model, std::move(bare), *info);
  return py::cast(native);
}

// (verdict, due, commitment, elapsed, left, at_risk, target): the verdict as its
// index in Verdict, the commitment as its index in Commitment (-1: none), the
// target as its index in the evaluator's package().targets (-1: none), so that
// the Python layer reuses the objects it made once per evaluator.
py::tuple outcome_tuple(const NativeEvaluator& self, const sla::TargetOutcome& o) {
  const auto& targets = self.ev().package().targets;
  std::ptrdiff_t target = -1;
  if (o.target && o.target >= targets.data() && o.target < targets.data() + targets.size())
    target = o.target - targets.data();
  return py::make_tuple(static_cast<int>(o.verdict), optional_seconds(o.due),
                        o.commitment ? static_cast<int>(*o.commitment) : -1,
                        optional_duration(o.elapsed), optional_duration(o.left), o.at_risk, target);
}

py::object band_dict(const sla::EscalationBand* b) {
  if (!b) return py::none();
  py::dict d;
  d["role"] = b->role;
  d["contact"] = b->contact;
  d["channel"] = b->channel;
  d["remark"] = b->remark;
  d["from"] = b->from.text;
  d["until"] = b->until ? py::object(py::str(b->until->text)) : py::object(py::none());
  return d;
}

// What a ticket's arguments own while the evaluator reads views of them.
struct TicketData {
  std::string priority;
  std::vector<std::string> event_values;
  std::vector<sla::TicketEvent> events;
  std::vector<std::string> attribute_values;
  std::vector<std::string_view> attributes;
  sla::Ticket ticket;
};

sla::TicketEvent::Kind event_kind(const std::string& kind) {
  if (kind == "status") return sla::TicketEvent::Kind::status;
  if (kind == "priority") return sla::TicketEvent::Kind::priority;
  if (kind == "update") return sla::TicketEvent::Kind::update;
  throw py::value_error("unknown event kind '" + kind + "' (known: status, priority, update)");
}

// events: (at, kind, value) tuples in time order; attributes: name -> value.
void fill_ticket(TicketData& data, const sla::Model& model, std::string priority, Seconds created,
                 std::optional<Seconds> responded, std::optional<Seconds> resolved,
                 std::optional<Seconds> restored,
                 const std::vector<std::tuple<Seconds, std::string, std::string>>& events,
                 const std::vector<std::pair<std::string, std::string>>& attributes) {
  data.priority = std::move(priority);
  data.event_values.reserve(events.size());
  for (const auto& [at, kind, value] : events) {
    data.event_values.push_back(value);
    data.events.push_back({instant(at), event_kind(kind), {}});
  }
  for (std::size_t i = 0; i < events.size(); ++i) data.events[i].value = data.event_values[i];
  if (!attributes.empty()) {
    data.attribute_values.assign(model.attributes.size(), std::string());
    for (const auto& [name, value] : attributes) {
      const sla::Attribute* a = model.attribute(name);
      if (!a) {
        std::string known;
        for (const auto& m : model.attributes) known += (known.empty() ? "" : ", ") + m.name;
        throw py::value_error("unknown attribute '" + name +
                              "' (known: " + (known.empty() ? std::string("none") : known) + ")");
      }
      data.attribute_values[static_cast<std::size_t>(a - model.attributes.data())] = value;
    }
    for (const auto& v : data.attribute_values) data.attributes.emplace_back(v);
  }
  data.ticket = sla::Ticket{.priority = data.priority,
                            .created = instant(created),
                            .responded = optional_instant(responded),
                            .resolved = optional_instant(resolved),
                            .events = data.events,
                            .restored = optional_instant(restored),
                            .attributes = data.attributes};
}

using Events = std::vector<std::tuple<Seconds, std::string, std::string>>;
using Attributes = std::vector<std::pair<std::string, std::string>>;

// (error, priority rank, response, resolution, update, restoration, worst gap,
// band): the error text alone when the ticket cannot be judged (the rest None);
// the rank -1 for none; the band as its index in bands() (-1: none).
py::tuple evaluate_one(const NativeEvaluator& self, std::string priority, Seconds created,
                       std::optional<Seconds> responded, std::optional<Seconds> resolved,
                       std::optional<Seconds> restored, const Events& events,
                       const Attributes& attributes, Seconds as_of) {
  TicketData data;
  fill_ticket(data, *self.model, std::move(priority), created, responded, resolved, restored,
              events, attributes);
  const sla::Evaluation e = self.ev().evaluate(data.ticket, instant(as_of));
  if (!e.ok()) {
    const py::object none = py::none();
    return py::make_tuple(self.ev().error_text(e), -1, none, none, none, none, none, -1);
  }
  return py::make_tuple(py::none(), e.priority ? e.priority->rank : -1,
                        outcome_tuple(self, e.response), outcome_tuple(self, e.resolution),
                        outcome_tuple(self, e.update), outcome_tuple(self, e.restoration),
                        optional_duration(e.update_worst_gap), self.band_index(e.escalation));
}

py::list explain_one(const NativeEvaluator& self, std::string priority, Seconds created,
                     std::optional<Seconds> responded, std::optional<Seconds> resolved,
                     std::optional<Seconds> restored, const Events& events,
                     const Attributes& attributes, Seconds as_of) {
  TicketData data;
  fill_ticket(data, *self.model, std::move(priority), created, responded, resolved, restored,
              events, attributes);
  py::list out;
  for (const auto& s : sla::explain(self.ev(), data.ticket, instant(as_of))) {
    py::dict d;
    d["kind"] = s.kind;
    d["text"] = s.text;
    d["from"] = optional_seconds(s.from);
    d["until"] = optional_seconds(s.until);
    d["due"] = optional_seconds(s.due);
    d["status"] = s.status;
    d["seconds"] = optional_duration(s.seconds);
    out.append(d);
  }
  return out;
}

// ---- Batches

// pandas' missing value, pd.NA, known by its type's name and module: pandas is
// optional, and its module has moved between versions. Its tp_name is "NAType"
// alone in some builds (a heap type), "pandas._libs.missing.NAType" in others.
bool is_pandas_na(PyObject* o) {
  const std::string_view name(Py_TYPE(o)->tp_name);
  if (name != "NAType" && !name.ends_with(".NAType")) return false;
  const py::handle type(reinterpret_cast<PyObject*>(Py_TYPE(o)));
  return py::str(type.attr("__module__")).cast<std::string>().starts_with("pandas");
}

// Distinct strings of a column as small codes, so that a batch looks each value up
// once, not once per row. -1: no value (None, NaN, pd.NA, ""). Returns (codes,
// names, the first row that holds no string or -1): the caller names the column and
// the row's pandas label in the error, which it alone knows.
py::tuple string_codes(const py::array& column) {
  if (column.ndim() != 1) throw py::value_error("a column must be one-dimensional");
  const auto n = static_cast<std::size_t>(column.shape(0));
  py::array_t<std::int32_t> codes(static_cast<py::ssize_t>(n));
  auto* out = codes.mutable_data();
  std::vector<std::string> names;
  const char kind = column.dtype().kind();
  if (kind == 'U' || kind == 'S') {
    // Fixed-width records (UCS-4 or bytes), NUL-padded: the raw bytes are the key.
    const auto width = static_cast<std::size_t>(column.itemsize());
    const auto stride = static_cast<std::size_t>(column.strides(0));
    const char* base = static_cast<const char*>(column.data());
    std::unordered_map<std::string_view, std::int32_t> seen;
    std::vector<std::pair<std::string_view, std::int32_t>> few;
    std::string_view last;
    std::int32_t last_code = -1;
    bool have_last = false;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string_view key(base + i * stride, width);
      if (have_last && key == last) {
        out[i] = last_code;
        continue;
      }
      // A column holds a few distinct priorities: comparing with each is quicker
      // than hashing the record; the map takes over past a handful.
      std::int32_t code = -2;
      if (seen.size() <= 8) {
        for (const auto& [k, c] : few)
          if (k == key) {
            code = c;
            break;
          }
      } else if (auto it = seen.find(key); it != seen.end()) {
        code = it->second;
      }
      if (code == -2) {
        std::string utf8;
        if (kind == 'S') {
          utf8.assign(key.data(), strnlen(key.data(), width));
        } else {
          for (std::size_t k = 0; k + 4 <= width; k += 4) {
            char32_t c;
            std::memcpy(&c, key.data() + k, 4);
            if (c == 0) break;
            if (c < 0x80) {
              utf8 += static_cast<char>(c);
            } else if (c < 0x800) {
              utf8 += static_cast<char>(0xC0 | (c >> 6));
              utf8 += static_cast<char>(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
              utf8 += static_cast<char>(0xE0 | (c >> 12));
              utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
              utf8 += static_cast<char>(0x80 | (c & 0x3F));
            } else {
              utf8 += static_cast<char>(0xF0 | (c >> 18));
              utf8 += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
              utf8 += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
              utf8 += static_cast<char>(0x80 | (c & 0x3F));
            }
          }
        }
        if (utf8.empty()) {
          code = -1;
        } else {
          code = static_cast<std::int32_t>(names.size());
          names.push_back(std::move(utf8));
        }
        seen.emplace(key, code);
        few.emplace_back(key, code);
      }
      out[i] = code;
      last = key;
      last_code = code;
      have_last = true;
    }
  } else if (kind == 'O') {
    // Python objects: str, or None / NaN for none. The same object is looked up once.
    std::unordered_map<PyObject*, std::int32_t> seen;
    std::unordered_map<std::string, std::int32_t> by_text;
    const auto stride = static_cast<std::size_t>(column.strides(0));
    const char* base = static_cast<const char*>(column.data());
    for (std::size_t i = 0; i < n; ++i) {
      PyObject* o;
      std::memcpy(&o, base + i * stride, sizeof o);
      auto it = seen.find(o);
      if (it != seen.end()) {
        out[i] = it->second;
        continue;
      }
      std::int32_t code = -1;
      if (o && PyUnicode_Check(o)) {
        Py_ssize_t size = 0;
        const char* text = PyUnicode_AsUTF8AndSize(o, &size);
        if (!text) throw py::error_already_set();
        if (size > 0) {
          auto [at, added] = by_text.emplace(std::string(text, static_cast<std::size_t>(size)),
                                             static_cast<std::int32_t>(names.size()));
          if (added) names.push_back(at->first);
          code = at->second;
        }
      } else if (o && o != Py_None &&
                 !(PyFloat_Check(o) && PyFloat_AsDouble(o) != PyFloat_AsDouble(o)) &&
                 !is_pandas_na(o)) {
        return py::make_tuple(codes, names, static_cast<py::ssize_t>(i));
      }
      seen.emplace(o, code);
      out[i] = code;
    }
  } else {
    throw py::type_error("a column of priorities must hold strings (numpy dtype str or object)");
  }
  return py::make_tuple(codes, names, py::ssize_t{-1});
}

using Column = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

// The columns evaluate_many returns, allocated with the GIL held, filled without it.
struct BatchOut {
  py::array_t<std::int8_t> status[4];
  py::array_t<std::int64_t> due[4];
  py::array_t<bool> at_risk[4];
  py::array_t<std::int16_t> escalation;
  py::array_t<std::int32_t> priority;  // the contract's priority rank; -1: none or error
};

// Status codes after Verdict's (met, breached, pending, no_target): a row that
// cannot be judged, and a pending target past a warning (sla::status_name's
// "at_risk"), so that a batch says what `sla eval` and evaluate() say.
constexpr std::int8_t kError = 4;
constexpr std::int8_t kAtRisk = 5;

// A column of small codes as a numpy object array of the given words (code -1:
// None), the same str object in every row that shares it: 8 bytes a row, and a
// loop here is ten times quicker than numpy's indexing of an object array.
template <class Code>
py::array words_column(const py::array_t<Code>& codes, const std::vector<py::object>& words) {
  const auto n = codes.size();
  py::array out(py::dtype("O"), std::vector<py::ssize_t>{n});
  auto** cell = static_cast<PyObject**>(out.mutable_data());
  const Code* code = codes.data();
  for (py::ssize_t i = 0; i < n; ++i) {
    PyObject* word = code[i] < 0 ? Py_None : words[static_cast<std::size_t>(code[i])].ptr();
    Py_INCREF(word);
    PyObject* old = cell[i];  // numpy may have filled it with None
    cell[i] = word;
    Py_XDECREF(old);
  }
  return out;
}

using Codes = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;

// Runs work(w, from, to) over [0, n) split among `workers` threads, the calling
// thread taking the first share. A thread that cannot be started (no memory for
// its stack, a process limit) must not leave joinable threads behind, whose
// destructors would end the interpreter: the started ones are joined and the
// failure is raised.
template <class Work>
void run_split(std::size_t n, std::size_t workers, Work& work) {
  if (workers <= 1) {
    work(0, 0, n);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  const std::size_t chunk = (n + workers - 1) / workers;
  std::string failed;
  for (std::size_t w = 1; w < workers && failed.empty(); ++w) {
    try {
      pool.emplace_back(std::ref(work), w, std::min(n, w * chunk), std::min(n, (w + 1) * chunk));
    } catch (const std::exception& e) {  // std::system_error, std::bad_alloc
      failed = "evaluate_many could not start thread " + std::to_string(w + 1) + " of " +
               std::to_string(workers) + " (" + e.what() + "); try fewer threads (threads=1)";
    }
  }
  if (failed.empty()) work(0, 0, std::min(n, chunk));
  for (auto& t : pool) t.join();
  if (!failed.empty()) throw std::runtime_error(failed);
}

py::dict evaluate_many(const NativeEvaluator& self, const Codes& codes,
                       const std::vector<std::string>& names, const Column& created,
                       const std::optional<Column>& responded,
                       const std::optional<Column>& resolved, const std::optional<Column>& restored,
                       Seconds as_of, int threads) {
  const auto n = static_cast<std::size_t>(codes.size());
  // The time columns in one order: created, then the ones that may be absent.
  struct TimeColumn {
    const char* name;
    const Column* column;
  };
  const TimeColumn columns[4] = {{"created", &created},
                                 {"responded", responded ? &*responded : nullptr},
                                 {"resolved", resolved ? &*resolved : nullptr},
                                 {"restored", restored ? &*restored : nullptr}};
  for (const auto& [name, column] : columns)
    if (column && static_cast<std::size_t>(column->size()) != n)
      throw py::value_error(std::string(name) + " has " + std::to_string(column->size()) +
                            " rows, priority has " + std::to_string(n));
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t c = codes.data()[i];
    if (c < -1 || c >= static_cast<std::int32_t>(names.size()))
      throw py::value_error("priority code out of range");
  }

  BatchOut out;
  const auto size = static_cast<py::ssize_t>(n);
  for (int k = 0; k < 4; ++k) {
    out.status[k] = py::array_t<std::int8_t>(size);
    out.due[k] = py::array_t<std::int64_t>(size);
    out.at_risk[k] = py::array_t<bool>(size);
  }
  out.escalation = py::array_t<std::int16_t>(size);
  out.priority = py::array_t<std::int32_t>(size);

  // Raw pointers, taken with the GIL held; the arrays stay alive in `out`.
  const std::int32_t* code = codes.data();
  const std::int64_t* at[4];  // created, responded, resolved, restored; null: no column
  for (int c = 0; c < 4; ++c) at[c] = columns[c].column ? columns[c].column->data() : nullptr;
  std::int8_t* status[4];
  std::int64_t* due[4];
  bool* at_risk[4];
  for (int k = 0; k < 4; ++k) {
    status[k] = out.status[k].mutable_data();
    due[k] = out.due[k].mutable_data();
    at_risk[k] = out.at_risk[k].mutable_data();
  }
  std::int16_t* escalation = out.escalation.mutable_data();
  std::int32_t* rank = out.priority.mutable_data();

  const std::size_t workers = std::max<std::size_t>(
      1, std::min<std::size_t>(threads > 0 ? static_cast<std::size_t>(threads) : 1, n / 50000 + 1));
  std::vector<std::vector<std::pair<std::size_t, std::string>>> errors(workers);
  std::vector<std::exception_ptr> failures(workers);
  const Instant now = instant(as_of);
  static const std::string kNoCreation = "no creation time";

  auto work = [&](std::size_t w, std::size_t from, std::size_t to) {
    try {
      for (std::size_t i = from; i < to; ++i) {
        auto fail = [&](std::string message) {
          for (int k = 0; k < 4; ++k) {
            status[k][i] = kError;
            due[k][i] = kNoTime;
            at_risk[k][i] = false;
          }
          escalation[i] = -1;
          rank[i] = -1;
          errors[w].emplace_back(i, std::move(message));
        };
        if (at[0][i] == kNoTime) {
          fail(kNoCreation);
          continue;
        }
        auto when = [&](int c) -> std::optional<Instant> {
          if (!at[c] || at[c][i] == kNoTime) return std::nullopt;
          return instant(at[c][i]);
        };
        const sla::Ticket t{
            .priority = code[i] < 0 ? std::string_view() : std::string_view(names[code[i]]),
            .created = instant(at[0][i]),
            .responded = when(1),
            .resolved = when(2),
            .restored = when(3)};
        const sla::Evaluation e = self.ev().evaluate(t, now);
        if (!e.ok()) {
          fail(self.ev().error_text(e));
          continue;
        }
        const sla::TargetOutcome* outcomes[4] = {&e.response, &e.resolution, &e.update,
                                                 &e.restoration};
        for (int k = 0; k < 4; ++k) {
          const sla::TargetOutcome& o = *outcomes[k];
          status[k][i] = o.verdict == sla::Verdict::pending && o.at_risk
                             ? kAtRisk
                             : static_cast<std::int8_t>(o.verdict);
          due[k][i] = o.due ? seconds(*o.due) : kNoTime;
          at_risk[k][i] = o.at_risk;
        }
        escalation[i] = self.band_index(e.escalation);
        rank[i] = e.priority ? e.priority->rank : -1;
      }
    } catch (...) {
      failures[w] = std::current_exception();
    }
  };

  {
    // The evaluator is immutable and thread-safe; nothing below touches Python.
    py::gil_scoped_release release;
    run_split(n, workers, work);
  }
  for (const auto& f : failures)
    if (f) std::rethrow_exception(f);

  static const char* kinds[4] = {"response", "resolution", "update", "restoration"};
  std::vector<py::object> verdicts;  // indexed by status code
  for (const char* word : {"met", "breached", "pending", "no_target", "error", "at_risk"})
    verdicts.push_back(py::reinterpret_steal<py::object>(PyUnicode_InternFromString(word)));
  std::vector<py::object> roles, priorities;
  for (const auto* b : self.bands) roles.push_back(py::str(b->role));
  for (const auto& p : self.model->priorities) priorities.push_back(py::str(p.name));
  py::dict d;
  for (int k = 0; k < 4; ++k) {
    d[py::str(std::string(kinds[k]) + "_status")] = words_column(out.status[k], verdicts);
    d[py::str(std::string(kinds[k]) + "_due")] = out.due[k];
    d[py::str(std::string(kinds[k]) + "_at_risk")] = out.at_risk[k];
  }
  d["escalation"] = words_column(out.escalation, roles);
  d["priority"] = words_column(out.priority, priorities);
  py::list error_rows, error_texts;
  for (const auto& list : errors)
    for (const auto& [row, text] : list) {
      error_rows.append(row);
      error_texts.append(text);
    }
  d["error_rows"] = error_rows;
  d["error_texts"] = error_texts;
  return d;
}

// ---- Quotes and uptime

py::dict quote_dict(const sla::Model& model, const std::string& package,
                    const std::vector<std::string>& addons) {
  const sla::Quote q = sla::make_quote(model, package, addons);
  py::dict d;
  d["error"] = q.error;
  py::list items;
  for (const sla::Package* p : q.items) {
    py::dict item;
    item["id"] = p->id;
    item["title"] = p->title;
    item["is_addon"] = p->is_addon;
    item["price"] = money_dict(p->price);
    item["included_in"] = p->sold_included_in;
    items.append(item);
  }
  d["items"] = items;
  d["repeated"] = q.repeated;
  py::list problems;
  for (const auto& p : q.problems) {
    py::dict problem;
    problem["message"] = p.message;
    problem["source"] = source_dict(p.clause);
    problems.append(problem);
  }
  d["problems"] = problems;
  py::list totals;
  for (const auto& t : q.totals) {
    py::dict total;
    total["currency"] = t.currency;
    total["period"] = t.period;
    total["milli"] = t.milli;
    totals.append(total);
  }
  d["totals"] = totals;
  d["selection"] = q.selection ? py::object(package_dict(*q.selection)) : py::object(py::none());
  return d;
}

// incidents: (id, service, start, end, category, announced_at); months: (year, month).
py::dict uptime_dict(
    const NativeEvaluator& self,
    const std::vector<std::tuple<std::string, std::string, Seconds, std::optional<Seconds>,
                                 std::string, std::optional<Seconds>>>& rows,
    const std::vector<std::pair<int, unsigned>>& months, std::optional<Seconds> as_of) {
  std::vector<sla::Incident> incidents;
  py::list problems;
  std::vector<std::size_t> kept;  // index in `rows` of each incident passed on
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& [id, service, start, end, category, announced] = rows[i];
    const auto cat = sla::parse_incident_category(category);
    if (!cat) throw py::value_error("incident " + id + ": unknown category '" + category + "'");
    sla::Incident incident{
        id, service, instant(start), optional_instant(end), *cat, optional_instant(announced)};
    std::string problem =
        sla::incident_problem(incident, self.ev().package(), optional_instant(as_of));
    if (!problem.empty()) {
      problems.append(py::make_tuple(i, problem));
      continue;
    }
    incidents.push_back(std::move(incident));
    kept.push_back(i);
  }
  sla::UptimeQuery query;
  for (const auto& [y, m] : months)
    query.months.emplace_back(std::chrono::year{y}, std::chrono::month{m});
  query.as_of = optional_instant(as_of);
  const auto reports = sla::uptime_report(*self.model, self.ev().package(),
                                          self.ev().calendar_info(), incidents, query);
  py::list periods;
  for (const auto& r : reports) {
    py::dict p;
    p["service"] = r.uptime->service;
    p["period"] = sla::period_label(r);
    p["kind"] = std::string(sla::name(r.period));
    p["start"] = seconds(r.month_start);
    p["end"] = seconds(r.month_end);
    p["measured_from"] = seconds(r.from);
    p["measured_to"] = seconds(r.to);
    p["coverage"] = std::string(sla::name(r.coverage));
    p["total"] = r.total.count();
    p["excluded"] = r.excluded.count();
    p["downtime"] = r.downtime.count();
    p["degraded"] = r.degraded.count();
    p["uptime_ppm"] = r.uptime_ppm ? py::object(py::int_(*r.uptime_ppm)) : py::none();
    p["target_milli"] =
        r.uptime->target_milli ? py::object(py::int_(*r.uptime->target_milli)) : py::none();
    p["status"] = std::string(sla::name(r.status));
    p["credit_status"] = std::string(sla::name(r.credit));
    p["credit_milli"] = r.tier ? py::object(py::int_(r.tier->credit_milli)) : py::none();
    p["credit_text"] = sla::credit_text(r);
    py::list outcomes;
    for (const auto& o : r.incidents) {
      py::dict one;
      one["index"] = kept[o.index];
      one["treatment"] = std::string(sla::name(o.treatment));
      one["seconds"] = o.in_period.count();
      one["reason"] = o.reason;
      outcomes.append(one);
    }
    p["incidents"] = outcomes;
    p["notes"] = r.notes;
    periods.append(p);
  }
  py::dict d;
  d["periods"] = periods;
  d["problems"] = problems;
  return d;
}

// ---- Documents and versions

// The lint's input for a document's reviewer appendix: the contract's file, or its
// name and text (the lint reads the comments that silence findings).
using LintSource = std::pair<std::string, std::optional<std::string>>;

// The contract as `sla render` writes it: Markdown or one HTML file, in one
// language or two side by side, optionally for one package, marked against an
// older version, with the lint's appendix. (text, texts left untranslated,
// phrases left in English). The Python layer has checked the package and format.
py::tuple render_document(const Contract& c, const std::string& package, const std::string& format,
                          const std::vector<std::string>& languages, const Contract* older,
                          const std::string& older_name, const std::optional<LintSource>& lint) {
  std::vector<sla::cli::Wording> wordings;
  for (const auto& language : languages) {
    auto wording = sla::cli::Wording::in(language, c.model.get());
    if (!wording) throw py::value_error("there are no words for '" + language + "'");
    wordings.push_back(std::move(*wording));
  }
  std::string text;
  {
    py::gil_scoped_release release;  // the writer keeps no shared state
    sla::cli::RenderOptions options;
    options.package = package;
    std::vector<sla::Change> changes;
    if (older) {
      changes = sla::diff(*older->model, *c.model);
      options.changes = &changes;
      options.compared_with = older_name;
    }
    std::vector<sla::Diagnostic> findings;
    std::vector<sla::SilencedFinding> accepted;
    if (lint) {
      sla::LintOptions lint_options;
      for (const auto& language : languages)
        if (language != "en") lint_options.languages.push_back(language);
      sla::LintResult r = lint->second ? sla::lint_string(lint->first, *lint->second, lint_options)
                                       : sla::lint_file(lint->first, lint_options);
      findings = std::move(r.diagnostics);
      accepted = std::move(r.silenced);
      options.findings = &findings;
      options.accepted = &accepted;
    }
    std::vector<sla::cli::doc::Document> documents;
    for (const auto& wording : wordings) {
      options.wording = &wording;
      documents.push_back(sla::cli::contract_document(*c.model, options));
    }
    const sla::cli::doc::Document* facing = documents.size() == 2 ? &documents[1] : nullptr;
    text = format == "md" ? sla::cli::markdown(documents[0], facing)
                          : sla::cli::html(documents[0], facing);
  }
  py::list texts, phrases;
  for (const auto& wording : wordings) {
    for (const auto& t : wording.missing_texts()) texts.append(t);
    for (const auto& t : wording.missing_phrases()) phrases.append(t);
  }
  return py::make_tuple(text, texts, phrases);
}

// (code, name in English) of every language documents can be written in, "en" first.
py::list render_languages() {
  py::list out;
  for (const auto& code : sla::cli::Wording::languages())
    out.append(py::make_tuple(code, sla::cli::Wording::english_name(code)));
  return out;
}

py::list diff_list(const Contract& older, const Contract& newer) {
  std::vector<sla::Change> changes;
  {
    py::gil_scoped_release release;
    changes = sla::diff(*older.model, *newer.model);
  }
  py::list out;
  for (const auto& c : changes) {
    py::dict d;
    d["code"] = c.code;
    d["effect"] = std::string(sla::name(c.effect));
    d["subject"] = c.subject;
    d["message"] = c.message;
    d["old_value"] = c.old_value;
    d["new_value"] = c.new_value;
    d["old_at"] = source_dict(c.old_at);
    d["new_at"] = source_dict(c.new_at);
    out.append(d);
  }
  return out;
}

std::optional<Seconds> maybe(const std::optional<Instant>& t) {
  if (!t) return std::nullopt;
  return seconds(*t);
}

}  // namespace

PYBIND11_MODULE(_native, m) {
  m.doc() = "The sla interpreter's C++ API; use the `sla` package, which wraps it.";
  m.def("version", [] { return std::string(sla::version()); });

  py::class_<Contract>(m, "Contract")
      .def("header",
           [](const Contract& c) {
             const auto& h = c.model->contract;
             py::dict d;
             d["name"] = h.name;
             d["provider"] = h.provider;
             d["version"] = h.version;
             d["summary"] = h.summary;
             d["client"] = h.client;
             d["effective"] = h.effective;
             d["ends"] = h.ends;
             d["review_cycle"] = h.review_cycle;
             return d;
           })
      .def("packages",
           [](const Contract& c) {
             py::list out;
             for (const auto& p : c.model->packages) out.append(package_dict(p));
             return out;
           })
      .def("addons",
           [](const Contract& c) {
             py::list out;
             for (const auto& p : c.model->addons) out.append(package_dict(p));
             return out;
           })
      .def("calendars",
           [](const Contract& c) {
             py::list out;
             for (const auto& cal : c.model->calendars) out.append(calendar_dict(cal));
             return out;
           })
      .def("priorities",
           [](const Contract& c) {
             py::list out;
             for (const auto& p : c.model->priorities) {
               py::dict d;
               d["name"] = p.name;
               d["description"] = p.description;
               d["rank"] = p.rank;
               out.append(d);
             }
             return out;
           })
      .def("attributes",
           [](const Contract& c) {
             py::list out;
             for (const auto& a : c.model->attributes) {
               py::dict d;
               d["name"] = a.name;
               d["values"] = a.values;
               d["label"] = a.label;
               out.append(d);
             }
             return out;
           })
      .def("files", [](const Contract& c) { return c.model->files; })
      .def("evaluator", &make_evaluator)
      .def("calendar", &calendar_evaluator)
      .def("quote",
           [](const Contract& c, const std::string& package,
              const std::vector<std::string>& addons) {
             return quote_dict(*c.model, package, addons);
           })
      .def("render", &render_document, py::arg("package"), py::arg("format"), py::arg("languages"),
           py::arg("older").none(true), py::arg("older_name"), py::arg("lint").none(true));
  m.def("render_languages", &render_languages);
  m.def("diff", &diff_list);
  m.def("call_json", [](const std::string& request) {
    py::gil_scoped_release unlocked;  // a command may take long (a report, a render)
    return sla::json_api::call_json(request);
  });

  m.def(
      "load_file",
      [](const std::string& path, bool stdlib_only) {
        sla::LoadResult r;
        {
          py::gil_scoped_release release;  // reading and checking touch no Python object
          r = sla::load_file(path, load_options(stdlib_only));
        }
        return load_result(std::move(r));
      },
      py::arg("path"), py::arg("stdlib_only") = false);
  m.def(
      "load_string",
      [](const std::string& name, std::string text) {
        sla::LoadResult r;
        {
          py::gil_scoped_release release;
          r = sla::load_string(name, std::move(text));
        }
        return load_result(std::move(r));
      },
      py::arg("name"), py::arg("text"));
  m.def("lint_file",
        [](const std::string& path, const std::vector<std::string>& allow,
           const std::vector<std::string>& deny, const std::vector<std::string>& languages) {
          sla::LintResult r;
          {
            py::gil_scoped_release release;
            r = sla::lint_file(path, lint_options(allow, deny, languages));
          }
          return lint_dict(r);
        });
  m.def("lint_string",
        [](const std::string& name, std::string text, const std::vector<std::string>& allow,
           const std::vector<std::string>& deny, const std::vector<std::string>& languages) {
          sla::LintResult r;
          {
            py::gil_scoped_release release;
            r = sla::lint_string(name, std::move(text), lint_options(allow, deny, languages));
          }
          return lint_dict(r);
        });
  m.def("lint_rules", [] {
    py::list out;
    for (const auto& r : sla::lint_rules())
      out.append(
          py::make_tuple(std::string(r.code), std::string(r.title), severity_name(r.severity)));
    return out;
  });
  m.def("string_codes", &string_codes);
  m.def("parse_instant", [](const std::string& text) -> py::object {
    std::string error;
    const auto t = sla::parse_instant(text, &error);
    if (!t) return py::make_tuple(py::none(), error);
    return py::make_tuple(seconds(*t), py::none());
  });

  py::class_<NativeEvaluator, std::shared_ptr<NativeEvaluator>>(m, "Evaluator")
      .def("package", [](const NativeEvaluator& e) { return package_dict(e.ev().package()); })
      .def("calendar",
           [](const NativeEvaluator& e) { return calendar_dict(e.ev().calendar_info()); })
      .def("bands",
           [](const NativeEvaluator& e) {
             py::list out;
             for (const auto* b : e.bands) out.append(band_dict(b));
             return out;
           })
      .def("evaluate", &evaluate_one)
      .def("explain", &explain_one)
      .def("evaluate_many", &evaluate_many)
      .def("uptime", &uptime_dict)
      .def("is_open",
           [](const NativeEvaluator& e, Seconds t) { return e.ev().is_open(instant(t)); })
      .def("next_opening", [](const NativeEvaluator& e,
                              Seconds t) { return maybe(e.ev().next_opening(instant(t))); })
      .def("add",
           [](const NativeEvaluator& e, Seconds t, Seconds business) {
             return maybe(e.ev().add_business_time(instant(t), std::chrono::seconds{business}));
           })
      .def(
          "subtract",
          [](const NativeEvaluator& e, Seconds t, Seconds business) {
            return maybe(e.ev().subtract_business_time(instant(t), std::chrono::seconds{business}));
          })
      .def("between",
           [](const NativeEvaluator& e, Seconds a, Seconds b) -> std::optional<Seconds> {
             const auto d = e.ev().business_time_between(instant(a), instant(b));
             if (!d) return std::nullopt;
             return d->count();
           })
      .def("utc_offset", [](const NativeEvaluator& e,
                            Seconds t) { return e.ev().utc_offset(instant(t)).count(); })
      .def("format",
           [](const NativeEvaluator& e, Seconds t) {
             return sla::format_instant(instant(t), e.ev().utc_offset(instant(t)));
           })
      .def("parse_time", [](const NativeEvaluator& e, const std::string& text) -> py::object {
        std::string error;
        const auto t = e.ev().parse_time(text, &error);
        if (!t) return py::make_tuple(py::none(), error);
        return py::make_tuple(seconds(*t), py::none());
      });
}

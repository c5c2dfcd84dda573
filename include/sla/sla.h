/* The C API of the sla interpreter: load a contract, select a package, evaluate
 * tickets. For C, and for any language with a C foreign-function interface
 * (Python ctypes, Go cgo, Rust, database UDFs).
 *
 *   sla_contract* contract = NULL;
 *   sla_diagnostics* diags = NULL;
 *   if (sla_contract_load_file("qiscus-enterprise.sla", NULL, &contract, &diags) != SLA_OK) {
 *     fputs(sla_diagnostics_text(diags), stderr);   // file:line:col: error[SLA035]: ...
 *     sla_diagnostics_free(diags);
 *     return 1;
 *   }
 *   sla_evaluator* ev = NULL;
 *   sla_evaluator_new(contract, "premium", NULL, 0, &ev, NULL);
 *   sla_ticket t = sla_ticket_init();
 *   t.priority = "Critical";
 *   sla_parse_time("2026-01-09T16:30:00+07:00", &t.created);
 *   sla_result r;
 *   sla_evaluate(ev, &t, t.created + 3600, &r);       // r.response.verdict == SLA_PENDING
 *   sla_evaluator_free(ev);
 *   sla_contract_free(contract);
 *
 * Rules (docs/embedding.md has the whole of them):
 * - Every object a `_new` or `_load` function creates is freed by its `_free`
 *   function; `_free(NULL)` does nothing. Strings the library returns as
 *   `const char*` belong to the object they came from and live as long as it;
 *   strings returned as `char*` belong to the caller, who frees them with
 *   sla_string_free().
 * - Strings are UTF-8, NUL-terminated. Times are Unix seconds (UTC);
 *   SLA_NO_TIME stands for "none".
 * - Functions return an sla_status; on failure the out-parameters are untouched
 *   or NULL. A contract or selection error comes with diagnostics (when asked
 *   for) that say why; a ticket error with sla_result.error; SLA_ERROR_ARGUMENT
 *   (a NULL object, a malformed value) with nothing more. Nothing aborts or
 *   throws across this boundary.
 * - A contract and an evaluator are immutable once made: any number of threads
 *   may use them at once. An evaluator keeps its contract alive, so the contract
 *   may be freed first.
 * - The structs sla_ticket, sla_event, sla_target_result and sla_result keep their
 *   layout: a program built against an earlier header still works with this
 *   library. What came later (restoration, attributes, updates) comes in the
 *   `_ex` structs, which start with their own `size` so that later fields can be
 *   added at their end: the library reads and writes only the fields that fit.
 */
#ifndef SLA_SLA_H
#define SLA_SLA_H

#include <stddef.h>
#include <stdint.h>

#ifndef SLA_API
#if defined(__GNUC__) || defined(__clang__)
#define SLA_API __attribute__((visibility("default")))
#else
#define SLA_API
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions, status codes, strings ------------------------------------ */

/* The library's version: "0.1.0". Static storage. */
SLA_API const char* sla_version(void);

typedef enum sla_status {
  SLA_OK = 0,
  SLA_ERROR_CONTRACT = 1,  /* the contract has errors: see the diagnostics */
  SLA_ERROR_SELECTION = 2, /* unknown package or add-on, or a combination the contract forbids */
  SLA_ERROR_TICKET = 3,    /* this ticket cannot be evaluated: see sla_result.error */
  SLA_ERROR_ARGUMENT = 4, /* a NULL where an object is needed, a malformed time, an unknown limit */
  SLA_ERROR_RANGE = 5,    /* a time outside the years 1901-2398, or a moment that never comes */
  SLA_ERROR_INTERNAL = 6  /* out of memory, or a bug: please report it */
} sla_status;

/* "ok", "contract", "selection", "ticket", "argument", "range", "internal"; "unknown" for
 * any other value (an int, so that no value a caller passes is undefined). Static storage. */
SLA_API const char* sla_status_name(int status);

/* Frees a string the library gave the caller (a `char*` result). NULL is fine. */
SLA_API void sla_string_free(char* text);

/* ---- Diagnostics ----------------------------------------------------------- */

/* What a load or a selection said: errors (and warnings), in source order. */
typedef struct sla_diagnostics sla_diagnostics;

typedef enum sla_severity {
  SLA_SEVERITY_ERROR = 0,
  SLA_SEVERITY_WARNING = 1,
  SLA_SEVERITY_NOTE = 2
} sla_severity;

SLA_API size_t sla_diagnostics_count(const sla_diagnostics* diagnostics);
/* Accessors for diagnostic `i` (0-based); out of range gives "", 0 or SLA_SEVERITY_NOTE. */
SLA_API const char* sla_diagnostics_code(const sla_diagnostics* diagnostics,
                                         size_t i); /* "SLA035"; "" for a selection error */
SLA_API sla_severity sla_diagnostics_severity(const sla_diagnostics* diagnostics, size_t i);
SLA_API const char* sla_diagnostics_message(const sla_diagnostics* diagnostics, size_t i);
/* How to fix it, when the library knows: "did you mean 'Critical'?"; often "". */
SLA_API const char* sla_diagnostics_hint(const sla_diagnostics* diagnostics, size_t i);
SLA_API const char* sla_diagnostics_file(const sla_diagnostics* diagnostics, size_t i);
SLA_API uint32_t sla_diagnostics_line(const sla_diagnostics* diagnostics,
                                      size_t i); /* 1-based; 0: none */
SLA_API uint32_t sla_diagnostics_column(const sla_diagnostics* diagnostics,
                                        size_t i); /* 1-based, in characters */
/* All of them as the CLI prints them, one per line:
 *   contracts/x.sla:12:5: error[SLA035]: unknown priority 'Urgent' (did you mean 'Critical'?) */
SLA_API const char* sla_diagnostics_text(const sla_diagnostics* diagnostics);
SLA_API void sla_diagnostics_free(sla_diagnostics* diagnostics);

/* ---- Load options ---------------------------------------------------------- */

/* What a contract may import and how large it may be. Without options,
 * sla_contract_load_file may import files from the contract's own folder (and
 * below) and the stdlib; sla_contract_load_string the stdlib only. */
typedef struct sla_options sla_options;

SLA_API sla_options* sla_options_new(void); /* NULL only when out of memory */
SLA_API void sla_options_free(sla_options* options);
/* Imports: the stdlib only. */
SLA_API sla_status sla_options_stdlib_only(sla_options* options);
/* Imports: files under `folder` (call again for more folders). No absolute
 * import, no `..` or symbolic link leading out of the folders. */
SLA_API sla_status sla_options_add_import_root(sla_options* options, const char* folder);
/* A limit by name: "max_file_bytes", "max_total_bytes", "max_statements",
 * "max_nesting", "max_errors", "max_import_depth", "max_files",
 * "max_extends_depth", "max_items", "max_weekly_intervals", "max_priorities"
 * (see sla/load.hpp).
 * SLA_ERROR_ARGUMENT for an unknown name. */
SLA_API sla_status sla_options_set_limit(sla_options* options, const char* name, uint64_t value);

/* ---- Contracts ------------------------------------------------------------- */

typedef struct sla_contract sla_contract;

/* Loads and checks a contract. On SLA_OK *contract is set (free it with
 * sla_contract_free); else it is NULL and the status is SLA_ERROR_CONTRACT (or
 * SLA_ERROR_ARGUMENT for a NULL path or out-parameter). `options` may be NULL
 * (the defaults). `diagnostics` may be NULL; when not, *diagnostics is set
 * whenever the call gets as far as loading (also on success, when it is empty)
 * and the caller frees it. */
SLA_API sla_status sla_contract_load_file(const char* path, const sla_options* options,
                                          sla_contract** contract, sla_diagnostics** diagnostics);
/* The same for text in memory (`length` bytes; need not be NUL-terminated);
 * `name` is what diagnostics call it. */
SLA_API sla_status sla_contract_load_string(const char* name, const char* text, size_t length,
                                            const sla_options* options, sla_contract** contract,
                                            sla_diagnostics** diagnostics);
SLA_API void sla_contract_free(sla_contract* contract);

SLA_API const char* sla_contract_name(
    const sla_contract* contract); /* "Qiscus Enterprise Support" */
SLA_API size_t sla_contract_package_count(const sla_contract* contract);
SLA_API const char* sla_contract_package_id(const sla_contract* contract, size_t i); /* "basic" */
SLA_API size_t sla_contract_addon_count(const sla_contract* contract);
SLA_API const char* sla_contract_addon_id(const sla_contract* contract, size_t i);
SLA_API size_t sla_contract_priority_count(const sla_contract* contract);
SLA_API const char* sla_contract_priority_name(const sla_contract* contract,
                                               size_t i); /* lowest first */
/* The attributes a ticket may carry (attribute channel "phone", "e-mail"), in the
 * contract's order, with their values as declared; out of range gives 0 or "". */
SLA_API size_t sla_contract_attribute_count(const sla_contract* contract);
SLA_API const char* sla_contract_attribute_name(const sla_contract* contract,
                                                size_t i); /* "channel" */
SLA_API size_t sla_contract_attribute_value_count(const sla_contract* contract, size_t i);
SLA_API const char* sla_contract_attribute_value(const sla_contract* contract, size_t i,
                                                 size_t j); /* "phone" */

/* ---- Evaluators ------------------------------------------------------------ */

/* A package with its add-ons, ready to evaluate tickets. */
typedef struct sla_evaluator sla_evaluator;

/* `addons` holds `addon_count` add-on ids (NULL when 0). SLA_ERROR_SELECTION
 * for an unknown package or add-on or a forbidden combination; the diagnostics
 * (when asked for) carry the message, e.g. "unknown package 'premum'
 * (packages: basic, premium)". */
SLA_API sla_status sla_evaluator_new(const sla_contract* contract, const char* package,
                                     const char* const* addons, size_t addon_count,
                                     sla_evaluator** evaluator, sla_diagnostics** diagnostics);
SLA_API void sla_evaluator_free(sla_evaluator* evaluator);

/* ---- Tickets --------------------------------------------------------------- */

#define SLA_NO_TIME INT64_MIN

typedef enum sla_event_kind {
  SLA_EVENT_STATUS = 0,
  SLA_EVENT_PRIORITY = 1,
  SLA_EVENT_UPDATE = 2 /* an update given to the client, judged by `update` targets */
} sla_event_kind;

/* A status change ("Waiting on customer" may pause the clock), a priority change, or
 * an update given to the client. */
typedef struct sla_event {
  int64_t at;
  int kind;          /* an sla_event_kind (an int, so that any value a caller passes is checked, not
                        undefined) */
  const char* value; /* the status, or the new priority's name; for an update its text (not
                        read, may be NULL) */
} sla_event;

typedef struct sla_ticket {
  const char* priority; /* a priority of the contract, in any case; NULL or "": none (see
                           sla_ticket_ex) */
  int64_t created;
  int64_t responded;       /* the first response; SLA_NO_TIME when none yet */
  int64_t resolved;        /* SLA_NO_TIME when not resolved */
  const sla_event* events; /* in time order; NULL when event_count is 0 */
  size_t event_count;
} sla_ticket;

/* A ticket with no times and no events. */
SLA_API sla_ticket sla_ticket_init(void);

typedef enum sla_verdict {
  SLA_MET = 0,
  SLA_BREACHED = 1,
  SLA_PENDING = 2,
  SLA_NO_TARGET = 3
} sla_verdict;

/* "met", "breached", "pending", "no_target"; "unknown" for any other value. Static storage. */
SLA_API const char* sla_verdict_name(int verdict);

typedef struct sla_target_result {
  sla_verdict verdict;
  int64_t due;   /* SLA_NO_TIME without a target, or when it never falls due */
  int committed; /* 1: committed; 0: best effort, or no target */
} sla_target_result;

/* Strings point into the evaluator and live as long as it. */
typedef struct sla_result {
  const char* priority; /* the contract's spelling of the priority judged; "" on error, or
                           for a ticket without one */
  sla_target_result response;
  sla_target_result resolution;
  const char* escalation_role; /* the escalation band reached: "Technical Support"; "" when none */
  const char* escalation_contact; /* "" when none */
  const char* error;              /* "" when evaluated; else why not ("unknown priority") */
} sla_result;

/* Evaluates one ticket as of `as_of`: what happens later (a response, a
 * resolution, an event) is not known yet. SLA_ERROR_TICKET when the ticket
 * cannot be evaluated, SLA_ERROR_ARGUMENT for a malformed event: result->error
 * says why. */
SLA_API sla_status sla_evaluate(const sla_evaluator* evaluator, const sla_ticket* ticket,
                                int64_t as_of, sla_result* result);
/* `count` tickets into `results` (as many slots). Returns SLA_OK when every one
 * was evaluated, else SLA_ERROR_TICKET (each result says for itself). */
SLA_API sla_status sla_evaluate_batch(const sla_evaluator* evaluator, const sla_ticket* tickets,
                                      size_t count, int64_t as_of, sla_result* results);

/* How the ticket was judged, step by step, one step per line ("Open from Fri
 * 2026-01-09 16:30 to 17:00: 30 min counted."). The caller frees the text with
 * sla_string_free(). NULL with SLA_ERROR_TICKET when it cannot be evaluated. */
SLA_API sla_status sla_explain(const sla_evaluator* evaluator, const sla_ticket* ticket,
                               int64_t as_of, char** text);

/* ---- Tickets with restoration, attributes and updates ----------------------- */

/* The ticket's value of one attribute the contract declares: {"channel", "phone"}. */
typedef struct sla_attribute {
  const char* name;  /* as the contract spells it */
  const char* value; /* one of its values, in any case; NULL or "": none */
} sla_attribute;

/* A ticket with everything sla_ticket has, and what targets beyond responses and
 * resolutions read. Start from sla_ticket_ex_init(), which sets `size`. */
typedef struct sla_ticket_ex {
  size_t size;      /* sizeof(sla_ticket_ex) as the caller was built with it */
  sla_ticket base;  /* priority (NULL or "": a ticket without one, judged by the targets
                       for all with a condition), times, events (SLA_EVENT_UPDATE included) */
  int64_t restored; /* service restored, or a workaround given; SLA_NO_TIME when not (a
                       resolved ticket then counts as restored at its resolution) */
  const sla_attribute* attributes; /* by name, each at most once; NULL when the count is 0 */
  size_t attribute_count;
  const int64_t* updates; /* the times updates were given to the client (as SLA_EVENT_UPDATE
                             events would say); NULL when update_count is 0 */
  size_t update_count;
} sla_ticket_ex;

/* A ticket with no times, no events, no attributes and no updates. */
SLA_API sla_ticket_ex sla_ticket_ex_init(void);

/* Strings point into the evaluator and live as long as it. Start from
 * sla_result_ex_init(), which sets `size`. */
typedef struct sla_result_ex {
  size_t size;              /* sizeof(sla_result_ex) as the caller was built with it */
  sla_result base;          /* as sla_evaluate fills it */
  sla_target_result update; /* due: when the next update is due (pending) or the first missed
                               one was (breached); SLA_NO_TIME once met */
  sla_target_result restoration;
  int64_t update_worst_gap;    /* the longest gap between updates so far, in seconds (business
                                  seconds when the period is in business units); -1 before the
                                  first response, or without an update target */
  const char* error_attribute; /* with error "unknown attribute value": the attribute's name;
                                  else "" */
} sla_result_ex;

SLA_API sla_result_ex sla_result_ex_init(void);

/* As sla_evaluate, for an sla_ticket_ex. SLA_ERROR_TICKET when the ticket cannot be
 * evaluated ("unknown attribute value", "unknown attribute name", "no priority, and no
 * target for tickets without one applies to it", ...); SLA_ERROR_ARGUMENT for a size
 * smaller than the first version's, a NULL array with a count, a NULL attribute name,
 * an attribute given twice or a malformed event: result->base.error says why (a
 * result whose own size is too small is left untouched). */
SLA_API sla_status sla_evaluate_ex(const sla_evaluator* evaluator, const sla_ticket_ex* ticket,
                                   int64_t as_of, sla_result_ex* result);
/* As sla_explain, for an sla_ticket_ex: also the conditions on attributes, the
 * restoration, and each gap between updates with the one that breached. */
SLA_API sla_status sla_explain_ex(const sla_evaluator* evaluator, const sla_ticket_ex* ticket,
                                  int64_t as_of, char** text);

/* ---- Time -------------------------------------------------------------------- */

/* RFC 3339 with an offset: "2026-01-09T16:30:00+07:00", "2026-01-09T09:30:00Z".
 * SLA_ERROR_ARGUMENT when malformed (or without an offset); SLA_ERROR_RANGE when
 * the instant falls outside the years 1901-2398 in UTC. */
SLA_API sla_status sla_parse_time(const char* text, int64_t* unix_seconds);
/* As sla_parse_time, and a time without an offset ("2026-01-09T16:30:00", also with a
 * space for the T) is read in the evaluator's calendar zone, as the `sla` command line
 * reads ticket columns and flags: a time in a spring-forward gap is the end of the gap,
 * a repeated time its first occurrence. SLA_ERROR_ARGUMENT when malformed;
 * SLA_ERROR_RANGE when outside the years 1901-2398 in UTC. */
SLA_API sla_status sla_parse_local_time(const sla_evaluator* evaluator, const char* text,
                                        int64_t* unix_seconds);
/* `t` in the evaluator's calendar zone, "2026-01-12T12:30:00+07:00", into
 * `buffer` (26 bytes suffice); SLA_ERROR_ARGUMENT when it does not fit. Any time
 * in the years 0002-9998 formats (SLA_ERROR_RANGE outside), so every due time the
 * library gives does, a calendar-time target a century after 2398 included. */
SLA_API sla_status sla_format_time(const sla_evaluator* evaluator, int64_t t, char* buffer,
                                   size_t size);
/* 1 when the package's desk is open at `t`, 0 when closed or out of range. */
SLA_API int sla_is_open(const sla_evaluator* evaluator, int64_t t);
/* The start of the next opening at or after `t` (`t` itself when open). */
SLA_API sla_status sla_next_opening(const sla_evaluator* evaluator, int64_t t, int64_t* result);
/* The instant `seconds` of open time after `from`. */
SLA_API sla_status sla_add_business_time(const sla_evaluator* evaluator, int64_t from,
                                         int64_t seconds, int64_t* result);
/* The mirror: the latest instant from which `seconds` of open time reach `to`
 * (`to` itself for 0). SLA_ERROR_ARGUMENT for negative seconds; SLA_ERROR_RANGE
 * when `to` is outside the years or there is not that much open time before it. */
SLA_API sla_status sla_subtract_business_time(const sla_evaluator* evaluator, int64_t to,
                                              int64_t seconds, int64_t* result);
/* Open time in [from, to), in seconds. */
SLA_API sla_status sla_business_time_between(const sla_evaluator* evaluator, int64_t from,
                                             int64_t to, int64_t* seconds);

#ifdef __cplusplus
}
#endif

#endif

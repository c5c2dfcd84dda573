/* Judges the tickets of a CSV file against a contract through the C API.
 *
 *   evaluate_c CONTRACT PACKAGE TICKETS.csv AS_OF
 *   evaluate_c contracts/qiscus-enterprise.sla premium contracts/samples/qiscus-tickets.csv \
 *              2026-01-16T00:00:00+07:00
 *
 * TICKETS.csv: a header line, then id,priority,created,responded,resolved[,...]
 * with RFC 3339 times (empty: not yet). Prints one line per ticket. */
#include <sla/sla.h>

#include <stdio.h>
#include <string.h>

/* Splits `line` in place at commas into at most `max` fields; returns how many. */
static int split(char* line, char** fields, int max) {
  int n = 0;
  line[strcspn(line, "\r\n")] = '\0';
  for (char* field = line; n < max; ++n) {
    fields[n] = field;
    char* comma = strchr(field, ',');
    if (!comma) return n + 1;
    *comma = '\0';
    field = comma + 1;
  }
  return n;
}

/* An RFC 3339 time, or SLA_NO_TIME for an empty field; 0 when malformed. */
static int parse_time(const char* text, int64_t* t) {
  if (!*text) {
    *t = SLA_NO_TIME;
    return 1;
  }
  return sla_parse_time(text, t) == SLA_OK;
}

int main(int argc, char** argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: %s CONTRACT PACKAGE TICKETS.csv AS_OF\n", argv[0]);
    return 2;
  }
  int64_t as_of;
  if (sla_parse_time(argv[4], &as_of) != SLA_OK) {
    fprintf(stderr, "AS_OF: expected an RFC 3339 time, got '%s'\n", argv[4]);
    return 2;
  }

  /* The contract, then an evaluator for the package; the diagnostics say why not. */
  sla_contract* contract = NULL;
  sla_diagnostics* diagnostics = NULL;
  if (sla_contract_load_file(argv[1], NULL, &contract, &diagnostics) != SLA_OK) {
    fputs(sla_diagnostics_text(diagnostics), stderr);
    sla_diagnostics_free(diagnostics);
    return 1;
  }
  sla_diagnostics_free(diagnostics);
  sla_evaluator* evaluator = NULL;
  if (sla_evaluator_new(contract, argv[2], NULL, 0, &evaluator, &diagnostics) != SLA_OK) {
    fputs(sla_diagnostics_text(diagnostics), stderr);
    sla_diagnostics_free(diagnostics);
    sla_contract_free(contract);
    return 1;
  }
  sla_diagnostics_free(diagnostics);
  sla_contract_free(contract); /* the evaluator keeps what it needs */

  FILE* file = fopen(argv[3], "r");
  if (!file) {
    perror(argv[3]);
    sla_evaluator_free(evaluator);
    return 1;
  }
  char line[4096];
  int row = 1, status = 0;
  if (!fgets(line, sizeof line, file)) status = 1; /* the header */
  while (fgets(line, sizeof line, file)) {
    ++row;
    char* f[6];
    sla_ticket ticket = sla_ticket_init();
    if (split(line, f, 6) < 5 || !parse_time(f[2], &ticket.created) ||
        !parse_time(f[3], &ticket.responded) || !parse_time(f[4], &ticket.resolved)) {
      fprintf(stderr, "%s:%d: expected id,priority,created,responded,resolved\n", argv[3], row);
      status = 1;
      continue;
    }
    ticket.priority = f[1];
    sla_result r;
    if (sla_evaluate(evaluator, &ticket, as_of, &r) != SLA_OK) {
      fprintf(stderr, "%s:%d: %s: %s\n", argv[3], row, f[0], r.error);
      status = 1;
      continue;
    }
    char due[32] = "-";
    if (r.response.due != SLA_NO_TIME) sla_format_time(evaluator, r.response.due, due, sizeof due);
    printf("%s %s: response %s (due %s), resolution %s%s%s\n", f[0], r.priority,
           sla_verdict_name(r.response.verdict), due, sla_verdict_name(r.resolution.verdict),
           *r.escalation_role ? ", escalated to " : "", r.escalation_role);
  }
  fclose(file);
  sla_evaluator_free(evaluator);
  return status;
}

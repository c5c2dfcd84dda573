/* libsla_json: the whole of `sla` behind one function taking and returning JSON.
 *
 *   char* response = sla_call_json(
 *       "{\"command\": \"time\", \"options\": {\"package\": \"premium\"},"
 *       " \"arguments\": [\"contracts/qiscus-enterprise.sla\", \"add\","
 *       " \"2026-01-09T16:30:00+07:00\", \"4 business hours\"]}");
 *   // {"exit_code": 0, "output": {"deadline": "2026-01-12T12:30:00+07:00", ...},
 *   //  "messages": "", "argv": [...]}
 *   sla_json_free(response);
 *
 * A request: {"command": "eval", "options": {"package": "premium"}, "arguments":
 * ["c.sla", "-"], "input": "id,priority,created\n..."}. "command" is a command of
 * the CLI (`sla --help`), two words for `holidays import|list|show` and `calendar
 * export`; "options" are its flags by their long names (a string, a number, true
 * for a flag alone, a list for a repeated flag); "arguments" its positionals;
 * "input" what it reads as standard input ("-"). The command's JSON output format is
 * chosen unless "format" is given.
 *
 * The response: {"exit_code": N, "output": ..., "messages": "...", "argv": [...]}
 * with the exit code of `sla` (0 ok, 1 failed, 2 usage), the output parsed as JSON
 * (JSON Lines as a list of rows) or as text for the text formats, what the command
 * said on standard error, and the command line it ran. Schemas: docs/schema/.
 *
 * Calls may run on several threads at once. Neither function returns NULL except
 * when memory runs out.
 */
#ifndef SLA_JSON_H
#define SLA_JSON_H

/* SLA_API: plain preprocessor, valid C. */
#include "export.hpp"

#ifdef __cplusplus
extern "C" {
#endif

/* The response to `request` (UTF-8 JSON), to be freed with sla_json_free(). */
SLA_API char* sla_call_json(const char* request);
/* Frees a response; NULL does nothing. */
SLA_API void sla_json_free(char* response);

#ifdef __cplusplus
}
#endif

#endif /* SLA_JSON_H */

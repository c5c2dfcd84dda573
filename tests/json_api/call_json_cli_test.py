#!/usr/bin/env python3
"""sla_call_json against the `sla` binary: for each request, libsla_json.so
(through ctypes, as a C host calls it) must give what `sla` itself gives for the
command line the response names: the same exit code, the same output (parsed as
the response parses it) and the same messages. Every request and response also
validates against docs/schema/call.schema.json, and every JSON output against the
schema of its command.

Usage: call_json_cli_test.py SLA_BINARY LIBSLA_JSON   (run from the source root)
"""
import ctypes
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "schema"))
from schemas import validator  # noqa: E402

sla, library = sys.argv[1], sys.argv[2]
lib = ctypes.CDLL(library)
lib.sla_call_json.restype = ctypes.c_void_p
lib.sla_call_json.argtypes = [ctypes.c_char_p]
lib.sla_json_free.argtypes = [ctypes.c_void_p]


def call_json(request):
    pointer = lib.sla_call_json(json.dumps(request).encode())
    try:
        return json.loads(ctypes.string_at(pointer).decode())
    finally:
        lib.sla_json_free(pointer)


Q = "contracts/qiscus-enterprise.sla"
TICKETS = "contracts/samples/qiscus-tickets.csv"
AS_OF = "2026-04-01T00:00:00+07:00"
with open(TICKETS, encoding="utf-8") as f:
    TICKET_TEXT = f.read()

REQUESTS = [
    {"command": "check", "arguments": [Q]},
    {"command": "check", "arguments": ["contracts/samples/broken.sla"]},
    {"command": "check", "arguments": ["-"], "input": "calendar c {\n  zone \"Mars/Olympus\"\n}\n"},
    {"command": "inspect", "arguments": [Q]},
    {"command": "time", "options": {"package": "premium"},
     "arguments": [Q, "add", "2026-01-09T16:30:00+07:00", "4 business hours"]},
    {"command": "time", "options": {"calendar": "office_hours"},
     "arguments": [Q, "between", "2026-01-09T16:30:00+07:00", "2026-01-12T12:30:00+07:00"]},
    {"command": "time", "options": {"package": "premium", "format": "text"},
     "arguments": [Q, "open", "2026-03-19T10:00:00+07:00"]},
    {"command": "eval", "options": {"package": "premium", "as-of": AS_OF}, "arguments": [Q, TICKETS]},
    {"command": "eval", "options": {"package": "premium", "addon": ["resolution"], "as-of": AS_OF},
     "arguments": [Q, "-"], "input": TICKET_TEXT},
    {"command": "eval", "options": {"package": "premium", "as-of": AS_OF, "format": "csv"},
     "arguments": [Q, "-"], "input": TICKET_TEXT},
    {"command": "eval", "options": {"package": "premium", "as-of": AS_OF},
     "arguments": [Q, "-"], "input": "id,priority,created_at\nA,High,yesterday\nB,High,2026-01-09T16:30:00+07:00\n"},
    {"command": "explain", "options": {"package": "premium", "priority": "High",
                                       "created": "2026-01-09T16:30:00+07:00", "as-of": AS_OF},
     "arguments": [Q]},
    {"command": "test", "arguments": [Q]},
    {"command": "fmt", "options": {"check": True}, "arguments": [Q]},
    {"command": "fmt", "arguments": ["-"], "input": "calendar c {zone \"UTC\"\nopen Mon-Fri 09:00-17:00}\n"},
    {"command": "lint", "arguments": [Q]},
    {"command": "lint", "options": {"format": "sarif"}, "arguments": [Q]},
    {"command": "uptime", "options": {"package": "premium", "month": "2026-01", "as-of": AS_OF},
     "arguments": [Q, "contracts/samples/qiscus-incidents.csv"]},
    {"command": "quote", "options": {"package": "premium", "addon": "resolution"}, "arguments": [Q]},
    {"command": "quote", "options": {"package": "premium", "addon": ["resolution", "dedicated_24x7"]},
     "arguments": [Q]},
    {"command": "credits", "options": {"package": "premium", "month": "2026-01", "tickets": TICKETS,
                                       "as-of": AS_OF}, "arguments": [Q]},
    {"command": "diff", "arguments": ["contracts/samples/quarterly-uptime.sla", Q]},
    {"command": "report", "options": {"package": "premium", "from": "2026-01-01", "to": "2026-03-31",
                                      "as-of": AS_OF}, "arguments": [Q, TICKETS]},
    {"command": "render", "options": {"package": "premium"}, "arguments": [Q]},
    {"command": "render", "options": {"format": "html", "lang": "id"}, "arguments": [Q]},
    {"command": "holidays list"},
    {"command": "holidays show", "options": {"year": 2026}, "arguments": ["std/holidays/id"]},
    {"command": "calendar export", "options": {"calendar": "office_hours", "from": "2026-01-01",
                                               "to": "2026-01-31"}, "arguments": [Q]},
    {"command": "check", "options": {"nope": True}, "arguments": [Q]},
    {"command": "eval", "options": {"package": "gold"}, "arguments": [Q, TICKETS]},
    {"command": "eval", "options": {"help": True}},
]


def parse(text, fmt):
    """What the response says the command wrote, from the binary's own stdout."""
    if not text:
        return None
    try:
        if fmt in ("json", "sarif"):
            return json.loads(text)
        if fmt == "jsonl":
            return [json.loads(line) for line in text.splitlines() if line]
    except json.JSONDecodeError:
        pass
    return text


# The schema of each command's JSON output (for --format json; eval: each row).
OUTPUT_SCHEMAS = {"check": "check", "inspect": "inspect", "time": "time", "eval": "eval",
                  "explain": "explain", "test": "test", "fmt": "fmt", "lint": "lint",
                  "uptime": "uptime", "quote": "quote", "credits": "credits", "diff": "diff",
                  "report": "report"}


def schema_errors(request, response, fmt):
    errors = [e.message for e in validator("call#/$defs/request").iter_errors(request)]
    errors += [e.message for e in validator("call#/$defs/response").iter_errors(response)]
    command = response["argv"][1] if response["argv"] else None
    output = response["output"]
    # Help is text whatever the format (it is not parsed).
    if command in OUTPUT_SCHEMAS and isinstance(output, (dict, list)) and fmt in ("json", "jsonl", "sarif"):
        schema = "sarif" if fmt == "sarif" else OUTPUT_SCHEMAS[command]
        for document in output if fmt == "jsonl" else [output]:
            errors += [f"{schema}: {e.message}" for e in validator(schema).iter_errors(document)]
    return errors


failures = 0
validated = 0
for request in REQUESTS:
    response = call_json(request)
    argv = response["argv"]
    fmt = argv[argv.index("--format") + 1] if "--format" in argv else "text"
    run = subprocess.run([sla] + argv[1:], input=request.get("input", "").encode(),
                         capture_output=True, timeout=120)
    expected = {"exit_code": run.returncode,
                "output": parse(run.stdout.decode("utf-8", "replace"), fmt),
                "messages": run.stderr.decode("utf-8", "replace")}
    got = {k: response[k] for k in expected}
    # Equal nothing on both sides would prove little: what ran must have said something.
    if response["output"] is None and response["exit_code"] != 2:
        failures += 1
        print(f"FAIL: {json.dumps(request)}: no output")
    elif errors := schema_errors(request, response, fmt):
        failures += 1
        print(f"FAIL: {json.dumps(request)}: against the schemas: {errors[:3]}")
    elif got != expected:
        failures += 1
        print(f"FAIL: {json.dumps(request)}")
        for k in expected:
            if got[k] != expected[k]:
                print(f"  {k}: call_json {json.dumps(got[k])[:400]}")
                print(f"  {k}: sla       {json.dumps(expected[k])[:400]}")
    else:
        words = [a for a in argv[1:] if not a.startswith("-")][:2]
        print(f"ok: {' '.join(words)} (exit {run.returncode}, {type(response['output']).__name__})")

print(f"{len(REQUESTS) - failures} passed, {failures} failed (requests, responses and outputs "
      f"validated against docs/schema/)")
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""Every JSON output of the CLI validated against its schema in docs/schema/.

Usage: schema_test.py PATH/TO/sla   (from anywhere; paths are from the project root)

(a) each schema is itself a valid draft 2020-12 schema; (b) each command is run
with --format json (eval: jsonl, each line; lint and diff also sarif) over every
contract of the project that loads, the sample tickets and incidents, pairs of
versions, and error cases, and every document is validated; (c) real outputs,
each altered in one way a reader would notice (a required field dropped, an
unknown status, a wrong type), must fail, so a schema that accepts anything fails
the test. A failure prints the command line, the document and the error's path.
"""
import collections
import copy
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator

from schemas import BASE, SCHEMA_DIR, STORE, validator

ROOT = pathlib.Path(__file__).resolve().parents[2]
AS_OF = "2026-04-01T00:00:00+07:00"

SLA = str(pathlib.Path(sys.argv[1]).resolve()) if len(sys.argv) > 1 else None
if not SLA:
    sys.exit("usage: schema_test.py PATH/TO/sla")

failures = []
validated = collections.Counter()
samples = collections.defaultdict(list)  # schema -> (document, command) kept for (c)
shapes = collections.defaultdict(set)


def shape(document):
    keys = set()
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            keys.update(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return frozenset(keys)


def fail(what, command, document=None, error=None):
    text = f"FAIL {what}\n  command: {' '.join(map(str, command))}"
    if error is not None:
        text += f"\n  at: /{'/'.join(map(str, error.absolute_path))}\n  schema path: " \
                f"{'/'.join(map(str, error.absolute_schema_path))}\n  error: {error.message[:500]}"
    if document is not None:
        shown = json.dumps(document, ensure_ascii=False)
        text += f"\n  document: {shown[:2000]}{' ...' if len(shown) > 2000 else ''}"
    failures.append(text)
    print(text)


def validate(schema, document, command):
    error = next(iter(sorted(validator(schema).iter_errors(document), key=lambda e: e.path)), None)
    if error is not None:
        fail(f"{schema}: does not validate", command, document, error)
        return False
    validated[schema] += 1
    # Kept for (c): the first few, and any whose keys are new (a package with warnings
    # gives eval rows with more columns), so that each mutation finds its field.
    keys = shape(document)
    if len(samples[schema]) < 20 or keys not in shapes[schema]:
        shapes[schema].add(keys)
        samples[schema].append((document, command))
    return True


refused = collections.Counter()


def run(args, exits=(0,), stdin=None, refusal_ok=False):
    """Runs sla; returns stdout, or None (a failure) when the exit code is not one of `exits`.
    With `refusal_ok`, a usage error with nothing on stdout (a query the calendar cannot
    answer) is counted, not failed."""
    command = [SLA, *map(str, args)]
    r = subprocess.run(command, cwd=ROOT, input=stdin, capture_output=True)
    if refusal_ok and r.returncode == 2 and not r.stdout:
        refused[args[0]] += 1
        return None
    if r.returncode not in exits:
        fail(f"exit {r.returncode}, expected one of {exits}: {r.stderr.decode(errors='replace')[:400]}",
             command)
        return None
    return r.stdout.decode("utf-8")  # JSON outputs are UTF-8 whatever came in: this must not raise


def json_of(schema, args, exits=(0,), stdin=None, refusal_ok=False):
    out = run(args, exits, stdin, refusal_ok)
    if out is None:
        return None
    try:
        document = json.loads(out)
    except json.JSONDecodeError as e:
        fail(f"{schema}: not JSON ({e})", [SLA, *args], out[:500])
        return None
    validate(schema, document, [SLA, *args])
    return document


def jsonl_of(schema, args, exits=(0,), stdin=None):
    out = run(args, exits, stdin)
    if out is None:
        return []
    rows = []
    for n, line in enumerate(out.splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            fail(f"{schema}: line {n} is not JSON ({e})", [SLA, *args], line[:500])
            continue
        validate(schema, rows[-1], [SLA, *args, f"(line {n})"])
    if not rows:
        fail(f"{schema}: no rows", [SLA, *args])
    return rows


def rel(path):
    return str(path.relative_to(ROOT))


# --- (a) the schemas themselves -------------------------------------------------
for uri, schema in STORE.items():
    Draft202012Validator.check_schema(schema)
    if not uri.startswith(BASE) or not schema.get("title"):
        fail(f"{uri}: needs an $id under {BASE} and a title", [uri])
print(f"{len(STORE)} schemas are valid draft 2020-12 schemas")

tmp = pathlib.Path(tempfile.mkdtemp(prefix="sla-schema-"))
try:
    # --- inputs ---------------------------------------------------------------------
    contracts = sorted({*ROOT.glob("contracts/*.sla"), *ROOT.glob("contracts/samples/*.sla"),
                        ROOT / "bench/beyond.sla", *ROOT.glob("tests/golden/*.sla"),
                        *ROOT.glob("tests/fuzz/corpus/*.sla"), *ROOT.glob("tests/language/imports/*.sla")})
    qiscus = ROOT / "contracts/qiscus-enterprise.sla"

    def variant(name, edits, source=qiscus):
        text = source.read_text(encoding="utf-8")
        for old, new in edits:
            if old not in text:
                sys.exit(f"schema_test: '{old}' is no longer in {rel(source)}: update the variant {name}")
            text = text.replace(old, new, 1)
        path = tmp / name
        path.write_text(text, encoding="utf-8")
        return path

    # The renewal of tests/diff (a_renewal_in_words) and the one-clause change of tests/cli.
    renewal = variant("qiscus-2026.sla", [
        ('version "2025.1"', 'version "2026.1"'),
        ("effective 2025-01-01", "effective 2026-01-01"),
        ("respond to Normal within 4 business hours committed",
         "respond to Normal within 6 business hours committed"),
        ('open Mon-Fri 09:00-17:00 ("09.00', 'open Mon-Fri 08:00-16:00 ("09.00'),
        ("price IDR 420 million", "price IDR 450 million"),
        ("exclude force majeure",
         "exclude other \"Internet outages in the Client's region.\"\n    exclude force majeure"),
    ])
    weaker = variant("weaker.sla", [("respond to Normal within 4 business hours committed",
                                     "respond to Normal within 6 business hours committed")])
    # An example whose expectation is wrong: sla test reports it with its trace.
    failing = variant("failing.sla", [("expect response due 2026-01-12 12:30",
                                       "expect response due 2026-01-12 12:45")])
    # Warnings add the progress columns to eval and the at-risk queue to report.
    warned = variant("warned.sla", [('package premium "Premium Support" extends basic {',
                                     'package premium "Premium Support" extends basic {\n  warn at 50 %, 75 %')])
    beyond = ROOT / "bench/beyond.sla"
    beyond_warned = variant("beyond-warned.sla", [('package beyond "Beyond Support" {',
                                                   'package beyond "Beyond Support" {\n  warn at 25 %')],
                            source=beyond)
    # A length that says calendar time outright, on the package's calendar and on the
    # target's own: the two meanings of a target's "calendar" key.
    own_calendar = tmp / "own-calendar.sla"
    own_calendar.write_text(
        'contract "Acme Support" { provider "Acme"; version "1"; effective 2026-01-01 }\n'
        'calendar office { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00 }\n'
        'calendar always { zone "Asia/Jakarta"; open Mon-Sun 00:00-24:00 }\n'
        'priorities { Low "Minor issue."; High "Service down." }\n'
        'package premium "Premium Support" {\n  calendar office\n'
        '  respond to Low within 2 calendar days\n'
        '  respond to High within 2 calendar days on calendar always\n'
        '  escalation { from 2 calendar days escalate to "Boss" }\n}\n', encoding="utf-8")
    broken = tmp / "broken.sla"
    broken.write_text('package p "P" {\n  respond to Low withn 4 business hours\n}\n', encoding="utf-8")
    cut = tmp / "cut.sla"
    cut.write_text('contract "x" {\n', encoding="utf-8")
    missing = tmp / "missing.sla"

    # --- check ----------------------------------------------------------------------
    for c in contracts:
        json_of("check", ["check", "--format", "json", rel(c)], exits=(0, 1))
    json_of("check", ["check", "--format", "json", *map(rel, contracts[:6]), broken], exits=(1,))
    json_of("check", ["check", "--format", "json", qiscus, missing], exits=(2,))
    json_of("check", ["check", "--format", "json", "-"], exits=(1,), stdin=cut.read_bytes())

    # --- inspect, and what each package and calendar is, for the commands below -------
    models = {}
    for c in [*contracts, renewal, failing, warned, beyond_warned, own_calendar]:
        r = subprocess.run([SLA, "inspect", "--format", "json", str(c)], cwd=ROOT, capture_output=True)
        if r.returncode != 0:
            continue  # a contract with errors prints nothing on stdout: checked by check
        model = json.loads(r.stdout)
        validate("inspect", model, [SLA, "inspect", "--format", "json", c])
        models[c] = model
    if len(models) < 20:
        fail(f"only {len(models)} contracts load", ["inspect"])
    for c, model in models.items():
        for p in model["packages"]:
            json_of("inspect", ["inspect", "--format", "json", c, "--package", p["id"]])
            for a in model["addons"]:
                # Some add-ons need or exclude others: a refusal is a usage error, not JSON.
                out = run(["inspect", "--format", "json", c, "--package", p["id"], "--addon", a["id"]],
                          exits=(0, 2))
                if out:
                    validate("inspect", json.loads(out), ["inspect", c, "--package", p["id"], "--addon", a["id"]])

    # --- quote ----------------------------------------------------------------------
    for c, model in models.items():
        for p in model["packages"]:
            json_of("quote", ["quote", "--format", "json", c, "--package", p["id"]], exits=(0, 1))
            for a in model["addons"]:
                json_of("quote", ["quote", "--format", "json", c, "--package", p["id"], "--addon", a["id"]],
                        exits=(0, 1))
            if len(model["addons"]) > 1:
                json_of("quote", ["quote", "--format", "json", c, "--package", p["id"],
                                  "--addon", ",".join(a["id"] for a in model["addons"]),
                                  "--addon", model["addons"][0]["id"]], exits=(0, 1))

    # --- time: every query on every calendar and package ------------------------------
    def time_queries(c, selector):
        base = ["time", c, *selector, "--format", "json"]
        for t in ["2026-01-09T16:30:00", "2026-04-03T10:00:00", "2026-12-24T23:59:59Z"]:
            for d in ["4 business hours", "1 business day", "90 minutes", "8 hours", "0 minutes"]:
                # A union of calendars has no business-day length: "1 business day" is refused.
                json_of("time#/$defs/add", [*base, "add", t, d], refusal_ok=True)
                json_of("time#/$defs/sub", [*base, "sub", t, d], refusal_ok=True)
            json_of("time#/$defs/between", [*base, "between", t, "2027-01-01T00:00:00"])
            json_of("time#/$defs/open", [*base, "open", t])

    for c, model in models.items():
        for cal in model["calendars"]:
            time_queries(c, ["--calendar", cal["id"]])
        for p in model["packages"][:2]:
            if p.get("calendar"):
                time_queries(c, ["--package", p["id"]])
    # The edges of the supported years: a deadline or a start that never comes (null), and
    # an instant before the zone's standard time (local mean time), written in UTC.
    edges = ["time", qiscus, "--package", "premium", "--format", "json"]
    never = [json_of("time#/$defs/add", [*edges, "add", "2398-12-31T10:00:00", "4000 business hours"]),
             json_of("time#/$defs/sub", [*edges, "sub", "1901-12-20T10:00:00", "40000 business hours"])]
    if never != [{"deadline": None}, {"start": None}]:
        fail("time: no null deadline and start to validate", edges, never)
    json_of("time#/$defs/sub", [*edges, "sub", "1901-01-02T10:00:00", "4 business hours"])
    json_of("time#/$defs/open", [*edges, "open", "2398-12-31T10:00:00"])
    for name in ["add", "sub", "between", "open"]:  # the whole schema accepts what its parts do
        for document, command in samples[f"time#/$defs/{name}"][:5]:
            validate("time", document, command)

    # --- explain: each priority of each package, answered and not --------------------
    for c, model in models.items():
        priorities = [p["name"] for p in model["priorities"]] or [""]
        attributes = model.get("attributes", [])
        for p in model["packages"]:
            if not p.get("calendar"):
                continue
            for priority in priorities:
                args = ["explain", c, "--package", p["id"], "--created", "2026-01-09T16:30:00",
                        "--as-of", "2026-02-01T00:00:00", "--format", "json"]
                if priority:
                    args += ["--priority", priority]
                for a in attributes[:1]:
                    args += ["--attribute", f"{a['name']}={a['values'][0]}"]
                json_of("explain", args, exits=(0, 2))
                json_of("explain", [*args, "--responded", "2026-01-12T11:00:00", "--resolved",
                                    "2026-01-20T11:00:00", "--update", "2026-01-12T12:00:00"], exits=(0, 2))
    events = tmp / "events.jsonl"
    events.write_text('{"at": "2026-01-12T10:00:00", "status": "Pending"}\n'
                      '{"at": "2026-01-12T12:00:00", "status": "Open"}\n'
                      '{"at": "2026-01-12T13:00:00", "priority": "High"}\n'
                      '{"at": "2026-01-12T14:00:00", "update": "on it"}\n', encoding="utf-8")
    json_of("explain", ["explain", qiscus, "--package", "premium", "--priority", "Normal", "--created",
                        "2026-01-09T16:30:00", "--events", events, "--as-of", AS_OF, "--format", "json"])
    # A contract with errors: the diagnostics go to stderr and stdout has no JSON at all.
    if run(["explain", broken, "--package", "p", "--priority", "Low", "--created", "2026-01-09T16:30:00",
            "--format", "json"], exits=(1,)) not in ("", None):
        fail("explain of a broken contract wrote to standard output", ["explain", broken])

    # --- test -----------------------------------------------------------------------
    for c in models:
        if models[c]["examples"]:
            json_of("test", ["test", "--format", "json", c], exits=(0, 1))
    failed = json_of("test", ["test", "--format", "json", failing], exits=(1,))
    if not failed or not any(e["trace"] for e in failed):
        fail("test: the failing example has no trace to validate", ["test", failing])
    json_of("test", ["test", "--format", "json", failing, broken, qiscus], exits=(1,))

    # --- fmt ------------------------------------------------------------------------
    for c in contracts:
        json_of("fmt", ["fmt", "--check", "--format", "json", rel(c)], exits=(0, 1, 2))
    copies = tmp / "fmt"
    copies.mkdir()
    for c in contracts[:12]:
        shutil.copy(c, copies / c.name)
    messy = copies / "messy.sla"  # rewritten in place: "rewritten": true
    messy.write_text(own_calendar.read_text(encoding="utf-8").replace("  calendar office", "      calendar   office"),
                     encoding="utf-8")
    fmt_run = json_of("fmt", ["fmt", "--format", "json", *sorted(copies.iterdir()), missing], exits=(1, 2))
    if fmt_run and not any(e.get("rewritten") for e in fmt_run):
        fail("fmt: no file was rewritten, so 'rewritten': true is not exercised", ["fmt", messy], fmt_run)
    json_of("fmt", ["fmt", "--format", "json", "-"], stdin=qiscus.read_bytes())
    json_of("fmt", ["fmt", "--check", "--format", "json", "-"], exits=(0, 1), stdin=qiscus.read_bytes())
    json_of("fmt", ["fmt", "--format", "json", cut], exits=(1,))

    # --- lint: json and sarif ----------------------------------------------------------
    for c in contracts:
        json_of("lint", ["lint", "--format", "json", rel(c)], exits=(0, 1))
        json_of("sarif", ["lint", "--format", "sarif", rel(c)], exits=(0, 1))
    everything = [rel(c) for c in contracts]
    json_of("lint", ["lint", "--format", "json", *everything], exits=(1,))
    json_of("sarif", ["lint", "--format", "sarif", *everything], exits=(1,))
    json_of("lint", ["lint", "--format", "json", "--deny", "SLA103", qiscus], exits=(1,))

    # --- eval: every sample, each package, and rows that cannot be judged ---------------
    sample_tickets = {
        "qiscus-enterprise": ["contracts/samples/qiscus-tickets.csv", "tests/eval/golden/tickets.csv"],
        "asi-xcpep": ["contracts/samples/asi-xcpep-tickets.csv"],
        "gitlab-priority-support": ["contracts/samples/gitlab-priority-support-tickets.csv"],
        "govuk-pay": ["contracts/samples/govuk-pay-tickets.csv"],
        "idcf-managed-switch": ["contracts/samples/idcf-managed-switch-tickets.csv"],
        "servers-australia": ["contracts/samples/servers-australia-tickets.csv"],
    }
    for stem, files in sample_tickets.items():
        c = ROOT / "contracts" / f"{stem}.sla"
        for p in models[c]["packages"]:
            for f in files:
                for as_of in [AS_OF, "2026-12-31T00:00:00Z"]:
                    jsonl_of("eval", ["eval", rel(c), "--package", p["id"], "--as-of", as_of, "--format", "jsonl", f],
                             exits=(0, 1))
                for a in models[c]["addons"]:
                    out = run(["eval", rel(c), "--package", p["id"], "--addon", a["id"], "--as-of", AS_OF,
                               "--format", "jsonl", f], exits=(0, 1, 2))
                    for n, line in enumerate((out or "").splitlines(), 1):
                        validate("eval", json.loads(line), ["eval", c, p["id"], a["id"], f, f"(line {n})"])
    # Warnings (at_risk and the progress columns), updates and restoration, events.
    for f in sorted(ROOT.glob("tests/fuzz/tickets-corpus/*.jsonl")):
        for c in [beyond, beyond_warned]:
            for as_of in ["2026-05-12T09:30:00+01:00", "2026-05-12T12:00:00+01:00", "2026-06-01T00:00:00Z"]:
                jsonl_of("eval", ["eval", c, "--package", "beyond", "--as-of", as_of, "--format", "jsonl", rel(f)],
                         exits=(0, 1))
    for as_of in ["2026-01-12T10:00:00+07:00", "2026-01-12T12:00:00+07:00", AS_OF]:
        for addon in [[], ["--addon", "resolution"]]:
            jsonl_of("eval", ["eval", warned, "--package", "premium", *addon, "--as-of", as_of, "--format", "jsonl",
                              "contracts/samples/qiscus-tickets.csv"], exits=(0, 1))
    bad_rows = tmp / "bad-rows.jsonl"
    bad_rows.write_bytes(b'{"id": "ok", "priority": "High", "created_at": "2026-01-09T16:30:00+07:00"}\n'
                         b'{"id": 1.5e3, "priority": "Urgent", "created_at": "2026-01-09T16:30:00+07:00"}\n'
                         b'{"id": "late", "priority": "High", "created_at": "yesterday"}\n'
                         b'{"priority": "High"}\n'
                         b'not json\n')
    rows = jsonl_of("eval", ["eval", qiscus, "--package", "premium", "--as-of", AS_OF, "--format", "jsonl",
                             bad_rows], exits=(1,))
    if sum(r["error"] is not None for r in rows) < 4:
        fail("eval: the bad rows did not come back as error rows", ["eval", bad_rows], rows)
    # An id from a Latin-1 export: U+FFFD in JSON, and a warning on that row only.
    latin1_tickets = tmp / "latin1-tickets.csv"
    latin1_tickets.write_bytes(b"id,priority,created_at\nx\xe9y,High,2026-01-09T16:30:00+07:00\n"
                               b"ok,High,2026-01-09T16:30:00+07:00\n")
    rows = jsonl_of("eval", ["eval", qiscus, "--package", "premium", "--as-of", AS_OF, "--format", "jsonl",
                             latin1_tickets])
    if [bool(r.get("warning")) for r in rows] != [True, False]:
        fail("eval: no warning on the row with bytes that are not UTF-8", ["eval", latin1_tickets], rows)
    for desk in ["zendesk", "jira", "zammad", "freshdesk"]:
        export = sorted((ROOT / "tests/helpdesk" / desk).glob("export.*"))[0]
        jsonl_of("eval", ["eval", qiscus, "--package", "premium", "--as-of", "2030-01-01T00:00:00+07:00",
                          "--desk", desk, "--map", rel(ROOT / "tests/helpdesk" / desk / "map.ini"),
                          "--format", "jsonl", rel(export)], exits=(0, 1))

    # --- uptime ---------------------------------------------------------------------
    uptime_runs = [
        [qiscus, "--package", "premium", "--month", "2026-01..2026-03", "contracts/samples/qiscus-incidents.csv"],
        [qiscus, "--package", "premium", "--month", "2024-12..2026-04", "--as-of", "2026-03-31T12:00:00+07:00",
         "tests/uptime/golden/incidents.csv"],
        [qiscus, "--package", "basic", "--month", "2026-02", "tests/uptime/golden/incidents.csv"],
        [qiscus, "--package", "premium", "--addon", "dedicated_24x7", "--month", "2026-01",
         "tests/uptime/golden/incidents.jsonl"],
        [qiscus, "--package", "premium", "--month", "2026-01", "tests/uptime/golden/bad.csv"],
        ["contracts/samples/quarterly-uptime.sla", "--package", "hosting", "--month", "2026-01..2027-01",
         "--as-of", "2026-05-01T00:00:00+02:00", "contracts/samples/quarterly-incidents.csv"],
    ]
    for args in uptime_runs:
        json_of("uptime", ["uptime", *args, "--format", "json"], exits=(0, 1))
    latin1 = tmp / "incidents-latin1.csv"
    latin1.write_bytes(b"id,service,start,end,category\nI\xe91,Chat Service,2026-01-05T10:00:00+07:00,"
                       b"2026-01-05T11:00:00+07:00,outage\nI2,Chat Service,2026-01-06T10:00:00+07:00,,outage\n")
    json_of("uptime", ["uptime", qiscus, "--package", "premium", "--month", "2026-01", "--as-of",
                       "2026-01-20T00:00:00+07:00", "--format", "json", latin1])

    # --- credits --------------------------------------------------------------------
    for month in ["2025-12", "2026-01", "2026-02", "2026-03"]:
        for p in ["basic", "premium"]:
            json_of("credits", ["credits", qiscus, "--package", p, "--month", month, "--as-of", AS_OF,
                                "--tickets", "contracts/samples/qiscus-tickets.csv",
                                "--incidents", "contracts/samples/qiscus-incidents.csv", "--format", "json"],
                    exits=(0, 1))
    # Ticket credits (per breached target, capped) in the contracts that have them.
    for stem, months in [("idcf-managed-switch", ["2026-04", "2026-05", "2026-06"]),
                         ("servers-australia", ["2026-01", "2026-02", "2026-03"])]:
        c = ROOT / "contracts" / f"{stem}.sla"
        for p in models[c]["packages"]:
            for month in months:
                json_of("credits", ["credits", rel(c), "--package", p["id"], "--month", month, "--as-of",
                                    "2026-07-01T00:00:00Z", "--tickets", sample_tickets[stem][0],
                                    "--format", "json"], exits=(0, 1))
    json_of("credits", ["credits", "contracts/samples/quarterly-uptime.sla", "--package", "hosting", "--month",
                        "2026-02", "--as-of", "2026-03-01T00:00:00+01:00", "--incidents",
                        "contracts/samples/quarterly-incidents.csv", "--tickets", "tests/eval/golden/tickets.csv",
                        "--format", "json"], exits=(0, 1))

    # --- diff: versions of one contract, and every pair of bundled contracts ------------
    bundled = sorted(ROOT.glob("contracts/*.sla"))
    pairs = [(qiscus, renewal), (renewal, qiscus), (qiscus, weaker), (qiscus, qiscus), (qiscus, failing)]
    pairs += [(a, b) for a in bundled for b in bundled if a != b]
    for old, new in pairs:
        json_of("diff", ["diff", "--format", "json", old, new])
        json_of("sarif", ["diff", "--format", "sarif", old, new])
    json_of("diff", ["diff", "--format", "json", "--impact", "--impact-tickets", "20", qiscus, renewal])
    json_of("diff", ["diff", "--format", "json", "--impact", "--tickets", "contracts/samples/qiscus-tickets.csv",
                     qiscus, renewal])
    json_of("diff", ["diff", "--format", "json", qiscus, renewal, "--fail-on", "weaker",
                     "--effect", "SLA240=neutral"], exits=(1,))

    # --- report ---------------------------------------------------------------------
    period = ["--from", "2025-12-01", "--to", "2026-03-31", "--as-of", AS_OF]
    for stem, files in sample_tickets.items():
        c = ROOT / "contracts" / f"{stem}.sla"
        for p in models[c]["packages"]:
            for f in files:
                for trend in ["week", "month"]:
                    json_of("report", ["report", rel(c), "--package", p["id"], "--from", "2026-01-01", "--to",
                                       "2026-06-30", "--as-of", "2026-07-01T00:00:00Z", "--trend", trend,
                                       "--format", "json", f], exits=(0, 1))
    json_of("report", ["report", qiscus, "--package", "premium", "--addon", "resolution", *period,
                       "--format", "json", "contracts/samples/qiscus-tickets.csv"], exits=(1,))
    for as_of in ["2026-01-12T12:00:00+07:00", AS_OF]:
        json_of("report", ["report", warned, "--package", "premium", "--addon", "resolution", "--from", "2025-12-01",
                           "--to", "2026-03-31", "--as-of", as_of, "--format", "json",
                           "contracts/samples/qiscus-tickets.csv"], exits=(0, 1))
    json_of("report", ["report", "bench/beyond.sla", "--package", "beyond", "--from", "2026-01-01", "--to",
                       "2026-01-31", "--as-of", "2026-01-20T00:00:00Z", "--format", "json",
                       "tests/fuzz/tickets-corpus/beyond.jsonl"], exits=(0, 1))
    json_of("report", ["report", qiscus, "--package", "premium", "--desk", "zendesk", "--map",
                       "tests/helpdesk/zendesk/map.ini", "--from", "2020-01-01", "--to", "2029-12-31",
                       "--as-of", "2030-01-01T00:00:00+07:00", "--format", "json",
                       "tests/helpdesk/zendesk/export.json"], exits=(0, 1))
finally:
    shutil.rmtree(tmp, ignore_errors=True)

# --- (c) the schemas are not vacuous ----------------------------------------------
# Each mutation takes a real output and breaks it as a reader would notice; the
# schema must reject it. `where` finds the object to change in a document.


def objects(value):
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from objects(v)
    elif isinstance(value, list):
        for v in value:
            yield from objects(v)


def drop(key):
    def mutate(doc):
        for o in objects(doc):
            if key in o:
                del o[key]
                return True
        return False
    return f"drop '{key}'", mutate


def replace(key, value, note=None):
    def mutate(doc):
        for o in objects(doc):
            if key in o and o[key] != value:
                o[key] = value
                return True
        return False
    return note or f"'{key}' = {json.dumps(value)}", mutate


def add(key, value, near):
    def mutate(doc):
        for o in objects(doc):
            if near in o:
                o[key] = value
                return True
        return False
    return f"unknown key '{key}' beside '{near}'", mutate


MUTATIONS = {
    "check": [
        drop("valid"), drop("diagnostics"), drop("offset"), replace("valid", "yes"), replace("code", "E001"),
        replace("severity", "fatal"), replace("line", "12"), add("warnings", [], "valid"),
        add("fixable", True, "severity")],
    "inspect": [
        drop("span"), drop("targets"), drop("column"), replace("commitment", "promised"), replace("kind", "bundle"),
        replace("business", "yes"), replace("line", -1), replace("calendar", False), add("colour", "red", "title"),
        add("priority_rank", 1, "origin"), add("extra", 1, "business_day_seconds")],
    "quote": [
        drop("valid"), drop("includes"), replace("amount", 420), replace("kind", "bundle"),
        add("discount", 0, "repeated_addons")],
    "time": [
        replace("deadline", "Monday"), replace("seconds", "5400"), replace("open", "no"), add("zone", "UTC", "open")],
    "time#/$defs/add": [drop("deadline"), replace("deadline", "2026-01-12 12:30"), add("x", 1, "deadline")],
    "time#/$defs/sub": [drop("start"), replace("start", 5)],
    "time#/$defs/between": [drop("seconds"), replace("seconds", -1), replace("seconds", 1.5)],
    "time#/$defs/open": [drop("next_change"), replace("open", None)],
    "explain": [
        drop("step"), drop("text"), replace("step", "teleport"), replace("status", "at_risk"), replace("due", "soon"),
        add("why", "", "text")],
    "test": [
        drop("passed"), drop("trace"), replace("passed", 1), replace("failures", "none"),
        add("skipped", False, "passed")],
    "fmt": [drop("formatted"), drop("file"), replace("formatted", "no"), add("changed", True, "formatted")],
    "lint": [
        drop("summary"), drop("title"), drop("help"), replace("code", "SLA10"), replace("severity", "info"),
        replace("errors", -1), add("fixed", 0, "suppressed"), add("fix", "", "help")],
    "sarif": [
        drop("ruleId"), drop("driver"), replace("version", "2.0.0"), replace("level", "critical"),
        replace("startLine", 0), add("extra", 1, "ruleId")],
    "eval": [
        drop("response_status"), drop("error"), replace("response_status", "late"),
        replace("response_status", "at-risk"), replace("response_status", "error", "a good row with status error"),
        replace("resolution_status", "failed"), replace("response_commitment", "maybe"),
        replace("response_due", "tomorrow"), replace("priority", 3), replace("response_elapsed_percent", "81.2"),
        add("sla", "x", "escalation")],
    "uptime": [
        drop("status"), drop("credit"), replace("status", "ok"), replace("coverage", "some"),
        replace("month", "January"), replace("total_minutes", "44640"), replace("treatment", "ignored"),
        add("extra", 1, "service")],
    "credits": [
        drop("total_percent"), replace("capped", "no"), replace("month", "2026-1"), replace("target", "reply"),
        add("fee", 1, "package")],
    "diff": [
        drop("effect"), drop("summary"), replace("effect", "worse"), replace("code", "SLA002"),
        replace("old_at", "x.sla:3"), add("reason", "", "effect")],
    "report": [
        drop("groups"), drop("exact_quantiles"), drop("elapsed_percent"), replace("trend_unit", "day"),
        replace("compliance_percent", "99"), replace("from", "2026/01/01"), replace("target", "reply"),
        add("extra", 1, "zone"), add("extra", 1, "stated_in"), add("extra", 1, "partial")],
}

negatives = 0
for schema, mutations in MUTATIONS.items():
    if not samples[schema]:
        fail(f"{schema}: no document to mutate", [schema])
        continue
    for what, mutate in mutations:
        applied = rejected = 0
        for document, command in samples[schema]:
            changed = copy.deepcopy(document)
            if not mutate(changed):
                continue
            applied += 1
            if not validator(schema).is_valid(changed):
                rejected += 1
            else:
                fail(f"{schema}: accepts a document with {what}", command, changed)
        if applied == 0:
            fail(f"{schema}: no sample to apply '{what}' to", [schema])
        negatives += rejected
print(f"{negatives} altered documents rejected ({sum(len(m) for m in MUTATIONS.values())} kinds of change)")

for schema in sorted(validated):
    print(f"  {validated[schema]:6d}  {schema}")
expected = {"check", "inspect", "quote", "time", "explain", "test", "fmt", "lint", "sarif", "eval", "uptime",
            "credits", "diff", "report"}
for schema in sorted(expected - set(validated)):
    fail(f"{schema}: no document validated", [schema])
# call.schema.json (sla_call_json's requests and responses) is tests/json_api's.
unused = {uri[len(BASE):-len(".schema.json")] for uri in STORE} - expected - {"common", "call"}
for schema in sorted(unused):
    fail(f"{schema}.schema.json is not exercised by this test", [schema])

print(f"{sum(validated.values())} documents validated, {len(failures)} failures"
      + (f" ({sum(refused.values())} queries refused as usage errors, as they should be)" if refused else ""))
sys.exit(1 if failures else 0)

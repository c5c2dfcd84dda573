#!/usr/bin/env bash
# CLI behaviour: exit codes (0 ok, 1 invalid, 2 usage), messages and formats.
# Usage: cli_test.sh PATH/TO/sla   (run from the project root)
set -u
SLA=$1
C=contracts/qiscus-enterprise.sla
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # description expected-exit command...
  local what=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>&1
  local rc=$?
  if [ "$rc" -eq "$want" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $what: exit $rc, expected $want"; head -5 "$tmp/out"; fi
}
contains() { # description pattern
  if grep -qE -- "$2" "$tmp/out"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: output lacks /$2/"; head -5 "$tmp/out"; fi
}

check "version" 0 "$SLA" --version;                     contains "version" '^sla [0-9]+\.[0-9]+'
check "help" 0 "$SLA" --help;                           contains "help lists check" 'check'
contains "help lists exit codes" 'Exit codes'
check "no command" 2 "$SLA"
check "unknown command" 2 "$SLA" frobnicate
check "check valid" 0 "$SLA" check "$C";                contains "says ok" 'qiscus-enterprise.sla: ok'
check "unknown flag" 2 "$SLA" check --no-such-flag "$C"
check "missing file" 2 "$SLA" check "$tmp/missing.sla"; contains "names the file" 'missing.sla'
check "bad format" 2 "$SLA" check --format xml "$C"

printf 'package p "P" {\n  respond to Low withn 4 business hours\n}\n' >"$tmp/bad.sla"
check "check invalid" 1 "$SLA" check "$tmp/bad.sla"
contains "file:line:col" 'bad.sla:2:18: error\[SLA001\]'
contains "caret" '^ +\| +\^'
contains "hint" "did you mean 'within'"
check "check json" 1 "$SLA" check --format json "$tmp/bad.sla"
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL check json shape"; }
import json, sys
report = json.load(open(sys.argv[1]))
d = report[0]["diagnostics"][0]
assert report[0]["valid"] is False and d["code"] == "SLA001"
assert d["span"]["line"] == 2 and d["span"]["column"] == 18, d
PY
check "several files, one bad" 1 "$SLA" check "$C" "$tmp/bad.sla"

check "inspect json" 0 "$SLA" inspect "$C" --format json
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL inspect json values"; }
import json, sys
m = json.load(open(sys.argv[1]))
premium = next(p for p in m["packages"] if p["id"] == "premium")
assert premium["targets"]["response"]["Normal"]["text"] == "4 business hours"
assert premium["uptime"][0]["target_percent"] == 99
addon = next(a for a in m["addons"] if a["id"] == "dedicated_24x7")
assert addon["price"]["text"] == "IDR 420,000,000"
PY
check "inspect selection" 0 "$SLA" inspect "$C" --package premium --addon dedicated_8x7
contains "merged calendar" 'every_day_office_hours'
check "inspect bad selection" 2 "$SLA" inspect "$C" --package premium --addon dedicated_8x7 --addon dedicated_24x7
contains "names the clause" 'cannot be combined'

check "time add" 0 "$SLA" time "$C" --package premium add 2026-01-09T16:30:00+07:00 "4 business hours"
contains "deadline" '2026-01-12T12:30:00\+07:00'
check "time bad duration" 2 "$SLA" time "$C" --package premium add 2026-01-09T16:30:00+07:00 "4 lightyears"
check "time no offset" 2 "$SLA" time "$C" --package premium add 2026-01-09T16:30:00 "1 business hour"
contains "asks for an offset" 'offset'
check "time unknown calendar" 2 "$SLA" time "$C" --calendar nope open 2026-01-09T16:30:00+07:00
check "time needs a selection" 2 "$SLA" time "$C" open 2026-01-09T16:30:00+07:00
check "time calendar" 0 "$SLA" time "$C" --calendar around_the_clock --format json open 2026-01-10T03:00:00+07:00
contains "open json" "\"open\": true, \"next_change\": null"

# Every bundled contract checks clean; the engine-pushing ones give the deadlines their examples state.
for c in contracts/*.sla; do check "check $c" 0 "$SLA" check "$c"; done
F=contracts/follow-the-sun.sla B=contracts/berlin-split-shift.sla
check "24x5 across spring DST" 0 "$SLA" time "$F" --package global --format json add 2026-03-06T16:00:00-05:00 "2 business hours"
contains "Sunday 18:00 EDT" '2026-03-08T18:00:00-04:00'
check "24x5 across autumn DST" 0 "$SLA" time "$F" --package global --format json add 2026-10-31T12:00:00-04:00 "8 business hours"
contains "Monday 01:00 EST" '2026-11-02T01:00:00-05:00'
check "split shift half day" 0 "$SLA" time "$B" --package standard --format json add 2026-12-24T10:00:00+01:00 "4 business hours"
contains "after Christmas" '2026-12-28T11:00:00\+01:00'

# sla eval and sla explain
E="--package premium --as-of 2026-02-01T00:00:00+07:00"
printf 'id,priority,created_at\nA,Normal,2026-01-09T16:30:00+07:00\n' >"$tmp/ok.csv"
# shellcheck disable=SC2086
check "eval ok" 0 "$SLA" eval "$C" $E "$tmp/ok.csv";          contains "due" '^A,Normal,2026-01-12T12:30:00\+07:00'
check "eval missing tickets" 2 "$SLA" eval "$C" $E "$tmp/none.csv"
printf 'id,priority\nA,Normal\n' >"$tmp/nocreated.csv"
check "eval header without created_at" 2 "$SLA" eval "$C" $E "$tmp/nocreated.csv"
contains "names the column" 'created_at'
check "eval unknown package" 2 "$SLA" eval "$C" --package gold "$tmp/ok.csv"
check "eval bad as-of" 2 "$SLA" eval "$C" --package premium --as-of tomorrow "$tmp/ok.csv"
check "eval incompatible add-ons" 2 "$SLA" eval "$C" $E --addon dedicated_8x7 --addon dedicated_24x7 "$tmp/ok.csv"
printf '{"id":"P","priority":"Normal","created_at":"2026-01-12T09:00:00+07:00","events":[{"at":"2026-01-12T10:00:00+07:00","status":"waiting on client"},{"at":"2026-01-12T14:00:00+07:00","status":"open"}]}\nnot json\n' >"$tmp/t.jsonl"
check "eval jsonl with a bad line" 1 "$SLA" eval "$C" $E --format jsonl "$tmp/t.jsonl"
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL eval jsonl pause and error row"; }
import json, sys
lines = [l for l in open(sys.argv[1]) if l.startswith("{")]
rows = [json.loads(l) for l in lines]
assert rows[0]["response_due"] == "2026-01-12T17:00:00+07:00", rows[0]
assert rows[1]["response_status"] == "error" and "row 2" in rows[1]["error"], rows[1]
PY
check "eval table" 0 "$SLA" eval "$C" $E --format table "$tmp/ok.csv"; contains "table header" '^id +priority +response_due'
check "explain" 0 "$SLA" explain "$C" --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 --as-of 2026-02-01T00:00:00+07:00
contains "weekend" 'the weekend'
check "explain json" 0 "$SLA" explain "$C" --package premium --priority Critical --created 2026-01-09T20:00:00+07:00 --format json --as-of 2026-02-01T00:00:00+07:00
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL explain json steps"; }
import json, sys
steps = json.load(open(sys.argv[1]))
kinds = [s["step"] for s in steps]
assert "clock_start" in kinds and "response_due" in kinds and "resolution_due" in kinds, kinds
due = next(s for s in steps if s["step"] == "response_due")
assert due["from"] == "2026-01-12T10:00:00+07:00", due
PY
check "explain unknown priority" 2 "$SLA" explain "$C" --package premium --priority Urgent --created 2026-01-09T16:30:00+07:00

# Review fixes: suggestions, add-ons not swallowing files, options after the query,
# the output never overwriting the input, directories named as such.
check "unknown command suggests" 2 "$SLA" chek "$C";        contains "suggestion" "did you mean 'check'"
check "addon then file" 0 "$SLA" eval "$C" $E --addon dedicated_24x7 "$tmp/ok.csv"
contains "24x7 deadline" '^A,Normal,2026-01-09T20:30:00\+07:00'
check "addons with commas" 0 "$SLA" eval "$C" $E --addon dedicated_24x7,resolution "$tmp/ok.csv"
check "format after the query" 0 "$SLA" time "$C" --package premium add 2026-01-09T16:30:00+07:00 "4 business hours" --format json
contains "json deadline" '"deadline": "2026-01-12T12:30:00\+07:00"'
cp "$tmp/ok.csv" "$tmp/same.csv"
check "output is the input" 2 "$SLA" eval "$C" $E --output "$tmp/same.csv" "$tmp/same.csv"
[ -s "$tmp/same.csv" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL the input was emptied"; }
check "check a directory and a file" 2 "$SLA" check "$tmp" "$C"
contains "directory" 'is a directory'
contains "still checks the file" 'qiscus-enterprise.sla: ok'

printf '{"at":"2026-01-12T10:00:00+07:00","status":"waiting on client"}\n{"at":"2026-01-12T14:00:00+07:00","status":"open"}\n' >"$tmp/ev.jsonl"
check "explain with a pause" 0 "$SLA" explain "$C" --package premium --priority Low --created 2026-01-12T09:00:00+07:00 --events "$tmp/ev.jsonl" --as-of 2026-02-01T00:00:00+07:00
contains "pause in place" 'Paused Monday 2026-01-12T10:00:00\+07:00 to Monday 2026-01-12T14:00:00\+07:00'
contains "then 180 min" '14:00:00\+07:00 to Monday 2026-01-12T17:00:00\+07:00: 180 min counted'

# sla test: every bundled contract's examples pass; a wrong expectation fails with the reason.
check "test all contracts" 0 "$SLA" test contracts/*.sla;  contains "no failure" ' passed, 0 failed$'
sed 's/expect response due 2026-01-12 12:30/expect response due 2026-01-12 12:00/' "$C" >"$tmp/wrong.sla"
check "test a wrong example" 1 "$SLA" test "$tmp/wrong.sla"
contains "says what differs" 'expected response due 2026-01-12 12:00, got 2026-01-12 12:30'
check "test filter" 0 "$SLA" test --filter 'annex' "$C";  contains "two annex examples" '^2 passed, 0 failed$'
check "test bad regex" 2 "$SLA" test --filter '(' "$C"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

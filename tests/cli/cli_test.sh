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
check "time no offset" 0 "$SLA" time "$C" --package premium add 2026-01-09T16:30:00 "1 business hour"
contains "read in the calendar's zone" '= 2026-01-12T09:30:00\+07:00'
check "time unknown calendar" 2 "$SLA" time "$C" --calendar nope open 2026-01-09T16:30:00+07:00
check "time needs a selection" 2 "$SLA" time "$C" open 2026-01-09T16:30:00+07:00
check "time calendar" 0 "$SLA" time "$C" --calendar around_the_clock --format json open 2026-01-10T03:00:00+07:00
contains "open json" "\"open\": true, \"next_change\": null"
check "time sub" 0 "$SLA" time "$C" --package premium sub 2026-01-12T12:30:00+07:00 "4 business hours"
contains "sub text" '^2026-01-12T12:30:00\+07:00 - 4 business hours on calendar office_hours \(Asia/Jakarta\) = 2026-01-09T16:30:00\+07:00$'
check "time sub json" 0 "$SLA" time "$C" --package premium sub 2026-01-12T09:00:00+07:00 "1 business hour" --format json
contains "sub json" '^\{"start": "2026-01-09T16:00:00\+07:00"\}$'
check "time sub over holidays" 0 "$SLA" time "$C" --package premium --format json sub 2026-03-23T10:00:00+07:00 "2 business hours"
contains "sub skips Nyepi and Eid" '"start": "2026-03-18T16:00:00\+07:00"'
check "time sub to an opening" 0 "$SLA" time "$C" --package premium --format json sub 2026-01-12T12:30:00+07:00 "3.5 business hours"
contains "sub latest start" '"start": "2026-01-12T09:00:00\+07:00"'
check "time sub plain hours" 0 "$SLA" time "$C" --package premium --format json sub 2026-01-12T12:30:00+07:00 "4 hours"
contains "sub clock time" '"start": "2026-01-12T08:30:00\+07:00"'
check "time sub never" 0 "$SLA" time "$C" --package premium --format json sub 1901-03-01T00:00:00Z "5000 business hours"
contains "sub never json" '"start": null'
check "time sub never text" 0 "$SLA" time "$C" --package premium sub 1901-03-01T00:00:00Z "5000 business hours"
contains "sub never text" '^never: calendar office_hours was not open that long before 1901-03-01T00:00:00Z$'
check "time sub bad duration" 2 "$SLA" time "$C" --package premium sub 2026-01-12T12:30:00+07:00 "4 lightyears"
check "time sub bad time" 2 "$SLA" time "$C" --package premium sub yesterday "1 business hour"
contains "sub names TO" "TO 'yesterday'"
check "time sub help" 0 "$SLA" time --help; contains "time help teaches sub" 'premium sub 2026-01-12T12:30:00\+07:00 "4 business hours"'
# Sub-second times: ".000" is exact, any other fraction a usage error, never truncated.
check "time fraction refused" 2 "$SLA" time "$C" --package premium add 2026-01-09T16:30:00.5+07:00 "1 business hour" --format json
contains "fraction message" "^sla time: FROM '2026-01-09T16:30:00\.5\+07:00': sub-second times are not supported: the time has a fraction of a second \(0\.5\); write whole seconds$"
check "time zero fraction" 0 "$SLA" time "$C" --package premium add 2026-01-09T16:30:00.000+07:00 "1 business hour" --format json
contains "zero fraction is exact" '"deadline": "2026-01-12T09:30:00\+07:00"'
check "eval fraction flag" 2 "$SLA" eval "$C" --package premium --as-of 2026-02-01T00:00:00.5+07:00 /dev/null
contains "as-of fraction message" "--as-of '2026-02-01T00:00:00\.5\+07:00': sub-second times are not supported"

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
printf 'id,priority,created_at\nA,Normal,2026-01-09T16:30:00.000+07:00\nB,Normal,2026-01-09T16:30:00.5+07:00\n' >"$tmp/fraction.csv"
check "eval fraction row" 1 "$SLA" eval "$C" $E "$tmp/fraction.csv"
contains "zero fraction row" '^A,Normal,2026-01-12T12:30:00\+07:00'
contains "fraction row error" "^B,Normal,.*row 2 \(line 3\): created_at '2026-01-09T16:30:00\.5\+07:00': sub-second times are not supported"
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
check "unknown query suggests" 2 "$SLA" time "$C" --package premium ad 2026-01-09T16:30:00+07:00 "1 hour"
contains "query suggestion" "^sla time: unknown query 'ad'; did you mean 'add'\? \(see 'sla time --help'\)$"
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
contains "says what differs" ':[0-9]+:[0-9]+: expected response due 2026-01-12 12:00, got 2026-01-12 12:30'
check "test filter" 0 "$SLA" test --filter 'annex' "$C";  contains "two annex examples" '^2 passed, 0 failed$'
check "test filter matching nothing" 1 "$SLA" test --filter 'zzz' "$C"; contains "says so" "no example ran: none is named to match --filter 'zzz'"
check "test bad regex" 2 "$SLA" test --filter '(' "$C"

# sla test prints how a failing example was computed.
check "test a wrong example, traced" 1 "$SLA" test "$tmp/wrong.sla"
contains "explain trace under a failure" 'how it was computed:'
contains "trace step" '^       - Raised Friday 2026-01-09T16:30:00\+07:00'
check "test json with a trace" 1 "$SLA" test --format json "$tmp/wrong.sla"
contains "json trace" '"trace": \['

# sla lint: findings for people, JSON, SARIF and GitHub; exit codes by fail level.
check "lint qiscus" 0 "$SLA" lint "$C"
contains "a finding with code and position" 'qiscus-enterprise.sla:[0-9]+:[0-9]+: warning\[SLA103\]'
contains "summary line" 'qiscus-enterprise.sla: 27 findings'
check "lint fail level warning" 1 "$SLA" lint --fail-level warning "$C"
check "lint deny" 1 "$SLA" lint --deny SLA103 "$C";     contains "denied is an error" 'error\[SLA103\]'
check "lint allow" 0 "$SLA" lint --allow SLA103,SLA105 --allow SLA102 "$C"
contains "allowed are counted" '17 findings \(10 silenced\)'
check "lint unknown code" 2 "$SLA" lint --allow SLA104x "$C"; contains "suggests a code" "did you mean 'SLA104'"
check "lint bad fail level" 2 "$SLA" lint --fail-level note "$C"
check "lint missing file" 2 "$SLA" lint "$tmp/missing.sla"
check "lint broken contract" 1 "$SLA" lint "$tmp/bad.sla";    contains "its errors" 'error\[SLA001\]'
check "lint github" 0 "$SLA" lint --format github "$C"
contains "annotation" '^::warning file=contracts/qiscus-enterprise.sla,line=[0-9]+,col=[0-9]+,title=SLA1[0-9][0-9] '
check "lint sarif" 0 "$SLA" lint --format sarif "$C"
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL lint sarif shape"; }
import json, sys
d = json.load(open(sys.argv[1]))
run = d["runs"][0]
assert d["version"] == "2.1.0" and len(run["results"]) == 27
assert sum(r["level"] == "note" for r in run["results"]) == 1
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert all(r["ruleId"] == ids[r["ruleIndex"]] for r in run["results"])
PY
check "lint json" 0 "$SLA" lint --format json "$C"
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL lint json shape"; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["warnings"] == 26 and d["summary"]["notes"] == 1 and len(d["diagnostics"]) == 27
assert all(x["code"].startswith("SLA1") and x["span"]["line"] >= 1 for x in d["diagnostics"])
PY
printf '%s\n' 'priorities { Low "l" }' 'calendar c { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00; open on holidays }' \
  'package p "P" {' '  calendar c' '  respond to Low within 8 hours  # sla: allow SLA105 (meant)' '}' >"$tmp/silenced.sla"
check "lint silenced by a comment" 0 "$SLA" lint --fail-level warning "$tmp/silenced.sla"
contains "says what was silenced" 'no findings \(1 silenced\)'
check "lint silenced, in JSON with the reason" 0 "$SLA" lint --format json "$tmp/silenced.sla"
contains "the reason is kept" '"reason": ?"meant"'
NO_COLOR=1 check "no colour when piped" 0 "$SLA" lint "$C"
if grep -q $'\x1b\[' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL colour escapes in piped output"; else pass=$((pass + 1)); fi

# sla fmt: every bundled contract is formatted; a messy copy is not, gets a diff,
# and is rewritten in place (or stdin to stdout); broken and missing files are left alone.
check "fmt check contracts" 0 "$SLA" fmt --check contracts/*.sla
contains "all formatted" "^$(ls contracts/*.sla | wc -l) files formatted\$"
sed -e 's/^[[:space:]]*//' -e '/^$/d' "$C" >"$tmp/messy.sla"
cp "$tmp/messy.sla" "$tmp/messy-copy.sla"
check "fmt check messy" 1 "$SLA" fmt --check "$tmp/messy.sla"
contains "diff header" '^--- a/.*messy.sla$'
contains "diff hunk" '^@@ -[0-9]+(,[0-9]+)? \+[0-9]+(,[0-9]+)? @@$'
contains "diff line" '^\+  provider "Qiscus"$'
contains "says not formatted" 'messy.sla: not formatted'
if grep -q $'\x1b\[' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL colour escapes in a piped diff"; else pass=$((pass + 1)); fi
cmp -s "$tmp/messy.sla" "$tmp/messy-copy.sla" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL fmt --check changed the file"; }
check "fmt check stdin" 1 bash -c '"$1" fmt --check - <"$2"' _ "$SLA" "$tmp/messy.sla"
contains "stdin diff header" '^--- a/<stdin>$'
"$SLA" fmt - <"$tmp/messy.sla" >"$tmp/stdout.sla" 2>"$tmp/err" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL fmt - exit"; }
check "fmt in place" 0 "$SLA" fmt "$tmp/messy.sla";          contains "says reformatted" 'messy.sla: reformatted'
cmp -s "$tmp/messy.sla" "$tmp/stdout.sla" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL fmt - and fmt FILE differ"; }
check "fmt check after fmt" 0 "$SLA" fmt --check "$tmp/messy.sla"
check "fmt again" 0 "$SLA" fmt "$tmp/messy.sla";             contains "idempotent" 'messy.sla: already formatted'
cp "$tmp/messy-copy.sla" "$tmp/messy2.sla"
check "fmt missing and messy" 2 "$SLA" fmt "$tmp/missing.sla" "$tmp/messy2.sla"
contains "names the missing file" 'missing.sla'
contains "still formats the other" 'messy2.sla: reformatted'
cp "$tmp/bad.sla" "$tmp/bad-copy.sla"
check "fmt syntax error" 1 "$SLA" fmt "$tmp/bad.sla";         contains "its diagnostics" 'bad.sla:2:18: error\[SLA001\]'
cmp -s "$tmp/bad.sla" "$tmp/bad-copy.sla" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL fmt touched a broken file"; }
check "fmt check json" 1 "$SLA" fmt --check --format json "$C" "$tmp/messy-copy.sla" "$tmp/bad.sla"
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL fmt json shape"; }
import json, sys
ok, messy, bad = json.load(open(sys.argv[1]))
assert ok["formatted"] is True and ok["diff"] == "", ok
assert messy["formatted"] is False and messy["diff"].startswith("--- a/"), messy
assert bad["formatted"] is False and bad["diagnostics"][0]["code"] == "SLA001", bad
PY
check "fmt help" 0 "$SLA" fmt --help;  contains "help: --check" '--check';  contains "help: exit codes" 'Exit codes'
check "fmt no file" 2 "$SLA" fmt

# sla uptime: formats, exit codes (a breach is still 0), bad rows with their
# numbers (exit 1, nothing dropped), usage errors (exit 2); sla quote: totals,
# forbidden combinations (exit 1) and unknown names (exit 2).
printf 'id,service,start,end,category,announced_at\nI1,Chat Service,2026-02-10T08:00:00+07:00,2026-02-10T18:00:00+07:00,outage,\n' >"$tmp/feb.csv"
check "uptime breached is 0" 0 "$SLA" uptime "$C" --package premium --month 2026-02 "$tmp/feb.csv"
contains "uptime verdict" '^Chat Service, 2026-02 \(package premium\): breached$'
contains "uptime figure" '98\.5119 %'
contains "uptime says credits are undefined" 'defines no credit tiers'
check "uptime json" 0 "$SLA" uptime "$C" --package premium --month 2026-01,2026-02 --format json "$tmp/feb.csv"
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL uptime json shape"; }
import json, sys
jan, feb = json.load(open(sys.argv[1]))
assert (jan["month"], jan["status"], jan["uptime_percent"]) == ("2026-01", "met", 100), jan
assert (feb["service"], feb["status"], feb["uptime_percent"]) == ("Chat Service", "breached", 98.5119), feb
assert feb["credit"]["status"] == "not_defined" and feb["degraded_counts_as_downtime"] is False, feb
assert (jan["period"], feb["period"]) == ("2026-01", "2026-02"), (jan, feb)
PY
check "uptime csv" 0 "$SLA" uptime "$C" --package premium --month 2026-02 --format csv "$tmp/feb.csv"
contains "uptime csv header" '^month,service,status,uptime_percent,'
contains "uptime csv row" '^2026-02,Chat Service,breached,98\.5119,99,'
check "uptime stdin jsonl" 0 bash -c 'printf "%s\n" "{\"service\": \"Chat Service\", \"start\": \"2026-02-10T08:00:00+07:00\", \"end\": \"2026-02-10T18:00:00+07:00\", \"category\": \"outage\"}" | "$1" uptime "$2" --package premium --month 2026-02 --input-format jsonl --format csv' _ "$SLA" "$C"
contains "uptime stdin row" '^2026-02,Chat Service,breached,98\.5119,'
check "uptime basic best effort" 0 "$SLA" uptime "$C" --package basic --month 2026-02 "$tmp/feb.csv"
contains "uptime best effort" 'breached \(best effort\)'
check "uptime before the contract" 0 "$SLA" uptime "$C" --package premium --month 2024-12 "$tmp/feb.csv"
contains "uptime not in force" 'not_in_force'
printf 'id,service,start,end,category\nA,Chat Service,2026-01-05T10:00:00+07:00,2026-01-05T11:00:00+07:00,outage\nB,Chat Servce,2026-01-05T10:00:00+07:00,,outage\nC,Chat Service,2026-01-05T10:00:00+07:00,2026-01-05T09:00:00+07:00,outage\nD,Chat Service,2026-01-06T10:00:00+07:00,,outgae\n' >"$tmp/bad-incidents.csv"
check "uptime bad rows" 1 "$SLA" uptime "$C" --package premium --month 2026-01 "$tmp/bad-incidents.csv"
contains "uptime bad row 2" "row 2 \(line 3\), incident B: unknown service 'Chat Servce'; did you mean 'Chat Service'\?"
contains "uptime bad row 3" 'row 3 \(line 4\), incident C: it ends before it starts'
contains "uptime bad row 4" "row 4 \(line 5\), incident D: unknown category 'outgae'; did you mean 'outage'\?"
contains "uptime still reports" '^Chat Service, 2026-01 \(package premium\): met$'
contains "uptime counts the bad rows" '3 of 4 incident rows have errors'
printf 'id,service,start,end,category\nA,Chat Service,2026-01-05T10:00:00.000+07:00,2026-01-05T11:00:00.000+07:00,outage\nB,Chat Service,2026-01-06T10:00:00+07:00,2026-01-06T11:00:00.75+07:00,outage\n' >"$tmp/fraction-incidents.csv"
check "uptime fraction row" 1 "$SLA" uptime "$C" --package premium --month 2026-01 "$tmp/fraction-incidents.csv"
contains "uptime fraction names the column" "row 2 \(line 3\), incident B: end '2026-01-06T11:00:00\.75\+07:00': sub-second times are not supported"
contains "uptime zero fraction counted" '\(44640 - 0 - 60\) / \(44640 - 0\) minutes'
# sla uptime on a quarterly commitment: one report per quarter, judged over it,
# pending (with the uptime so far) while the quarter is not over.
cat >"$tmp/q.sla" <<'EOF'
contract "Quarterly" { provider "Acme"; version "1"; effective 2026-01-01 }
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00 }
priorities { Low "Low." }
package hosting "Hosting" {
  calendar office
  uptime "API" {
    target 99.9 %
    measured quarterly
    committed
    service credits "Service credits"
    credit 10 % when below 99.9 %
  }
}
EOF
printf 'id,service,start,end,category\nI1,API,2026-02-10T10:00:00+01:00,2026-02-10T13:20:00+01:00,outage\nI2,API,2026-04-14T09:00:00+02:00,2026-04-14T09:45:00+02:00,outage\n' >"$tmp/q.csv"
check "uptime quarter text" 0 "$SLA" uptime "$tmp/q.sla" --package hosting --month 2026-01..2026-03 --as-of 2026-05-01T00:00:00+02:00 "$tmp/q.csv"
contains "uptime quarter verdict" '^API, 2026-Q1 \(package hosting\): breached$'
contains "uptime quarter figure" '99\.8456 % = \(129540 - 0 - 200\) / \(129540 - 0\) minutes'
contains "uptime quarter period" '2026-01-01 00:00 to 2026-04-01 00:00 Europe/Berlin \(the whole quarter\)'
contains "uptime quarter credit" '10 % of the fee for the period \(uptime below 99\.9 %\)'
[ "$(grep -c '^API, ' "$tmp/out")" -eq 1 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL uptime quarter: one report for three months"; }
check "uptime quarter pending" 0 "$SLA" uptime "$tmp/q.sla" --package hosting --month 2026-02 --as-of 2026-02-15T00:00:00+01:00 "$tmp/q.csv"
contains "uptime pending verdict" '^API, 2026-Q1 \(package hosting\): pending$'
contains "uptime pending period" '2026-01-01 00:00 to 2026-02-15 00:00 Europe/Berlin \(part of the quarter\)'
contains "uptime pending end" 'pending until it ends on 2026-03-31'
contains "uptime pending already lost" 'already exceeds the 129\.54 minutes the target allows over the whole quarter: it cannot be met'
contains "uptime pending names the months" 'the months asked for \(2026-02\) are part of the quarter 2026-Q1'
check "uptime quarter json" 0 "$SLA" uptime "$tmp/q.sla" --package hosting --month 2026-02..2026-04 --as-of 2026-05-01T00:00:00+02:00 --format json "$tmp/q.csv"
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL uptime quarter json"; }
import json, sys
q1, q2 = json.load(open(sys.argv[1]))
assert (q1["period"], q1["month"], q1["measured"]) == ("2026-Q1", None, "quarterly"), q1
assert (q1["status"], q1["uptime_percent"], q1["coverage"]) == ("breached", 99.8456, "full"), q1
assert (q1["total_minutes"], q1["downtime_minutes"]) == (129540, 200), q1
assert (q1["credit"]["status"], q1["credit"]["percent"]) == ("due", 10), q1
assert (q1["from"], q1["to"]) == ("2026-01-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00"), q1
assert (q2["period"], q2["status"], q2["coverage"]) == ("2026-Q2", "pending", "partial"), q2
assert (q2["downtime_minutes"], q2["credit"]["status"], q2["credit"]["percent"]) == (45, "pending", None), q2
assert q2["to"] == "2026-05-01T00:00:00+02:00", q2
PY
check "uptime quarter csv" 0 "$SLA" uptime "$tmp/q.sla" --package hosting --month 2026-03 --as-of 2026-05-01T00:00:00+02:00 --format csv "$tmp/q.csv"
contains "uptime quarter csv row" '^2026-Q1,API,breached,99\.8456,99\.9,committed,full,'
check "uptime bad month" 2 "$SLA" uptime "$C" --package premium --month 2026-13 "$tmp/feb.csv"
contains "uptime names the month" "--month '2026-13'"
check "uptime reversed range" 2 "$SLA" uptime "$C" --package premium --month 2026-03..2026-01 "$tmp/feb.csv"
check "uptime no month" 2 "$SLA" uptime "$C" --package premium "$tmp/feb.csv"
check "uptime unknown package" 2 "$SLA" uptime "$C" --package platinum --month 2026-01 "$tmp/feb.csv"
check "uptime unknown add-on" 2 "$SLA" uptime "$C" --package premium --addon nope --month 2026-01 "$tmp/feb.csv"
check "uptime missing file" 2 "$SLA" uptime "$C" --package premium --month 2026-01 "$tmp/missing.csv"
printf 'id,service,end\n' >"$tmp/no-columns.csv"
check "uptime missing columns" 2 "$SLA" uptime "$C" --package premium --month 2026-01 "$tmp/no-columns.csv"
contains "uptime names the columns" 'no start, category columns'
check "uptime bad as-of" 2 "$SLA" uptime "$C" --package premium --month 2026-01 --as-of yesterday "$tmp/feb.csv"
check "uptime broken contract" 1 "$SLA" uptime "$tmp/bad.sla" --package premium --month 2026-01 "$tmp/feb.csv"
check "uptime help" 0 "$SLA" uptime --help; contains "uptime help: example" 'sla uptime contracts/'; contains "uptime help: exit codes" 'Exit codes'
check "quote" 0 "$SLA" quote "$C" --package premium --addon dedicated_24x7 --addon resolution
contains "quote total" '^  total +IDR 520,000,000$'
contains "quote includes" '^Includes, after inheritance and add-ons:$'
check "quote json" 0 "$SLA" quote "$C" --package premium --addon dedicated_24x7,resolution --format json
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL quote json shape"; }
import json, sys
q = json.load(open(sys.argv[1]))
assert q["valid"] and q["addons"] == ["dedicated_24x7", "resolution"], q
assert [(t["currency"], t["amount"], t["text"]) for t in q["totals"]] == [("IDR", "520000000", "IDR 520,000,000")], q["totals"]
assert q["includes"]["calendar"] == "around_the_clock", q["includes"]
PY
check "quote forbidden" 1 "$SLA" quote "$C" --package premium --addon dedicated_8x7 --addon dedicated_24x7
contains "quote names the clause" "qiscus-enterprise.sla:140:3: add-on 'dedicated_8x7' cannot be combined with 'dedicated_24x7'"
check "quote requires" 1 "$SLA" quote "$C" --package basic --addon resolution
contains "quote names the requirement" "add-on 'resolution' requires 'premium'"
check "quote unknown add-on" 2 "$SLA" quote "$C" --package premium --addon resolutoin
contains "quote suggests" "did you mean 'resolution'"
check "quote unknown package" 2 "$SLA" quote "$C" --package platinum
check "quote missing file" 2 "$SLA" quote "$tmp/missing.sla" --package premium
check "quote help" 0 "$SLA" quote --help; contains "quote help: exit codes" 'Exit codes'

# sla render: Markdown and HTML from one source; byte-identical; errors and exit codes.
check "render md" 0 "$SLA" render "$C"
contains "render: title" '^# Qiscus Enterprise Support$'
contains "render: price for reading" 'IDR 216,000,000'
contains "render: response table" '^\| \*\*Critical\*\* \| \*\*1 business hour\*\* \|'
contains "render: source lines" '_\(line 101\)_|\| line 101 \|'
cp "$tmp/out" "$tmp/render1.md"
check "render md again" 0 "$SLA" render "$C"
cmp -s "$tmp/out" "$tmp/render1.md" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL render is not deterministic"; }
check "render html to a file" 0 "$SLA" render "$C" --output "$tmp/qiscus.html"
if head -1 "$tmp/qiscus.html" | grep -q '^<!DOCTYPE html>$'; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL render --output .html is not HTML"; fi
check "render one package with lint" 0 "$SLA" render "$C" --package premium --with-lint --format md
contains "render: reviewer's appendix" 'Reviewer.*notes'
contains "render: a lint code" 'SLA103'
check "render unknown package" 2 "$SLA" render "$C" --package gold
contains "render: lists the packages" "unknown package 'gold' \(packages: basic, premium\)"
check "render an add-on as package" 2 "$SLA" render "$C" --package dedicated_8x7
check "render invalid contract" 1 "$SLA" render "$tmp/bad.sla"
contains "render: diagnostics" 'bad.sla:2:18: error\[SLA001\]'
check "render missing file" 2 "$SLA" render "$tmp/missing.sla"
check "render bad format" 2 "$SLA" render "$C" --format docx
check "render pdf to a terminal" 2 "$SLA" render "$C" --format pdf
contains "render pdf: asks for --output" 'needs --output FILE'
check "render pdf without chromium" 1 env SLA_CHROMIUM=/nonexistent/chromium "$SLA" render "$C" --output "$tmp/x.pdf"
contains "render pdf: names the browser setting" 'SLA_CHROMIUM names no browser'
check "render signed" 0 "$SLA" render "$C" --format md
contains "render: parties" '^This agreement is made between:$'
contains "render: numbered clauses" '^\*\*1\.1\*\* \*\*Business hours\*\*'
contains "render: signature block" '^Signature: '
check "render unwritable output" 2 "$SLA" render "$C" --output "$tmp/no/such/dir/x.html"
check "render help" 0 "$SLA" render --help; contains "render help: exit codes" 'Exit codes'
# Languages: the document in Bahasa Indonesia, alone and side by side; the accepted findings.
sed 's|^  changes notified at least 2 days in advance ("at least 2 days in advance")$|  changes notified at least 30 calendar days in advance via "e-mail" to "the Customer'"'"'s named contact"|' "$C" >"$tmp/notice.sla"
check "render in Indonesian" 0 "$SLA" render "$C" --lang id --format md
contains "render id: the contract's own words" '^# Dukungan Enterprise Qiscus$'
contains "render id: durations" 'hari kerja'
check "render side by side" 0 "$SLA" render "$C" --lang en,id --format md
contains "render en,id: both titles" '^# Qiscus Enterprise Support · Dukungan Enterprise Qiscus$'
contains "render en,id: the facing language quoted" '^> Dokumen ini menguraikan'
check "render side by side html" 0 "$SLA" render "$C" --lang en,id --output "$tmp/en-id.html"
grep -q '<div lang="id">' "$tmp/en-id.html" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL render en,id: no Indonesian column"; }
check "render unknown language" 2 "$SLA" render "$C" --lang fr
contains "render fr: names the languages there are" "there are no words for 'fr' yet: documents can be rendered in en, id"
check "render three languages" 2 "$SLA" render "$C" --lang en,id,ms;  contains "render: two at most" 'two to set side by side'
check "render a language twice" 2 "$SLA" render "$C" --lang id,id;   contains "render: twice" "names 'id' twice"
check "render a language in capitals" 0 "$SLA" render "$C" --lang ID --format md; contains "render ID is id" '^# Dukungan Enterprise Qiscus$'
check "render not a language" 2 "$SLA" render "$C" --lang indonesian; contains "render: a code" "'indonesian' is not a language code"
check "render pdf named html" 2 "$SLA" render "$C" --format pdf --output "$tmp/mismatch.html"
contains "render: format and extension disagree" "--format pdf, but the output's name ends in .html"
check "render notice channel and recipient" 0 "$SLA" render "$tmp/notice.sla" --format md
contains "render: the notice's channel and recipient" "Changes are notified to the Customer's named contact by e-mail at least 30 calendar days in advance"
sed 's|^  resolve Critical within 8 hours committed ("no more than 8 hours")$|& # sla: allow SLA105 (production down is worked around the clock)|' "$C" >"$tmp/accepted.sla"
check "render accepted findings" 0 "$SLA" render "$tmp/accepted.sla" --with-lint --format md
contains "render: accepted, with the reason" '^_Accepted by the authors_$'
contains "render: the reason as written" 'production down is worked around the clock'
check "render accepted findings of another package" 0 "$SLA" render "$tmp/accepted.sla" --package basic --with-lint --format md
if grep -q 'worked around the clock' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL render basic lists premium's accepted finding"; else pass=$((pass + 1)); fi
printf '# sla: alow SLA105\n' | cat - "$C" >"$tmp/typo-comment.sla"
check "render leaves lint comment slips to lint" 0 "$SLA" render "$tmp/typo-comment.sla" --with-lint --format md
if grep -q 'SLA100' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL render lists SLA100"; else pass=$((pass + 1)); fi
check "lint names the texts to translate" 0 "$SLA" lint "$tmp/accepted.sla" --lang ms
contains "lint --lang ms" "no translation into 'ms' of"

# Review fixes: writing outputs, lint comments, control characters.
printf '%s\n' 'priorities { Low "l" }' 'calendar c { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00; open on holidays }' \
  'package p "P" {' '  calendar c' '  respond to Low within 8 hours  # sla: alow SLA105' '}' >"$tmp/typo.sla"
check "lint comment typo" 0 "$SLA" lint "$tmp/typo.sla";  contains "typo reported" "warning\[SLA100\]: 'sla: alow' is not a lint comment"
check "lint allow in lower case" 0 "$SLA" lint --allow sla105,sla100 --fail-level warning "$tmp/typo.sla"
echo old >"$tmp/real.md"; ln -s "$tmp/real.md" "$tmp/link.md"
check "render through a symlink" 0 "$SLA" render "$C" --format md --output "$tmp/link.md"
[ -L "$tmp/link.md" ] && grep -q Premium "$tmp/real.md" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL render replaced the symlink"; }
if [ -w /dev/full ]; then
  check "render to a full device" 2 "$SLA" render "$C" --format md --output /dev/full
  [ -c /dev/full ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL /dev/full is no longer a device"; }
  "$SLA" lint --format json "$C" >/dev/full 2>"$tmp/err"; rc=$?
  [ $rc -eq 2 ] && grep -q 'could not write the output' "$tmp/err" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL lint to /dev/full: exit $rc"; cat "$tmp/err"; }
  "$SLA" quote "$C" --package premium >/dev/full 2>"$tmp/err"; rc=$?
  [ $rc -eq 2 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL quote to /dev/full: exit $rc"; }
fi
: >"$tmp/empty.sla"
check "render an empty file" 1 "$SLA" render "$tmp/empty.sla"; contains "says why" 'defines no package'
check "test an empty file" 1 "$SLA" test "$tmp/empty.sla";     contains "says why" 'no example ran'
printf 'contract "A\033]0;pwned\007" {\n}\n' >"$tmp/ctl.sla"
check "control characters in a string" 1 "$SLA" check "$tmp/ctl.sla"; contains "named" 'found a control character \(U\+001B\)'

# explain --events: lines end at LF, CR or CRLF, as in every reader
printf '{"at":"2026-01-12T09:10:00+07:00","status":"waiting on client"}\r{"at":"2026-01-12T09:40:00+07:00","status":"open"}\r' >"$tmp/ev-cr.jsonl"
check "explain events, CR-only lines" 0 "$SLA" explain "$C" --package premium --priority Critical \
  --created 2026-01-12T09:00:00 --as-of 2026-01-13T00:00:00 --events "$tmp/ev-cr.jsonl"
contains "explain events, CR-only lines: the pause is read" 'Paused Monday 2026-01-12T09:10:00\+07:00 to Monday 2026-01-12T09:40:00'

# an empty file checks clean, but check says it defines nothing
: >"$tmp/empty.sla"
check "check an empty file" 0 "$SLA" check "$tmp/empty.sla"
contains "check an empty file says so" 'empty.sla: ok, but it defines nothing'
check "check json of an empty file" 0 "$SLA" check --format json "$tmp/empty.sla"
contains "check json of an empty file says so" '"empty": true'

# ---------------------------------------------------------------- beyond the seed
cat >"$tmp/beyond.sla" <<'SLA'
contract "Beyond" { provider "Acme"; version "1"; effective 2026-01-01 }
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00; open on holidays }
calendar around_the_clock { zone "Europe/Berlin"; open always; open on holidays }
attribute channel "phone", "e-mail"
attribute type "incident", "question"
priorities { P2 "Major."; P1 "Outage." }
package business "Business" {
  calendar office
  respond to P1 within 30 minutes on calendar around_the_clock
  respond to P1 where channel is "phone" within 15 minutes on calendar around_the_clock
  respond to P2 within 1 business hour best effort
  respond to all where type is "question" within 2 business days
  update P1 every 1 hour on calendar around_the_clock
  restore P1 within 4 hours on calendar around_the_clock
  credit 5 % per breached P1 response
  credit 3 % per breached update
  credit 2 % per breached response
  credits at most 10 % per month
  uptime "API" { target 99.9 %; measured monthly; credit 4 % when below 99.9 % }
}
example "a question without a priority" {
  under business
  ticket raised 2026-01-09 10:00
  where type is "question"
  expect response due 2026-01-13 10:00
}
SLA
printf 'id,priority,channel,type,created_at,first_response_at,restored_at,resolved_at,updates\nA,P1,phone,,2026-01-12T09:00:00+01:00,2026-01-12T09:20:00+01:00,2026-01-12T10:00:00+01:00,2026-01-12T12:00:00+01:00,2026-01-12T10:00:00+01:00;2026-01-12T11:00:00+01:00\nB,P2,e-mail,,2026-01-12T09:00:00+01:00,2026-01-12T11:00:00+01:00,,,\nQ,,,question,2026-01-09T10:00:00+01:00,,,,\nF,P1,fax,,2026-01-12T09:00:00+01:00,,,,\n' >"$tmp/beyond.csv"
check "eval beyond" 1 "$SLA" eval "$tmp/beyond.sla" --package business --as-of 2026-02-01T00:00:00+01:00 "$tmp/beyond.csv"
contains "eval beyond header" '^id,priority,response_due,response_at,response_status,response_commitment,resolution_due,resolved_at,resolution_status,resolution_commitment,restoration_due,restored_at,restoration_status,restoration_commitment,update_due,update_status,update_worst_gap_seconds,update_commitment,escalation,error$'
contains "eval beyond phone P1" '^A,P1,2026-01-12T09:15:00\+01:00,2026-01-12T09:20:00\+01:00,breached,committed,,2026-01-12T12:00:00\+01:00,no_target,none,2026-01-12T13:00:00\+01:00,2026-01-12T10:00:00\+01:00,met,committed,,met,3600,committed,,$'
contains "eval beyond question" '^Q,,2026-01-13T10:00:00\+01:00,,breached,committed,'
contains "eval beyond unknown value" 'row 4 \(line 5\): unknown channel .fax. \(known: "+phone"+, "+e-mail"+\)'
check "eval beyond jsonl" 1 "$SLA" eval "$tmp/beyond.sla" --package business --as-of 2026-02-01T00:00:00+01:00 --format jsonl "$tmp/beyond.csv"
contains "eval beyond gap is a number" '"update_worst_gap_seconds":3600,'
check "test beyond" 0 "$SLA" test "$tmp/beyond.sla"
check "render an example without a priority" 0 "$SLA" render "$tmp/beyond.sla" -o "$tmp/beyond.html"
grep -q 'ticket without a priority' "$tmp/beyond.html" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL render tells the ticket without a priority"; }
printf 'id,service,start,end,category\nI1,API,2026-01-10T10:00:00+01:00,2026-01-10T11:00:00+01:00,outage\n' >"$tmp/beyond-incidents.csv"
check "credits" 1 "$SLA" credits "$tmp/beyond.sla" --package business --month 2026-01 --tickets "$tmp/beyond.csv" --incidents "$tmp/beyond-incidents.csv" --as-of 2026-03-01T00:00:00+01:00
contains "credits ticket line" '^  A P1: response breached \(due 2026-01-12T09:15:00\+01:00, done 2026-01-12T09:20:00\+01:00\): 5 %$'
# B's best-effort response earns nothing; Q, without a priority, earns the rule for every priority.
contains "credits best effort earns nothing" '^Tickets: 2 missed targets earned a credit$'
contains "credits uptime line" '^  API, 2026-01: 99\.86[0-9]* % uptime: 4 %$'
contains "credits sum and cap" '^Sum: 11 %; the contract caps credits at 10 % per month$'
contains "credits total" '^Total: 10 % of the month.s fee \(capped\)$'
contains "credits names the bad row" 'row 4 \(line 5\), ticket F: unknown channel'
"$SLA" credits "$tmp/beyond.sla" --package business --month 2026-01 --tickets "$tmp/beyond.csv" --format json --as-of 2026-03-01T00:00:00+01:00 >"$tmp/credits.json" 2>/dev/null
python3 - "$tmp/credits.json" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL credits json"; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total_percent"] == 7 and d["sum_percent"] == 7 and d["cap_percent"] == 10, d
assert d["tickets"][0]["id"] == "A" and d["tickets"][0]["target"] == "response", d
assert d["ticket_rows"] == 4 and d["ticket_errors"] == 1, d
PY
printf 'id,priority,channel,type,created_at,first_response_at\nA,P1,phone,,2026-01-12T09:00:00+01:00,2026-01-12T09:20:00+01:00\nL,P1,phone,,2026-03-12T09:00:00+01:00,2026-03-12T09:20:00+01:00\n' >"$tmp/later.csv"
check "credits leave later tickets out" 0 "$SLA" credits "$tmp/beyond.sla" --package business --month 2026-01 --tickets "$tmp/later.csv" --as-of 2026-04-01T00:00:00+01:00
contains "credits count the month's ticket" '^Total: 8 % of the month.s fee$'  # A's response and its missing update
check "credits bad month" 2 "$SLA" credits "$tmp/beyond.sla" --package business --month 2026-13 --tickets "$tmp/beyond.csv"
contains "credits bad month says so" "--month '2026-13'"

# sla lsp: an editor's server; its protocol is tested in tests/lsp.
check "lsp help" 0 "$SLA" lsp --help;                   contains "lsp help names the editors" 'editors/README.md'
check "lsp bad flag" 2 "$SLA" lsp --no-such-flag
check "lsp bad debounce" 2 "$SLA" lsp --debounce-ms -1
check "lsp input ends without exit" 1 "$SLA" lsp </dev/null
check "lsp accepts --stdio" 1 "$SLA" lsp --stdio </dev/null

# sla diff: two versions compared (the change kinds are tested in tests/diff).
sed 's/respond to Normal within 4 business hours committed/respond to Normal within 6 business hours committed/' "$C" >"$tmp/weaker.sla"
check "diff same" 0 "$SLA" diff "$C" "$C";                  contains "diff same says so" 'no change'
check "diff weaker" 0 "$SLA" diff "$C" "$tmp/weaker.sla"
contains "diff names the change" '^weaker\[SLA202\]: package premium: respond to Normal within 6 business hours \(was 4 business hours\): 2 hours longer'
contains "diff names both clauses" 'old: contracts/qiscus-enterprise.sla:101  new: .*weaker.sla:101'
check "diff gate" 1 "$SLA" diff "$C" "$tmp/weaker.sla" --fail-on weaker
check "diff gate passes" 0 "$SLA" diff "$C" "$tmp/weaker.sla" --fail-on stronger
check "diff override" 0 "$SLA" diff "$C" "$tmp/weaker.sla" --fail-on weaker --effect sla202=neutral
contains "diff override applies" '^neutral\[SLA202\]'
check "diff bad effect" 2 "$SLA" diff "$C" "$tmp/weaker.sla" --effect SLA999=weaker
contains "diff bad effect says why" 'CODE=weaker'
check "diff one file" 2 "$SLA" diff "$C";                   contains "diff one file says why" 'OLD and NEW'
check "diff against two files" 2 "$SLA" diff --against HEAD "$C" "$C"
check "diff missing file" 2 "$SLA" diff "$C" "$tmp/nothing.sla"
printf 'contract "x" {\n' >"$tmp/broken.sla"
check "diff broken" 1 "$SLA" diff "$C" "$tmp/broken.sla";   contains "diff broken has file:line" 'broken.sla:[0-9]+:[0-9]+: error'
for f in json sarif; do
  "$SLA" diff "$C" "$tmp/weaker.sla" --format $f >"$tmp/diff.$f" 2>/dev/null
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/diff.$f" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL diff --format $f is JSON"; }
done
python3 - "$tmp/diff.json" "$tmp/diff.sarif" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL diff json/sarif shape"; }
import json, sys
d = json.load(open(sys.argv[1]))
c = d["changes"][0]
assert c["code"] == "SLA202" and c["effect"] == "weaker" and c["old"] == "4 business hours" and c["new"] == "6 business hours", c
assert c["old_at"]["line"] == 101 and c["new_at"]["file"].endswith("weaker.sla"), c
assert d["summary"] == {"weaker": 1, "stronger": 0, "neutral": 0}, d["summary"]
s = json.load(open(sys.argv[2]))
r = s["runs"][0]["results"][0]
assert r["ruleId"] == "SLA202" and r["level"] == "warning", r
assert any(x["id"] == "SLA202" and x["helpUri"].endswith("docs/diff.md#sla202") for x in s["runs"][0]["tool"]["driver"]["rules"])
PY
check "diff github" 0 "$SLA" diff "$C" "$tmp/weaker.sla" --format github
contains "diff github annotation" '^::warning file=.*weaker.sla,line=101,title=SLA202'
check "diff markdown" 0 "$SLA" diff "$C" "$tmp/weaker.sla" --format markdown
contains "diff markdown table" '^\| \*\*weaker\*\* \| \[SLA202\]'
check "diff impact" 0 "$SLA" diff "$C" "$tmp/weaker.sla" --impact --impact-tickets 100
contains "diff impact names Normal" 'premium Normal response: [0-9]+ of 100 deadlines move'
printf 'id,priority,created_at,first_response_at\nA,Normal,2026-01-09T16:30:00+07:00,2026-01-12T13:00:00+07:00\nB,Normal,not a time,\nC,Low,2026-01-09T10:00:00+07:00,\n' >"$tmp/impact.csv"
check "diff impact from a file" 0 "$SLA" diff "$C" "$tmp/weaker.sla" --impact --tickets "$tmp/impact.csv"
contains "diff impact counts the file" 'impact: 2 tickets replayed under every package \(1 row was no ticket\)'
contains "diff impact names the bad row" 'impact.csv: row 2 \(line 3\), ticket B'
contains "diff impact flips A" 'premium Normal response: 1 of 1 deadlines move \(median 2 hours later, at most 2 hours later\); 1 verdict flip'
check "diff tickets without impact" 2 "$SLA" diff "$C" "$tmp/weaker.sla" --tickets "$tmp/impact.csv"
mkdir -p "$tmp/repo" && cp "$C" "$tmp/repo/contract.sla"
(cd "$tmp/repo" && git init -q && git add contract.sla && git -c user.email=t@example.com -c user.name=t commit -qm v1) >/dev/null 2>&1
cp "$tmp/weaker.sla" "$tmp/repo/contract.sla"
check "diff against git" 0 "$SLA" diff --against HEAD "$tmp/repo/contract.sla"
contains "diff against git finds the change" '^weaker\[SLA202\]'
contains "diff against git names the revision" 'HEAD:.*contract.sla -> '
check "diff against an unknown revision" 2 "$SLA" diff --against no-such-ref "$tmp/repo/contract.sla"
contains "diff against an unknown revision says git's words" 'git show no-such-ref:./contract.sla'
check "render redline" 0 "$SLA" render "$tmp/weaker.sla" --compare "$C" --format html -o "$tmp/redline.html"
grep -q '<del>4 business hours</del>' "$tmp/redline.html" && grep -q '<ins>6 business hours</ins>' "$tmp/redline.html" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL render --compare strikes the old value"; }

# warn at: at-risk statuses and progress columns, the surfaces that show the terms,
# --only and the live queue (--watch).
sed 's|^  respond to Critical within 1 business hour committed ("Within 1 hour")$|&\n  warn at 50 %, 75 %|' "$C" >"$tmp/warn.sla"
W="--package premium --as-of 2026-01-12T12:15:00+07:00"
printf 'id,priority,created_at,first_response_at\nW1,Normal,2026-01-12T09:00:00+07:00,\nW2,Normal,2026-01-12T11:45:00+07:00,\nW3,Critical,2026-01-12T09:00:00+07:00,\nW4,High,2026-01-12T09:00:00+07:00,2026-01-12T10:00:00+07:00\n' >"$tmp/w.csv"
# shellcheck disable=SC2086
check "eval warn" 0 "$SLA" eval "$tmp/warn.sla" $W "$tmp/w.csv"
contains "eval warn header" '^id,priority,response_due,response_at,response_status,response_commitment,resolution_due,resolved_at,resolution_status,resolution_commitment,response_elapsed_percent,response_left_seconds,resolution_elapsed_percent,resolution_left_seconds,escalation,error$'
contains "eval warn at risk with 45 minutes left" '^W1,Normal,2026-01-12T13:00:00\+07:00,,at_risk,committed,,,no_target,none,81\.[23],2700,,,Technical Support,$'
contains "eval warn pending" '^W2,Normal,2026-01-12T15:45:00\+07:00,,pending,committed,,,no_target,none,12\.5,12600,,,Technical Support,$'
contains "eval warn breached response, calendar-time resolution" '^W3,Critical,2026-01-12T10:00:00\+07:00,,breached,committed,2026-01-12T17:00:00\+07:00,,pending,committed,,,40\.6,17100,Technical Support,$'
contains "eval warn met has no progress" '^W4,High,2026-01-12T11:00:00\+07:00,2026-01-12T10:00:00\+07:00,met,committed,,,no_target,none,,,,,Technical Support,$'
check "eval warn jsonl" 0 "$SLA" eval "$tmp/warn.sla" $W --format jsonl "$tmp/w.csv"
contains "eval warn jsonl numbers" '"response_status":"at_risk","response_commitment":"committed",.*"response_elapsed_percent":81\.[23],"response_left_seconds":2700,"resolution_elapsed_percent":null'
check "eval without warn" 0 "$SLA" eval "$C" $W "$tmp/w.csv"
if grep -q 'elapsed_percent\|at_risk' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL eval without warn has no progress columns and no at_risk"; else pass=$((pass + 1)); fi
check "eval only at-risk,breached" 0 "$SLA" eval "$tmp/warn.sla" $W --only at-risk,breached "$tmp/w.csv"
contains "only keeps W1" '^W1,Normal'
contains "only keeps W3" '^W3,Critical'
contains "only counts the rows on stderr" '^sla eval: 2 of 4 rows shown \(--only at-risk,breached\)$'
if grep -q '^W[24],' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL --only at-risk,breached left W2 or W4 in"; else pass=$((pass + 1)); fi
check "eval only at_risk spelled as the column" 0 "$SLA" eval "$tmp/warn.sla" $W --only at_risk "$tmp/w.csv"
contains "only at_risk" '^sla eval: 1 of 4 rows shown \(--only at_risk\)$'
check "eval only no-target and met" 0 "$SLA" eval "$tmp/warn.sla" $W --only no-target,met --format jsonl "$tmp/w.csv"
contains "only no-target" '^sla eval: 3 of 4 rows shown'
check "eval only breached hides an error row" 1 "$SLA" eval "$C" --package premium --as-of 2026-04-01T00:00:00+07:00 --only breached contracts/samples/qiscus-tickets.csv
contains "the hidden error row is counted, with how to see it" '^sla eval: 1 of 8 rows has errors \(--only error shows them\)$'
check "eval only a bad status" 2 "$SLA" eval "$tmp/warn.sla" $W --only at-risk,late "$tmp/w.csv"
contains "only lists the valid statuses" "'late' is not a status \(valid: met, breached, pending, at-risk, no-target, error\)"
check "watch from stdin" 2 "$SLA" eval "$tmp/warn.sla" --package premium --watch 1 -
contains "watch from stdin says why" 'standard input can be read only once'
check "watch with output" 2 "$SLA" eval "$tmp/warn.sla" --package premium --watch 1 --output "$tmp/q.csv" "$tmp/w.csv"
contains "watch with output says why" '--output writes a file once'
check "watch with as-of" 2 "$SLA" eval "$tmp/warn.sla" $W --watch 1 "$tmp/w.csv"
check "watch as csv" 2 "$SLA" eval "$tmp/warn.sla" --package premium --watch 1 --format csv "$tmp/w.csv"
check "watch-count without watch" 2 "$SLA" eval "$tmp/warn.sla" $W --watch-count 2 "$tmp/w.csv"
check "watch of 0 seconds" 2 "$SLA" eval "$tmp/warn.sla" --package premium --watch 0 "$tmp/w.csv"
# As of now, round the clock (the 24x7 annex): 4 hours for a Normal response.
ago() { date -u -d "-$1 minutes" +%Y-%m-%dT%H:%M:%SZ; }
printf 'id,priority,created_at\nQ1,Normal,%s\nQ3,Normal,%s\nQ5,Normal,%s\n' "$(ago 60)" "$(ago 180)" "$(ago 300)" >"$tmp/queue.csv"
check "watch twice" 0 timeout 20 "$SLA" eval "$tmp/warn.sla" --package premium --addon dedicated_24x7 --watch 1 --watch-count 2 "$tmp/queue.csv"
[ "$(grep -cE '^as of [0-9T:+-]+, 1 at risk, 1 breached \(2 of 3 rows shown\)$' "$tmp/out")" -eq 2 ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL watch shows two refreshes with their heading"; head -5 "$tmp/out"; }
[ "$(grep -E '^Q[0-9] ' "$tmp/out" | head -2 | cut -c1-2 | tr '\n' ' ')" = "Q5 Q3 " ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL watch puts the breached row first, hides the pending one"; head -8 "$tmp/out"; }
if grep -q '^Q1 ' "$tmp/out" || grep -q $'\x1b' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL watch to a pipe: no pending row, no screen clearing"; else pass=$((pass + 1)); fi
for signal in INT TERM; do
  # A file of its own, made before the watch starts: the heading found is this watch's.
  : >"$tmp/watch-$signal.out"
  timeout 60 "$SLA" eval "$tmp/warn.sla" --package premium --addon dedicated_24x7 --watch 30 "$tmp/queue.csv" >>"$tmp/watch-$signal.out" 2>&1 &
  watcher=$!
  for _ in $(seq 300); do grep -q '^as of' "$tmp/watch-$signal.out" && break; sleep 0.1; done
  kill -"$signal" "$watcher"
  wait "$watcher"
  rc=$?
  [ "$rc" -eq 0 ] && grep -q '^as of' "$tmp/watch-$signal.out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL watch stops at SIG$signal with exit 0 (exit $rc)"; }
done
check "inspect warn" 0 "$SLA" inspect "$tmp/warn.sla" --package premium; contains "inspect says the warnings" '^  warn at 50 %, 75 %$'
check "inspect warn json" 0 "$SLA" inspect "$tmp/warn.sla" --format json
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL inspect json warn_at_percent"; }
import json, sys
m = json.load(open(sys.argv[1]))
premium = next(p for p in m["packages"] if p["id"] == "premium")
assert premium["warn_at_percent"] == [50, 75], premium.get("warn_at_percent")
basic = next(p for p in m["packages"] if p["id"] == "basic")
assert "warn_at_percent" not in basic
PY
check "quote warn" 0 "$SLA" quote "$tmp/warn.sla" --package premium; contains "quote says the warnings" "warnings +at 50 %, 75 % of a target's time"
check "render warn" 0 "$SLA" render "$tmp/warn.sla" --package premium --format md -o "$tmp/warn.md"
grep -q 'warns of a pending ticket when 50 % and 75 % of a target' "$tmp/warn.md" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL render states the warnings"; }
check "diff warn" 0 "$SLA" diff "$C" "$tmp/warn.sla"; contains "diff warn code" 'neutral\[SLA222\]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/usr/bin/env bash
# Help-desk data in and out, as a user runs it: no row lost whatever the line ends,
# valid UTF-8 JSON from every command whatever the bytes, ids as written, tables
# that hold together, counts that read right.
# Usage: io_test.sh PATH/TO/sla   (run from the project root)
set -u
SLA=$1
C=contracts/qiscus-enterprise.sla
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
AS_OF=(--as-of 2026-04-01T00:00:00+07:00)
check() { # description expected-exit command...
  local what=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -eq "$want" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $what: exit $rc, expected $want"; head -5 "$tmp/out" "$tmp/err"; fi
}
contains() { # description file pattern
  if grep -qaE -- "$3" "$2"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $(basename "$2") lacks /$3/"; head -5 "$2"; fi
}
lines() { # description file count
  local n
  n=$(wc -l <"$2")
  if [ "$n" -eq "$3" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $n lines, expected $3"; head -12 "$2"; fi
}
cat >"$tmp/json_ok.py" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
text = data.decode("utf-8")  # strict: raises on a byte that is not UTF-8
if sys.argv[2] == "json":
    json.loads(text)
else:
    assert text.strip(), "no rows"
    for line in text.splitlines():
        json.loads(line)
PY
json_ok() { # description file json|jsonl: parses, and is UTF-8 through and through
  if python3 "$tmp/json_ok.py" "$2" "$3"; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: not valid UTF-8 JSON"; head -c 300 "$2"; echo; fi
}

# 1. Rows vanish: CR-only ("CSV (Macintosh)"), a stray CR, mixed; every row once, in order.
printf 'id,priority,created_at\rT1,High,2026-01-05T10:00:00+07:00\rT2,Low,2026-01-05T10:00:00+07:00\rT3,Normal,2026-01-05T10:00:00+07:00\r' >"$tmp/mac.csv"
check "CR-only csv" 0 "$SLA" eval "$C" --package premium "${AS_OF[@]}" "$tmp/mac.csv"
lines "CR-only csv: every row" "$tmp/out" 4
contains "CR-only csv: the last row" "$tmp/out" '^T3,Normal,'
printf 'id,priority,created_at\nT1,High,2026-01-05T10:00:00+07:00\rT2,Low,2026-01-05T10:00:00+07:00\r\nT3,Normal,2026-01-05T10:00:00+07:00\n' >"$tmp/stray.csv"
for threads in 1 2; do
  check "stray CR ($threads)" 0 "$SLA" eval "$C" --package premium "${AS_OF[@]}" --threads "$threads" "$tmp/stray.csv"
  lines "stray CR folds nothing ($threads)" "$tmp/out" 4
  contains "stray CR: T2 is a row" "$tmp/out" '^T2,Low,'
done
printf 'id,priority,created_at\rT1,High,2026-01-05T10:00:00+07:00\rT2,"Hi\rT3,Low,2026-01-05T10:00:00+07:00\r' >"$tmp/quote.csv"
check "unclosed quote is an error row" 1 "$SLA" eval "$C" --package premium "${AS_OF[@]}" "$tmp/quote.csv"
lines "unclosed quote merges nothing" "$tmp/out" 4
contains "unclosed quote: its line" "$tmp/out" '^T2,.*row 2 \(line 3\): a quoted field is not closed'
contains "unclosed quote: the next row stands" "$tmp/out" '^T3,Low,.*,$'
printf '{"id":"J1","priority":"High","created_at":"2026-01-05T10:00:00+07:00"}\r{"id":"J2","priority":"Low","created_at":"2026-01-05T10:00:00+07:00"}\r\n\r{"id":"J3","priority":"Bad","created_at":"2026-01-05T10:00:00+07:00"}\r' >"$tmp/mac.jsonl"
check "CR-only jsonl" 1 "$SLA" eval "$C" --package premium "${AS_OF[@]}" "$tmp/mac.jsonl"
lines "CR-only jsonl: every row" "$tmp/out" 4
contains "CR-only jsonl: line numbers" "$tmp/out" "^J3,.*row 3 \(line 4\): unknown priority 'Bad'"
printf 'id,service,start,end,category\rI1,Chat Service,2026-01-05T10:00:00+07:00,2026-01-05T11:40:00+07:00,outage\rI2,Chat Service,2026-01-06T10:00:00+07:00,2026-01-06T10:20:00+07:00,outage\r' >"$tmp/mac-incidents.csv"
check "CR-only incidents" 0 "$SLA" uptime "$C" --package premium --month 2026-01 --format json "$tmp/mac-incidents.csv"
contains "CR-only incidents: both counted" "$tmp/out" '"downtime_minutes": 120'

# 2. Valid UTF-8 JSON whatever the input: a Latin-1 file name, id, priority.
latin=$(printf 'caf\xe9')
cp "$C" "$tmp/$latin.sla"
F="$tmp/$latin.sla"
check "check json, Latin-1 name" 0 "$SLA" check --format json "$F";  json_ok "check json" "$tmp/out" json
contains "check json: U+FFFD" "$tmp/out" "caf$(printf '\xef\xbf\xbd').sla"
check "inspect json" 0 "$SLA" inspect --format json "$F";            json_ok "inspect json" "$tmp/out" json
check "explain json" 0 "$SLA" explain "$F" --package premium --priority High \
  --created 2026-01-09T16:30:00+07:00 --as-of 2026-02-01T00:00:00+07:00 --format json
json_ok "explain json" "$tmp/out" json
check "test json" 0 "$SLA" test --format json "$F";                  json_ok "test json" "$tmp/out" json
printf 'contract "X" {\n  provider "P"\n}\npriorities {\n  High "h"\n}\ncalendar c {\n  zone "UTC"\n  open Mon-Fri 09:00-17:00\n}\npackage p "P" {\n  calendar c\n  respond to High within 90 minutes\n}\n' >"$tmp/$latin-lint.sla"
for f in json sarif; do
  "$SLA" lint --format "$f" "$tmp/$latin-lint.sla" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ "$rc" -le 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL lint $f: exit $rc"; fi
  json_ok "lint $f" "$tmp/out" json
  contains "lint $f: the findings" "$tmp/out" 'SLA105'
done
check "fmt --check json" 1 "$SLA" fmt --check --format json "$tmp/$latin-lint.sla"
json_ok "fmt json" "$tmp/out" json
check "quote json" 0 "$SLA" quote "$F" --package premium --format json; json_ok "quote json" "$tmp/out" json
check "time json" 0 "$SLA" time "$F" --package premium --format json add 2026-01-09T16:30:00+07:00 "4 business hours"
json_ok "time json" "$tmp/out" json
contains "time json keeps its layout" "$tmp/out" '^\{"deadline": "2026-01-12T12:30:00\+07:00"\}$'
printf 'id,priority,created_at\n%s,High,2026-01-05T10:00:00+07:00\nok,%s,2026-01-05T10:00:00+07:00\n' "$latin" "$latin" >"$tmp/latin.csv"
for threads in 1 2; do
  check "eval jsonl, Latin-1 id ($threads)" 1 "$SLA" eval "$C" --package premium "${AS_OF[@]}" \
    --threads "$threads" --format jsonl "$tmp/latin.csv"
  json_ok "eval jsonl ($threads)" "$tmp/out" jsonl
  contains "eval jsonl: the row says what was replaced" "$tmp/out" \
    '"id":"caf.{1,3}",.*"warning":"bytes that are not UTF-8 in id are shown as U\+FFFD"'
  contains "eval jsonl: priority and error too" "$tmp/out" \
    '"warning":"bytes that are not UTF-8 in priority, error are shown as U\+FFFD"'
done
check "eval csv keeps the bytes" 1 "$SLA" eval "$C" --package premium "${AS_OF[@]}" "$tmp/latin.csv"
contains "eval csv: the bytes as they came" "$tmp/out" "^$latin,High,"
printf 'id,service,start,end,category\n%s,Chat Service,2026-01-05T10:00:00+07:00,2026-01-05T11:00:00+07:00,outage\n' "$latin" >"$tmp/latin-incidents.csv"
check "uptime json, Latin-1 id" 0 "$SLA" uptime "$C" --package premium --month 2026-01 --format json "$tmp/latin-incidents.csv"
json_ok "uptime json" "$tmp/out" json
contains "uptime json: the incident says what was replaced" "$tmp/out" \
  '"warning": "bytes that are not UTF-8 in id are shown as U\+FFFD"'

# 3. JSON ids as written, in every output format; 4. an empty optional time is "not yet".
printf '{"id":1.5e3,"priority":"High","created_at":"2026-01-05T10:00:00+07:00","first_response_at":"","resolved_at":""}\n' >"$tmp/ids.jsonl"
check "id csv" 0 "$SLA" eval "$C" --package premium "${AS_OF[@]}" "$tmp/ids.jsonl"
contains "id csv as written" "$tmp/out" '^1\.5e3,High,2026-01-05T12:00:00\+07:00,,breached,'
check "id jsonl" 0 "$SLA" eval "$C" --package premium "${AS_OF[@]}" --format jsonl "$tmp/ids.jsonl"
contains "id jsonl as written" "$tmp/out" '^\{"id":"1\.5e3",'
check "id table" 0 "$SLA" eval "$C" --package premium "${AS_OF[@]}" --format table "$tmp/ids.jsonl"
contains "id table as written" "$tmp/out" '^1\.5e3 '
printf '{"id":7,"service":"Chat Service","start":"2026-01-05T10:00:00+07:00","end":"","category":"outage","announced_at":""}\n' >"$tmp/open.jsonl"
check "incident with an empty end" 0 "$SLA" uptime "$C" --package premium --month 2026-01 --format json \
  --as-of 2026-01-05T11:00:00+07:00 "$tmp/open.jsonl"
contains "empty end: still going on" "$tmp/out" '"downtime_minutes": 60'

# 5. --format table: one line per row, columns that fit their values.
printf 'id,priority,created_at\n"TICKET-WITH-A-LONG-ID-0001\nsecond line",High,2026-01-05T10:00:00+07:00\nT2,Low,2026-01-05T10:00:00+07:00\n' >"$tmp/table.csv"
check "table" 0 "$SLA" eval "$C" --package premium "${AS_OF[@]}" --format table "$tmp/table.csv"
lines "table: one line per row" "$tmp/out" 3
contains "table: the line break shown" "$tmp/out" '^TICKET-WITH-A-LONG-ID-0001\\nsecond line  High '
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL table: columns do not line up"; cat "$tmp/out"; }
import sys
rows = open(sys.argv[1]).read().splitlines()
starts = [rows[0].index(c) for c in ("priority", "response_due", "response_status", "escalation")]
for row in rows[1:]:
    for s in starts:
        assert row[s - 1] == " " and row[s] != " ", (row, s)
PY

# 6. Counts that read right; 7. an unknown priority lists the known ones.
printf 'id,priority,created_at\nT1,High,2026-01-05T10:00:00+07:00\nT2,Urgent,2026-01-05T10:00:00+07:00\n' >"$tmp/one-bad.csv"
check "one bad row" 1 "$SLA" eval "$C" --package premium "${AS_OF[@]}" "$tmp/one-bad.csv"
contains "1 of 2 rows has errors" "$tmp/err" '^sla eval: 1 of 2 rows has errors \(see the error column\)$'
contains "known priorities" "$tmp/out" "row 2 \(line 3\): unknown priority 'Urgent' \(known: Low, Normal, High, Critical\)"
printf 'id,priority,created_at\nT1,Urgent,2026-01-05T10:00:00+07:00\n' >"$tmp/all-bad.csv"
check "the only row is bad" 1 "$SLA" eval "$C" --package premium "${AS_OF[@]}" "$tmp/all-bad.csv"
contains "1 of 1 row has errors" "$tmp/err" '^sla eval: 1 of 1 row has errors'
printf 'id,priority,created_at\nT1,Urgent,2026-01-05T10:00:00+07:00\nT2,Hihg,2026-01-05T10:00:00+07:00\n' >"$tmp/two-bad.csv"
check "two bad rows" 1 "$SLA" eval "$C" --package premium "${AS_OF[@]}" "$tmp/two-bad.csv"
contains "2 of 2 rows have errors" "$tmp/err" '^sla eval: 2 of 2 rows have errors'
contains "did you mean" "$tmp/out" "unknown priority 'Hihg'; did you mean 'High'\? \(known: "
printf 'id,service,start,end,category\nI1,Chat Service,2026-01-05T10:00:00+07:00,2026-01-05T10:01:00+07:00,outage\nI2,Chat Service,bad,,outage\n' >"$tmp/one-bad-incident.csv"
check "one bad incident" 1 "$SLA" uptime "$C" --package premium --month 2026-01 "$tmp/one-bad-incident.csv"
contains "1 of 2 incident rows has errors" "$tmp/err" '^sla uptime: 1 of 2 incident rows has errors \(listed above\)$'
contains "note: has errors and is left out" "$tmp/out" 'note +1 of 2 incident rows has errors and is left out of these figures'
contains "1 minute" "$tmp/out" '^  downtime +1 minute \('
check "inspect" 0 "$SLA" inspect "$C"
contains "no exclusions or N exclusions" "$tmp/out" 'uptime of .*, (no exclusions|1 exclusion|[0-9]+ exclusions)$'
if grep -q '(s)' "$tmp/out"; then fail=$((fail + 1)); echo "FAIL inspect: '(s)' in a count"; else pass=$((pass + 1)); fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

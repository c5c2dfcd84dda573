#!/usr/bin/env bash
# sla report as a user runs it: every format on the bundled sample, the period's
# bounds and the as-of, help-desk exports in, errors counted apart with exit 1, bad
# flags as usage errors, and an output file that is never half-written or an input.
# Usage: report_cli_test.sh PATH/TO/sla   (run from the project root)
set -u
SLA=$1
C=contracts/qiscus-enterprise.sla
T=contracts/samples/qiscus-tickets.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -s "$tmp/err" ] && head -3 "$tmp/err"; }
check() { # description expected-exit command...
  local what=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -eq "$want" ]; then ok; else bad "$what: exit $rc, expected $want"; fi
}
contains() { # description pattern [file]
  if grep -qE -- "$2" "${3:-$tmp/out}"; then ok; else bad "$1: lacks /$2/"; fi
}
json() { # description python-expression-on-d (the JSON in $tmp/out)
  if python3 -c "import json,sys; d=json.load(open('$tmp/out')); sys.exit(0 if ($2) else 1)"; then ok
  else bad "$1: $2"; fi
}
period=(--from 2025-12-01 --to 2026-03-31 --as-of 2026-04-01T00:00:00+07:00)
report() { "$SLA" report "$C" --package premium "${period[@]}" "$@"; }

# JSON on the sample: the error row (QS-1008, unknown priority) is counted apart: exit 1.
check "json on the sample" 1 report --format json "$T"
json "eight rows, one error" 'd["rows"] == 8 and d["errors"] == 1 and d["outside_period"] == 0'
json "the error row named" 'd["error_rows"][0]["id"] == "QS-1008" and "Urgent" in d["error_rows"][0]["error"]'
json "Normal response 50 %" '[g for g in d["groups"] if g["priority"] == "Normal" and g["target"] == "response"][0]["compliance_percent"] == 50.0'
json "highest priority first" 'd["groups"][0]["priority"] == "Critical"'
json "as-of in the zone" 'd["as_of"] == "2026-04-01T00:00:00+07:00" and d["zone"] == "Asia/Jakarta"'
json "monthly trend for four months" 'd["trend_unit"] == "month" and len(d["groups"][0]["trend"]) == 4'
contains "stderr counts the error rows" "1 of 8 rows has errors, counted apart" "$tmp/err"
# Without the bad row: exit 0.
grep -v QS-1008 "$T" >"$tmp/good.csv"
check "json without errors" 0 report --format json "$tmp/good.csv"
# Weekly trend when asked; a short period is weekly by default.
check "weekly trend" 0 report --format json --trend week "$tmp/good.csv"
json "17 or 18 weeks" 'd["trend_unit"] == "week" and len(d["groups"][0]["trend"]) in (17, 18)'
check "a January report" 0 "$SLA" report "$C" --package premium --from 2026-01-01 --to 2026-01-31 \
  --as-of 2026-04-01T00:00:00+07:00 --format json "$tmp/good.csv"
json "weekly by default for a month" 'd["trend_unit"] == "week"'
json "December's ticket is outside January" 'd["outside_period"] == 2'

# CSV: a header with compliance_percent and one row per group.
check "csv" 0 report --format csv "$tmp/good.csv"
contains "csv header" '^package,priority,target,length,condition,commitment,tickets,met,breached,pending,at_risk,compliance_percent'
contains "csv Normal response" '^premium,Normal,response,4 business hours,,committed,2,1,1,0,0,50.00,'
# The format from --output's extension.
check "--output .json" 0 report -o "$tmp/r.JSON" "$tmp/good.csv"
contains "a .JSON output is JSON" '"groups"' "$tmp/r.JSON"
check "--output .csv" 0 report -o "$tmp/r.csv" "$tmp/good.csv"
contains "a .csv output is CSV" '^package,priority' "$tmp/r.csv"

# Golden reports of the sample (SLA_UPDATE_GOLDEN=1 writes them anew): any change
# in a figure or a field shows as a diff to review.
golden() { # name format [args...]
  local name=$1 format=$2
  shift 2
  report --addon resolution --format "$format" "$@" "$T" >"$tmp/golden.$format" 2>/dev/null
  local file=tests/compliance/golden/$name.$format
  if [ "${SLA_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$tmp/golden.$format" "$file"; fi
  if diff -u "$file" "$tmp/golden.$format" >"$tmp/golden.diff"; then ok
  else bad "golden $file differs:"; head -20 "$tmp/golden.diff"; fi
}
golden qiscus-sample json
golden qiscus-sample csv

# Help-desk exports in.
check "a Zendesk export" 0 "$SLA" report "$C" --package premium --from 2026-01-01 --to 2026-03-31 \
  --as-of 2030-01-01T00:00:00+07:00 --desk zendesk --map tests/helpdesk/zendesk/map.ini \
  --format json tests/helpdesk/zendesk/export.json
json "its tickets and the desk's figures compared" 'd["rows"] == 6 and d["desk"]["compared"] >= 1'
# A desk whose schedule does not know Indonesia's holidays: Zendesk counts 1,080
# business minutes from Wednesday 18 March 16:00 to Monday 10:00 (Nyepi and Eid
# al-Fitr as working days); the contract counts 120, and the response is met.
check "a desk figure that disagrees" 0 "$SLA" report "$C" --package premium --from 2026-03-01 \
  --to 2026-03-31 --as-of 2026-04-01T00:00:00+07:00 --desk zendesk \
  --map tests/helpdesk/zendesk/map.ini --format json tests/helpdesk/zendesk/holidays.json
json "the disagreement listed" 'd["desk"]["disagreements"] == 1 and d["desk"]["listed"][0]["desk_seconds"] == 64800 and d["desk"]["listed"][0]["contract_seconds"] == 7200'
json "met under the contract" 'd["groups"][0]["met"] == 1'
# Standard input.
check "tickets on standard input" 0 sh -c "\"$SLA\" report $C --package premium ${period[*]} --format json - <$tmp/good.csv"

# Usage errors: exit 2, saying what is wrong.
check "--to before --from" 2 "$SLA" report "$C" --package premium --from 2026-02-01 --to 2026-01-31 "$T"
contains "says the period is empty" "before --from" "$tmp/err"
check "a bad day" 2 "$SLA" report "$C" --package premium --from 2026-02-30 --to 2026-03-31 "$T"
contains "says YYYY-MM-DD" "YYYY-MM-DD" "$tmp/err"
check "no --from" 2 "$SLA" report "$C" --package premium --to 2026-03-31 "$T"
check "an unknown package" 2 "$SLA" report "$C" --package premum --from 2026-01-01 --to 2026-01-31 "$T"
check "a bad --as-of" 2 report --as-of yesterday "$T"
check "a bad format" 2 report --format pdf "$T"
check "no such tickets file" 2 report "$tmp/none.csv"
check "contract and tickets both on stdin" 2 "$SLA" report - --package premium --from 2026-01-01 --to 2026-01-31 -

# Files are sacred: an output that is an input is refused; a failed run leaves none.
cp "$tmp/good.csv" "$tmp/keep.csv"
check "--output is the tickets" 2 report -o "$tmp/keep.csv" "$tmp/keep.csv"
cmp -s "$tmp/good.csv" "$tmp/keep.csv" && ok || bad "the tickets file was changed"
printf 'not,a,ticket,file\n' >"$tmp/nohead.csv"
check "tickets without a created_at column" 2 report -o "$tmp/none.json" "$tmp/nohead.csv"
[ ! -e "$tmp/none.json" ] && ok || bad "a failed run left an output file"

# Help teaches: the examples and what compliance is.
check "help" 0 "$SLA" report --help
contains "help has an example" "sla report contracts/qiscus-enterprise.sla --package premium"
contains "help says what compliance is" "met / \\(met \\+ breached\\)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

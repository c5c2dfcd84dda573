#!/usr/bin/env bash
# sla explain on the forms beyond the seed: the target that applies (conditions,
# tickets without a priority) on its own calendar, relative deadlines in words,
# updates gap by gap, restoration, ladders per priority; --attribute, --restored,
# --update, update events; the JSON steps, and agreement with sla eval.
# Usage: explain_beyond_test.sh PATH/TO/sla   (run from the project root)
set -u
SLA=$1
G=contracts/govuk-pay.sla
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
    fail=$((fail + 1)); echo "FAIL $1: output lacks /$2/"; head -20 "$tmp/out"; fi
}
lacks() { # description pattern
  if grep -qE -- "$2" "$tmp/out"; then
    fail=$((fail + 1)); echo "FAIL $1: output has /$2/"; grep -E -- "$2" "$tmp/out" | head -3
  else pass=$((pass + 1)); fi
}

cat >"$tmp/beyond.sla" <<'EOF'
contract "Beyond" { provider "Acme"; version "1"; effective 2026-01-01 }
holidays de "Holidays" { covers 2026 to 2026; 2026-01-01 "New Year" }
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00; closed on holidays de }
calendar around_the_clock { zone "Europe/Berlin"; open always; open on holidays }
attribute channel "phone", "e-mail", "portal"
priorities { P3 "Minor."; P2 "Major."; P1 "Outage." }
package business "Business" {
  calendar office
  clock pauses on status "Waiting on customer"
  respond to P1 within 30 minutes on calendar around_the_clock
  respond to P3 by 12:00 next business day
  update P1 every 1 hour on calendar around_the_clock
  restore P1 within 4 hours on calendar around_the_clock
  resolve P1 within 2 business days
}
EOF
B="$tmp/beyond.sla"

# The target that applies, on its own calendar: a P1 on a Saturday night is answered
# around the clock, not on Monday in hours.
P1=(explain "$G" --package partner --priority P1 --attribute "route=P1 route" --created 2026-01-10T22:00:00
  --responded 2026-01-10T22:20:00 --update 2026-01-10T23:00:00 --update 2026-01-11T00:30:00
  --as-of 2026-01-11T06:00:00)
check "P1 explained" 0 "$SLA" "${P1[@]}"
contains "its own calendar" 'Respond to P1 within 30 minutes \(committed\), on calendar around_the_clock in Europe/London'
contains "due on it" 'The response is due Saturday 2026-01-10T22:30:00\+00:00; met'
lacks "not the package's calendar" 'clock starts at the next opening, Monday'
contains "the condition that does not apply" 'target where route is "e-mail" \(stated at contracts/govuk-pay.sla:[0-9]+\) does not apply: the ticket.s route is "P1 route"'
contains "the attributes" '^- Attributes: route "P1 route", no kind\.$'
# Updates: each gap, and the one that breached named.
contains "first gap" 'From the first response Saturday 2026-01-10T22:20:00\+00:00 to an update Saturday 2026-01-10T23:00:00\+00:00: 40 min, within 1 hour\.'
contains "the gap that breached" 'From the update Saturday 2026-01-10T23:00:00\+00:00 to an update Sunday 2026-01-11T00:30:00\+00:00: 1 h 30 min, longer than 1 hour: this gap breached the target \(the next update was due Sunday 2026-01-11T00:00:00\+00:00\)'
contains "the open gap" 'to the as-of time Sunday 2026-01-11T06:00:00\+00:00: 5 h 30 min so far, the ticket still open'
contains "update verdict" 'The updates breached the target: .* The worst gap is 5 h 30 min\.'
[ "$(grep -c 'this gap breached' "$tmp/out")" -eq 1 ] && pass=$((pass + 1)) \
  || { fail=$((fail + 1)); echo "FAIL exactly one gap breached"; }
# The ladder of the ticket's priority, with its band 'when not resolved'.
contains "P1 ladder" '^- Escalation ladder for P1, stated at contracts/govuk-pay.sla:[0-9]+:$'
contains "when no response, unreached" 'escalate to Incident lead via PagerDuty, if there is no response; .*not reached: the first response at Saturday 2026-01-10T22:20:00\+00:00 came first'
contains "when not resolved" 'escalate to Head of GOV.UK Pay, while the ticket is not resolved \(answered or not\); reached\.'
contains "ladder now" 'As of Sunday 2026-01-11T06:00:00\+00:00 the ladder has reached Head of GOV.UK Pay\.'
lacks "not the ladder for every priority" 'Support rota engineer'

# The conditioned target that applies, and says why.
check "P1 by e-mail" 0 "$SLA" explain "$G" --package partner --priority P1 --attribute route=E-MAIL \
  --created 2026-02-13T19:00:00 --as-of 2026-03-01T00:00:00
contains "the condition that applies" 'The response target where route is "e-mail" applies: the ticket.s route is "E-MAIL"\.'
contains "its clause" 'Respond to P1 where route is "e-mail" within 30 business minutes'
contains "due in hours" 'The response is due Monday 2026-02-16T10:00:00\+00:00'

# A union calendar for P2 (waking hours), with why each member is closed.
check "P2 on waking hours" 0 "$SLA" explain "$G" --package partner --priority P2 --created 2026-02-10T18:00:00 --as-of 2026-03-01T00:00:00
contains "union named" 'on calendar waking_hours in Europe/London \(union of in_hours, rest_day_daytime: open when any of them is\)'
contains "union closed" 'every calendar of the union is closed \(in_hours: .*; rest_day_daytime: '
contains "union due" 'The response is due Wednesday 2026-02-11T10:30:00\+00:00'

# A relative deadline in words: the start day, the next business day, the days skipped.
check "P3 relative" 0 "$SLA" explain "$G" --package partner --priority P3 --created 2026-02-13T11:00:00 --as-of 2026-03-01T00:00:00
contains "start day" 'Deadline "by end of next business day": the clock starts on Friday 2026-02-13, the day the ticket was raised\.'
contains "next business day" 'first later day on which an opening of calendar in_hours starts: Monday 2026-02-16\. Skipped, Saturday 2026-02-14 to Sunday 2026-02-15: the weekend\.'
contains "last closing" 'By the end of that day: the end of its last opening, Monday 2026-02-16T17:30:00\+00:00\.'
lacks "no empty within" 'within  '
check "P3 at a stated time, over New Year" 0 "$SLA" explain "$B" --package business --priority P3 --created 2025-12-31T15:00:00 --as-of 2026-02-01T00:00:00
contains "holiday skipped" 'Friday 2026-01-02\. Skipped: Thursday 2026-01-01 is a holiday \(New Year\)\.'
contains "stated time" 'By 12:00 that day: Friday 2026-01-02T12:00:00\+01:00\.'
printf '{"at":"2026-01-14T09:00:00","status":"Waiting on customer"}\n{"at":"2026-01-14T11:00:00","status":"Open"}\n' >"$tmp/pause.jsonl"
check "P3 paused" 0 "$SLA" explain "$B" --package business --priority P3 --created 2026-01-13T15:00:00 --events "$tmp/pause.jsonl" --as-of 2026-02-01T00:00:00
contains "a pause moves it" 'paused time does not count, so it moves to Wednesday 2026-01-14T14:00:00\+01:00 \(instead of Wednesday 2026-01-14T12:00:00\+01:00\)'

# A ticket without a priority, judged on its attributes; without either, a usage error.
check "feedback without a priority" 0 "$SLA" explain "$G" --package partner --attribute kind=feedback --created 2026-02-13T11:00:00 --as-of 2026-03-01T00:00:00
contains "no priority" '^- No priority: '
contains "the target for all" 'Respond to all where kind is "feedback" within 2 business days \(best effort\)'
check "neither priority nor attributes" 2 "$SLA" explain "$G" --package partner --created 2026-02-13T11:00:00
contains "says what to give" 'no priority, and no target for tickets without one applies to it: give --priority'

# --attribute is checked against the contract's attributes.
check "unknown attribute" 2 "$SLA" explain "$G" --package partner --priority P1 --attribute rout=e-mail --created 2026-02-13T11:00:00
contains "names the known ones" "--attribute 'rout=e-mail': unknown attribute 'rout'; did you mean 'route'\? \(known: route, kind\)"
check "unknown value" 2 "$SLA" explain "$G" --package partner --priority P1 --attribute route=fax --created 2026-02-13T11:00:00
contains "names the known values" "unknown route 'fax' \(known: \"P1 route\", \"e-mail\"\)"
check "no =" 2 "$SLA" explain "$G" --package partner --priority P1 --attribute route --created 2026-02-13T11:00:00
contains "expects NAME=VALUE" "expected NAME=VALUE"
check "twice" 2 "$SLA" explain "$G" --package partner --priority P1 --attribute route=e-mail --attribute route=e-mail --created 2026-02-13T11:00:00
contains "given twice" "route is given twice"
check "no attributes declared" 2 "$SLA" explain contracts/qiscus-enterprise.sla --package premium --priority High --attribute channel=phone --created 2026-01-09T10:00:00+07:00
contains "says none are declared" "the contract declares no attributes"
check "bad --update" 2 "$SLA" explain "$G" --package partner --priority P1 --update yesterday --created 2026-02-13T11:00:00
contains "names --update" "--update 'yesterday'"
check "bad --restored" 2 "$SLA" explain "$B" --package business --priority P1 --restored soon --created 2026-02-13T11:00:00
contains "names --restored" "--restored 'soon'"

# Restoration: --restored, else the resolution.
check "restored" 0 "$SLA" explain "$B" --package business --priority P1 --created 2026-01-10T22:00:00 --restored 2026-01-11T01:30:00 --as-of 2026-02-01T00:00:00
contains "restoration clause" 'Restore service for P1 within 4 hours \(committed\), on calendar around_the_clock'
contains "restoration met" 'The restoration is due Sunday 2026-01-11T02:00:00\+01:00; met: done Sunday 2026-01-11T01:30:00\+01:00\.'
check "restored at the resolution" 0 "$SLA" explain "$B" --package business --priority P1 --created 2026-01-10T22:00:00 --resolved 2026-01-11T03:00:00 --as-of 2026-02-01T00:00:00
contains "restoration by resolution" 'breached: resolved Sunday 2026-01-11T03:00:00\+01:00, which counts as the restoration'
check "restoration not known yet" 0 "$SLA" explain "$B" --package business --priority P1 --created 2026-01-10T22:00:00 --restored 2026-01-11T01:30:00 --as-of 2026-01-11T01:00:00
contains "after as-of" 'The restoration at Sunday 2026-01-11T01:30:00\+01:00 is after the as-of time'
contains "pending" 'The restoration is due Sunday 2026-01-11T02:00:00\+01:00; pending'

# Update events from --events say the same as --update.
printf '{"at":"2026-01-10T23:00:00","update":"investigating"}\n{"at":"2026-01-11T00:30:00","update":"fix deployed"}\n' >"$tmp/updates.jsonl"
U=(explain "$B" --package business --priority P1 --created 2026-01-10T22:00:00 --responded 2026-01-10T22:20:00 --as-of 2026-01-11T02:00:00)
"$SLA" "${U[@]}" --events "$tmp/updates.jsonl" >"$tmp/a" 2>&1
"$SLA" "${U[@]}" --update 2026-01-11T00:30:00 --update 2026-01-10T23:00:00 >"$tmp/b" 2>&1
cmp -s "$tmp/a" "$tmp/b" && grep -q 'this gap breached' "$tmp/a" && pass=$((pass + 1)) \
  || { fail=$((fail + 1)); echo "FAIL update events and --update agree"; diff "$tmp/a" "$tmp/b" | head -5; }
printf '{"at":"2026-01-10T23:00:00","update":"x","status":"Open"}\n' >"$tmp/two.jsonl"
check "an event with two kinds" 2 "$SLA" "${U[@]}" --events "$tmp/two.jsonl"
contains "names the line" 'two.jsonl:1: expected .*\{"at": T, "update": TEXT\}'

# JSON: the new steps with their times, lengths and verdicts, agreeing with sla eval.
check "P1 json" 0 "$SLA" "${P1[@]}" --format json
cp "$tmp/out" "$tmp/explain.json"
printf '%s\n' '{"id":"T","priority":"P1","route":"P1 route","created_at":"2026-01-10T22:00:00","first_response_at":"2026-01-10T22:20:00","events":[{"at":"2026-01-10T23:00:00","update":"u"},{"at":"2026-01-11T00:30:00","update":"u"}]}' >"$tmp/t.jsonl"
check "P1 eval" 0 "$SLA" eval "$G" --package partner --as-of 2026-01-11T06:00:00 --format jsonl "$tmp/t.jsonl"
python3 - "$tmp/explain.json" "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL explain json agrees with eval"; }
import json, sys
steps = json.load(open(sys.argv[1]))
row = json.loads(open(sys.argv[2]).readline())
by = {}
for s in steps:
    by.setdefault(s["step"], []).append(s)
gaps = by["update_gap"]
assert [g["seconds"] for g in gaps] == [2400, 5400, 19800], gaps
assert gaps[1]["from"] == "2026-01-10T23:00:00+00:00" and gaps[1]["until"] == "2026-01-11T00:30:00+00:00", gaps[1]
due = by["update_due"][0]
assert due["status"] == row["update_status"] == "breached", (due, row)
assert due["due"] == row["update_due"] == "2026-01-11T00:00:00+00:00", (due, row)
assert due["seconds"] == row["update_worst_gap_seconds"] == 19800, (due, row)
response = by["response_due"][0]
assert response["due"] == row["response_due"] and response["status"] == row["response_status"], (response, row)
assert by["condition"] and by["attributes"] and by["ladder"], list(by)
assert by["escalation_now"][0]["text"].endswith(row["escalation"] + "."), (by["escalation_now"], row)
PY
check "P3 json" 0 "$SLA" explain "$G" --package partner --priority P3 --created 2026-02-13T11:00:00 --as-of 2026-03-01T00:00:00 --format json
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL relative deadline json"; }
import json, sys
steps = json.load(open(sys.argv[1]))
rel = [s for s in steps if s["step"] == "relative_deadline"]
assert len(rel) == 2 and rel[1]["until"] == "2026-02-16T17:30:00+00:00", rel
upd = next(s for s in steps if s["step"] == "update_due")
assert upd["status"] == "pending" and upd["due"] is None and upd["seconds"] is None, upd
PY
check "restoration json" 0 "$SLA" explain "$B" --package business --priority P1 --created 2026-01-10T22:00:00 --restored 2026-01-11T01:30:00 --as-of 2026-02-01T00:00:00 --format json
python3 - "$tmp/out" <<'PY' && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL restoration json"; }
import json, sys
steps = json.load(open(sys.argv[1]))
r = next(s for s in steps if s["step"] == "restoration_due")
assert r["due"] == "2026-01-11T02:00:00+01:00" and r["status"] == "met", r
PY

# A contract with none of these forms reads as before.
check "seed contract" 0 "$SLA" explain contracts/qiscus-enterprise.sla --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 --as-of 2026-02-01T00:00:00+07:00
contains "weekend" 'the weekend'
lacks "no update or restoration lines" 'update|restoration|Attributes'
contains "the ladder for every priority" '^- Escalation ladder for every priority'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

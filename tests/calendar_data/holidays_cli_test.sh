#!/usr/bin/env bash
# sla holidays import|list|show and sla calendar export as a user runs them: what
# they write, their errors and exit codes, outputs never half-written nor over an
# input, an export imported back to the same closed days, and an export parsed
# by the Python icalendar library (an independent reader).
# Usage: holidays_cli_test.sh PATH/TO/sla   (run from the project root)
set -u
SLA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
C=contracts/qiscus-enterprise.sla
F=tests/calendar_data/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # description expected-exit command...
  local what=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  if [ "$rc" -eq "$want" ]; then ok; else
    bad "$what: exit $rc, expected $want"; head -5 "$tmp/err"; fi
}
says() { # description pattern (in stdout or stderr)
  if grep -qE -- "$2" "$tmp/out" "$tmp/err"; then ok; else
    bad "$1: output lacks /$2/"; head -5 "$tmp/out" "$tmp/err"; fi
}

# --- import: iCalendar to a set that a contract loads
check "import ics" 0 "$SLA" holidays import $F/yearly_count_exdate.ics --name acme_company
says "header names the source" '^# Imported from yearly_count_exdate.ics by `sla holidays import` \(sla [0-9.]+\)'
says "the set" '^holidays acme_company "Holidays from yearly_count_exdate.ics" \{$'
says "source" '^  source "yearly_count_exdate.ics \(imported by sla [0-9.]+\)"$'
says "covers the years found" '^  covers 2026 to 2028$'
says "a date" '^  2026-06-15 "Founders'"'"' Day"$'
grep -q '2027-06-15' "$tmp/out" && bad "EXDATE 2027-06-15 was imported" || ok
cp "$tmp/out" "$tmp/acme.sla"
cat >"$tmp/uses.sla" <<'EOF'
import "acme.sla"

contract "Import test" { provider "Acme"; version "1"; effective 2026-01-01 }
calendar office { zone "Europe/Berlin"; open Mon-Fri 08:00-18:00; closed on holidays acme_company }
EOF
check "the imported set loads in a contract" 0 "$SLA" check "$tmp/uses.sla"
check "closed on the imported date" 0 "$SLA" time "$tmp/uses.sla" --calendar office open 2026-06-15T10:00:00+02:00 --format json
says "closed" '"open": false'
check "open on the excluded date" 0 "$SLA" time "$tmp/uses.sla" --calendar office open 2027-06-15T10:00:00+02:00 --format json
says "open" '"open": true'
check "the set is formatted as sla fmt writes it" 0 "$SLA" fmt --check "$tmp/acme.sla"

check "import --years --title" 0 "$SLA" holidays import $F/google.ics --name closures --years 2026..2027 --title 'Berlin "office" closures'
says "covers the years asked" '^  covers 2026 to 2027$'
says "title escaped" '^holidays closures "Berlin \\"office\\" closures" \{$'
grep -q '2028-' "$tmp/out" && bad "--years kept a date of 2028" || ok
says "the meeting is noted, not imported" "google.ics:76: note: 'Fire drill'"
says "the zone of UTC times is said" 'note: times in UTC are read as dates in Europe/Berlin'
check "import without --title takes X-WR-CALNAME" 0 "$SLA" holidays import $F/google.ics --name closures --years 2026
says "calendar name" '^holidays closures "Acme Berlin office closures" \{$'
check "import --zone UTC" 0 "$SLA" holidays import $F/google.ics --name closures --years 2026 --zone UTC
grep -q '2026-10-03' "$tmp/out" && bad "--zone UTC still closed 10-03 (22:00Z to 22:00Z)" || ok
check "an endless rule without --years" 0 "$SLA" holidays import $F/rrule_until.ics --name memorial
says "the bound is said" 'rrule_until.ics:15: note: .*repeats without end.*--years A..B chooses the years'

check "import csv" 0 "$SLA" holidays import $F/holidays.csv --name acme
says "names joined" '^  2026-12-24 "Christmas Eve, closed / Team party"$'
check "csv from standard input, known by its content" 0 "$SLA" holidays import - --name acme <$F/no_header.csv
says "escaped quotes" '^  2026-05-01 "Labour Day \\"May Day\\""$'
says "source" '^  source "standard input \(imported by sla'
check "ics from standard input" 0 "$SLA" holidays import - --name acme <$F/all_day.ics

# --output: written whole, with a summary; never over the input; never half-written
check "import --output" 0 "$SLA" holidays import $F/multi_day.ics --name acme -o "$tmp/set.sla"
[ -s "$tmp/set.sla" ] && [ ! -s "$tmp/out" ] && ok || bad "--output writes the file, not standard output"
says "summary" 'wrote 6 dates \(2026 to 2027\) as the set acme to'
cp $F/all_day.ics "$tmp/in.ics"
ln -s in.ics "$tmp/link.ics"
for target in "$tmp/in.ics" "$tmp/./in.ics" "$tmp/link.ics"; do
  check "--output onto the input ($target)" 2 "$SLA" holidays import "$tmp/in.ics" --name a -o "$target"
  says "refused" "^sla holidays import: --output .*refusing to overwrite it"
done
cmp -s "$tmp/in.ics" $F/all_day.ics && ok || bad "the input was changed"
echo "keep me" >"$tmp/kept.sla"
for broken in no_dtstart missing_end garbage bad_value; do
  check "broken $broken.ics" 1 "$SLA" holidays import $F/$broken.ics --name a -o "$tmp/kept.sla"
  says "nothing written" 'nothing written$'
  [ "$(cat "$tmp/kept.sla")" = "keep me" ] && ok || bad "$broken: the output file was changed"
done
[ "$(find "$tmp" -name '.*sla-*' | wc -l)" -eq 0 ] && ok || bad "a temporary file was left"
check "no DTSTART: file and line" 1 "$SLA" holidays import $F/no_dtstart.ics --name a
says "line" '^sla holidays import: tests/calendar_data/fixtures/no_dtstart.ics:9: the event that begins at this line \(Team day\) has no DTSTART'
check "END:VEVENT missing: line" 1 "$SLA" holidays import $F/missing_end.ics --name a
says "line" 'missing_end.ics:9: the VEVENT that begins at this line has no END:VEVENT'
check "garbage" 1 "$SLA" holidays import $F/garbage.ics --name a
says "not iCalendar" 'garbage.ics:1: not an iCalendar file'
check "bad value after a folded line" 1 "$SLA" holidays import $F/bad_value.ics --name a
says "line 10" "bad_value.ics:10: DTEND 'tomorrow' is not a valid DATE value"
check "bad csv row" 1 "$SLA" holidays import $F/bad_row.csv --name a
says "line 3" "bad_row.csv:3: '2026-02-30' is not a date"
printf 'hello\n' >"$tmp/notes.txt"
check "neither ics nor csv" 1 "$SLA" holidays import "$tmp/notes.txt" --name a
says "says what it expected" 'not an iCalendar file .* nor a CSV file of date,name rows'
check "no date in the years" 1 "$SLA" holidays import $F/multi_day.ics --name a --years 2030
says "no dates" 'no holiday dates in 2030 to 2030; nothing written'
check "covered years without dates are said" 0 "$SLA" holidays import $F/multi_day.ics --name a --years 2026..2030
says "the years" "multi_day.ics: note: 2028-2030 have no dates in this file; the set says it covers them$"
says "still covered" '^  covers 2026 to 2030$'
printf '2026-01-01,New Year\n2028-01-01,New Year\n' >"$tmp/gap.csv"
check "a gap in the years found is said" 0 "$SLA" holidays import "$tmp/gap.csv" --name a
says "the gap" "gap.csv: note: 2027 has no dates in this file; the set says it covers it$"
check "no notes about events outside --years" 0 "$SLA" holidays import $F/google.ics --name a --years 2028
grep -q "Fire drill\|times in UTC" "$tmp/err" && bad "a note about 2026 for --years 2028: $(cat "$tmp/err")" || ok
printf 'Datum;Feiertag\n2026-12-25;Weihnachten\n' >"$tmp/de.csv"
check "csv separated by semicolons" 1 "$SLA" holidays import "$tmp/de.csv" --name a
says "what to change" "de.csv:1: the fields are separated by ';' .*separates them with ','"
printf '2026-12-25,Christmas, Day\n2026-12-26,Boxing Day\n' >"$tmp/extra.csv"
check "csv row with a field too many" 0 "$SLA" holidays import "$tmp/extra.csv" --name a
says "noted at its line" "extra.csv:1: note: 3 fields where the rows have 2: 'Day' is not read"
says "the name as written" '^  2026-12-25 "Christmas"$'
{ echo "date,name"; for i in $(seq 1 25); do echo "2026-02-30,x$i"; done; echo "2026-01-01,ok"; } >"$tmp/bad25.csv"
echo "keep me" >"$tmp/kept25.sla"
check "every bad csv row, up to 20" 1 "$SLA" holidays import "$tmp/bad25.csv" --name a -o "$tmp/kept25.sla"
[ "$(grep -c "is not a date" "$tmp/err")" -eq 20 ] && ok || bad "20 bad rows shown: $(grep -c "is not a date" "$tmp/err")"
says "the first shown" "bad25.csv:2: '2026-02-30'"
says "the last shown" "bad25.csv:21: '2026-02-30'"
says "the count" "bad25.csv: 25 errors, 5 more not shown; nothing written$"
[ "$(cat "$tmp/kept25.sla")" = "keep me" ] && ok || bad "bad rows: the output file was changed"
printf '\xff\xfeB\0E\0G\0I\0N\0:\0V\0C\0A\0L\0\r\0\n\0' >"$tmp/outlook16.ics"
check "UTF-16" 1 "$SLA" holidays import "$tmp/outlook16.ics" --name a
says "save as UTF-8" "outlook16.ics: is UTF-16; save it as UTF-8; nothing written$"
printf 'd\0a\0t\0e\0,\0n\0a\0m\0e\0' >"$tmp/u16.txt"
check "UTF-16 without a byte-order mark" 1 "$SLA" holidays import "$tmp/u16.txt" --name a
says "save as UTF-8" "is UTF-16; save it as UTF-8"
check "only cancelled events" 1 "$SLA" holidays import - --name a <<'EOF'
BEGIN:VCALENDAR
BEGIN:VEVENT
DTSTART;VALUE=DATE:20260101
STATUS:CANCELLED
END:VEVENT
END:VCALENDAR
EOF

# usage errors: exit 2, pointing to the help
check "bad name" 2 "$SLA" holidays import $F/all_day.ics --name 2026-acme
says "why" "--name '2026-acme': a set's name starts with a letter"
check "bad years" 2 "$SLA" holidays import $F/all_day.ics --name a --years 2028..2026
says "why" "--years '2028..2026': expected A..B"
check "bad zone" 2 "$SLA" holidays import $F/all_day.ics --name a --zone Mars/Olympus
says "why" "--zone 'Mars/Olympus': not a time zone"
check "years as holidays list shows them" 2 "$SLA" holidays import $F/all_day.ics --name a --years 2026-2028
says "the spelling meant" "--years '2026-2028': did you mean 2026..2028\?"
for flag in --years --title --zone; do
  check "empty $flag" 2 "$SLA" holidays import $F/all_day.ics --name a $flag ''
  says "empty $flag refused" "^sla holidays import: $flag '': expected a value, not an empty one"
done
check "missing file" 2 "$SLA" holidays import "$tmp/nope.ics" --name a
check "missing name" 2 "$SLA" holidays import $F/all_day.ics
check "help" 0 "$SLA" holidays import --help
says "help teaches" 'Examples:'
says "help tells the exit codes" 'Exit codes: 0 written'

# --- export
check "export ics" 0 "$SLA" calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-12-31
cp "$tmp/out" "$tmp/office.ics"
head -1 "$tmp/office.ics" | grep -q $'^BEGIN:VCALENDAR\r$' && ok || bad "export starts with BEGIN:VCALENDAR and CRLF"
grep -q $'^DTSTART;VALUE=DATE:20260319\r$' "$tmp/office.ics" && ok || bad "Nyepi 2026-03-19 is not exported"
grep -q $'^SUMMARY:Closed: Nyepi\r$' "$tmp/office.ics" && ok || bad "the closure's summary"
# Eid al-Fitr is a Hijri date the set marks tentative; Nyepi above is not.
grep -q $'^SUMMARY:Closed: End of Ramadan (Eid al-Fitr) (tentative)\r$' "$tmp/office.ics" && ok || bad "a tentative closure says so"
tr -d '\r' <"$tmp/office.ics" | sed -e ':a' -e '$!N;s/\n //;ta' -e 'P;D' | grep -q 'The date is tentative' && ok || bad "a tentative closure's description says why"
awk '{ if (length($0) > 76) bad = 1 } END { exit bad }' "$tmp/office.ics" && ok || bad "a line longer than 75 octets"
grep -v $'\r$' "$tmp/office.ics" | grep -q . && bad "a line without CRLF" || ok
check "export twice: the same bytes" 0 "$SLA" calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-12-31
cmp -s "$tmp/out" "$tmp/office.ics" && ok || bad "two exports of an unchanged contract differ"
check "export --openings" 0 "$SLA" calendar export $C --calendar office_hours --from 2026-01-05 --to 2026-01-09 --openings
says "timed in the zone" $'^DTSTART;TZID=Asia/Jakarta:20260105T090000\r$'
says "VTIMEZONE" $'^TZID:Asia/Jakarta\r$'
check "export -o" 0 "$SLA" calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-12-31 -o "$tmp/o.ics"
cmp -s "$tmp/o.ics" "$tmp/office.ics" && ok || bad "-o writes what standard output gets"
check "ten years with openings" 0 "$SLA" calendar export $C --calendar office_hours --from 2026-01-01 --to 2035-12-31 --openings -o "$tmp/ten.ics"
[ "$(grep -c '^BEGIN:VEVENT' "$tmp/ten.ics")" -gt 2500 ] && ok || bad "ten years of openings"
says "the years the holiday set does not cover are noted" '^sla calendar export: note: the holiday set id_national covers [0-9]{4} to [0-9]{4} only; the closures of other years are not known'
check "a range the set covers has no note" 0 "$SLA" calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-12-31
[ -s "$tmp/err" ] && bad "a note for a covered range: $(cat "$tmp/err")" || ok
check "unknown calendar" 2 "$SLA" calendar export $C --calendar ofice_hours --from 2026-01-01 --to 2026-12-31
says "lists the calendars" "unknown calendar 'ofice_hours'; did you mean 'office_hours'\? \(calendars: office_hours, "
check "to before from" 2 "$SLA" calendar export $C --calendar office_hours --from 2026-12-31 --to 2026-01-01
says "why" '--to 2026-01-01 is before --from 2026-12-31'
check "a day that does not exist" 2 "$SLA" calendar export $C --calendar office_hours --from 2026-02-30 --to 2026-12-31
says "why" "--from '2026-02-30': there is no such day: February 2026 has 28 days"
check "a date of another form" 2 "$SLA" calendar export $C --calendar office_hours --from 2026-12-31 --to 31.12.2026
says "why" "--to '31.12.2026': expected a date YYYY-MM-DD from 1901 to 2398"
check "no month 13" 2 "$SLA" calendar export $C --calendar office_hours --from 2026-13-01 --to 2026-12-31
says "why" "--from '2026-13-01': there is no month 13"
check "a range without closures" 0 "$SLA" calendar export $C --calendar office_hours --from 2026-01-05 --to 2026-01-09 -o "$tmp/none.ics"
says "said" "^sla calendar export: note: no closed or special days in 2026-01-05 to 2026-01-09; --openings adds the opening hours$"
grep -q $'^END:VCALENDAR\r$' "$tmp/none.ics" && ! grep -q VEVENT "$tmp/none.ics" && ok || bad "an empty calendar is still written"
check "a range with openings has events: no note" 0 "$SLA" calendar export $C --calendar office_hours --from 2026-01-05 --to 2026-01-09 --openings
grep -q "note: no closed" "$tmp/err" && bad "a note for an export with openings" || ok
mkdir -p "$tmp/jp"
printf 'holidays jp_days { 2026-12-24 "x" }\n' >"$tmp/jp/days.sla"
printf 'import "days.sla"\ncontract "\xe6\x97\xa5\xe6\x9c\xac\xe3\x82\xb5\xe3\x83\x9d\xe3\x83\xbc\xe3\x83\x88" { provider "Acme"; version "1"; effective 2026-01-01 }\ncalendar office { zone "Asia/Tokyo"; open Mon-Fri 09:00-17:00; on 2026-12-23 open 09:00-13:00; closed on holidays jp_days }\n' >"$tmp/jp/a.sla"
printf 'import "days.sla"\ncontract "\xe4\xb8\xad\xe5\x9b\xbd\xe6\x94\xaf\xe6\x8c\x81" { provider "Acme"; version "1"; effective 2026-01-01 }\ncalendar office { zone "Asia/Tokyo"; open Mon-Fri 09:00-17:00; on 2026-12-23 open 09:00-13:00; closed on holidays jp_days }\n' >"$tmp/jp/b.sla"
touch -d '2026-01-01 00:00:00 UTC' "$tmp/jp/a.sla"
touch -d '2026-02-01 00:00:00 UTC' "$tmp/jp/days.sla"
check "non-Latin contract names" 0 "$SLA" calendar export "$tmp/jp/a.sla" --calendar office --from 2026-12-01 --to 2026-12-31
cp "$tmp/out" "$tmp/jp/a.ics"
says "special hours without a name" $'^SUMMARY:Special hours: open 09:00-13:00 only\r$'
says "the newest file the load read" $'^DTSTAMP:20260201T000000Z\r$'
"$SLA" calendar export "$tmp/jp/b.sla" --calendar office --from 2026-12-01 --to 2026-12-31 >"$tmp/jp/b.ics"
grep -h '^UID' "$tmp/jp/a.ics" "$tmp/jp/b.ics" | sort | uniq -d | grep -q . && bad "two contracts share UIDs" || ok
grep -q '^UID:20261223-hours-office-contract-[0-9a-f]\{8\}@sla' "$tmp/jp/a.ics" && ok || bad "UID: $(grep -m1 ^UID "$tmp/jp/a.ics")"
check "calendar help" 0 "$SLA" calendar --help
says "examples" '^Examples:$'
says "exit codes" '^Exit codes: 0 written'
check "calendar export help" 0 "$SLA" calendar export --help
says "examples" '^Examples:$'
says "exit codes" '^Exit codes: 0 written'
check "bad format" 2 "$SLA" calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-01-02 --format csv
cp $C "$tmp/c.sla"
check "output onto the contract" 2 "$SLA" calendar export "$tmp/c.sla" --calendar office_hours --from 2026-01-01 --to 2026-12-31 -o "$tmp/c.sla"
cmp -s "$tmp/c.sla" $C && ok || bad "the contract was overwritten"
printf 'calendar x { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00; closed on holidays nope }\n' >"$tmp/broken.sla"
echo "keep me" >"$tmp/kept.ics"
check "a contract with errors" 1 "$SLA" calendar export "$tmp/broken.sla" --calendar x --from 2026-01-01 --to 2026-01-31 -o "$tmp/kept.ics"
[ "$(cat "$tmp/kept.ics")" = "keep me" ] && ok || bad "a failed export changed its output"
check "export from standard input" 0 "$SLA" calendar export - --calendar office_hours --from 2026-01-01 --to 2026-12-31 <$C
grep -c '^BEGIN:VEVENT' "$tmp/out" | grep -qx "$(grep -c '^BEGIN:VEVENT' "$tmp/office.ics")" && ok || bad "export from - differs"

# --- round trip: export the Qiscus office calendar, import it, the same closed days
years=$("$SLA" holidays list --format json | /usr/bin/python3 -c '
import json, sys
s = next(s for s in json.load(sys.stdin)["sets"] if s["name"] == "std/holidays/id")
print(s["first_year"], s["last_year"])')
read -r first last <<<"$years"
check "round trip: export" 0 "$SLA" calendar export $C --calendar office_hours --from "$first-01-01" --to "$last-12-31" --openings -o "$tmp/rt.ics"
check "round trip: import" 0 "$SLA" holidays import "$tmp/rt.ics" --name back -o "$tmp/rt.sla"
for year in $(seq "$first" "$last"); do
  "$SLA" holidays show std/holidays/id --year "$year" --format json
done | /usr/bin/python3 -c '
import json, sys
text = sys.stdin.read()
dec, pos, days = json.JSONDecoder(), 0, []
while pos < len(text):
    obj, pos = dec.raw_decode(text, pos)
    days += [d["date"] for d in obj["dates"]]
    while pos < len(text) and text[pos].isspace(): pos += 1
print("\n".join(sorted(set(days))))' >"$tmp/want"
grep -oE '^  [0-9]{4}-[0-9]{2}-[0-9]{2}' "$tmp/rt.sla" | tr -d ' ' >"$tmp/got"
[ -s "$tmp/want" ] && cmp -s "$tmp/want" "$tmp/got" && ok || { bad "round trip: the closed days differ"; diff "$tmp/want" "$tmp/got" | head -5; }

# --- an independent reader: Python's icalendar library (Debian python3-icalendar)
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
  "$SLA" calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-01-31 --openings >"$tmp/py.ics"
  /usr/bin/python3 - "$tmp/py.ics" "$tmp/office.ics" <<'EOF' && ok || bad "python icalendar does not read the export as written"
import datetime, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
assert str(cal["X-WR-CALNAME"]).startswith("Qiscus Enterprise Support")
events = [c for c in cal.walk("VEVENT")]
opens = [e for e in events if str(e["SUMMARY"]) == "Open"]
assert len(opens) == 20, len(opens)  # 22 weekdays in January 2026, less New Year and Isra Mi'raj
first = opens[0]["DTSTART"].dt
assert first.tzinfo is not None and first.utcoffset() == datetime.timedelta(hours=7), first
assert first.hour == 9 and (opens[0]["DTEND"].dt - first) == datetime.timedelta(hours=8)
assert len({str(e["UID"]) for e in events}) == len(events)
year = icalendar.Calendar.from_ical(open(sys.argv[2], "rb").read())
closed = {e["DTSTART"].dt for e in year.walk("VEVENT")}
assert datetime.date(2026, 3, 19) in closed and datetime.date(2026, 8, 17) in closed
for e in year.walk("VEVENT"):
    assert isinstance(e["DTSTART"].dt, datetime.date) and not isinstance(e["DTSTART"].dt, datetime.datetime)
    assert e["DTEND"].dt - e["DTSTART"].dt == datetime.timedelta(days=1)
    assert str(e["SUMMARY"]).startswith("Closed: ")
EOF
else
  echo "SKIP python icalendar parse-back: /usr/bin/python3 cannot import icalendar (apt-get install python3-icalendar)"
fi

# --- list and show
check "list json" 0 "$SLA" holidays list --format json
/usr/bin/python3 - "$tmp/out" <<'EOF' && ok || bad "list json shape"
import json, sys
sets = json.load(open(sys.argv[1]))["sets"]
s = next(s for s in sets if s["name"] == "std/holidays/id")
assert s["set"] == "id_national" and s["title"] and s["source"], s
assert isinstance(s["first_year"], int) and s["last_year"] >= s["first_year"]
assert s["days"] > 10 and isinstance(s["tentative"], int)
assert all(x["name"].startswith("std/holidays/") for x in sets)
EOF
check "list text" 0 "$SLA" holidays list
says "a table" '^MODULE +SET +YEARS +DAYS +TENTATIVE +TITLE$'
says "id" '^std/holidays/id +id_national +[0-9]{4}-[0-9]{4} +[0-9]+ +[0-9]+ +'
# Each module is loaded once: 300 modules of 250 dates take about 60 ms in a
# release build, 1.5 s in a debug one; the bound leaves room for sanitizer builds
# and catches a load per set or per date.
start=$(date +%s%N)
"$SLA" holidays list --format json >/dev/null
took=$((($(date +%s%N) - start) / 1000000))
[ "$took" -lt 5000 ] && ok || bad "holidays list took $took ms"

check "show json" 0 "$SLA" holidays show std/holidays/id --year 2026 --format json
/usr/bin/python3 - "$tmp/out" <<'EOF' && ok || bad "show json shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["set"] == "id_national" and d["module"] == "std/holidays/id" and d["year"] == 2026
day = next(x for x in d["dates"] if x["date"] == "2026-08-17")
assert day["weekday"] == "Mon" and day["tentative"] is False and day["name"], day
assert all(x["date"].startswith("2026-") for x in d["dates"])
assert [x["date"] for x in d["dates"]] == sorted(x["date"] for x in d["dates"])
EOF
check "show text" 0 "$SLA" holidays show std/holidays/id --year 2026
says "a date, its weekday, its name" '^2026-08-17  Mon  Independence Day'
check "show a year outside" 2 "$SLA" holidays show std/holidays/id --year 1999
says "names the covered years" '--year 1999: in std/holidays/id, id_national covers the years [0-9]{4} to [0-9]{4} only'
check "show an unknown module" 2 "$SLA" holidays show std/holidays/indonesia --year 2026
says "nearest by title" "no holiday module or file 'std/holidays/indonesia' \(did you mean std/holidays/id\?\); 'sla holidays list' lists"
check "show a word" 2 "$SLA" holidays show indonesian --year 2026
says "nearest" 'did you mean std/holidays/id'
mkdir -p "$tmp/cwd/id"
check "show a module named as a folder beside" 0 bash -c 'cd "$1" && "$2" holidays show id --year 2026' _ "$tmp/cwd" "$SLA"
says "the module" '^id_national "Indonesia public holidays" \(std/holidays/id\)$'
for cal in $F/google.ics $F/holidays.csv; do
  check "show $cal" 2 "$SLA" holidays show "$cal" --year 2026
  says "what to do instead" "^sla holidays show: $cal is an? (iCalendar|CSV) file, not a .sla file: make a set of it with \`sla holidays import $cal --name NAME\`$"
  [ "$(wc -l <"$tmp/err")" -eq 1 ] && ok || bad "show $cal: more than one line"
done
check "show a module without std/holidays/" 0 "$SLA" holidays show de/by --year 2026
says "the region's own days" '^2026-01-06  Tue  Epiphany'
check "show a country by name" 2 "$SLA" holidays show germany --year 2026
says "names the module" 'did you mean std/holidays/de\?'
check "show a .sla file" 0 "$SLA" holidays show "$tmp/acme.sla" --year 2026 --format json
says "file" '"file": '
says "date" '"date": "2026-06-15"'
cat "$tmp/acme.sla" >"$tmp/two.sla"
printf 'holidays other { 2026-01-01 "x" }\n' >>"$tmp/two.sla"
check "show a file of two sets: both" 0 "$SLA" holidays show "$tmp/two.sla" --year 2026
says "each date with its set" '^2026-01-01  Thu  x  \[other\]$'
says "each date with its set" "^2026-06-15  Mon  Founders' Day  \[acme_company\]$"
check "show a file of two sets: json" 0 "$SLA" holidays show "$tmp/two.sla" --year 2026 --format json
/usr/bin/python3 - "$tmp/out" <<'EOF' && ok || bad "show json of two sets"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["set"] is None and d["sets"] == ["acme_company", "other"], d
assert [(x["date"], x["set"]) for x in d["dates"]] == [("2026-01-01", "other"), ("2026-06-15", "acme_company"), ("2026-10-09", "acme_company")]
EOF
check "show --set" 0 "$SLA" holidays show "$tmp/two.sla" --year 2026 --set other
says "the set" '^2026-01-01  Thu  x$'
check "show --set unknown" 2 "$SLA" holidays show "$tmp/two.sla" --year 2026 --set nope
says "lists the sets" "--set 'nope': .*two.sla has the sets acme_company, other"
check "a mistyped subcommand" 2 "$SLA" holidays lst
says "the nearest" "^sla holidays: unknown command 'lst'; did you mean 'list'\? \(see 'sla holidays --help'\)$"
check "a mistyped subcommand" 2 "$SLA" calendar exprt $C
says "the nearest" "^sla calendar: unknown command 'exprt'; did you mean 'export'\?"
check "an unknown subcommand" 2 "$SLA" holidays frobnicate
says "the commands" "^sla holidays: unknown command 'frobnicate' \(commands: import, list, show\)"

# --- sla time past the years a holiday set covers: a note on stderr, stdout as it was
check "time in a covered year" 0 "$SLA" time $C --package premium add 2026-01-09T16:30:00+07:00 "4 business hours"
[ -s "$tmp/err" ] && bad "a note for a covered year: $(cat "$tmp/err")" || ok
check "time past the covered years" 0 "$SLA" time $C --package premium add "$((last + 2))-01-09T16:30:00+07:00" "4 business hours"
says "the result" "^$((last + 2))-01-09T16:30:00\+07:00 \+ 4 business hours on calendar office_hours \(Asia/Jakarta\) = "
says "the note" "^sla time: note: holiday set 'id_national' covers $first-$last; $((last + 2)) is computed without its holidays$"
grep -q note "$tmp/out" && bad "the note went to stdout" || ok
check "time between over years outside" 0 "$SLA" time $C --calendar office_hours between "$((first - 1))-06-01T00:00:00Z" "$((last + 2))-06-01T00:00:00Z" --format json
says "json unchanged" '^\{"seconds": [0-9]+\}$'
says "both sides" "covers $first-$last; $((first - 1)) and $((last + 1))-$((last + 2)) are computed without its holidays$"
check "calendar time needs no holidays" 0 "$SLA" time $C --package premium add "$((last + 2))-01-09T16:30:00+07:00" "8 hours"
[ -s "$tmp/err" ] && bad "a note for calendar time: $(cat "$tmp/err")" || ok
check "holidays needs a subcommand" 2 "$SLA" holidays
says "names them" "^sla holidays: missing the command \(import, list, show\) \(see 'sla holidays --help'\)$"

# --- the house rules of every command: errors name the subcommand, a full disk is one message
check "unknown flag" 2 "$SLA" calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-01-31 --fromat ics
says "house form" "^sla calendar export: unknown option '--fromat'; did you mean '--format'\? \(see 'sla calendar export --help'\)$"
check "missing argument" 2 "$SLA" holidays show
says "house form" "^sla holidays show: missing SET \(see 'sla holidays show --help'\)$"
if [ -w /dev/full ]; then
  for cmd in "holidays list" "holidays show std/holidays/id --year 2026" \
    "holidays import $F/all_day.ics --name a" \
    "calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-01-31" \
    "calendar export $C --calendar office_hours --from 2026-01-01 --to 2026-01-31 -o /dev/full" \
    "holidays import $F/all_day.ics --name a -o /dev/full"; do
    # shellcheck disable=SC2086
    "$SLA" $cmd >/dev/full 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] && [ "$(grep -c 'could not write\|cannot write' "$tmp/err")" -eq 1 ] && ok || { bad "sla $cmd >/dev/full: exit $rc"; cat "$tmp/err"; }
  done
fi

echo "holidays CLI: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/usr/bin/env bash
# Every command behaves the same way (docs/cli.md, "Conventions"): output files are
# never destroyed, '-' is standard input, times without an offset are read in the
# calendar's zone, argument errors read like every other error, one message for a
# full disk. Each rule is checked for every command it applies to.
# Usage: consistency_test.sh PATH/TO/sla   (run from the project root)
set -u
SLA=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
C=contracts/qiscus-enterprise.sla
T=contracts/samples/qiscus-tickets.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

printf 'id,service,start,end,category\nI1,Chat Service,2026-01-10T10:00:00+07:00,2026-01-10T11:00:00+07:00,outage\n' >"$tmp/inc.csv"
printf 'package p "P" {\n  respond to Low withn 4 business hours\n}\n' >"$tmp/broken.sla"
AT=2026-04-01T00:00:00+07:00

# Each command that reads a contract, as "name|arguments", CON standing for the contract.
commands=(
  "check|CON"
  "inspect|CON"
  "lint|CON"
  "fmt|--check CON"
  "test|CON"
  "render|CON"
  "quote|CON --package premium"
  "time|CON --package premium add 2026-01-09T16:30:00+07:00 4_business_hours"
  "explain|CON --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 --as-of $AT"
  "eval|CON --package premium --as-of $AT $T"
  "uptime|CON --package premium --month 2026-01 $tmp/inc.csv"
)
# run NAME ARGS CONTRACT [more arguments]: the command with CON replaced.
run() {
  local name=$1 args=$2 contract=$3
  shift 3
  local words=()
  for w in $args; do
    case $w in
      CON) words+=("$contract") ;;
      4_business_hours) words+=("4 business hours") ;;
      *) words+=("$w") ;;
    esac
  done
  "$SLA" "$name" "${words[@]}" "$@"
}

# --- 2. '-' reads standard input, for every command; diagnostics call it <stdin>
for entry in "${commands[@]}"; do
  name=${entry%%|*} args=${entry#*|}
  run "$name" "$args" "$C" >"$tmp/file.out" 2>/dev/null
  want=$?
  run "$name" "$args" - <"$C" >"$tmp/stdin.out" 2>"$tmp/stdin.err"
  rc=$?
  [ "$rc" -eq "$want" ] && [ "$want" -lt 2 ] && ok || { bad "$name -: exit $rc, from a file $want"; head -3 "$tmp/stdin.err"; }
  run "$name" "$args" - <"$tmp/broken.sla" >"$tmp/stdin.err" 2>&1  # lint reports on stdout
  rc=$?
  [ "$rc" -eq 1 ] && grep -q '^<stdin>:2:' "$tmp/stdin.err" && ok || { bad "$name - with errors: exit $rc, diagnostics not at <stdin>:2"; head -3 "$tmp/stdin.err"; }
done
# ... and a contract from standard input imports from the current folder
mkdir "$tmp/imports"
printf 'priorities { Low "l"; High "h" }\n' >"$tmp/imports/prio.sla"
printf 'import "prio.sla"\ncontract "T" { provider "P"; version "1"; effective 2026-01-01 }\n' >"$tmp/imports/main.sla"
(cd "$tmp/imports" && "$SLA" inspect - <main.sla >out 2>&1) && grep -q 'Low < High' "$tmp/imports/out" && ok || bad "a contract on stdin imports from the current folder"
# ... once: two inputs of one run cannot both be '-'
for cmdline in "check - -" "lint - -" "test - -" "fmt - -" \
  "eval - --package premium" "eval - --package premium -" \
  "uptime - --package premium --month 2026-01" \
  "explain - --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 --events -"; do
  # shellcheck disable=SC2086
  "$SLA" $cmdline <"$C" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ "$rc" -eq 2 ] && grep -q 'standard input can be read only once' "$tmp/err" && [ ! -s "$tmp/out" ] && ok || { bad "sla $cmdline: exit $rc"; head -3 "$tmp/err"; }
done
printf '{"at": "2026-01-09T17:00:00+07:00", "status": "waiting"}\n' >"$tmp/events.jsonl"
"$SLA" explain "$C" --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 --as-of $AT --events "$tmp/events.jsonl" >"$tmp/a" 2>&1
"$SLA" explain "$C" --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 --as-of $AT --events - <"$tmp/events.jsonl" >"$tmp/b" 2>&1
[ $? -eq 0 ] && cmp -s "$tmp/a" "$tmp/b" && ok || bad "explain --events - reads the events from standard input"

# --- 2. -o is --output wherever --output exists
for entry in "${commands[@]}"; do
  name=${entry%%|*}
  "$SLA" "$name" --help >"$tmp/help" 2>&1
  if grep -q -- '--output' "$tmp/help"; then
    grep -q -- '-o,--output' "$tmp/help" && ok || bad "$name has --output but no -o"
  fi
done

# --- 1. output files: written in one step, never destroyed, never an input
out_commands=(
  "eval|CON --package premium --as-of $AT TICKETS"
  "render|CON"
  "uptime|CON --package premium --month 2026-01 TICKETS"
)
for entry in "${out_commands[@]}"; do
  name=${entry%%|*} args=${entry#*|}
  inputs=$T
  [ "$name" = uptime ] && inputs=$tmp/inc.csv
  args=${args/TICKETS/$inputs}
  mkdir -p "$tmp/$name"
  cp "$C" "$tmp/$name/c.sla"
  cp "$inputs" "$tmp/$name/in.csv"
  a=${args/$inputs/$tmp/$name/in.csv}
  # success: the file is written, with the permissions a new file gets, no temporary left
  rm -f "$tmp/$name/new.out"
  run "$name" "$a" "$tmp/$name/c.sla" -o "$tmp/$name/new.out" >/dev/null 2>&1
  [ -s "$tmp/$name/new.out" ] && ok || bad "$name -o writes the file"
  [ "$(find "$tmp/$name" -name '.*sla-*' | wc -l)" -eq 0 ] && ok || bad "$name left a temporary file"
  # the output names an input: by its name, through ./, through a symbolic link
  ln -sf c.sla "$tmp/$name/link.sla"
  ln -sf in.csv "$tmp/$name/link.csv"
  for target in "$tmp/$name/c.sla" "$tmp/$name/./c.sla" "$tmp/$name/link.sla" \
    "$tmp/$name/in.csv" "$tmp/$name/link.csv"; do
    [ "$name" = render ] && [[ $target == *.csv ]] && continue
    run "$name" "$a" "$tmp/$name/c.sla" --output "$target" >/dev/null 2>"$tmp/err"
    rc=$?
    [ "$rc" -eq 2 ] && cmp -s "$tmp/$name/c.sla" "$C" && cmp -s "$tmp/$name/in.csv" "$inputs" &&
      grep -q "^sla $name: --output .*refusing to overwrite" "$tmp/err" && ok ||
      { bad "$name --output $target (an input): exit $rc"; head -2 "$tmp/err"; }
  done
  # a failed run leaves the existing output as it was
  cp "$C" "$tmp/$name/c.sla"
  cp "$inputs" "$tmp/$name/in.csv"
  echo "precious data" >"$tmp/$name/keep.out"
  case $name in
    eval | uptime) run "$name" "${a/$tmp\/$name\/in.csv/-}" "$tmp/$name/c.sla" --output "$tmp/$name/keep.out" </dev/null >/dev/null 2>&1 ;;
    render) run "$name" "$a" "$tmp/broken.sla" --output "$tmp/$name/keep.out" >/dev/null 2>&1 ;;
  esac
  rc=$?
  [ "$rc" -ne 0 ] && grep -q 'precious data' "$tmp/$name/keep.out" && ok || bad "$name: a failed run (exit $rc) destroyed the existing output"
  [ "$(find "$tmp/$name" -name '.*sla-*' | wc -l)" -eq 0 ] && ok || bad "$name left a temporary file after a failure"
  # a symbolic link stays a link, its target rewritten with its permissions
  echo old >"$tmp/$name/real.out"
  chmod 640 "$tmp/$name/real.out"
  ln -sf real.out "$tmp/$name/via.out"
  run "$name" "$a" "$tmp/$name/c.sla" -o "$tmp/$name/via.out" >/dev/null 2>&1
  [ -L "$tmp/$name/via.out" ] && [ "$(stat -c %a "$tmp/$name/real.out")" = 640 ] && ! grep -q '^old$' "$tmp/$name/real.out" && ok || bad "$name -o through a symbolic link"
  # -o - is standard output
  run "$name" "$a" "$tmp/$name/c.sla" -o - >"$tmp/$name/stdout" 2>/dev/null
  [ -s "$tmp/$name/stdout" ] && ok || bad "$name -o - writes to standard output"
done
# eval on an input with the wrong delimiter keeps the output too
echo "precious data" >"$tmp/keep.csv"
printf 'id;priority;created_at\nA;High;2026-01-05T10:00:00Z\n' >"$tmp/semi.csv"
"$SLA" eval "$C" --package premium --output "$tmp/keep.csv" "$tmp/semi.csv" >/dev/null 2>&1
[ $? -eq 2 ] && grep -q 'precious data' "$tmp/keep.csv" && ok || bad "eval on a ';' header destroyed its --output"

# --- 3. a time without an offset is read in the calendar's zone, in every instant flag
same() { # description command-with-offset... -- command-without-offset...
  local what=$1
  shift
  local left=() right=()
  while [ "$1" != -- ]; do left+=("$1"); shift; done
  shift
  right=("$@")
  "$SLA" "${left[@]}" >"$tmp/left" 2>&1
  local l=$?
  "$SLA" "${right[@]}" >"$tmp/right" 2>&1
  local r=$?
  [ "$l" -lt 2 ] && [ "$l" -eq "$r" ] && cmp -s "$tmp/left" "$tmp/right" && ok || { bad "$what: exit $l vs $r"; diff "$tmp/left" "$tmp/right" | head -4; }
}
P=(--package premium)
same "time add FROM" time "$C" "${P[@]}" add 2026-01-09T16:30:00+07:00 "4 business hours" -- time "$C" "${P[@]}" add 2026-01-09T16:30:00 "4 business hours"
same "time between FROM TO" time "$C" "${P[@]}" between 2026-01-09T16:30:00+07:00 2026-01-12T10:00:00+07:00 -- time "$C" "${P[@]}" between 2026-01-09T16:30:00 2026-01-12T10:00:00
same "time open AT" time "$C" "${P[@]}" open 2026-01-09T16:30:00+07:00 -- time "$C" "${P[@]}" open 2026-01-09T16:30:00
E=(explain "$C" "${P[@]}" --priority Normal)
same "explain --created --as-of" "${E[@]}" --created 2026-01-09T16:30:00+07:00 --as-of 2026-01-12T10:00:00+07:00 -- "${E[@]}" --created 2026-01-09T16:30:00 --as-of 2026-01-12T10:00:00
# (--as-of pinned: the story tells the as-of time, and "now" moves between the two runs)
same "explain --responded --resolved" "${E[@]}" --created 2026-01-09T16:30:00+07:00 --responded 2026-01-12T09:00:00+07:00 --resolved 2026-01-13T09:00:00+07:00 --as-of 2026-02-01T00:00:00+07:00 -- "${E[@]}" --created 2026-01-09T16:30:00 --responded 2026-01-12T09:00:00 --resolved 2026-01-13T09:00:00 --as-of 2026-02-01T00:00:00
same "eval --as-of" eval "$C" "${P[@]}" --as-of 2026-01-12T10:00:00+07:00 "$T" -- eval "$C" "${P[@]}" --as-of 2026-01-12T10:00:00 "$T"
same "uptime --as-of" uptime "$C" "${P[@]}" --month 2026-01 --as-of 2026-01-20T00:00:00+07:00 "$tmp/inc.csv" -- uptime "$C" "${P[@]}" --month 2026-01 --as-of 2026-01-20T00:00:00 "$tmp/inc.csv"
# an empty instant is a usage error, never "now"
for cmdline in "eval|$C --package premium $T --as-of" "explain|$C --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 --as-of" \
  "explain|$C --package premium --priority Normal --created" "explain|$C --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 --responded" \
  "uptime|$C --package premium --month 2026-01 $tmp/inc.csv --as-of" "time|$C --package premium open"; do
  name=${cmdline%%|*}
  # shellcheck disable=SC2086
  "$SLA" $name ${cmdline#*|} '' >"$tmp/out" 2>&1
  rc=$?
  [ "$rc" -eq 2 ] && grep -q "^sla $name: .*'': expected a date and time" "$tmp/out" && ok || { bad "sla $name ... '' (an empty instant): exit $rc"; head -2 "$tmp/out"; }
done

# --- 4. argument errors in the house form, for every command: "sla CMD: ...", one line, a hint to --help
house() { # description expected-pattern
  local lines
  lines=$(wc -l <"$tmp/err")
  [ "$rc" -eq 2 ] && [ "$lines" -eq 1 ] && grep -qE "$2" "$tmp/err" && grep -q "(see 'sla [a-z ]*--help')" "$tmp/err" &&
    ! grep -qiE 'not expected|Run with --help|is required|not in \{' "$tmp/err" && ok || { bad "$1: exit $rc"; cat "$tmp/err"; }
}
for entry in "${commands[@]}"; do
  name=${entry%%|*} args=${entry#*|}
  run "$name" "$args" "$C" --no-such-flag >/dev/null 2>"$tmp/err"; rc=$?
  house "$name unknown flag" "^sla $name: unknown option '--no-such-flag'"
  run "$name" "$args" "$C" --fromat text >/dev/null 2>"$tmp/err"; rc=$?
  house "$name misspelled flag" "^sla $name: unknown option '--fromat'; did you mean '--format'\?"
  run "$name" "$args" "$C" --format xml >/dev/null 2>"$tmp/err"; rc=$?
  house "$name bad choice" "^sla $name: --format 'xml': expected one of "
  run "$name" "$args" "$C" --format >/dev/null 2>"$tmp/err"; rc=$?
  house "$name missing value" "^sla $name: --format needs a value"
  "$SLA" "$name" >/dev/null 2>"$tmp/err"; rc=$?
  house "$name missing argument" "^sla $name: missing [A-Z]+"
  "$SLA" "$name" --help >"$tmp/help" 2>&1
  [ $? -eq 0 ] && grep -q '^Usage: sla '"$name" "$tmp/help" && ok || bad "$name --help"
done
for cmdline in "inspect $C extra" "render $C extra" "quote $C --package premium extra" \
  "time $C --package premium open 2026-01-09T16:30:00+07:00 extra" "explain $C --package premium --priority Normal --created 2026-01-09T16:30:00+07:00 extra" \
  "eval $C --package premium $T extra" "uptime $C --package premium --month 2026-01 $tmp/inc.csv extra"; do
  # shellcheck disable=SC2086
  "$SLA" $cmdline >/dev/null 2>"$tmp/err"; rc=$?
  house "sla $cmdline" "^sla ${cmdline%% *}: unexpected argument 'extra'"
done
"$SLA" time "$C" --package premium >/dev/null 2>"$tmp/err"; rc=$?
house "time without a query" "^sla time: missing the query \(add, sub, between, open\)"
"$SLA" --no-such-flag >/dev/null 2>"$tmp/err"; rc=$?
house "sla --no-such-flag" "^sla: unknown option '--no-such-flag'"

# --- 5. lint flags and SARIF
for code in SLA105 sla105; do
  "$SLA" lint "$C" --deny SLA105 --allow "$code" >/dev/null 2>"$tmp/err"; rc=$?
  [ "$rc" -eq 2 ] && grep -q 'SLA105 is given to both --allow and --deny' "$tmp/err" && ok || bad "lint --deny SLA105 --allow $code: exit $rc"
done
for flag in --allow --deny; do
  "$SLA" lint "$C" "$flag" SLA021 >/dev/null 2>"$tmp/err"; rc=$?
  [ "$rc" -eq 2 ] && grep -q 'SLA021 (unknown name) is an error' "$tmp/err" && ok || bad "lint $flag SLA021: exit $rc"
done
grep -q 'errors cannot be silenced' "$tmp/err" || "$SLA" lint "$C" --allow SLA021 2>&1 | grep -q 'errors cannot be silenced' && ok || bad "lint --allow SLA021 says errors cannot be silenced"
"$SLA" lint "$C" --format sarif >"$tmp/sarif" 2>/dev/null
python3 - "$tmp/sarif" "$("$SLA" --version)" <<'PY' && ok || bad "SARIF: tool version and absolute help URIs"
import json, re, sys
driver = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]
version = re.match(r"sla (\S+)", sys.argv[2]).group(1)
assert driver["version"] == version and driver["semanticVersion"] == version, driver.get("version")
for rule in driver["rules"]:
    uri = rule["helpUri"]
    assert re.fullmatch(r"https://[^ ]+/docs/lint\.md#" + rule["id"].lower(), uri), uri
PY

# --- 6. output that cannot be written: exit 2 and one message
if [ -w /dev/full ]; then
  for entry in "${commands[@]}"; do
    name=${entry%%|*} args=${entry#*|}
    run "$name" "$args" "$C" >/dev/full 2>"$tmp/err"; rc=$?
    n=$(grep -c 'could not write\|cannot write' "$tmp/err")
    [ "$rc" -eq 2 ] && [ "$n" -eq 1 ] && ok || { bad "$name >/dev/full: exit $rc, $n messages"; cat "$tmp/err"; }
  done
  for entry in "${out_commands[@]}"; do
    name=${entry%%|*} args=${entry#*|}
    inputs=$T
    [ "$name" = uptime ] && inputs=$tmp/inc.csv
    run "$name" "${args/TICKETS/$inputs}" "$C" -o /dev/full >/dev/null 2>"$tmp/err"; rc=$?
    n=$(grep -c 'could not write\|cannot write' "$tmp/err")
    [ "$rc" -eq 2 ] && [ "$n" -eq 1 ] && [ -c /dev/full ] && ok || { bad "$name -o /dev/full: exit $rc, $n messages"; cat "$tmp/err"; }
  done
fi

# --- 7. --version: version, commit, tz database
"$SLA" --version >"$tmp/out" 2>&1
grep -qE '^sla [0-9]+\.[0-9]+\.[0-9]+ \(commit [^ ,]+, tz database ([0-9]{4}[a-z]+|unknown)\)$' "$tmp/out" && ok || { bad "--version: $(cat "$tmp/out")"; }
[ -r /usr/share/zoneinfo/tzdata.zi ] && ! grep -q 'tz database unknown' "$tmp/out" || [ ! -r /usr/share/zoneinfo/tzdata.zi ] && ok || bad "--version: the tz database is installed but its version is unknown"

# --- 8. an output is never an input that comes in on standard input or through an import
cp "$T" "$tmp/in.csv"; cp "$C" "$tmp/in.sla"
"$SLA" eval "$C" --package premium --as-of $AT -o "$tmp/in.csv" <"$tmp/in.csv" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && cmp -s "$T" "$tmp/in.csv" && ok || { bad "stdin-output: eval -o the tickets on stdin: exit $rc"; cat "$tmp/err"; }
"$SLA" render - -o "$tmp/in.sla" <"$tmp/in.sla" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && cmp -s "$C" "$tmp/in.sla" && ok || { bad "stdin-output: render - -o the contract on stdin: exit $rc"; cat "$tmp/err"; }
mkdir "$tmp/imp"
printf 'calendar office "Office" {\n  zone "UTC"\n  open Mon-Fri 09:00-17:00\n}\n' >"$tmp/imp/shared.sla"
printf 'import "shared.sla"\n\npriorities {\n  Low "Low"\n  High "High"\n}\n\npackage std "Standard" {\n  calendar office\n  respond to all within 4 hours\n}\n' >"$tmp/imp/main.sla"
printf 'id,priority,created_at\nA,High,2026-01-05T10:00:00Z\n' >"$tmp/imp/t.csv"
cp "$tmp/imp/shared.sla" "$tmp/imp/shared.orig"
for cmd in "eval $tmp/imp/main.sla --package std --as-of $AT $tmp/imp/t.csv" "render $tmp/imp/main.sla" \
  "uptime $tmp/imp/main.sla --package std --month 2026-01 $tmp/inc.csv" "render -"; do
  # shellcheck disable=SC2086
  (cd "$tmp/imp" && "$SLA" $cmd -o "$tmp/imp/shared.sla" <"$tmp/imp/main.sla" >/dev/null 2>"$tmp/err"); rc=$?
  [ "$rc" -eq 2 ] && cmp -s "$tmp/imp/shared.sla" "$tmp/imp/shared.orig" && grep -q 'a file the contract imports' "$tmp/err" && ok ||
    { bad "import-output: $cmd -o an imported file: exit $rc"; cat "$tmp/err"; }
done

# --- 9. an interrupted run leaves no temporary file beside its output
python3 -c 'import sys
w = sys.stdout.write
w("id,priority,created_at\n")
for i in range(1500000): w("T%d,High,2026-01-05T10:00:00+07:00\n" % i)' >"$tmp/big.csv"
mkdir "$tmp/sig"
"$SLA" eval "$C" --package premium --as-of $AT --threads 1 "$tmp/big.csv" -o "$tmp/sig/out.csv" 2>/dev/null &
pid=$!
for _ in $(seq 500); do ls -A "$tmp/sig" | grep -q '^\.out\.csv\.sla-' && break; sleep 0.01; done
seen=$(ls -A "$tmp/sig" | grep -c '^\.out\.csv\.sla-')
kill -TERM "$pid"; wait "$pid"; rc=$?
left=$(ls -A "$tmp/sig" | wc -l)
[ "$seen" -eq 1 ] && [ "$rc" -eq 143 ] && [ "$left" -eq 0 ] && ok || bad "signal-temporary: SIGTERM: saw $seen temporary, exit $rc, $left files left"

# --- 10. a closed pipe and help that cannot be written: one message, exit 2
"$SLA" eval "$C" --package premium --as-of $AT "$tmp/big.csv" 2>"$tmp/err" | head -1 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" -eq 2 ] && [ "$(grep -c 'could not write' "$tmp/err")" -eq 1 ] && ok || { bad "closed-pipe: eval | head -1: exit $rc"; cat "$tmp/err"; }
if [ -c /dev/full ]; then
  for args in "--help" "--version" "eval --help" "render --help"; do
    # shellcheck disable=SC2086
    "$SLA" $args >/dev/full 2>"$tmp/err"; rc=$?
    [ "$rc" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q 'could not write' "$tmp/err" && ok || { bad "help-full: sla $args >/dev/full: exit $rc"; cat "$tmp/err"; }
  done
fi

# --- 11. JSON Lines on standard input (or under a name that says nothing) is read as JSON Lines
J='{"id":"J","priority":"High","created_at":"2026-01-05T10:00:00+07:00"}'
printf '\n%s\n' "$J" | "$SLA" eval "$C" --package premium --as-of $AT >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && grep -q '^J,High,' "$tmp/out" && ok || { bad "sniff-jsonl: eval stdin: exit $rc"; cat "$tmp/err"; }
printf '%s\n' "$J" >"$tmp/tickets.txt"
"$SLA" eval "$C" --package premium --as-of $AT "$tmp/tickets.txt" >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && grep -q '^J,High,' "$tmp/out" && ok || { bad "sniff-jsonl: eval tickets.txt: exit $rc"; cat "$tmp/err"; }
printf '{"id":"I1","service":"Chat Service","start":"2026-01-10T10:00:00+07:00","end":"2026-01-10T11:00:00+07:00","category":"outage"}\n' |
  "$SLA" uptime "$C" --package premium --month 2026-01 >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && ok || { bad "sniff-jsonl: uptime stdin: exit $rc"; cat "$tmp/err"; }

# --- 12. "did you mean" for packages, add-ons and calendars, in every command that selects
sel=(
  "eval|CON --package premum --as-of $AT $T"
  "inspect|CON --package premum"
  "render|CON --package premum"
  "quote|CON --package premum"
  "uptime|CON --package premum --month 2026-01 $tmp/inc.csv"
  "explain|CON --package premum --priority Normal --created 2026-01-09T16:30:00+07:00 --as-of $AT"
  "time|CON --package premum add 2026-01-09T16:30:00+07:00 4_business_hours"
)
for entry in "${sel[@]}"; do
  name=${entry%%|*} args=${entry#*|}
  run "$name" "$args" "$C" >/dev/null 2>"$tmp/err"; rc=$?
  [ "$rc" -eq 2 ] && grep -q "^sla $name: unknown package 'premum'; did you mean 'premium'? (packages: basic, premium)" "$tmp/err" && ok ||
    { bad "suggest-package: $name: exit $rc"; cat "$tmp/err"; }
  case $name in render | time) continue ;; esac # no --addon
  run "$name" "${args/premum/premium} --addon resolutoin" "$C" >/dev/null 2>"$tmp/err"; rc=$?
  [ "$rc" -eq 2 ] && grep -q "unknown add-on 'resolutoin'; did you mean" "$tmp/err" && ok ||
    { bad "suggest-addon: $name: exit $rc"; cat "$tmp/err"; }
done
"$SLA" time "$C" --calendar ofice_hours open 2026-01-09T16:30:00+07:00 2>"$tmp/err" >/dev/null; rc=$?
[ "$rc" -eq 2 ] && grep -q "unknown calendar 'ofice_hours'; did you mean 'office_hours'? (calendars: .*office_hours" "$tmp/err" && ok || { bad "suggest-calendar: exit $rc"; cat "$tmp/err"; }

# --- 13. a flag given twice, in the house form
"$SLA" eval "$C" --package premium --package basic "$T" 2>"$tmp/err" >/dev/null; rc=$?
[ "$rc" -eq 2 ] && [ "$(cat "$tmp/err")" = "sla eval: --package is given twice; give it once (see 'sla eval --help')" ] && ok || { bad "flag-twice: exit $rc"; cat "$tmp/err"; }

# --- 14. the output format by extension ignores case
"$SLA" render "$C" -o "$tmp/x.HTML" 2>"$tmp/err"; rc=$?
[ "$rc" -eq 0 ] && head -c 200 "$tmp/x.HTML" | grep -qi '<!doctype html' && ok || { bad "html-case: render -o x.HTML: exit $rc"; head -2 "$tmp/x.HTML"; }

# --- 15. wording: one contract, no packages, help examples that run, hints to --help
printf 'priorities {\n  Low "Low"\n}\n' >"$tmp/one.sla"
"$SLA" test "$tmp/one.sla" 2>"$tmp/err" >/dev/null
grep -q 'the contract contains no example blocks' "$tmp/err" && ok || { bad "wording: test one contract"; cat "$tmp/err"; }
"$SLA" quote "$tmp/one.sla" --package p 2>"$tmp/err" >/dev/null
grep -q 'the contract defines no packages' "$tmp/err" && ! grep -q 'none' "$tmp/err" && ok || { bad "wording: quote no packages"; cat "$tmp/err"; }
"$SLA" uptime --help | grep -q ' incidents\.\(csv\|jsonl\)$' && bad "wording: uptime help names incidents files that do not exist" || ok
"$SLA" --help | grep 'sla eval ' | grep -q -- '--as-of' && ok || bad "wording: sla --help eval example has no --as-of"
hints=(
  "eval|CON --package premium --as-of x $T"
  "eval|CON --package gold --as-of $AT $T"
  "test|CON --filter ("
  "inspect|CON --addon resolution"
  "eval|- --package premium -"
)
for entry in "${hints[@]}"; do
  name=${entry%%|*} args=${entry#*|}
  run "$name" "$args" "$C" </dev/null >/dev/null 2>"$tmp/err"; rc=$?
  [ "$rc" -eq 2 ] && grep -q "(see 'sla $name --help')$" "$tmp/err" && ok || { bad "help-hint: $name $args: exit $rc"; cat "$tmp/err"; }
done

# --- 16. a time past the supported years names the flag and where it lands in UTC
"$SLA" eval "$C" --package premium --as-of 2398-12-31T23:00:00-05:00 "$T" 2>"$tmp/err" >/dev/null; rc=$?
[ "$rc" -eq 2 ] && grep -q "^sla eval: --as-of '2398-12-31T23:00:00-05:00': it is 2399-01-01T04:00:00Z, after the last supported year (2398, in UTC)" "$tmp/err" && ok || { bad "time-range: exit $rc"; cat "$tmp/err"; }

# ---- 17. uptime's default as-of is now, as eval's: a future month is not "met"
"$SLA" uptime "$C" --package premium --month 2398-01 contracts/samples/qiscus-incidents.csv \
  >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && grep -q 'not_started' "$tmp/out" && ! grep -q ': met' "$tmp/out" && ok ||
  { bad "uptime future month: exit $rc"; head -3 "$tmp/out"; }

# ---- 18. ids from the input reach a terminal escaped (uptime's report and its row errors)
printf 'id,service,start,end,category\n"X\033]0;pwn\007\nY",Chat Service,2026-01-10T10:00:00+07:00,2026-01-10T11:00:00+07:00,outage\nB\033[31m,Nope,2026-01-10T10:00:00+07:00,2026-01-10T11:00:00+07:00,outage\n' >"$tmp/esc.csv"
"$SLA" uptime "$C" --package premium --month 2026-01 "$tmp/esc.csv" >"$tmp/out" 2>&1
if grep -q "$(printf '\033')" "$tmp/out"; then bad "uptime text: an escape byte reached the terminal"; else ok; fi
grep -qF 'X\u{1B}]0;pwn\u{7}\u{A}Y' "$tmp/out" && grep -qF 'incident B\u{1B}[31m' "$tmp/out" && ok ||
  { bad "uptime text: ids not shown escaped"; cat "$tmp/out"; }

echo "consistency: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

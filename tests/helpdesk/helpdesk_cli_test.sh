#!/usr/bin/env bash
# sla eval --desk as a user runs it: each desk's fixture evaluates without error
# rows, error rows name the mapping to add, and bad flags and maps are usage errors.
# Usage: helpdesk_cli_test.sh PATH/TO/sla   (run from the project root)
set -u
SLA=$1
C=contracts/qiscus-enterprise.sla
D=tests/helpdesk
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
rows() { # description expected-count
  local n
  n=$(grep -c . "$tmp/out")
  if [ "$n" -eq "$2" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "FAIL $1: $n lines, expected $2"; fi
}
eval_desk() { "$SLA" eval "$C" --package premium --as-of 2030-01-01T00:00:00+07:00 "$@"; }

# Each desk's export with its map, and with the desk's default map.
for desk in zendesk jira zammad freshdesk; do
  export_file=$(ls $D/$desk/export.* | head -1)
  check "$desk export" 0 eval_desk --desk $desk --map $D/$desk/map.ini --format jsonl "$export_file"
  rows "$desk export: one row per ticket" "$(case $desk in zammad) echo 5 ;; *) echo 6 ;; esac)"
  contains "$desk export: no error" '"error":null'
done
check "jira REST JSON" 0 eval_desk --desk jira --map $D/jira/map.ini --format jsonl $D/jira/rest.json
rows "jira REST JSON: five issues" 5
check "zendesk default map" 0 eval_desk --desk zendesk $D/zendesk/export.json
contains "zendesk: a Critical answered in 25 minutes is met" '^1001,Critical,2026-01-12T10:15:00\+07:00,2026-01-12T09:40:00\+07:00,met'
contains "zendesk: a reopened ticket is resolved at its last solve" '^1005,Low,.*,2026-03-05T12:00:00\+07:00,no_target'
check "freshdesk from standard input" 0 eval_desk --desk freshdesk --map $D/freshdesk/map.ini - <$D/freshdesk/export.csv
rows "freshdesk from standard input" 7

# Error rows: deleted tickets and values the map lacks come back in place (exit 1).
check "zendesk deleted and unknown" 1 eval_desk --desk zendesk --map $D/zendesk/map.ini $D/zendesk/deleted-and-unknown.json
rows "zendesk deleted and unknown: every ticket once (and the count on stderr)" 7
contains "deleted row" '^2001,.*deleted in zendesk'
contains "unknown priority names the mapping" "unknown zendesk priority 'emergency': add it under \[priority\] in tests/helpdesk/zendesk/map.ini \(emergency = <one of Low, Normal, High, Critical>\)"
contains "the run says how many" 'sla eval: 4 of 5 rows have errors'

# Usage errors (exit 2).
check "--map without --desk" 2 eval_desk --map $D/zendesk/map.ini $D/zendesk/export.json
contains "--map needs --desk" 'map.*requires --desk|--map needs --desk'
check "unknown --desk" 2 eval_desk --desk servicenow $D/zendesk/export.json
contains "unknown desk names the known ones" 'zendesk'
check "--desk with --input-format" 2 eval_desk --desk zendesk --input-format csv $D/zendesk/export.json
printf '[priority]\nurgent = Critical\n[statuses]\nnew = open\n' >"$tmp/bad.ini"
check "bad map" 2 eval_desk --desk zendesk --map "$tmp/bad.ini" $D/zendesk/export.json
contains "bad map: file and line" 'bad.ini:3: unknown section \[statuses\]'
check "missing map" 2 eval_desk --desk zendesk --map "$tmp/none.ini" $D/zendesk/export.json
contains "missing map named" "none.ini"
check "not the desk's export" 2 eval_desk --desk zendesk contracts/samples/qiscus-tickets.csv
contains "not the desk's export says what was expected" 'incremental ticket export'
check "freshdesk header" 2 eval_desk --desk freshdesk $D/jira/export.csv
contains "freshdesk header names the missing columns" 'no column Ticket ID'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

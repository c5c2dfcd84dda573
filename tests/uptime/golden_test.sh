#!/usr/bin/env bash
# `sla uptime` and `sla quote` on the Qiscus contract (and `sla uptime` on the
# quarterly sample of contracts/samples/), compared with the files in
# tests/uptime/golden/: standard output, then standard error and the exit code.
# SLA_UPDATE_GOLDEN=1 rewrites them for review instead.
set -u
SLA=$1
C=contracts/qiscus-enterprise.sla
dir=tests/uptime/golden
pass=0 fail=0
while read -r name args; do
  [ -z "$name" ] && continue
  out=$(mktemp)
  # shellcheck disable=SC2086
  NO_COLOR=1 "$SLA" $args >"$out" 2>"$out.err"
  rc=$?
  { printf -- '--- stderr\n'; cat "$out.err"; printf -- '--- exit %d\n' "$rc"; } >>"$out"
  if [ -n "${SLA_UPDATE_GOLDEN:-}" ]; then cp "$out" "$dir/$name.expected"; pass=$((pass + 1))
  elif diff -u "$dir/$name.expected" "$out"; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL $name"; fi
  rm -f "$out" "$out.err"
done <<LIST
uptime_premium_text uptime $C --package premium --month 2026-01..2026-03 $dir/incidents.csv
uptime_premium_json uptime $C --package premium --month 2026-01,2026-02 --format json $dir/incidents.csv
uptime_premium_csv uptime $C --package premium --month 2024-12..2026-03 --format csv $dir/incidents.csv
uptime_premium_as_of uptime $C --package premium --month 2026-03,2026-04 --as-of 2026-03-31T12:00:00+07:00 $dir/incidents.csv
uptime_basic_text uptime $C --package basic --month 2026-02 $dir/incidents.csv
uptime_jsonl uptime $C --package premium --addon dedicated_24x7 --month 2026-01 --format json $dir/incidents.jsonl
uptime_bad_rows uptime $C --package premium --month 2026-01 $dir/bad.csv
uptime_quarterly_text uptime contracts/samples/quarterly-uptime.sla --package hosting --month 2026-02..2026-04 --as-of 2026-05-01T00:00:00+02:00 contracts/samples/quarterly-incidents.csv
uptime_quarterly_json uptime contracts/samples/quarterly-uptime.sla --package hosting --month 2026-03..2026-04 --as-of 2026-05-01T00:00:00+02:00 --format json contracts/samples/quarterly-incidents.csv
quote_premium_24x7_resolution quote $C --package premium --addon dedicated_24x7 --addon resolution
quote_json quote $C --package premium --addon resolution --format json
quote_forbidden quote $C --package premium --addon dedicated_8x7,dedicated_24x7
quote_basic_requires quote $C --package basic --addon resolution
LIST
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

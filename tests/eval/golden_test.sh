#!/usr/bin/env bash
# `sla eval` on tests/eval/golden/tickets.csv under every package and add-on
# combination of the Qiscus contract, compared with the .expected.csv files.
# SLA_UPDATE_GOLDEN=1 rewrites them for review instead.
set -u
SLA=$1
dir=tests/eval/golden
pass=0 fail=0
while read -r name selection; do
  [ -z "$name" ] && continue
  out=$(mktemp)
  # shellcheck disable=SC2086
  "$SLA" eval contracts/qiscus-enterprise.sla $selection --as-of 2026-04-01T00:00:00+07:00 \
    --threads 2 "$dir/tickets.csv" >"$out" 2>/dev/null
  if [ -n "${SLA_UPDATE_GOLDEN:-}" ]; then cp "$out" "$dir/$name.expected.csv"; pass=$((pass + 1))
  elif diff -u "$dir/$name.expected.csv" "$out"; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL $name"; fi
  # The same in one thread: byte for byte.
  "$SLA" eval contracts/qiscus-enterprise.sla $selection --as-of 2026-04-01T00:00:00+07:00 \
    --threads 1 "$dir/tickets.csv" 2>/dev/null | cmp -s - "$out" && pass=$((pass + 1)) \
    || { fail=$((fail + 1)); echo "FAIL $name: one thread differs from two"; }
  rm -f "$out"
done <<'LIST'
basic --package basic
premium --package premium
premium_8x7 --package premium --addon dedicated_8x7
premium_24x7 --package premium --addon dedicated_24x7
premium_resolution --package premium --addon resolution
premium_8x7_resolution --package premium --addon dedicated_8x7 --addon resolution
premium_24x7_resolution --package premium --addon dedicated_24x7 --addon resolution
LIST
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/usr/bin/env bash
# Wall time and peak memory of `sla eval` on N generated tickets (default 1,000,000
# and 10,000,000), CSV in and CSV out, on the Qiscus premium package.
# Run from the project root after building: bash bench/eval_bench.sh [N...]
set -euo pipefail
bin=${BIN:-build/bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in "${@:-1000000 10000000}"; do
  for count in $n; do
    "$bin/ticket_generator" "$count" >"$tmp/tickets.csv"
    for threads in 1 2; do
      /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin/sla" eval contracts/qiscus-enterprise.sla \
        --package premium --as-of 2027-01-01T00:00:00+07:00 --threads "$threads" \
        --output "$tmp/out.csv" "$tmp/tickets.csv"
      read -r seconds kib <"$tmp/time"
      rows=$(($(wc -l <"$tmp/out.csv") - 1))
      printf '%10d tickets, %d thread(s): %6.2f s wall, %7.1f MB peak, %d rows out\n' \
        "$count" "$threads" "$seconds" "$(echo "$kib / 1024" | bc -l)" "$rows"
    done
  done
done

#!/usr/bin/env bash
# Wall time and peak memory of `sla eval` on N generated tickets (default 1,000,000
# and 10,000,000), CSV in and CSV out, with one and two threads, on two contracts:
#   - the Qiscus premium package (contracts/qiscus-enterprise.sla), on
#     `ticket_generator N`;
#   - bench/beyond.sla (issue 14: per-target calendars, attributes, update and
#     restoration targets, relative deadlines, a union calendar, per-priority
#     escalation), on `ticket_generator --beyond N` (columns channel, type,
#     restored_at, updates as well). Its lines also give rows per second.
# Target for both: 1,000,000 tickets in under 1 s with two threads, under 64 MB peak.
# Run from the project root after building: bash bench/eval_bench.sh [N...]
# BIN=dir picks the build (default build/bin); BENCH=qiscus or BENCH=beyond runs one.
set -euo pipefail
bin=${BIN:-build/bin}
which=${BENCH:-qiscus beyond}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
as_of=2027-01-01T00:00:00+07:00

# run LABEL COUNT THREADS CONTRACT PACKAGE: one timed `sla eval`, then its line.
run() {
  local label=$1 count=$2 threads=$3 contract=$4 package=$5 status=0
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin/sla" eval "$contract" \
    --package "$package" --as-of "$as_of" --threads "$threads" \
    --output "$tmp/out.csv" "$tmp/tickets.csv" || status=$?
  if [ "$status" -ne 0 ]; then  # 1: some rows have errors; the file is still written
    echo "sla eval exited $status on $contract ($count tickets)" >&2
    [ "$status" -eq 1 ] || exit "$status"
  fi
  read -r seconds kib < <(tail -n 1 "$tmp/time")
  rows=$(($(wc -l <"$tmp/out.csv") - 1))
  if [ "$label" = qiscus ]; then  # the original line, unchanged
    printf '%10d tickets, %d thread(s): %6.2f s wall, %7.1f MB peak, %d rows out\n' \
      "$count" "$threads" "$seconds" "$(echo "$kib / 1024" | bc -l)" "$rows"
  else
    printf '%10d tickets, %d thread(s): %6.2f s wall, %7.1f MB peak, %d rows out, %9.0f rows/s [%s]\n' \
      "$count" "$threads" "$seconds" "$(echo "$kib / 1024" | bc -l)" "$rows" \
      "$(echo "if ($seconds > 0) $rows / $seconds else 0" | bc -l)" "$label"
  fi
}

for n in "${@:-1000000 10000000}"; do
  for count in $n; do
    if [[ " $which " == *" qiscus "* ]]; then
      "$bin/ticket_generator" "$count" >"$tmp/tickets.csv"
      for threads in 1 2; do
        run qiscus "$count" "$threads" contracts/qiscus-enterprise.sla premium
      done
    fi
    if [[ " $which " == *" beyond "* ]]; then
      "$bin/ticket_generator" --beyond "$count" >"$tmp/tickets.csv"
      for threads in 1 2; do
        run beyond.sla "$count" "$threads" bench/beyond.sla beyond
      done
    fi
  done
done

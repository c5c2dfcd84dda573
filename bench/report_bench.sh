#!/usr/bin/env bash
# Wall time and peak memory of `sla report` over N generated tickets (default
# 1,000,000 and 10,000,000) created through 2026, reported for the whole year as of
# 2027-01-01, as JSON, on two contracts:
#   - the Qiscus premium package with the resolution add-on, on `ticket_generator N`;
#   - bench/beyond.sla (attributes, update and restoration targets, relative
#     deadlines), on `ticket_generator --beyond N`.
# Target (issue 19): 10,000,000 tickets in under 10 s, under 256 MB peak.
# Run from the project root after building: bash bench/report_bench.sh [N...]
# BIN=dir picks the build (default build/bin); BENCH=qiscus or BENCH=beyond runs one.
set -euo pipefail
bin=${BIN:-build/bin}
which=${BENCH:-qiscus beyond}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run LABEL COUNT CONTRACT PACKAGE [ADDON...]: one timed `sla report`, then its line.
run() {
  local label=$1 count=$2 contract=$3 package=$4 status=0
  shift 4
  local addons=()
  for a in "$@"; do addons+=(--addon "$a"); done
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin/sla" report "$contract" --package "$package" \
    "${addons[@]}" --from 2026-01-01 --to 2026-12-31 --as-of 2027-01-01T00:00:00+07:00 \
    --format json --output "$tmp/report.json" "$tmp/tickets.csv" || status=$?
  [ "$status" -le 1 ] || exit "$status"  # 1: some rows have errors, counted in the report
  read -r seconds kib < <(tail -n 1 "$tmp/time")
  groups=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["groups"]), sum(g["tickets"] for g in d["groups"] if g["target"] == "response"), d["errors"])' "$tmp/report.json")
  read -r n_groups responded errors <<<"$groups"
  printf '%10d tickets: %6.2f s wall, %7.1f MB peak, %9.0f tickets/s, %d groups, %d response targets, %d errors [%s]\n' \
    "$count" "$seconds" "$(echo "$kib / 1024" | bc -l)" \
    "$(echo "if ($seconds > 0) $count / $seconds else 0" | bc -l)" "$n_groups" "$responded" \
    "$errors" "$label"
}

for count in ${@:-1000000 10000000}; do
  if [[ " $which " == *" qiscus "* ]]; then
    "$bin/ticket_generator" "$count" >"$tmp/tickets.csv"
    run qiscus "$count" contracts/qiscus-enterprise.sla premium resolution
  fi
  if [[ " $which " == *" beyond "* ]]; then
    "$bin/ticket_generator" --beyond "$count" >"$tmp/tickets.csv"
    run beyond.sla "$count" bench/beyond.sla beyond
  fi
done

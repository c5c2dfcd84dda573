#!/usr/bin/env bash
# Runs the built examples on the Qiscus contract and its sample tickets, and
# checks what they print. Used by tests/install (CI) against an installed tree.
#
#   examples/run.sh PREFIX EXAMPLES_BUILD_DIR
set -uo pipefail
prefix=${1:?usage: examples/run.sh PREFIX EXAMPLES_BUILD_DIR}
bin=${2:?usage: examples/run.sh PREFIX EXAMPLES_BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
contract=$here/../contracts/qiscus-enterprise.sla
tickets=$here/../contracts/samples/qiscus-tickets.csv
as_of=2026-01-16T00:00:00+07:00
library=$(find "$prefix" -name 'libsla.so*' | head -1)
export LD_LIBRARY_PATH=$(dirname "$library")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# expect NAME EXPECTED_STATUS PATTERN... -- COMMAND...: runs it, checks its exit
# status and that each pattern is a line of its output.
expect() {
  local name=$1 want=$2
  shift 2
  local patterns=()
  while [ "$1" != "--" ]; do patterns+=("$1"); shift; done
  shift
  "$@" >"$out" 2>&1
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; sed 's/^/  /' "$out"; failed=1; return
  fi
  for p in "${patterns[@]}"; do
    if ! grep -qxF -- "$p" "$out"; then
      echo "FAIL $name: no line '$p' in:"; sed 's/^/  /' "$out"; failed=1; return
    fi
  done
  echo "ok   $name"
}

if [ -x "$bin/csv_evaluator" ]; then
  expect "C++ csv_evaluator" 1 \
    "QS-1002,Critical,breached,2026-01-12T09:30:00+07:00,breached,2026-01-10T00:30:00+07:00" \
    "$tickets:9: QS-1008: unknown priority" -- \
    "$bin/csv_evaluator" "$contract" premium "$tickets" "$as_of"
fi
if [ -x "$bin/evaluate_c" ]; then
  expect "C evaluate_c" 1 \
    "QS-1002 Critical: response breached (due 2026-01-12T09:30:00+07:00), resolution breached, escalated to Technical Support" \
    "$tickets:9: QS-1008: unknown priority" -- \
    "$bin/evaluate_c" "$contract" premium "$tickets" "$as_of"
fi
# The Python package, installed under the prefix by cmake --install when the build
# made it (SLA_PYTHON: pybind11 and the Python headers were found).
if [ -z "$(find "$prefix" -path '*/sla/__init__.py' | head -1)" ]; then
  echo "skip Python evaluate.py: no Python package installed in $prefix"
  exit $failed
fi
expect "Python evaluate.py" 0 \
  "QS-1001 Normal   response met      due 2026-01-12T12:30:00+07:00 resolution no_target" \
  "QS-1008: cannot be judged: unknown priority 'Urgent' (known: Low, Normal, High, Critical)" \
  "a misspelt package is refused: unknown package 'premum'; did you mean 'premium'? (packages: basic, premium)" -- \
  env SLA_PREFIX="$prefix" python3 "$here/evaluate.py" "$contract" premium "$tickets" "$as_of"
# Times without an offset are local to the contract's calendar, as the CLI reads
# them; optional columns may be missing.
local_tickets=$(mktemp)
trap 'rm -f "$out" "$local_tickets"' EXIT
printf 'id,priority,created_at\nL-1,Normal,2026-01-09 16:30:00\nL-2,Normal,not a time\n' >"$local_tickets"
expect "Python evaluate.py, local times" 0 \
  "L-1 Normal   response pending  due 2026-01-12T12:30:00+07:00 resolution no_target" \
  "L-2: cannot be judged: created: 'not a time': expected an RFC 3339 timestamp such as 2026-01-09T16:30:00+07:00" -- \
  env SLA_PREFIX="$prefix" python3 "$here/evaluate.py" "$contract" premium "$local_tickets" 2026-01-10T00:00:00
exit $failed

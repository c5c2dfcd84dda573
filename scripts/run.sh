#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, then check and
# inspect the bundled contract.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh
contract=contracts/qiscus-enterprise.sla
echo "==> build/bin/sla check $contract"
build/bin/sla check "$contract"
echo "==> build/bin/sla inspect $contract"
build/bin/sla inspect "$contract"
tickets=contracts/samples/qiscus-tickets.csv
echo "==> build/bin/sla eval $contract --package premium --as-of 2026-04-01T00:00:00+07:00 --format table $tickets"
# Exit 1 is expected: the sample has one row with an unknown priority, reported in place.
build/bin/sla eval "$contract" --package premium --as-of 2026-04-01T00:00:00+07:00 --format table "$tickets" || [ $? -eq 1 ]

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

#!/usr/bin/env bash
# The Python package as a user installs it: a fresh virtual environment made by
# Debian's python3 (--system-site-packages: numpy, pandas and pytest come from
# Debian), `pip install --no-build-isolation --no-index .` of the source tree (no
# download; setup.py builds sla._native with CMake in build-python/), then pytest
# run from a folder outside the tree, so that `import sla` finds the installed
# package only.
#   tests/python/python_test.sh [SOURCE_DIR] [PYTEST_ARGS...]
# Environment: SLA_PYTHON (default /usr/bin/python3), SLA_PY_BATCH_SECONDS (the
#   limit for a million tickets, default 1), SLA_PY_LEAK_CALLS (default 1,000,000).
set -euo pipefail
src=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
[ $# -gt 0 ] && shift
py=${SLA_PYTHON:-/usr/bin/python3}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" -m venv --system-site-packages "$tmp/venv"
started=$SECONDS
if ! (cd "$src" && "$tmp/venv/bin/pip" install --no-build-isolation --no-index .) >"$tmp/pip.log" 2>&1; then
  echo "FAILED: pip install --no-build-isolation --no-index . (from $src):"
  tail -n 60 "$tmp/pip.log" | sed 's/^/  | /'
  exit 1
fi
echo "ok: pip install --no-build-isolation --no-index . in $((SECONDS - started))s"
"$tmp/venv/bin/python" -c "import sla, sys; assert sla.__file__.startswith('$tmp'), sla.__file__"

cd "$tmp"
SLA_SOURCE_DIR=$src "$tmp/venv/bin/python" -m pytest -q -p no:cacheprovider \
  --durations=5 "$src/tests/python" "$@"

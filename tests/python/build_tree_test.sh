#!/usr/bin/env bash
# pytest over tests/python against the module in the build tree (PYTHONPATH set by
# ctest), from a scratch folder. Exit 77 (skipped) when the interpreter lacks pytest
# or numpy (scripts/setup.sh installs Debian's).
#   build_tree_test.sh PYTHON TESTS_DIR
set -euo pipefail
py=$1
tests=$2
if ! "$py" -c "import pytest, numpy" 2>/dev/null; then
  echo "python_build_tree: $py has no pytest or numpy: SKIPPED"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$py" -m pytest -q -p no:cacheprovider "$tests"

#!/usr/bin/env bash
# Installs what building and testing sla needs on Debian 12 (bookworm).
# Idempotent: when every package is already installed it does nothing (no network).
# Run as root, or as a user with sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build          # compiler and build tools
  clang libclang-rt-14-dev                   # the libFuzzer build (scripts/test.sh)
  tao-pegtl-dev libfmt-dev libhowardhinnant-date-dev libcli11-dev nlohmann-json3-dev
  libical-dev                                # sla holidays import: iCalendar (RFC 5545)
  libboost-test-dev libbenchmark-dev         # tests and benchmarks
  python3-icalendar                          # tests: exported ICS parsed back independently
  python3-jsonschema                         # tests: every JSON output validated against docs/schema
  tzdata                                     # the IANA time-zone database, read at run time
  python3 ca-certificates git                # acceptance scripts, CI checkout
  python3-dev pybind11-dev                   # the Python module sla._native (python/)
  python3-venv python3-setuptools python3-wheel  # pip install . offline, in a venv (tests/python)
  python3-numpy python3-pandas python3-pytest    # the Python package's batches and tests
  python3-mypy                               # tests: the package type-checks under mypy --strict
  pkgconf                                    # pkg-config: sla.pc (install test, embedding)
  chromium                                   # sla render --format pdf; the HTML opened headless
  poppler-utils                              # tests: the printed PDF read page by page (pdftotext)
  gettext                                    # word lists of documents (scripts/update-wording.sh, tests)
  neovim                                     # tests: editors/nvim run headless (filetype, syntax, indent, LSP client)
  nodejs                                     # tests: the VS Code extension's client script run against stand-ins
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "setup: missing packages and not root (and no sudo): ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
echo "setup: done"

#!/usr/bin/env bash
# Runs nvim_test.lua in headless Neovim (Debian's neovim, installed by
# scripts/setup.sh) against `sla lsp`, through the package in editors/nvim.
# Usage: nvim_test.sh SLA_BINARY
set -u
sla=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v nvim >/dev/null; then
  echo "FAIL nvim is not installed (scripts/setup.sh installs neovim)"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/contracts/qiscus-enterprise.sla" "$tmp/q.sla"
# A clean Neovim: no user config, no shada, no swap files; the package on the runtimepath.
SLA_BIN="$sla" SLA_FILE="$tmp/q.sla" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
  XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache" \
  timeout 60 nvim --headless -n -i NONE -u NONE \
  --cmd "set rtp^=$root/editors/nvim" --cmd "filetype plugin on" \
  -c "luafile $root/tests/lsp/nvim_test.lua" >"$tmp/out" 2>&1
rc=$?
cat "$tmp/out"
if [ $rc -ne 0 ] || grep -q '^FAIL' "$tmp/out" || ! grep -q '^ok' "$tmp/out"; then
  echo "nvim test failed (status $rc)"
  exit 1
fi
echo "nvim test passed: $(grep -c '^ok' "$tmp/out") checks"

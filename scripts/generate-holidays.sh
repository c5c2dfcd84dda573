#!/usr/bin/env bash
# Regenerates the stdlib holiday library (stdlib/std/holidays/CC.sla, CC/SUB.sla)
# from the npm package date-holidays, pinned in scripts/holidays/package.json.
#
# Why date-holidays: of the holiday data packages on this machine's registries it
# has the widest coverage (about 200 countries, with states and regions, rules for
# Easter, Hijri, Chinese and Hebrew calendars, substitute days) and is kept up to
# date (monthly releases, 1.7 million downloads a month); Debian's python3-holidays
# is version 0.10 of 2021. Its rules are computed offline, so once the package is
# installed nothing else is fetched.
#
# The output is checked in; the build never runs this. Run it to move to a newer
# package or other years, then review the diff (holidays move when laws change):
#   bash scripts/generate-holidays.sh [FIRST_YEAR LAST_YEAR]   # default 2020 2035
# Needs node and npm (the npm registry) for the install step only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
first=${1:-2020}
last=${2:-2035}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/scripts/holidays/package.json" "$root/scripts/holidays/package-lock.json" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

NODE_PATH="$work/node_modules" node "$root/scripts/holidays/generate.cjs" \
  "$root/stdlib/std/holidays" "$first" "$last"

#!/usr/bin/env bash
# Installs what the WebAssembly build needs on Debian 12, beyond scripts/setup.sh:
# Emscripten, and the source of howardhinnant-date (tz.cpp), which no binary package
# ships (libhowardhinnant-date-dev has the headers and a native libdate-tz.so only).
# The source comes from Debian's own archive through apt-get source, at the version of
# the installed headers, unpacked into /usr/local/src/sla-wasm/howardhinnant-date
# (wasm/CMakeLists.txt's SLA_DATE_SOURCE). Idempotent: does nothing when both are there.
# Debian 12's sources list has no deb-src entry; rather than edit it, apt reads one
# from a private list for this one download.
set -euo pipefail
cd "$(dirname "$0")/.."

dest=${SLA_DATE_SOURCE:-/usr/local/src/sla-wasm/howardhinnant-date}
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "wasm/setup: not root (and no sudo)" >&2; exit 1; }
  as_root=(sudo)
fi

PACKAGES=(emscripten libhowardhinnant-date-dev tzdata libfmt-dev tao-pegtl-dev nlohmann-json3-dev
          nodejs dpkg-dev xz-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "wasm/setup: installing ${missing[*]}"
  "${as_root[@]}" apt-get update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
fi

version=$(dpkg-query -W -f='${source:Version}' libhowardhinnant-date-dev)
if [ -f "$dest/src/tz.cpp" ] && [ "$(cat "$dest/.debian-version" 2>/dev/null)" = "$version" ]; then
  echo "wasm/setup: Emscripten and howardhinnant-date $version source already there"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The suite of the installed system (bookworm), from the mirror apt already uses.
. /etc/os-release
mirror=$(apt-get indextargets --format '$(REPO_URI)' 'Identifier: Packages' 2>/dev/null \
           | grep -m1 -v security || echo http://deb.debian.org/debian/)
echo "deb-src ${mirror%/} ${VERSION_CODENAME} main" >"$work/sources.list"
mkdir -p "$work/lists/partial" "$work/src"
apt_src=(-o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=-
         -o Dir::State::Lists="$work/lists" -o APT::Sandbox::User=root)
"${as_root[@]}" apt-get "${apt_src[@]}" update
(cd "$work/src" && "${as_root[@]}" apt-get "${apt_src[@]}" source "howardhinnant-date=$version")
unpacked=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'howardhinnant-date-*' | head -1)
[ -f "$unpacked/src/tz.cpp" ] || { echo "wasm/setup: no src/tz.cpp in the source package" >&2; exit 1; }
"${as_root[@]}" rm -rf "$dest"
"${as_root[@]}" mkdir -p "$(dirname "$dest")"
"${as_root[@]}" cp -a "$unpacked" "$dest"
echo "$version" | "${as_root[@]}" tee "$dest/.debian-version" >/dev/null
echo "wasm/setup: howardhinnant-date $version source in $dest"

#!/usr/bin/env bash
# Configures and builds with Ninja (RelWithDebInfo unless told otherwise).
#   scripts/build.sh                          # build/ with the defaults
#   scripts/build.sh DIR [CMAKE_ARGS...]      # another build folder, more -D options
# Environment: SLA_JOBS (parallel jobs, default: number of cores), SLA_TARGET
# (build only this target), CC/CXX (compilers, read on the first configure).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=${1:-build}
[ $# -gt 0 ] && shift
jobs=${SLA_JOBS:-$(nproc 2>/dev/null || echo 2)}

launcher=()
# ccache, where a developer installed it, makes a second build folder nearly free.
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@"
if [ -n "${SLA_TARGET:-}" ]; then
  # shellcheck disable=SC2086  # SLA_TARGET may name several targets
  cmake --build "$dir" -j "$jobs" --target $SLA_TARGET
else
  cmake --build "$dir" -j "$jobs"
fi

#!/usr/bin/env bash
# The WebAssembly build (wasm/): setup (Emscripten, the date source), configure
# with emcmake, build, and run its Node tests (ctest -L wasm).
#   scripts/build-wasm.sh [DIR]     (default build-wasm/; the package lands in DIR/node)
# SLA_CLI=path/to/native/sla also checks the answers against the native CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-wasm}

bash wasm/setup.sh
# Debian's Emscripten runs its JavaScript optimizer under `node` and needs Debian's
# node-acorn, in /usr/share/nodejs: a Node that is not Debian's (NodeSource's) does
# not look there.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
emcmake cmake -S wasm -B "$dir" "${generator[@]}"
cmake --build "$dir" -j "$(nproc)"
ctest --test-dir "$dir" -L wasm --output-on-failure

#!/usr/bin/env bash
# The installed library as a host sees it. Installs the build tree to a temporary
# prefix, checks what is there, then builds and runs, against that prefix only:
#   1. a C++ project with find_package(sla): sla::sla (C++ and C APIs) and sla::sla_static
#   2. a C-only project (project(x C)) with find_package(sla): sla::sla
#   3. a C program built with cc $(pkg-config --cflags --libs sla)
#   4. examples/ as a standalone project (when examples/CMakeLists.txt exists), then
#      examples/run.sh PREFIX EXAMPLES_BUILD_DIR (when it exists), which runs them
# Usage: install_test.sh BUILD_DIR SOURCE_DIR VERSION [CMAKE_GENERATOR [CXX_COMPILER]]
# Environment: SLA_INSTALL_TEST_CONSUMERS=0: install and check the layout only, then
#   exit 77 (skipped); SLA_INSTALL_TEST_KEEP=1: keep the temporary folder.
set -euo pipefail

build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
version=$3
generator=${4:-}
cxx=${5:-}

tmp=$(mktemp -d)
if [ "${SLA_INSTALL_TEST_KEEP:-0}" = 1 ]; then
  echo "install test: keeping $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi
prefix=$tmp/prefix

# step NAME COMMAND...: runs COMMAND with its output in a log; on failure shows
# the log and stops the test.
step() {
  local name=$1
  shift
  if "$@" >"$tmp/step.log" 2>&1; then
    echo "ok: $name"
  else
    echo "FAILED: $name"
    echo "  command: $*"
    tail -n 40 "$tmp/step.log" | sed 's/^/  | /'
    exit 1
  fi
}
# configure_and_build NAME SOURCE BINARY: a consumer project against the prefix.
configure_and_build() {
  local args=(-S "$2" -B "$3" -DCMAKE_PREFIX_PATH="$prefix")
  [ -n "$generator" ] && args+=(-G "$generator")
  [ -n "$cxx" ] && args+=(-DCMAKE_CXX_COMPILER="$cxx")
  step "$1: configure" cmake "${args[@]}"
  step "$1: build" cmake --build "$3"
}
# uses_installed_library BINARY: it loads libsla.so from the prefix, not from the build.
# ldd's output is read whole before it is searched: under pipefail, `ldd | grep -q`
# fails whenever grep stops reading first and ldd dies of SIGPIPE.
uses_installed_library() {
  local libs
  libs=$(ldd "$1")
  grep -q "libsla\.so\.[0-9]* => $prefix/" <<<"$libs"
}

# ------------------------------------------------------------------ install
step "cmake --install $build --prefix $prefix" cmake --install "$build" --prefix "$prefix"
for f in bin/sla include/sla/sla.h include/sla/sla.hpp include/sla/load.hpp \
         share/sla/std/calendars.sla share/sla/contracts/qiscus-enterprise.sla \
         share/sla/contracts/samples/qiscus-tickets.csv; do
  [ -e "$prefix/$f" ] || { echo "FAILED: $f is not installed"; exit 1; }
done
for name in slaConfig.cmake slaConfigVersion.cmake sla.pc libsla.a "libsla.so.$version"; do
  [ -n "$(find "$prefix" -name "$name" | head -n 1)" ] || { echo "FAILED: no $name installed"; exit 1; }
done
[ ! -e "$prefix/include/sla/README.md" ] || { echo "FAILED: include/sla/README.md installed"; exit 1; }
echo "ok: the installed tree has the library, headers, CLI, stdlib, contracts, CMake package and sla.pc"
step "the installed CLI checks the installed contract" \
  "$prefix/bin/sla" check "$prefix/share/sla/contracts/qiscus-enterprise.sla"

if [ "${SLA_INSTALL_TEST_CONSUMERS:-1}" = 0 ]; then
  echo "install test: consumers SKIPPED in this build (sanitizers: libsla.so needs their"
  echo "runtime loaded first, which plain consumers do not do); the plain build runs them"
  exit 77
fi

contract=$prefix/share/sla/contracts/qiscus-enterprise.sla
cp "$src/tests/install/consumer.cpp" "$src/tests/install/consumer.c" "$tmp/"

# ------------------------------------------------------------------ C++, find_package
mkdir -p "$tmp/cxx"
cat >"$tmp/cxx/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.20)
project(cxx_consumer CXX)
set(CMAKE_CXX_STANDARD 20)
find_package(sla $version EXACT REQUIRED)
add_executable(consumer $tmp/consumer.cpp)
target_link_libraries(consumer PRIVATE sla::sla)
add_executable(consumer_static $tmp/consumer.cpp)
target_link_libraries(consumer_static PRIVATE sla::sla_static)
CMAKE
configure_and_build "C++ consumer (find_package)" "$tmp/cxx" "$tmp/cxx/b"
step "C++ consumer, sla::sla: loads and evaluates" "$tmp/cxx/b/consumer" "$contract" "$version"
step "C++ consumer, sla::sla: uses the installed libsla.so" uses_installed_library "$tmp/cxx/b/consumer"
step "C++ consumer, sla::sla_static: loads and evaluates" \
  "$tmp/cxx/b/consumer_static" "$contract" "$version"
if grep -q libsla <<<"$(ldd "$tmp/cxx/b/consumer_static")"; then
  echo "FAILED: consumer_static links libsla.so"
  exit 1
fi

# ------------------------------------------------------------------ C only, find_package
mkdir -p "$tmp/c"
cat >"$tmp/c/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.20)
project(c_consumer C)
find_package(sla $version EXACT REQUIRED)
add_executable(consumer $tmp/consumer.c)
target_link_libraries(consumer PRIVATE sla::sla)
CMAKE
configure_and_build "C-only consumer (find_package)" "$tmp/c" "$tmp/c/b"
step "C-only consumer: runs" "$tmp/c/b/consumer" "$version"
step "C-only consumer: uses the installed libsla.so" uses_installed_library "$tmp/c/b/consumer"

# ------------------------------------------------------------------ C, pkg-config
pcdir=$(dirname "$(find "$prefix" -name sla.pc | head -n 1)")
libdir=$(dirname "$(find "$prefix" -name 'libsla.so' | head -n 1)")
export PKG_CONFIG_PATH=$pcdir
step "pkg-config --modversion sla is $version" test "$(pkg-config --modversion sla)" = "$version"
step "pkg-config --static --libs sla names fmt and date" \
  bash -c 'pkg-config --static --libs sla | grep -- -lfmt | grep -q -- -ldate-tz'
# shellcheck disable=SC2046  # pkg-config's output is meant to be split
step "C program via pkg-config: builds" \
  cc "$tmp/consumer.c" -o "$tmp/pkg-consumer" $(pkg-config --cflags --libs sla)
step "C program via pkg-config: runs" env LD_LIBRARY_PATH="$libdir" "$tmp/pkg-consumer" "$version"

# ------------------------------------------------------------------ examples/
if [ -f "$src/examples/CMakeLists.txt" ]; then
  configure_and_build "examples/ (standalone, find_package)" "$src/examples" "$tmp/examples"
  if [ -f "$src/examples/run.sh" ]; then
    step "examples/run.sh $prefix $tmp/examples" bash "$src/examples/run.sh" "$prefix" "$tmp/examples"
  else
    echo "examples/run.sh: not there; the examples were built but not run"
  fi
else
  echo "examples/CMakeLists.txt: not there; skipped"
fi
echo "install test: passed"

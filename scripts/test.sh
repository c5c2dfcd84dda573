#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run). From a fresh Debian 12 machine:
#   1. setup       install what is missing (scripts/setup.sh)
#   2. build       build/ (RelWithDebInfo)
#   3. unit        ctest -L unit in build/
#   4. acceptance  the shared acceptance scripts of the implemented features
#   5. asan        build-asan/ with ASan+UBSan, ctest -L unit there
#   6. fuzz        build-fuzz/ (clang, libFuzzer): load-from-string for SLA_FUZZ_SECONDS
# Options: --quick  skip the asan and fuzz stages (for developers).
# Environment: SLA_FUZZ_SECONDS (default 60), SLA_JOBS (default: number of cores),
#   SLA_ACCEPTANCE_DIR (default ../shared/acceptance; skipped when absent).
set -euo pipefail

# Acceptance scripts of the features implemented so far (run from the repo root).
ACCEPTANCE_SCRIPTS=(language.sh time.sh eval.sh)

cd "$(dirname "$0")/.."
root=$(pwd)

quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

jobs=${SLA_JOBS:-$(nproc 2>/dev/null || echo 2)}
fuzz_seconds=${SLA_FUZZ_SECONDS:-60}
acceptance_dir=${SLA_ACCEPTANCE_DIR:-../shared/acceptance}

started=$SECONDS
stage=""
stage_started=0
timings=()
banner() {
  stage=$1
  stage_started=$SECONDS
  printf '\n==================== %s ====================\n' "$*"
}
stage_done() { timings+=("$stage $((SECONDS - stage_started))s"); }
on_exit() {
  local rc=$?
  if [ $rc -ne 0 ]; then
    if [ ${#timings[@]} -gt 0 ]; then printf '\nstages passed:\n'; printf '  %s\n' "${timings[@]}"; fi
    printf '\ntest.sh: FAILED in stage "%s" (exit %d) after %ds (stage ran %ds)\n' \
      "$stage" "$rc" $((SECONDS - started)) $((SECONDS - stage_started))
  fi
}
trap on_exit EXIT

# ---------------------------------------------------------------- setup
banner setup
bash scripts/setup.sh
stage_done

# ---------------------------------------------------------------- build
banner build "build/ (RelWithDebInfo)"
SLA_JOBS=$jobs bash scripts/build.sh build
stage_done

# ---------------------------------------------------------------- unit
banner unit "ctest -L unit (build/)"
ctest --test-dir build -L unit --output-on-failure --no-tests=error -j "$jobs"
stage_done

# ---------------------------------------------------------------- acceptance
banner acceptance "$acceptance_dir: ${ACCEPTANCE_SCRIPTS[*]}"
if [ -d "$acceptance_dir" ]; then
  failed=()
  log=$(mktemp)
  for script in "${ACCEPTANCE_SCRIPTS[@]}"; do
    rc=0
    SLA=build/bin/sla bash "$acceptance_dir/$script" </dev/null >"$log" 2>&1 || rc=$?
    if [ $rc -eq 0 ]; then
      printf '%-14s %s\n' "$script" "$(tail -n 1 "$log")"
    else
      printf '%-14s FAILED (exit %d):\n' "$script" "$rc"
      sed 's/^/    /' "$log"
      failed+=("$script")
    fi
  done
  rm -f "$log"
  if [ ${#failed[@]} -gt 0 ]; then
    echo "acceptance: failed: ${failed[*]}"
    exit 1
  fi
else
  echo "acceptance: $acceptance_dir not found; skipped"
fi
stage_done

if [ $quick -eq 1 ]; then
  printf '\ntest.sh: --quick: skipping the asan and fuzz stages\n'
else
  # -------------------------------------------------------------- asan
  banner asan "build-asan/ (ASan+UBSan), ctest -L unit"
  # -O1 with line tables only: sanitizers need some optimisation to be quick, and
  # full debug info of the PEGTL templates makes this the slowest build of the run.
  SLA_JOBS=$jobs bash scripts/build.sh build-asan -DSLA_SANITIZE=ON -DSLA_BENCH=OFF \
    -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1"
  SLA_DIFF_CASES=20000 ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan -L unit --output-on-failure --no-tests=error -j "$jobs"
  stage_done

  # -------------------------------------------------------------- fuzz
  banner fuzz "build-fuzz/ (clang, libFuzzer), ${fuzz_seconds}s"
  if command -v clang >/dev/null 2>&1 && command -v clang++ >/dev/null 2>&1; then
    CC=clang CXX=clang++ SLA_JOBS=$jobs SLA_TARGET=sla_load_fuzzer bash scripts/build.sh build-fuzz \
      -DCMAKE_CXX_COMPILER=clang++ -DSLA_FUZZ=ON -DSLA_BENCH=OFF
    fuzzer=$root/build-fuzz/bin/sla_load_fuzzer
    corpus=$root/build-fuzz/fuzz-corpus        # the seeds plus what the run finds
    artifacts=$root/build-fuzz/fuzz-artifacts  # crashing inputs land here
    scratch=$root/build-fuzz/fuzz-cwd          # cwd: relative imports resolve here
    fuzz_log=$root/build-fuzz/fuzz.log
    rm -rf "$corpus" "$scratch" "$artifacts"
    mkdir -p "$corpus" "$artifacts" "$scratch"
    cp tests/fuzz/corpus/* "$corpus/"
    rc=0
    (cd "$scratch" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$fuzzer" -max_total_time="$fuzz_seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" </dev/null >"$fuzz_log" 2>&1) || rc=$?
    if [ $rc -ne 0 ]; then
      tail -n 80 "$fuzz_log"
      echo "fuzz: the fuzzer failed (exit $rc); full log: $fuzz_log; inputs:"
      ls -l "$artifacts"
      exit 1
    fi
    grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$fuzz_log" || true
    echo "fuzz: no crash in ${fuzz_seconds}s; corpus now $(ls "$corpus" | wc -l) inputs"
  else
    echo "fuzz: clang not found; skipped"
  fi
  stage_done
fi

stage=summary
printf '\n==================== summary ====================\n'
printf '  %s\n' "${timings[@]}"
mode=full; [ $quick -eq 1 ] && mode=quick
printf 'test.sh: all %s stages passed in %ds\n' "$mode" $((SECONDS - started))

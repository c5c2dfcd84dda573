#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run). From a fresh Debian 12 machine:
#   1. setup       install what is missing (scripts/setup.sh)
#   2. build       build/ (RelWithDebInfo)
#   3. unit        ctest -L unit in build/ (with `install`: cmake --install to a
#                  temporary prefix, consumers built against it; tests/install)
#   4. python      ctest -L python in build/: the Python package installed with pip
#                  into a fresh virtual environment, then its pytest suite
#                  (tests/python/python_test.sh)
#   5. wasm        build-wasm/: the library built with Emscripten, its JavaScript
#                  wrapper tested under Node against the native CLI
#                  (scripts/build-wasm.sh; wasm/setup.sh installs Emscripten)
#   6. acceptance  the shared acceptance scripts of the implemented features
#   7. asan        build-asan/ with ASan+UBSan, ctest -L unit there (`install`
#                  checks the installed layout only and reports skipped)
#   8. fuzz        build-fuzz/ (clang, libFuzzer): load-from-string for SLA_FUZZ_SECONDS,
#                  tickets for SLA_TICKETS_FUZZ_SECONDS, fmt's promises for
#                  SLA_FORMAT_FUZZ_SECONDS, explain for SLA_EXPLAIN_FUZZ_SECONDS, the
#                  result writers for SLA_WRITERS_FUZZ_SECONDS, the holiday import for
#                  SLA_ICS_FUZZ_SECONDS, edit scripts fed to the language server for
#                  SLA_LSP_FUZZ_SECONDS, help desks' exports and maps for
#                  SLA_HELPDESK_FUZZ_SECONDS (10 each)
# Options: --quick  skip the wasm, asan and fuzz stages (for developers).
# Environment: SLA_FUZZ_SECONDS (default 15), SLA_JOBS (default: number of cores),
#   SLA_ACCEPTANCE_DIR (default ../shared/acceptance; skipped when absent).
set -euo pipefail

# Acceptance scripts of the features implemented so far (run from the repo root).
ACCEPTANCE_SCRIPTS=(language.sh time.sh eval.sh tooling.sh uptime.sh render.sh embedding.sh house.sh
                    real-contracts.sh holidays.sh legal-review.sh editor.sh diff.sh reports.sh python.sh)

cd "$(dirname "$0")/.."
root=$(pwd)

quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    -h | --help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

jobs=${SLA_JOBS:-$(nproc 2>/dev/null || echo 2)}
fuzz_seconds=${SLA_FUZZ_SECONDS:-15}
tickets_fuzz_seconds=${SLA_TICKETS_FUZZ_SECONDS:-10}
format_fuzz_seconds=${SLA_FORMAT_FUZZ_SECONDS:-10}
explain_fuzz_seconds=${SLA_EXPLAIN_FUZZ_SECONDS:-10}
writers_fuzz_seconds=${SLA_WRITERS_FUZZ_SECONDS:-10}
ics_fuzz_seconds=${SLA_ICS_FUZZ_SECONDS:-10}
lsp_fuzz_seconds=${SLA_LSP_FUZZ_SECONDS:-10}
helpdesk_fuzz_seconds=${SLA_HELPDESK_FUZZ_SECONDS:-10}
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

# ---------------------------------------------------------------- python
banner python "ctest -L python (build/): pip install . into a venv, pytest"
ctest --test-dir build -L python --output-on-failure --no-tests=error
stage_done

# ---------------------------------------------------------------- wasm
if [ $quick -eq 0 ]; then
  banner wasm "build-wasm/ (Emscripten): the library under Node, against build/bin/sla"
  SLA_CLI=$root/build/bin/sla bash scripts/build-wasm.sh build-wasm
  stage_done
fi

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
  printf '\ntest.sh: --quick: skipping the wasm, asan and fuzz stages\n'
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
  banner fuzz "build-fuzz/ (clang, libFuzzer): contracts ${fuzz_seconds}s, tickets ${tickets_fuzz_seconds}s, fmt ${format_fuzz_seconds}s, explain ${explain_fuzz_seconds}s, writers ${writers_fuzz_seconds}s, ics ${ics_fuzz_seconds}s, lsp ${lsp_fuzz_seconds}s, helpdesk ${helpdesk_fuzz_seconds}s"
  if command -v clang >/dev/null 2>&1 && command -v clang++ >/dev/null 2>&1; then
    CC=clang CXX=clang++ SLA_JOBS=$jobs SLA_TARGET="sla_load_fuzzer sla_tickets_fuzzer sla_format_fuzzer sla_explain_fuzzer sla_writers_fuzzer sla_ics_fuzzer sla_lsp_fuzzer sla_helpdesk_fuzzer" \
      bash scripts/build.sh build-fuzz \
      -DCMAKE_CXX_COMPILER=clang++ -DSLA_FUZZ=ON -DSLA_BENCH=OFF
    # run_fuzzer NAME SECONDS SEED_DIR: fuzz from a copy of the seeds; fail on a crash.
    run_fuzzer() {
      local name=$1 seconds=$2 seeds=$3
      local fuzzer=$root/build-fuzz/bin/$name
      local work=$root/build-fuzz/$name
      local corpus=$work/corpus artifacts=$work/artifacts scratch=$work/cwd log=$work/fuzz.log
      rm -rf "$work"
      mkdir -p "$corpus" "$artifacts" "$scratch"
      cp "$seeds"/* "$corpus/"
      local rc=0
      # cwd is a scratch folder, so that relative imports cannot reach the repository.
      (cd "$scratch" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" </dev/null >"$log" 2>&1) || rc=$?
      if [ $rc -ne 0 ]; then
        tail -n 80 "$log"
        echo "fuzz: $name failed (exit $rc); full log: $log; inputs:"
        ls -l "$artifacts"
        exit 1
      fi
      grep -E '^(Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
      echo "fuzz: $name: no crash in ${seconds}s; corpus now $(ls "$corpus" | wc -l) inputs"
    }
    run_fuzzer sla_load_fuzzer "$fuzz_seconds" tests/fuzz/corpus
    run_fuzzer sla_tickets_fuzzer "$tickets_fuzz_seconds" tests/fuzz/tickets-corpus
    run_fuzzer sla_format_fuzzer "$format_fuzz_seconds" tests/fuzz/corpus
    run_fuzzer sla_explain_fuzzer "$explain_fuzz_seconds" tests/fuzz/explain-corpus
    run_fuzzer sla_writers_fuzzer "$writers_fuzz_seconds" tests/fuzz/writers-corpus
    run_fuzzer sla_ics_fuzzer "$ics_fuzz_seconds" tests/fuzz/ics-corpus
    run_fuzzer sla_lsp_fuzzer "$lsp_fuzz_seconds" tests/fuzz/lsp-corpus
    run_fuzzer sla_helpdesk_fuzzer "$helpdesk_fuzz_seconds" tests/fuzz/helpdesk-corpus
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

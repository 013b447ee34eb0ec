#!/usr/bin/env bash
# Runs the already-built tests in two passes and ends with one line "N passed, N failed".
# Pass 1: every suite in parallel, except the ones that start processes or count descriptors.
# Pass 2: those (IntegrationTests and suites named *Serial*), one at a time (DESIGN §11).
set -uo pipefail

config=${CONFIG:-release}
logdir=${TEST_LOG_DIR:-.build/test-logs}
mkdir -p "$logdir"
serial='IntegrationTests|Serial'
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}

run_pass() {
  local name=$1; shift
  echo "== test pass: $name" >&2
  swift test -c "$config" --skip-build "$@" 2>&1 | tee "$logdir/$name.log"
  return "${PIPESTATUS[0]}"
}

run_pass parallel --skip "$serial"; status1=$?
run_pass serial --no-parallel --filter "$serial"; status2=$?

# Swift Testing prints "✔ Test run with N tests …" or "✘ Test run with N tests … failed"
# at the end of each pass, and "✘ Test name() failed after …" for every failed test.
passed=0
failed=0
for name in parallel serial; do
  log="$logdir/$name.log"
  total=$(grep -aoE 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  bad=$(grep -aE '^✘ Test .* failed after' "$log" | grep -avc '^✘ Test run with' || true)
  if [ -z "$total" ]; then
    # No closing line: the runner crashed or never started. Count the pass as one failure.
    echo "run-tests: pass '$name' ended without a summary (crash?)" >&2
    failed=$((failed + 1))
    continue
  fi
  passed=$((passed + total - bad))
  failed=$((failed + bad))
done

if [ "$failed" -eq 0 ] && { [ "$status1" -ne 0 ] || [ "$status2" -ne 0 ]; }; then
  echo "run-tests: a test pass exited non-zero ($status1, $status2) without a failed test" >&2
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

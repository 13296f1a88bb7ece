#!/usr/bin/env bash
# Runs the whole test suite N times in a row (default 20) and reports how many runs passed, to
# catch flaky tests. Builds once, then runs `dotnet test --no-build` each time.
# Usage: tools/repeat-suite.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
dotnet build --nologo -v quiet >/dev/null || { echo "repeat-suite: the build failed"; exit 1; }
passed=0 failed=0
log=$(mktemp)
for ((i = 1; i <= runs; i++)); do
  start=$SECONDS
  if dotnet test --no-build >"$log" 2>&1; then
    passed=$((passed + 1)); outcome=passed
  else
    failed=$((failed + 1)); outcome=FAILED
    cp "$log" "repeat-suite-run-$i.log"
  fi
  tests=$(grep -E "^(Passed|Failed)!" "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 passed, \1 failed/' | paste -sd ';' -)
  echo "run $i: $outcome in $((SECONDS - start)) s ($tests)"
done
echo "repeat-suite: $passed passed, $failed failed"
((failed == 0))

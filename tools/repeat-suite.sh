#!/usr/bin/env bash
# Runs the whole test suite N times in a row (default 20) and reports how many runs passed, to
# catch flaky tests. Builds once, then runs `dotnet test --no-build` each time. With --busy, a
# second copy of the repository is rebuilt from scratch over and over meanwhile, so that both
# cores are taken by another build, as on a shared CI machine.
# Usage: tools/repeat-suite.sh [--busy] [N]
set -uo pipefail
cd "$(dirname "$0")/.."
busy=false
[ "${1:-}" = "--busy" ] && { busy=true; shift; }
runs=${1:-20}
dotnet build --nologo -v quiet >/dev/null || { echo "repeat-suite: the build failed"; exit 1; }

load_pid=
if $busy; then
  copy=$(mktemp -d)
  git ls-files -z | xargs -0 cp --parents -t "$copy"
  ( cd "$copy" && while :; do dotnet build --no-incremental --nologo -v quiet -m:2 >/dev/null 2>&1; done ) &
  load_pid=$!
  trap 'kill $load_pid 2>/dev/null; pkill -f "$copy" 2>/dev/null; rm -rf "$copy"' EXIT
fi

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
  tests=$(grep -E "^(Passed|Failed)!" "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 passed, \1 failed/' |
    awk '{ p += $1; f += $3 } END { printf "%d passed, %d failed", p, f }')
  echo "run $i: $outcome in $((SECONDS - start)) s ($tests)$($busy && echo ", another build running")"
done
echo "repeat-suite: $passed passed, $failed failed"
((failed == 0))

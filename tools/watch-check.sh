#!/usr/bin/env bash
# Checks the product owner's loop, tools/run-features.sh --watch, as a product owner uses it: a
# saved edit runs with the edited text (in the console and the report), a broken feature file says
# so and the loop goes on, and stopping it leaves no process behind. Edits features/echo.feature for a
# moment and puts it back, also when stopped half-way.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

feature=features/echo.feature
saved=$(mktemp)
log=$(mktemp)
cp "$feature" "$saved"
watcher=""
finish() {
  [[ -n $watcher ]] && kill "$watcher" 2>/dev/null || true
  cp "$saved" "$feature"
  rm -f "$saved"
}
trap finish EXIT

runs() { grep -c 'TEST EXECUTION SUMMARY' "$log" || true; }
# Waits (up to $2 seconds) until the watcher has printed $1 run summaries.
wait_for_run() {
  local deadline=$((SECONDS + $2))
  until (($(runs) >= $1)); do
    if ((SECONDS > deadline)); then echo "FAIL: run $1 did not finish within $2 s; the watcher wrote:"; cat "$log"; exit 1; fi
    sleep 0.1
  done
}
# The watcher's output since run $1 ended.
output_after() { awk -v n="$1" '/TEST EXECUTION SUMMARY/ {seen++} seen >= n' "$log"; }
expect() { grep -qF -- "$2" <<<"$1" || { echo "FAIL: expected \"$2\"; the watcher wrote:"; cat "$log"; exit 1; }; }

echo "+ tools/run-features.sh --watch echo"
tools/run-features.sh --watch echo >"$log" 2>&1 &
watcher=$!
wait_for_run 1 900  # the first run may build the loop's suite
expect "$(output_after 0)" "Failed: 0"

echo "+ a scenario renamed and saved runs under its new name"
sed -i 's/Scenario: The server says nothing until spoken to/Scenario: The server stays quiet until spoken to/' "$feature"
wait_for_run 2 120
expect "$(output_after 1)" "Echo: The server stays quiet until spoken to [PASS]"
expect "$(cat reports/messages.ndjson)" "The server stays quiet until spoken to"

echo "+ a broken feature file is named with its line, and the loop goes on"
printf '\nScenario broken\n  Given\n' >>"$feature"
wait_for_run 3 120
expect "$(output_after 2)" "features/echo.feature is not valid Gherkin:"
expect "$(output_after 2)" "Failed: 1"

echo "+ put back, it passes again"
cp "$saved" "$feature"
wait_for_run 4 120
expect "$(output_after 3)" "Echo: The server says nothing until spoken to [PASS]"
expect "$(output_after 3)" "Failed: 0"

echo "+ stopped, it leaves no run waiting"
standby=$(pgrep -P "$watcher" || true)
# TERM: a job started with & ignores SIGINT; Ctrl+C in a terminal reaches the same trap.
kill -TERM "$watcher"
wait "$watcher" 2>/dev/null || true
watcher=""
for pid in $standby; do
  if kill -0 "$pid" 2>/dev/null; then echo "FAIL: the waiting run $pid is still there"; exit 1; fi
done
echo "The watch loop works."

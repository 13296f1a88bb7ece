#!/usr/bin/env bash
# Checks the product owner's loop, `dotnet bddws watch`, as a product owner uses it, in any suite:
# a saved edit (written the way editors save: a new file renamed over the old) runs with the edited
# text, in the console and the report; a broken feature file is named with its line and the loop
# goes on; put back, it passes; stopped with TERM or Ctrl+C, it leaves no process behind. Edits the
# feature file for a moment and puts it back, also when stopped half-way.
#
#   tools/watch-check.sh [suite folder] [feature file] [tag]
#   defaults: this repository, features/echo.feature, echo; an empty tag runs every scenario.
#   BDDWS="<command>" runs that instead of the suite's tool; in this repository the default is this
#   checkout's own build of it (tools/bddws), elsewhere the suite's local tool (`dotnet bddws`).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
suite=$(cd "${1:-$repo}" && pwd)
feature=${2:-features/echo.feature}
tag=${3-echo}
cd "$suite"

if [[ -z ${BDDWS:-} ]]; then
  if [[ $suite == "$repo" ]]; then
    dotnet build "$repo/tools/bddws" -nologo -v q -clp:ErrorsOnly >/dev/null
    BDDWS="dotnet $repo/artifacts/bin/BddWs.Cli/debug/bddws.dll"
  else
    dotnet tool restore >/dev/null
    BDDWS="dotnet bddws"
  fi
fi

saved=$(mktemp)
log=$(mktemp)
cp "$feature" "$saved"
watcher=""
# Every process under $1, deepest last.
descendants() { local child; for child in $(pgrep -P "$1" || true); do echo "$child"; descendants "$child"; done; }
finish() {
  if [[ -n $watcher ]]; then kill -TERM "$watcher" 2>/dev/null || true; wait "$watcher" 2>/dev/null || true; fi
  cp "$saved" "$feature"
  rm -f "$saved"
}
trap finish EXIT
# Job control: the watcher gets a process group of its own, which Ctrl+C in a terminal signals as a whole.
set -m

runs() { grep -c 'TEST EXECUTION SUMMARY' "$log" || true; }
# Waits (up to $2 seconds) until the watcher has printed $1 run summaries and says it watches again.
wait_for_run() {
  local deadline=$((SECONDS + $2))
  until (($(runs) >= $1)) && (($(grep -c 'Watching ' "$log" || true) >= $1)); do
    if ((SECONDS > deadline)); then echo "FAIL: run $1 did not finish within $2 s; the watcher wrote:"; cat "$log"; exit 1; fi
    sleep 0.1
  done
}
# The watcher's output from the end of run $1 on.
output_after() { awk -v n="$1" '/TEST EXECUTION SUMMARY/ {seen++} seen >= n' "$log"; }
expect() { grep -qF -- "$2" <<<"$1" || { echo "FAIL: expected \"$2\"; the watcher wrote:"; cat "$log"; exit 1; }; }
# Saves the way many editors do: the new text into a file beside it, renamed over the old one.
save() { cat >"$feature.new" && mv "$feature.new" "$feature"; }
# Stops the watcher with signal $1 (to its whole process group, as a terminal does) and checks nothing of it is left.
stop_with() {
  local left pids
  pids="$watcher $(descendants "$watcher")"
  kill "-$1" -- "-$watcher"
  wait "$watcher" 2>/dev/null || true
  watcher=""
  left=$(ps -o pid=,args= -p "$(echo $pids | tr ' ' ,)" || true)
  [[ -z $left ]] || { echo "FAIL: after $1 these are still running:"; echo "$left"; exit 1; }
}

title=$(grep -m1 -E '^[[:space:]]*Scenario:' "$feature" | sed -E 's/^[[:space:]]*Scenario:[[:space:]]*//; s/[[:space:]]*$//')
feature_name=$(grep -m1 -E '^[[:space:]]*Feature:' "$feature" | sed -E 's/^[[:space:]]*Feature:[[:space:]]*//; s/[[:space:]]*$//')

echo "+ $BDDWS watch $tag   (in $suite)"
$BDDWS watch $tag >"$log" 2>&1 &
watcher=$!
wait_for_run 1 900  # the first run may build the loop's suite
expect "$(output_after 0)" "Failed: 0"

echo "+ a scenario renamed and saved runs under its new name"
sed "s/Scenario: $title\$/Scenario: $title, edited/" "$saved" | save
wait_for_run 2 120
expect "$(output_after 1)" "$feature_name: $title, edited [PASS]"
[[ ! -f reports/messages.ndjson ]] || expect "$(cat reports/messages.ndjson)" "$title, edited"

echo "+ a broken feature file is named with its line, and the loop goes on"
line=$(($(wc -l <"$saved") + 2))
{ cat "$saved"; printf '\nScenario broken\n  Given\n'; } | save
wait_for_run 3 120
expect "$(output_after 2)" "$feature is not valid Gherkin:"
expect "$(output_after 2)" "$feature($line:"
expect "$(output_after 2)" "Failed: 1"

echo "+ put back, it passes again"
save <"$saved"
wait_for_run 4 120
expect "$(output_after 3)" "$feature_name: $title [PASS]"
expect "$(output_after 3)" "Failed: 0"
# The results of each run come before the loop says it watches again, never after.
order=$(grep -oE 'TEST EXECUTION SUMMARY|Watching ' "$log" | sed -E 's/TEST.*/S/; s/Watching.*/W/' | tr -d '\n')
[[ $order == SWSWSWSW ]] || { echo "FAIL: summaries and Watching lines came as $order, not SWSWSWSW:"; cat "$log"; exit 1; }

echo "+ stopped with TERM, it leaves no process behind"
stop_with TERM

echo "+ stopped with Ctrl+C (INT), it leaves no process behind"
: >"$log"
$BDDWS watch $tag >"$log" 2>&1 &
watcher=$!
wait_for_run 1 120
stop_with INT
echo "The watch loop works in $suite."

#!/usr/bin/env bash
# From a conversation to a feature, end to end: the bundled orders service is recorded through
# `bddws record` while a scripted session talks to it (login, subscribe, an order created and
# cancelled, its events heard); the draft is then run against the same server (it must pass) and
# against a changed one (tools/record-check's `changed`: one field of one message differs; it must
# fail with a one-line message). The same for a hub session that Chromium recorded as a HAR file
# (tools/har-capture) and `bddws record --har` read. The drafts run in tests/DraftSuite, whose
# features folder this fills (artifacts/draft-suite). Usage: tools/record-check.sh [work folder]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=${1:-$(mktemp -d -t bddws-record-XXXXXX)}
mkdir -p "$work"
echo "+ work folder: $work"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
fail() { echo "record-check: $*" >&2; exit 1; }

# Waits (deadline 60 s) for a line of $1 matching the sed expression $2, and prints what it captures.
wait_for() {
  local log=$1 pattern=$2 deadline=$((SECONDS + 60)) found
  until found=$(sed -nE "s#$pattern#\1#p" "$log" 2>/dev/null | head -1) && [[ -n $found ]]; do
    ((SECONDS > deadline)) && { echo "nothing like '$pattern' in $log:" >&2; cat "$log" >&2; return 1; }
    sleep 0.2
  done
  echo "$found" | tr -d '\r'
}

dotnet build tools/bddws -nologo -v q -clp:ErrorsOnly
dotnet build server -nologo -v q -clp:ErrorsOnly
dotnet build tools/record-check -nologo -v q -clp:ErrorsOnly
bddws="dotnet artifacts/bin/BddWs.Cli/debug/bddws.dll"
check="dotnet artifacts/bin/RecordCheck/debug/RecordCheck.dll"

dotnet run --project server --no-build -- --urls http://127.0.0.1:0 >"$work/server.log" 2>&1 &
pids+=($!)
server=$(wait_for "$work/server.log" '.*Now listening on: (http://[^ ]+).*')
$check changed "$server" >"$work/changed.log" 2>&1 &
pids+=($!)
changed=$(wait_for "$work/changed.log" '.*Now listening on: (http://[^ ]+).*')
echo "+ server $server, changed server $changed"

suite_root=artifacts/draft-suite
rm -rf "$suite_root"
mkdir -p "$suite_root/features"
cp tests/DraftSuite/reqnroll.json "$suite_root/"

# What bddws record said when it could not write the draft.
explain() { fail "bddws record failed; its output: $(cat "$1")"; }

# 1. Through the recording proxy.
echo "+ bddws record --target $server"
# Started as a job (set -m): a script's other background commands ignore SIGINT, the Ctrl+C it is sent.
set -m
$bddws record --target "$server" --listen 127.0.0.1:0 -o "$work/orders.feature" >"$work/record.log" 2>&1 &
recorder=$!
set +m
pids+=($recorder)
proxy=$(wait_for "$work/record.log" '^Listening on (http://[^ ,]+),.*')
echo "+ the scripted session through $proxy"
$check session "$proxy" || fail "the scripted session through the proxy failed."
kill -INT "$recorder"
code=0
wait "$recorder" || code=$?
cat "$work/record.log"
((code == 0)) || explain "$work/record.log"
[[ -s $work/orders.har ]] || fail "bddws record wrote no HAR file beside the draft."
[[ -s $work/orders.feature ]] || fail "bddws record wrote no draft."

# 2. Chromium's HAR of a hub session, read by `bddws record --har`.
[[ -f tools/har-capture/capture.mjs ]] || fail "tools/har-capture/capture.mjs is missing: there is no HAR of a hub session to draft from."
(cd tools/har-capture && { [[ -d node_modules ]] || npm ci --no-audit --no-fund >/dev/null; })
echo "+ node tools/har-capture/capture.mjs $server hub"
node tools/har-capture/capture.mjs "$server" hub "$work/hub.har" || fail "tools/har-capture could not record the hub session."
$bddws record --har "$work/hub.har" -o "$work/hub.feature" >"$work/record-har.log" 2>&1 || explain "$work/record-har.log"
cat "$work/record-har.log"

# 3. Each draft as the only feature of tests/DraftSuite: against the server it was recorded from (it
# must pass), and against the changed one (it must fail, in one line naming the changed value).
suite=artifacts/bin/BddWs.DraftSuite/debug/BddWs.DraftSuite
# The secrets the drafts read from the environment, as their comments ask: the scripted session's password.
export LOGIN_PASSWORD=open-sesame
run_draft() { (cd "$(dirname "$suite")" && BDDWS_SERVER_URL="${1/http:/ws:}" "./$(basename "$suite")"); }
for draft in orders hub; do
  rm -f "$suite_root"/features/*.feature
  cp "$work/$draft.feature" "$suite_root/features/"
  dotnet build tests/DraftSuite -nologo -v q -clp:ErrorsOnly || fail "the $draft draft does not build as a feature (see above)."
  echo "+ the $draft draft against the server it was recorded from"
  run_draft "$server" >"$work/$draft-same.log" 2>&1 || { cat "$work/$draft-same.log"; fail "the $draft draft fails against the server it was recorded from."; }
  echo "+ the $draft draft against the changed server"
  if run_draft "$changed" >"$work/$draft-changed.log" 2>&1; then
    cat "$work/$draft-changed.log"
    fail "the $draft draft passes against a server that answers one field differently."
  fi
  # The bridge prints the failed step, then the failure's message on the next line.
  message=$(sed 's/\x1b\[[0-9;]*m//g' "$work/$draft-changed.log" | grep -m1 -A1 "Step failed:" | tail -1 | sed 's/^ *//')
  echo "  it fails: $message"
  grep -q "(changed)" <<<"$message" || { cat "$work/$draft-changed.log"; fail "the $draft draft's failure does not say in one line what differed."; }
done
echo "record-check: both drafts pass against their server and fail readably against the changed one."

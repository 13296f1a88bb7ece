#!/usr/bin/env bash
# Checks `dotnet bddws merge` against an unsharded run of the same suite: merges the shards' report
# folders, compares the merged messages with the unsharded run's scenario by scenario (feature,
# scenario, Examples row, every step's text and status: tools/merge-compare.py), opens the merged
# report in Chromium (tools/report-check), then merges again with one shard left out and expects the
# command to fail and name that shard, on the console and at the top of the summary page.
#
#   tools/merge-check.sh UNSHARDED_REPORTS SHARD_REPORTS...
#   BDDWS="<command>" runs that instead of this checkout's own build of the tool (tools/bddws).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
if (($# < 3)); then
  echo "usage: $0 UNSHARDED_REPORTS SHARD_REPORTS... (two shards at least)" >&2
  exit 2
fi
unsharded=$1
shift
shards=("$@")

if [[ -z ${BDDWS:-} ]]; then
  dotnet build "$repo/tools/bddws" -nologo -v q -clp:ErrorsOnly >/dev/null
  BDDWS="dotnet $repo/artifacts/bin/BddWs.Cli/debug/bddws.dll"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "merge-check: $*" >&2; exit 1; }

# 1. All shards: the whole run, exit code 0.
echo "+ bddws merge ${shards[*]} -o $work/merged"
start=$SECONDS
$BDDWS merge "${shards[@]}" -o "$work/merged" || fail "merging every shard exited with $?"
echo "merged in $((SECONDS - start)) s"

# 2. Scenario by scenario, the same as the unsharded run.
python3 "$repo/tools/merge-compare.py" "$unsharded/messages.ndjson" "$work/merged/messages.ndjson" ||
  fail "the merged run differs from the unsharded run"

# 3. It opens in Chromium as a run's own report does.
node "$repo/tools/report-check/check.mjs" "$work/merged/living-doc.html" "$work/merged/messages.ndjson" "$work/merged/step-catalog.html" ||
  fail "the merged report does not read as a report should"

# 4. One shard left out: the report is written, the shard is named, the exit code is not 0.
left_out=${shards[1]}
rest=("${shards[0]}" "${shards[@]:2}")
missing=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print("Shard %d of %d is missing: its features are not in this report." % (s["shard"], s["of"]))' "$left_out/shard.json")
echo "+ bddws merge ${rest[*]} -o $work/partial   (without $left_out)"
if $BDDWS merge "${rest[@]}" -o "$work/partial" 2>"$work/partial.err"; then
  fail "merging without $left_out exited with 0"
fi
cat "$work/partial.err"
grep -qxF "$missing" "$work/partial.err" || fail "the console does not say: $missing"
grep -qF "<p>$missing</p>" "$work/partial/living-doc.html" || fail "the summary page does not say: $missing"
echo "merge-check: the merge of ${#shards[@]} shards equals the unsharded run; without $left_out it says \"$missing\""

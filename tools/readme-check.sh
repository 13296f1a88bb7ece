#!/usr/bin/env bash
# Runs the README's quick start exactly as written: every command of the bash blocks between
# `<!-- quick start: begin -->` and `<!-- quick start: end -->`, in a folder laid out as the quick
# start says (this repository as BddWs/, a team's service as MyService/: a copy of
# tests/SampleService), with nothing started by hand and no BDDWS_SERVER_URL. The tool and template
# state and the package cache are the run's own, so nothing of an earlier run is used.
# Usage: tools/readme-check.sh   (exit 0 when every command succeeded)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d)
export DOTNET_CLI_HOME=$work/home NUGET_PACKAGES=$work/packages
# A check that passed leaves nothing behind; one that failed keeps its folder to be looked at.
trap 'status=$?; if ((status == 0)); then rm -rf "$work"; fi' EXIT
unset BDDWS_SERVER_URL

script=$work/quick-start.sh
awk '/<!-- quick start: begin -->/ {on=1; next} /<!-- quick start: end -->/ {on=0}
     on && /^```bash/ {block=1; next} on && /^```/ {block=0; next} block' README.md >"$script"
[ -s "$script" ] || { echo "readme check: README.md has no quick start between its markers" >&2; exit 1; }

git clone -q "$repo" "$work/BddWs"
# What is not committed yet is checked too: the working tree as it is.
tar -C "$repo" --exclude=./artifacts --exclude=./reports --exclude=node_modules --exclude=./.git -cf - . | tar -C "$work/BddWs" -xf -
cp -r "$repo/tests/SampleService" "$work/MyService"
mv "$work/MyService/SampleService.csproj" "$work/MyService/MyService.csproj"
rm -rf "$work/MyService/bin" "$work/MyService/obj"

echo "+ the README's quick start, in $work:"
sed 's/^/    /' "$script"
(cd "$work" && bash -euxo pipefail "$script")
suite=$(find "$work" -maxdepth 2 -name reqnroll.json -not -path "$work/BddWs/*" -printf '%h\n' | head -1)
[ -s "$suite/reports/living-doc.html" ] || { echo "readme check: the quick start wrote no report" >&2; exit 1; }
echo "readme check: the quick start ran as written and wrote its report"

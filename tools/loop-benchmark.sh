#!/usr/bin/env bash
# Save-to-summary of the product owner's loop (`dotnet bddws watch`): from the moment a feature file
# is saved (written beside and renamed over, as editors save) until the run's summary line is
# printed, the next run standing by as it does between a person's saves. Measured in this
# repository (features/echo.feature, @echo, the bundled server in-process) and in a suite made by
# `dotnet new bddws` (its sample features/echo.feature, every scenario, against the bundled server
# started on its own and named by BDDWS_SERVER_URL). Prints a markdown table: median and range.
#
#   tools/loop-benchmark.sh [saves]      default 10 saves in each suite
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
saves=${1:-10}
work=$(mktemp -d)
# `dotnet new install` and `dotnet tool` state of this script's own, not the user's.
export DOTNET_CLI_HOME=$work/home DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export NUGET_PACKAGES=${NUGET_PACKAGES:-$work/packages}
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  dotnet new uninstall BddWs.Templates >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "+ building the tool and the server, packing the template and the packages" >&2
dotnet build -c Release tools/bddws -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build server -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet pack -c Release -o "$work/feed" --nologo -v quiet >/dev/null
rm -rf "$NUGET_PACKAGES"/bddws.*

echo "+ dotnet new bddws" >&2
dotnet new install "$work"/feed/BddWs.Templates.*.nupkg >/dev/null
suite=$work/MySpecs
dotnet new bddws -o "$suite" >/dev/null
cat >"$suite/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="bddws-local" value="$work/feed" /></packageSources></configuration>
XML
(cd "$suite" && dotnet tool restore >/dev/null)

echo "+ the bundled server, on its own" >&2
dotnet artifacts/bin/BddWs.Server/debug/BddWs.Server.dll --urls http://127.0.0.1:0 >"$work/server.log" 2>&1 &
pids+=($!)
deadline=$((SECONDS + 60))
until grep -qm1 "Now listening on: " "$work/server.log"; do
  ((SECONDS < deadline)) || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
url=$(grep -m1 "Now listening on: " "$work/server.log" | sed 's/.*Now listening on: //; s/^http/ws/; s/\r//')/ws

# measure <label> <suite folder> <feature> <tool command> [tag]: prints "label|median|min|max|all" in ms.
measure() {
  local label=$1 folder=$2 feature=$3 tool=$4 tag=${5:-} log=$work/watch-$RANDOM.log times=() i n start end watcher
  (cd "$folder" && exec $tool watch $tag) >"$log" 2>&1 &
  watcher=$!
  pids+=($watcher)
  summaries() { grep -c 'TEST EXECUTION SUMMARY' "$log" || true; }
  # Standing by: every run's summary printed, and the loop said it watches again (it says so once the next run is ready).
  ready() { local s; s=$(summaries); ((s >= 1)) && (($(grep -c 'Watching ' "$log" || true) >= s)); }
  deadline=$((SECONDS + 900))
  for ((i = 0; i <= saves; i++)); do
    until ready; do
      ((SECONDS < deadline)) || { echo "$label: the loop did not get ready; it wrote:" >&2; cat "$log" >&2; exit 1; }
      sleep 0.05
    done
    sleep 0.5  # a person's pause between saves; the run stands by
    n=$(summaries)
    start=$(date +%s%N)
    cp "$folder/$feature" "$folder/$feature.new" && mv "$folder/$feature.new" "$folder/$feature"
    until (($(summaries) > n)); do sleep 0.005; done
    end=$(date +%s%N)
    ((i == 0)) || times+=($(((end - start) / 1000000)))  # the first save warms the disk cache
  done
  kill "$watcher"; wait "$watcher" 2>/dev/null || true
  grep -q 'Failed: 0' "$log" || { echo "$label: the scenarios did not pass:" >&2; cat "$log" >&2; exit 1; }
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{ t[NR] = $1 } END {
    median = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    all = t[1]; for (i = 2; i <= NR; i++) all = all ", " t[i]
    printf "| %s | %d | %d | %d-%d | %s |\n", label, NR, median, t[1], t[NR], all }'
}

echo "+ measuring, $saves saves each" >&2
bddws="dotnet $repo/artifacts/bin/BddWs.Cli/release/bddws.dll"
echo "Machine: $(nproc) cores, .NET $(dotnet --version); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| suite (feature, scenarios) | saves | median ms | range ms | every save, ms |"
echo "| --- | ---: | ---: | ---: | --- |"
BDDWS_SERVER_URL=$url measure "template-made suite (features/echo.feature, 2 scenarios; BDDWS_SERVER_URL)" "$suite" features/echo.feature "dotnet bddws"
measure "this repository (features/echo.feature, the @echo scenarios; bundled server in-process)" "$repo" features/echo.feature "$bddws" echo
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

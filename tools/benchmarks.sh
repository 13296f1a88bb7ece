#!/usr/bin/env bash
# Every speed figure of docs/benchmarks.md, each measured beside its baseline in the same run
# (absolute times drift on a shared machine; ratios hold). Prints markdown tables.
#
#   tools/benchmarks.sh                 everything (about 10 minutes on 2 busy cores)
#   tools/benchmarks.sh loop client     some of: loop startup client dialect scenarios parallel servers shards record
#   SCALE="10 100 1000" tools/benchmarks.sh scenarios    fewer generated scenarios
#   SHARD_SCALE="1000 10000" tools/benchmarks.sh shards   the suite in 1, 2 and 4 shards, merged, at these sizes
#   BEFORE=/tmp/old-checkout tools/benchmarks.sh startup client   start-up and client against an older build
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
parts=${*:-loop startup client dialect scenarios parallel servers shards record}
wants() { [[ " $parts " == *" $1 "* ]]; }

command -v hyperfine >/dev/null || { echo "+ installing hyperfine"; apt-get install -y -qq hyperfine >/dev/null; }

log=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# Starts a server in the background (stopped on exit) and sets $url to its echo URL once it says
# where it listens. Not called as $(...): a server started in that subshell would escape the cleanup.
start_server() {
  local out=$log/server-$RANDOM.log deadline=$((SECONDS + 60))
  "$@" >"$out" 2>&1 &
  pids+=($!)
  until grep -qm1 "Now listening on: " "$out" 2>/dev/null; do
    if ((SECONDS > deadline)); then echo "server did not start:" >&2; cat "$out" >&2; return 1; fi
    sleep 0.1
  done
  url=$(grep -m1 "Now listening on: " "$out" | sed 's/.*Now listening on: //; s/^http/ws/; s/\r//' | sed 's|/*$|/ws|')
}

# The suite's reqnroll.json for a generated suite, without the binding assemblies it does not reference
# (it hosts no service: it is pointed at a server with BDDWS_SERVER_URL).
suite_config() {
  python3 -c 'import json, sys; c = json.load(open("reqnroll.json")); c["bindingAssemblies"] = [a for a in c["bindingAssemblies"] if a["assembly"] == "BddWs.StepDefinitions"]; json.dump(c, open(sys.argv[1], "w"), indent=2)' "$1/reqnroll.json"
}

# Per-test times of an xUnit XML report: "count median-ms first-ms total-s".
xml_times() { python3 tools/xunit-times.py times "$1"; }

echo "Building (Release for the benchmarks, Debug for the suite as people run it)..."
dotnet build -c Release benchmarks/BddWs.Benchmarks/BddWs.Benchmarks.csproj -nologo -v q -clp:ErrorsOnly
dotnet build features/BddWs.Features.csproj -nologo -v q -clp:ErrorsOnly
dotnet build -c Release tools/bddws -nologo -v q -clp:ErrorsOnly
bddws="dotnet artifacts/bin/BddWs.Cli/release/bddws.dll"  # this checkout's `dotnet bddws`
$bddws run --build-only  # the loop's own ReadyToRun build, when it is out of date
bench="dotnet artifacts/bin/BddWs.Benchmarks/release/BddWs.Benchmarks.dll"
suite_root=artifacts/benchmark-suite
suite=artifacts/bin/BddWs.Benchmarks.Suite/release/BddWs.Benchmarks.Suite
if wants scenarios || wants parallel; then
  $bench features $suite_root parallel
  $bench features $suite_root scale 1
  suite_config $suite_root
  dotnet build -c Release benchmarks/BddWs.Benchmarks.Suite/BddWs.Benchmarks.Suite.csproj -nologo -v q -clp:ErrorsOnly
fi

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(lsb_release -ds 2>/dev/null || uname -sr), .NET $(dotnet --version); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if wants loop; then
  echo
  echo "## The feature writer's loop: edit echo.feature, run its scenarios"
  # BEFORE=<an older checkout> adds its own tools/run-features.sh, each run after touching its echo.feature.
  before_rows=()
  if [[ -n ${BEFORE:-} ]]; then
    before_rows=(-n 'before: tools/run-features.sh echo (edited)' "touch $BEFORE/features/echo.feature; $BEFORE/tools/run-features.sh echo")
  fi
  hyperfine --style basic --warmup 1 --runs 5 --export-markdown $log/loop.md \
    --prepare 'touch features/echo.feature' \
    -n 'dotnet test --filter Category=echo' 'dotnet test --filter Category=echo' \
    -n 'dotnet bddws run echo (edited)' "$bddws run echo" "${before_rows[@]}" >/dev/null
  before_rows=()
  [[ -n ${BEFORE:-} ]] && before_rows=(-n 'before: tools/run-features.sh echo (re-run)' "$BEFORE/tools/run-features.sh echo")
  hyperfine --style basic --warmup 1 --runs 5 --export-markdown $log/rerun.md \
    -n 'dotnet bddws run echo (re-run)' "$bddws run echo" "${before_rows[@]}" >/dev/null
  # Watch mode: from saving echo.feature until the run's summary is printed, the next run being ready
  # (its standby file written, after the watcher printed that it watches).
  watch_log=$log/watch.log
  $bddws watch echo >"$watch_log" 2>&1 &
  pids+=($!)
  hyperfine --style basic --warmup 1 --runs 10 --export-markdown $log/watch.md \
    --prepare "until [ \$(grep -c Watching $watch_log) -ge \$(grep -c 'TEST EXECUTION SUMMARY' $watch_log) ] && [ \$(grep -c 'TEST EXECUTION SUMMARY' $watch_log) -ge 1 ] && [ -f artifacts/loop/watch/ready ]; do sleep 0.05; done" \
    -n 'dotnet bddws watch echo (save)' \
    "n=\$(grep -c 'TEST EXECUTION SUMMARY' $watch_log); touch features/echo.feature; until [ \$(grep -c 'TEST EXECUTION SUMMARY' $watch_log) -gt \$n ]; do sleep 0.01; done" >/dev/null
  cat $log/loop.md; tail -n +3 $log/rerun.md; tail -n +3 $log/watch.md
fi

if wants startup; then
  echo
  echo "## The first scenario of a run (echo feature; runs alternate between the builds compared)"
  # BEFORE=<a built checkout of an older commit> compares its start with this one's, turn by turn.
  builds=(.)
  [[ -n ${BEFORE:-} ]] && builds+=("$BEFORE")
  echo "| build | run | first scenario ms | later scenarios, median ms | whole run s |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  for i in 1 2 3 4 5; do
    for build in "${builds[@]}"; do
      start=$(date +%s.%N)
      # The loop's ReadyToRun build where there is one (dotnet bddws makes it), else the plain one.
      exe=$build/artifacts/loop/BddWs.Features
      [[ -x $exe ]] || exe=$build/artifacts/bin/BddWs.Features/debug/BddWs.Features
      REQNROLL_TELEMETRY_ENABLED=0 "$exe" -trait Category=echo -xml $log/echo.xml >$log/echo.txt ||
        { echo "The scenarios failed: $log/echo.txt"; exit 1; }
      read -r _ median first _ < <(xml_times $log/echo.xml)
      printf '| %s | %s | %s | %s | %.2f |\n' "$([[ $build == . ]] && echo this || echo before)" "$i" "$first" "$median" "$(echo "$(date +%s.%N) - $start" | bc)"
    done
  done
fi

if wants client; then
  echo
  echo "## Client overhead: the scenario's connection against a bare ClientWebSocket"
  $bench client | sed -n '/^| Method/,/^$/p'
  echo "### The same clients in turns"
  $bench client-turns
  if [[ -n ${BEFORE:-} ]]; then
    # The same benchmarks over an older driver: build them there first (dotnet build -c Release benchmarks/BddWs.Benchmarks).
    echo "### The same, with the driver of $BEFORE"
    dotnet "$BEFORE"/artifacts/bin/BddWs.Benchmarks/release/BddWs.Benchmarks.dll client | sed -n '/^| Method/,/^$/p'
    dotnet "$BEFORE"/artifacts/bin/BddWs.Benchmarks/release/BddWs.Benchmarks.dll client-turns
  fi
fi

if wants dialect; then
  echo
  echo "## A dialect's record against a plain message: received and recorded, then in a round trip"
  $bench dialect | sed -n '/^| Method/,/^$/p'
fi

if wants scenarios; then
  echo
  echo "## Scenario cost: the seed's scenario (connect, send two, receive both, close) through Reqnroll"
  start_server dotnet artifacts/bin/BddWs.Benchmarks/release/BddWs.Server.dll --urls http://127.0.0.1:0 --Limits:MaxConnections=100000
  echo "| scenarios | wall s | scenarios s | per scenario ms (all) | median ms | ratio to 10 | peak memory MB | report MB | largest page MB |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  base=""
  for n in ${SCALE:-10 100 1000 10000}; do
    $bench features $suite_root scale "$n"
    start=$(date +%s.%N)
    BDDWS_SERVER_URL=$url /usr/bin/time -f %M -o $log/rss $suite -trait Category=scale -xml $log/scale.xml >$log/scale.txt ||
      { echo "The scenarios failed: $log/scale.txt"; exit 1; }
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    read -r count median _ total < <(xml_times $log/scale.xml)
    per=$(echo "$total * 1000 / $count" | bc -l)
    base=${base:-$per}
    # The report: the summary page, the feature pages and their script beside it; the largest single page.
    reports=$suite_root/reports
    bytes=$(du -cb $reports/living-doc.html $(ls -d $reports/living-doc 2>/dev/null) | tail -1 | cut -f1)
    largest=$(find $reports/living-doc.html $reports/living-doc -name '*.html' -printf '%s\n' 2>/dev/null | sort -n | tail -1)
    printf '| %s | %.1f | %s | %.2f | %s | %.2f | %.0f | %.1f | %.2f |\n' "$count" "$wall" "$total" "$per" "$median" \
      "$(echo "$per / $base" | bc -l)" "$(echo "$(cat $log/rss) / 1024" | bc -l)" \
      "$(echo "$bytes / 1048576" | bc -l)" "$(echo "$largest / 1048576" | bc -l)"
    # How long a reader waits for it in Chromium (needs `npm ci` in tools/report-check).
    if [[ -d tools/report-check/node_modules ]]; then
      node tools/report-check/first-feature.mjs $reports/living-doc.html $reports/messages.ndjson 3 >>$log/first-feature.txt 2>&1 ||
        echo "the report of $count scenarios did not show its first feature within 120 s" >>$log/first-feature.txt
    fi
  done
  [[ -f $log/first-feature.txt ]] && { echo; echo "Time to the first feature in headless Chromium, 3 times each:"; cat $log/first-feature.txt; }
fi

if wants parallel; then
  echo
  echo "## Parallel features: 20 features x 5 scenarios, every reply 50 ms late"
  # A long scale.feature left by the scenarios part would slow discovery: one scenario is enough.
  $bench features $suite_root scale 1
  start_server $bench echo-server 50
  echo "| runner options | passed | whole run s | scenarios s | speed-up | scenarios of a feature |"
  echo "| --- | ---: | ---: | ---: | ---: | --- |"
  none=""
  for mode in "-parallel none" "-parallel collections" "-parallel collections -maxthreads 20"; do
    start=$(date +%s.%N)
    BDDWS_SERVER_URL=$url $suite -trait Category=parallel $mode -xml $log/parallel.xml >$log/parallel.txt ||
      { echo "The scenarios failed: $log/parallel.txt"; exit 1; }
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    read -r passed span order < <(python3 tools/xunit-times.py parallel $log/parallel.xml)
    none=${none:-$span}
    printf '| `%s` | %s | %.2f | %s | %.1fx | %s |\n' "$mode" "$passed" "$wall" "$span" "$(echo "$none / $span" | bc -l)" "$order"
  done
fi

if wants servers; then
  echo
  echo "## Server throughput"
  $bench servers 2 ${TURNS:-5}
fi

if wants shards; then
  echo
  echo "## Shards: the seed's scenario in 100 features, run in 1, 2 and 4 shards, then merged"
  # A suite of its own (the shards' features only): a split weighs every feature of its suite, and the
  # other benchmarks' 10,000-scenario scale.feature would be a shard by itself.
  shard_root=artifacts/benchmark-shards
  shard_suite=artifacts/bin/BddWs.Benchmarks.Suite/release-shards/BddWs.Benchmarks.Suite
  $bench features $shard_root shards 100
  suite_config $shard_root
  dotnet build -c Release benchmarks/BddWs.Benchmarks.Suite/BddWs.Benchmarks.Suite.csproj -p:BddWsRoot="$root/$shard_root" \
    -p:ArtifactsPivots=release-shards -nologo -v q -clp:ErrorsOnly
  start_server dotnet artifacts/bin/BddWs.Benchmarks/release/BddWs.Server.dll --urls http://127.0.0.1:0 --Limits:MaxConnections=100000
  echo "| scenarios | shards | each shard's wall s | slowest shard s | merge s | merge peak MB | merged report MB | its first feature page s |"
  echo "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
  for n in ${SHARD_SCALE:-1000 2500 5000 10000}; do
    $bench features $shard_root shards "$n"
    for shards in 1 2 4; do
      runs=$log/shards-$n-$shards
      walls=()
      for ((i = 1; i <= shards; i++)); do
        start=$(date +%s.%N)
        BDDWS_SHARD=$i/$shards BDDWS_REPORTS=$runs/shard-$i BDDWS_SERVER_URL=$url $shard_suite -trait Category=shards >$log/shard.txt ||
          { echo "The scenarios of shard $i/$shards failed: $log/shard.txt"; exit 1; }
        walls+=("$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")")
      done
      start=$(date +%s.%N)
      /usr/bin/time -f %M -o $log/merge-rss $bddws merge "$runs"/shard-*/ -o "$runs/merged" >$log/merge.txt ||
        { echo "The merge failed: $log/merge.txt"; exit 1; }
      merge=$(echo "$(date +%s.%N) - $start" | bc)
      bytes=$(du -cb "$runs/merged/living-doc.html" "$runs/merged/living-doc" | tail -1 | cut -f1)
      page="-"
      if [[ -d tools/report-check/node_modules ]]; then
        page=$(node tools/report-check/first-feature.mjs "$runs/merged/living-doc.html" "$runs/merged/messages.ndjson" 1 2>&1 |
          sed -n 's/.*its page \([0-9.]*\) s.*/\1/p' | head -1)
      fi
      slowest=$(printf '%s\n' "${walls[@]}" | sort -n | tail -1)
      printf '| %s | %s | %s | %s | %.2f | %.0f | %.1f | %s |\n' "$n" "$shards" "$(IFS=' '; echo "${walls[*]}")" "$slowest" "$merge" \
        "$(echo "$(cat $log/merge-rss) / 1024" | bc -l)" "$(echo "$bytes / 1048576" | bc -l)" "${page:--}"
    done
  done
fi

if wants record; then
  echo
  echo "## What bddws record costs the traffic: straight to the server, through YARP, through the recording proxy"
  $bench record 2 ${TURNS:-3}
fi

echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# The quick loop for people editing features: runs the suite's scenarios (all, or those with
# the given tags) with the same bridge, server and report as `dotnet test`, but builds only when
# code changed or a feature file was added or removed. An edited scenario needs no build: the
# suite reads each feature file from features/ as the run starts.
#
#   tools/run-features.sh                 every scenario
#   tools/run-features.sh echo chat       scenarios tagged @echo or @chat
#   tools/run-features.sh --watch echo    the same, again each time a file is saved (Ctrl+C stops)
#   tools/run-features.sh --build         only build, when needed
#   tools/run-features.sh -- -method '*'  anything after -- goes to the test executable as is
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# The suite as this loop runs it: published ReadyToRun (compiled ahead of time, so that a run does
# not spend its first second compiling Reqnroll, xUnit and the suite), apart from dotnet test's build.
loop=artifacts/loop
suite=$loop/BddWs.Features
built=$loop/built          # touched as the last successful build started
known=$loop/features.list  # the feature files that build saw
serial=$loop/serial.list   # the feature files tagged @serial, which it put in a collection of their own

feature_files() { find features -name '*.feature' | sort; }
serial_features() { grep -lE '^[[:space:]]*@.*@serial([[:space:]]|$)|^[[:space:]]*@serial([[:space:]]|$)' $(feature_files) 2>/dev/null || true; }

# Code, project files and settings newer than the file $1.
code_newer_than() {
  find features StepDefinitions Support server reqnroll.json global.json Directory.Build.props \
    Directory.Build.targets Directory.Packages.props -newer "$1" -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' \) \
    -not -path '*/bin/*' -not -path '*/obj/*' -print -quit
}

needs_build() {
  [[ -f $suite && -f $built && -f $known && -f $serial ]] || return 0
  [[ "$(feature_files)" == "$(cat "$known")" ]] || return 0
  [[ "$(serial_features)" == "$(cat "$serial")" ]] || return 0
  [[ -n $(code_newer_than "$built") ]]
}

build() {
  echo "Building (code, the list of feature files or their @serial tags changed)..."
  mkdir -p "$loop"
  # What the build starts from is recorded only once it succeeds; a change made meanwhile builds again.
  touch "$loop/building"
  feature_files >"$loop/building.list"
  serial_features >"$loop/building.serial"
  # Its own intermediate folder: the runtime it names would otherwise change what dotnet test
  # restored, and each would restore and compile again after the other.
  dotnet publish features/BddWs.Features.csproj -c Debug --use-current-runtime -p:PublishReadyToRun=true \
    -p:ArtifactsPath="$PWD/artifacts/loop-build" -o "$loop" -nologo -v q -clp:ErrorsOnly || return 1
  mv "$loop/building.list" "$known"
  mv "$loop/building.serial" "$serial"
  mv "$loop/building" "$built"
}

# Reqnroll's usage telemetry (an HTTP call as each run starts) costs this loop about 0.2 s; it is
# sent only when asked for here. dotnet test leaves Reqnroll's own default alone.
export REQNROLL_TELEMETRY_ENABLED=${REQNROLL_TELEMETRY_ENABLED:-0}

watch=false
build_only=false
args=()
while (($#)); do
  case $1 in
    --watch) watch=true; shift ;;
    --build) build_only=true; shift ;;
    --) shift; args+=("$@"); break ;;
    *) args+=(-trait "Category=${1#@}"); shift ;;
  esac
done

if ! $watch; then
  if needs_build; then build; fi
  $build_only && exit 0
  exec "$suite" "${args[@]}"
fi

# Watch mode. The next run is started ahead: it gets ready (see features/Standby.cs) and waits for
# "go" on its standard input, a pipe from here, while the files are watched. A save then runs the
# scenarios at once, read from disk as they are then; a change to code builds first.
state=$loop/watch
mkdir -p "$state"
go=$state/go
since=$state/since  # touched as each run starts: what is saved from then on runs next
pid=""
stop_standby() {
  exec 3>&- 2>/dev/null || true
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap 'stop_standby; exit 130' INT TERM
trap stop_standby EXIT

# Any file of the features (scenarios, payloads, schemas) but editors' own, or any code, newer than $since.
changed() {
  [[ -n $(find features -newer "$since" -type f -not -name '.*' -not -name '*~' -not -name '*.swp' -print -quit) ||
     -n $(code_newer_than "$since") || "$(feature_files)" != "$(cat "$known" 2>/dev/null)" ]]
}
# Polling costs a few milliseconds a tenth of a second and needs nothing installed.
wait_for_change() { until changed; do sleep 0.1; done; }

run_now=true
while true; do
  if needs_build && ! build; then
    echo "The build failed; watching for the next save (Ctrl+C stops)."
    touch "$since"; wait_for_change; continue
  fi

  rm -f "$go" "$state/ready"; mkfifo "$go"
  BDDWS_STANDBY=$state/ready "$suite" "${args[@]}" <"$go" &
  pid=$!
  # Read-write: opening never blocks, even should the run have ended already.
  exec 3<>"$go"

  if ! $run_now; then
    echo "Watching features/ and the code; each save runs the scenarios again (Ctrl+C stops)."
    wait_for_change
    if needs_build; then stop_standby; run_now=true; continue; fi
  fi

  touch "$since"
  { echo go >&3; } 2>/dev/null || true
  exec 3>&-
  wait "$pid" || true
  pid=""
  run_now=false
done

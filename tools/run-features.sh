#!/usr/bin/env bash
# The quick loop for people editing features: runs the suite's scenarios (all, or those with
# the given tags) with the same bridge, server and report as `dotnet test`, but builds only when
# code changed or a feature file was added or removed. An edited scenario needs no build: the
# suite reads each feature file from features/ as the run starts.
#
#   tools/run-features.sh                 every scenario
#   tools/run-features.sh echo chat       scenarios tagged @echo or @chat
#   tools/run-features.sh -- -method '*'  anything after -- goes to the test executable as is
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

suite=artifacts/bin/BddWs.Features/debug/BddWs.Features
built=artifacts/bin/BddWs.Features/debug/BddWs.Features.dll

# The feature files the last build knew (the bridge's build records them), against those there are now.
known=artifacts/obj/BddWs.Features/debug/features.list

# The feature files tagged @serial, which the build puts in a collection of their own.
serial=artifacts/obj/BddWs.Features/debug/serial.list
serial_features() { grep -lE '^[[:space:]]*@.*@serial([[:space:]]|$)|^[[:space:]]*@serial([[:space:]]|$)' $(find "$root/features" -name '*.feature' | sort) 2>/dev/null || true; }

needs_build() {
  [[ -f $built && -f $known && -f $serial ]] || return 0
  [[ "$(find "$root/features" -name '*.feature' | sort)" == "$(sort "$known")" ]] || return 0
  [[ "$(serial_features)" == "$(cat "$serial")" ]] || return 0
  # Code, project files and settings newer than the suite's assembly.
  [[ -n $(find features StepDefinitions Support server reqnroll.json global.json Directory.Build.props \
      Directory.Build.targets Directory.Packages.props -newer "$built" -type f \
      \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.targets' -o -name '*.json' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit) ]]
}

if needs_build; then
  echo "Building (code, the list of feature files or their @serial tags changed)..."
  dotnet build features/BddWs.Features.csproj -nologo -v q -clp:ErrorsOnly
  serial_features >"$serial"
fi

# Reqnroll's usage telemetry (an HTTP call as each run starts) costs this loop about 0.2 s; it is
# sent only when asked for here. dotnet test leaves Reqnroll's own default alone.
export REQNROLL_TELEMETRY_ENABLED=${REQNROLL_TELEMETRY_ENABLED:-0}

args=()
while (($#)); do
  case $1 in
    --) shift; args+=("$@"); break ;;
    *) args+=(-trait "Category=${1#@}"); shift ;;
  esac
done

exec "$suite" "${args[@]}"

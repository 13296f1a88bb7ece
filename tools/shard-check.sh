#!/usr/bin/env bash
# Runs this repository's features in shards (BDDWS_SHARD=i/n, default 3), one after another, each a
# separate `dotnet test` process with its own report folder (BDDWS_REPORTS), after one build; prints
# what each shard ran, and checks that the shards' scenarios are disjoint and together are exactly the
# scenarios of the unsharded suite (its `--list-tests`). Exits non-zero when a shard failed or the split
# is not the whole. Usage: tools/shard-check.sh [shards] [work folder]
set -euo pipefail
cd "$(dirname "$0")/.."

shards=${1:-3}
work=${2:-$(mktemp -d -t bddws-shards-XXXXXX)}
mkdir -p "$work"
echo "+ shards: $shards, work folder: $work"

dotnet build features --nologo -v quiet

dotnet test features --no-build --list-tests | sed -n 's/^    //p' | sort > "$work/unsharded.txt"

failed=0
for ((i = 1; i <= shards; i++)); do
  reports="$work/shard-$i"
  echo "+ BDDWS_SHARD=$i/$shards BDDWS_REPORTS=$reports dotnet test features --no-build"
  start=$SECONDS
  if ! BDDWS_SHARD="$i/$shards" BDDWS_REPORTS="$reports" dotnet test features --no-build --nologo \
      --logger "trx;LogFileName=shard-$i.trx" --results-directory "$work/results" > "$work/shard-$i.log" 2>&1; then
    echo "shard $i/$shards failed; its log: $work/shard-$i.log" >&2
    tail -n 30 "$work/shard-$i.log" >&2
    failed=1
  fi
  python3 - "$reports/shard.json" "$i" "$shards" "$((SECONDS - start))" <<'PY'
import json, sys
path, i, n, seconds = sys.argv[1:]
try:
    shard = json.load(open(path))
except OSError:
    print(f"shard {i}/{n}: no shard.json ({path})")
    sys.exit(0)
state = "finished" if shard["finished"] else "NOT finished"
print(f"shard {i}/{n}: {len(shard['features'])} features, {shard['scenarios']} scenarios, balanced by {shard['balancedBy']}, {state}, {seconds} s")
PY
done

# Every shard's TRX names the scenarios it ran; together they must be the unsharded list, each once.
python3 - "$work" "$shards" <<'PY'
import glob, os, sys, xml.etree.ElementTree as ET
work, n = sys.argv[1], int(sys.argv[2])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
ran = []
for trx in sorted(glob.glob(os.path.join(work, "results", "shard-*.trx"))):
    ran += [r.get("testName") for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns)]
whole = open(os.path.join(work, "unsharded.txt"), encoding="utf-8").read().splitlines()
if sorted(ran) != sorted(whole):
    extra = sorted(set(ran) - set(whole)) or [t for t in set(ran) if ran.count(t) > whole.count(t)]
    missing = sorted(set(whole) - set(ran))
    print(f"The {n} shards ran {len(ran)} scenarios, the unsharded suite has {len(whole)}.", file=sys.stderr)
    for name in missing[:20]:
        print(f"  not run by any shard: {name}", file=sys.stderr)
    for name in extra[:20]:
        print(f"  run by more than one shard, or unknown: {name}", file=sys.stderr)
    sys.exit(1)
print(f"The {n} shards ran {len(ran)} scenarios: each of the unsharded suite's {len(whole)}, once.")
PY

exit $failed

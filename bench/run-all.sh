#!/usr/bin/env bash
# Every scenario one after the other, then one line with every figure against its target and, as a
# ratio, against the previous run on this machine (bench/results/runs/). By default each scenario runs
# at its bounded size (about 25 minutes in all: enough to compare a change with the one before it);
# --full runs the sizes of issue 8's targets (hours: 5,000 idle circuits, 1,000 live circuits, 200,000
# posts). A scenario that fails is reported and the others still run.
# Usage: bench/run-all.sh [--full] [--only idle,fanout,active,search,page-load,scale-out]
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

full=false
only="idle,fanout,active,search,page-load,scale-out"
while [ $# -gt 0 ]; do
    case "$1" in
        --full) full=true; shift ;;
        --only) only=$2; shift 2 ;;
        *) echo "usage: bench/run-all.sh [--full] [--only idle,fanout,active,search,page-load,scale-out]" >&2; exit 2 ;;
    esac
done

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
failed=()
run() {
    local name=$1
    shift
    case ",$only," in *",$name,"*) ;; *) return 0 ;; esac
    echo "=== $name: $*"
    if ! "$@"; then
        failed+=("$name")
    fi
}

if $full; then
    run idle bench/circuits.sh idle --circuits 1000,5000 --server-cpus 0
    run fanout bench/circuits.sh fanout --circuits 1000 --seconds 60 --server-cpus 0
    run active bench/circuits.sh active --step 100 --max 2000 --step-seconds 30 --scale 1.0 --server-cpus 0
    run search bench/search.sh --scale 1
    run page-load bench/circuits.sh page-load --seconds 60
    run scale-out bench/scaleout.sh --circuits 200 --posts 60 --server-cpus 0
else
    run idle bench/circuits.sh idle --circuits 200 --server-cpus 0
    run fanout bench/circuits.sh fanout --circuits 200 --seconds 20 --server-cpus 0
    run active bench/circuits.sh active --step 100 --max 500 --step-seconds 20 --server-cpus 0
    run search bench/search.sh --scale 0.1
    run page-load bench/circuits.sh page-load
    run scale-out bench/scaleout.sh
fi

echo
echo "=== Summary (figures written since $started; $(nproc) cores, $(uname -sr))"
dotnet "$repo/bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll" summary --results "$repo/bench/results" --since "$started"
status=$?
if [ ${#failed[@]} -gt 0 ]; then
    echo "Scenarios that failed to run: ${failed[*]}"
    exit 1
fi
exit "$status"

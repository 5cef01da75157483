#!/usr/bin/env bash
# Circuit scenarios, driven by the circuit load client (bench/Portal.Circuits): real Blazor Server
# circuits over /_blazor, signed in with the demo sign-in, against a Release build of the portal on
# a throwaway PostgreSQL. Reports go to bench/results/.
#   idle: N idle circuits on a thread page; the node's managed heap after a full GC, divided by N.
#   fanout: N live circuits on one thread while a member posts 5 times a second; commit → render
#           batch at each circuit (p50/p95/p99, lost) and the database commands per post.
#   active: members acting every 5 s on generated data, ramped until p99 action → render passes 500 ms.
#   page-load: the prerendered home and thread pages at a fixed rate with wrk (installed from Debian
#     when missing), the node on CPU 0 and wrk on CPU 1 unless told otherwise; p95 and CPU per request.
# Usage: bench/circuits.sh idle [--circuits 100,500] [--server-cpus 0] [--target-kb 300] [--parallel 32] [--gcdump folder]
#        bench/circuits.sh fanout [--circuits 200] [--seconds 20] [--rate 5] [--server-cpus 0] [--target-p99 250]
#        bench/circuits.sh active [--step 100] [--max 500] [--step-seconds 20] [--scale 0.1] [--server-cpus 0]
#        bench/circuits.sh page-load [--rate 200] [--seconds 30] [--warmup 10] [--server-cpus 0] [--load-cpus 1]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
scenario=${1:-idle}
shift || true

# shellcheck source=../tools/services.sh
source "$repo/tools/services.sh"

if [ "$scenario" = page-load ] && ! command -v wrk >/dev/null 2>&1; then
    # Debian's "bombardier" is a game, not the HTTP tool; wrk is the packaged load generator.
    echo "Installing wrk from Debian packages…"
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

dotnet build -c Release "$repo/bench/Portal.Bench" -v q -nologo
web="$repo/Portal.Web/bin/Release/net10.0/Portal.Web.dll"
bench="$repo/bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll"
database="bench_circuits_$$"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE $database"
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database;Maximum Pool Size=200"

# dotnet-gcdump (for --gcdump) installs as a global tool.
export PATH="$PATH:$HOME/.dotnet/tools"

case "$scenario" in
    idle) dotnet "$bench" idle-circuits --web "$web" --results "$repo/bench/results" --postgres "$postgres" "$@" ;;
    fanout) dotnet "$bench" fanout-circuits --web "$web" --results "$repo/bench/results" --postgres "$postgres" "$@" ;;
    active) dotnet "$bench" active-members --web "$web" --results "$repo/bench/results" --postgres "$postgres" "$@" ;;
    page-load)
        # Pinned by default: the node on CPU 0, the load on CPU 1 (the first of a repeated flag
        # counts, so the caller's own come first).
        dotnet "$bench" page-load "$@" --web "$web" --results "$repo/bench/results" --postgres "$postgres" \
            --server-cpus 0 --load-cpus 1 ;;
    *) echo "usage: bench/circuits.sh idle|fanout|active|page-load [options], see bench/README.md" >&2; exit 2 ;;
esac

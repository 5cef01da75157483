#!/usr/bin/env bash
# Circuit scenarios, driven by the circuit load client (bench/Portal.Circuits): real Blazor Server
# circuits over /_blazor, signed in with the demo sign-in, against a Release build of the portal on
# a throwaway PostgreSQL. Reports go to bench/results/.
#   idle: N idle circuits on a thread page; the node's managed heap after a full GC, divided by N.
#   fanout: N live circuits on one thread while a member posts 5 times a second; commit → render
#           batch at each circuit (p50/p95/p99, lost) and the database commands per post.
# Usage: bench/circuits.sh idle [--circuits 100,500] [--server-cpus 0] [--target-kb 300]
#        bench/circuits.sh fanout [--circuits 200] [--seconds 20] [--rate 5] [--server-cpus 0] [--target-p99 250]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
scenario=${1:-idle}
shift || true

# shellcheck source=../tools/services.sh
source "$repo/tools/services.sh"

dotnet build -c Release "$repo/bench/Portal.Bench" -v q -nologo
web="$repo/Portal.Web/bin/Release/net10.0/Portal.Web.dll"
bench="$repo/bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll"
database="bench_circuits_$$"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE $database"
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database;Maximum Pool Size=200"

case "$scenario" in
    idle) dotnet "$bench" idle-circuits --web "$web" --results "$repo/bench/results" --postgres "$postgres" "$@" ;;
    fanout) dotnet "$bench" fanout-circuits --web "$web" --results "$repo/bench/results" --postgres "$postgres" "$@" ;;
    *) echo "usage: bench/circuits.sh idle [--circuits N[,N…]] [--server-cpus CPUS] [--target-kb KB]" >&2
       echo "       bench/circuits.sh fanout [--circuits N] [--seconds S] [--rate R] [--server-cpus CPUS] [--target-p99 MS]" >&2; exit 2 ;;
esac

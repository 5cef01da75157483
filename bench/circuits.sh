#!/usr/bin/env bash
# Circuit scenarios, driven by the circuit load client (bench/Portal.Circuits): real Blazor Server
# circuits over /_blazor, signed in with the demo sign-in, against a Release build of the portal on
# a throwaway PostgreSQL. Reports go to bench/results/.
#   idle: N idle circuits on a thread page; the node's managed heap after a full GC, divided by N.
#   active: members acting every 5 s on generated data, ramped until p99 action → render passes 500 ms.
# Usage: bench/circuits.sh idle [--circuits 100,500] [--server-cpus 0] [--target-kb 300] [--parallel 32] [--gcdump folder]
#        bench/circuits.sh active [--step 100] [--max 500] [--step-seconds 20] [--scale 0.1] [--server-cpus 0]
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

# dotnet-gcdump (for --gcdump) installs as a global tool.
export PATH="$PATH:$HOME/.dotnet/tools"

case "$scenario" in
    idle) dotnet "$bench" idle-circuits --web "$web" --results "$repo/bench/results" --postgres "$postgres" "$@" ;;
    active) dotnet "$bench" active-members --web "$web" --results "$repo/bench/results" --postgres "$postgres" "$@" ;;
    *) echo "usage: bench/circuits.sh idle|active [options], see bench/README.md" >&2; exit 2 ;;
esac

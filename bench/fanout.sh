#!/usr/bin/env bash
# Fan-out benchmark: 500 hub clients watch one thread while one member posts 5 times a second for a
# minute; reports commit-to-arrival latency (p50/p90/p99), losses and duplicates, with the
# in-process bus (one node) and with Redis (two nodes). Reports go to bench/results/.
# Usage: bench/fanout.sh [inprocess|redis|both] [--clients N --rate R --seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
mode=${1:-both}
shift || true

# shellcheck source=../tools/services.sh
source "$repo/tools/services.sh"

dotnet build -c Release "$repo/bench/Portal.Bench" -v q -nologo
web="$repo/Portal.Web/bin/Release/net10.0/Portal.Web.dll"
bench="$repo/bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll"

run() {
    local bus=$1; shift
    local database="bench_${bus}_$$"
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE $database"
    dotnet "$bench" --bus "$bus" --web "$web" --results "$repo/bench/results" \
        --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database;Maximum Pool Size=200" \
        --redis "$PORTAL_TEST_REDIS" "$@"
}

case "$mode" in
    inprocess|redis) run "$mode" "$@" ;;
    both) run inprocess "$@"; run redis "$@" ;;
    *) echo "usage: bench/fanout.sh [inprocess|redis|both] [--clients N --rate R --seconds S]" >&2; exit 2 ;;
esac

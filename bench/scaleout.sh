#!/usr/bin/env bash
# The scale-out rehearsal: two Release nodes of the portal on one PostgreSQL, the Redis event bus and
# one Data Protection key folder, behind haproxy with sticky sessions (bench/scaleout/haproxy.cfg), all
# on loopback. By default it measures (circuits through haproxy, posts through node b, node b killed
# and started again) and writes bench/results/scale-out-<time>.md; --hold only starts it all and waits
# for Enter, for a person with a browser (--port fixes haproxy's port).
# Usage: bench/scaleout.sh [--circuits 40] [--posts 20] [--rate 2] [--server-cpus 0] | --hold [--port 8080]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

# shellcheck source=../tools/services.sh
source "$repo/tools/services.sh"

dotnet build -c Release "$repo/bench/Portal.Bench" -v q -nologo
web="$repo/Portal.Web/bin/Release/net10.0/Portal.Web.dll"
bench="$repo/bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll"
database="bench_scaleout_$$"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE $database"

dotnet "$bench" scale-out --web "$web" --results "$repo/bench/results" --haproxy "$repo/bench/scaleout/haproxy.cfg" \
    --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database;Maximum Pool Size=200" \
    --redis "$PORTAL_TEST_REDIS" "$@"

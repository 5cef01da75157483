#!/usr/bin/env bash
# Scenario 4, search: generates the bench's data into a fresh SQLite file and a fresh database on a
# throwaway PostgreSQL (timing each), then asks the mixed query set (200 queries: words, other word
# forms, phrases, filters, names) through the product's SearchService on each, and reports p50/p95/p99.
# The default is a quick look at a tenth of the volume (20,000 posts, a few minutes); the issue's
# figure is at full scale (200,000 posts): --scale 1.
# Usage: bench/search.sh [--scale 0.1] [--queries 200] [--seed 42] [--target-p95 50]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

# shellcheck source=../tools/services.sh
source "$repo/tools/services.sh"

scale=0.1
args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) scale=$2; shift 2 ;;
        *) args+=("$1"); shift ;;
    esac
done

dotnet build -c Release "$repo/bench/Portal.Bench" -v q -nologo
bench="$repo/bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll"
database="bench_search_$$"
psql -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE $database"
# The SQLite file lives in the throwaway folder, removed on exit with the PostgreSQL server.
dotnet "$bench" search --generate --scale "$scale" \
    --sqlite "Data Source=$work/search.db" \
    --postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database" \
    --manifest "$work/search.json" --results "$repo/bench/results" "${args[@]}"

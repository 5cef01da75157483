#!/usr/bin/env bash
# Fills an empty database with the bench's generated data: by default issue 8's volume (2,000 members
# in 120 organisations, 150 workspaces, 10,000 threads, 200,000 posts), the same rows for the same
# seed. The schema comes from the portal's own migrations.
# Usage: bench/generate.sh sqlite|postgres --connection "…" [--seed 42] [--scale 1.0] [--now ISO] [--manifest file.json]
#   bench/generate.sh sqlite --connection "Data Source=/tmp/bench.db" --scale 0.1
#   bench/generate.sh postgres --connection "Host=127.0.0.1;Port=5432;Username=postgres;Database=bench"
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?usage: bench/generate.sh sqlite|postgres --connection "…" [--seed N] [--scale S] [--manifest file.json]}
shift
dotnet build -c Release bench/Portal.Bench -v q -nologo >/dev/null
exec dotnet bench/Portal.Bench/bin/Release/net10.0/Portal.Bench.dll generate --provider "$provider" "$@"

#!/usr/bin/env bash
# The README's test command: installs what the tests need from Debian packages when missing,
# starts a throwaway PostgreSQL and Redis on loopback, runs every test and prints the totals as
# "N passed, N failed" on a line of its own. Works from any folder; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
repo=$(pwd)

# shellcheck source=tools/services.sh
source "$repo/tools/services.sh"

# ---- Tests ----
results="$repo/TestResults"
rm -rf "$results"
set +e
dotnet test "$repo/Portal.sln" --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

# Totals from the TRX files' <Counters> elements.
totals=$("$python" - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
files = glob.glob(sys.argv[1] + "/**/*.trx", recursive=True)
for path in files:
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    get = lambda name: int(counters.get(name, "0"))
    passed += get("passed")
    failed += get("failed") + get("error") + get("timeout") + get("aborted")
    skipped += get("notExecuted")
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
)
echo
echo "$totals"

read -r n_passed _ n_failed _ <<<"${totals//,/}"
if [ "$status" -ne 0 ] || [ "$n_failed" -ne 0 ] || [ "$n_passed" -eq 0 ]; then
    exit 1
fi

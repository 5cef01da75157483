# Sourced by test.sh and the bench scripts: installs chromium, PostgreSQL, Redis and haproxy from Debian
# packages when missing, starts a throwaway PostgreSQL and Redis on loopback ports in a temporary
# folder, exports PORTAL_TEST_POSTGRES and PORTAL_TEST_REDIS, and removes everything on exit.
# Expects `set -euo pipefail`.
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Playwright drives the machine's Chromium; it must never try to fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

python=$(command -v python3 || true)

# ---- Debian packages the tests need (fast when already there) ----
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# The scale-out test and bench/scaleout.sh put two nodes behind it (Debian installs it in /usr/sbin).
[ -x /usr/sbin/haproxy ] || missing+=(haproxy)
[ -n "$python" ] || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from Debian packages…"
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    python=$(command -v python3)
fi
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

free_port() {
    "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# ---- Throwaway services on loopback, stopped and removed on exit ----
work=$(mktemp -d "${TMPDIR:-/tmp}/portal-test.XXXXXX")
pg_data="$work/pg"
redis_dir="$work/redis"
mkdir -p "$pg_data" "$redis_dir"
chmod 755 "$work"  # the postgres user must reach its data folder inside
pg_port=""
redis_port=""

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    set +e
    if [ -n "$redis_port" ]; then
        redis-cli -h 127.0.0.1 -p "$redis_port" shutdown nosave >/dev/null 2>&1 \
            || { [ -f "$redis_dir/redis.pid" ] && kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null; }
    fi
    if [ -n "$pg_port" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1
    fi
    rm -rf "$work"
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] && chown -R postgres "$pg_data"
as_postgres "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; exit 1; }
pg_port=$(free_port)
# Durability is pointless for a throwaway server; many test databases live side by side.
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$pg_data/server.log" \
    -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$pg_data/server.log"; exit 1; }

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
for _ in $(seq 50); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
done

export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
export PORTAL_TEST_REDIS="127.0.0.1:$redis_port"


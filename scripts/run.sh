#!/usr/bin/env bash
# Runs BizSuite locally: MariaDB (unless ConnectionStrings__Default is set), Redis (unless Redis__Configuration is set),
# the API and the Angular app on http://127.0.0.1:${PORT:-5080}, with the demo tenant seeded. Ctrl-C stops the host;
# MariaDB and Redis keep running in .data/ for the next start (stop them with: bash scripts/run.sh --stop-db).
# --hosts N starts N host processes (on the next N ports) behind the proxy (host/BizSuite.Proxy) on $PORT instead of one host.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PORT="${PORT:-5080}"
DB_DIR="$REPO/.data/mariadb"
REDIS_DIR="$REPO/.data/redis"
REDIS_PORT="${REDIS_PORT:-6380}"

HOSTS=0
case "${1:-}" in
  --stop-db) stop_mariadb "$DB_DIR"; stop_redis "$REDIS_DIR"; exit 0 ;;
  --hosts) HOSTS="${2:?--hosts needs a number}" ;;
esac

ensure_apt_packages
ensure_node
if [ -z "${ConnectionStrings__Default:-}" ]; then
  start_mariadb "$DB_DIR" 3307
  export ConnectionStrings__Default="$(mysql_connection_string 3307 bizsuite)"
fi
if [ -z "${Redis__Configuration:-}" ]; then
  start_redis "$REDIS_DIR" "$REDIS_PORT"
  export Redis__Configuration="$(redis_configuration "$REDIS_PORT")"
fi

log "Building the Angular app"
ensure_angular_packages
(cd "$REPO/angular" && npm run build --silent >/dev/null)

log "Building the host"
dotnet build "$REPO/host/BizSuite.Host/BizSuite.Host.csproj" -c Release -v q -nologo >/dev/null
if [ "$HOSTS" -gt 0 ]; then dotnet build "$REPO/host/BizSuite.Proxy/BizSuite.Proxy.csproj" -c Release -v q -nologo >/dev/null; fi

mkdir -p "$REPO/.data"
[ -s "$REPO/.data/jwt.key" ] || head -c 48 /dev/urandom | base64 -w0 > "$REPO/.data/jwt.key"
export Jwt__SigningKey="${Jwt__SigningKey:-$(cat "$REPO/.data/jwt.key")}"
export Seed__DemoTenant=true
export Spa__Path="$REPO/angular/dist/bizsuite/browser"

log "Starting BizSuite (migrations and demo data on first start)"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait "${PIDS[@]}" 2>/dev/null' EXIT INT TERM
if [ "$HOSTS" -eq 0 ]; then
  (cd "$REPO/host/BizSuite.Host/bin/Release/net10.0" && ASPNETCORE_URLS="http://127.0.0.1:$PORT" exec dotnet BizSuite.Host.dll) \
    > "$REPO/.data/host.log" 2>&1 &
  PIDS+=($!)
  LOGS_TEXT=".data/host.log"
else
  # Several stateless hosts on the one MariaDB and Redis, started side by side (the migration lock orders them).
  ADDRESSES=()
  for n in $(seq 1 "$HOSTS"); do
    (cd "$REPO/host/BizSuite.Host/bin/Release/net10.0" && ASPNETCORE_URLS="http://127.0.0.1:$((PORT + n))" exec dotnet BizSuite.Host.dll) \
      > "$REPO/.data/host$n.log" 2>&1 &
    PIDS+=($!)
    ADDRESSES+=("http://127.0.0.1:$((PORT + n))")
  done
  for n in $(seq 1 "$HOSTS"); do wait_for_url "${ADDRESSES[$((n - 1))]}/health/ready" 120 "$REPO/.data/host$n.log"; done
  (cd "$REPO/host/BizSuite.Proxy/bin/Release/net10.0" && Proxy__Hosts="$(IFS=,; echo "${ADDRESSES[*]}")" \
    ASPNETCORE_URLS="http://127.0.0.1:$PORT" exec dotnet BizSuite.Proxy.dll) > "$REPO/.data/proxy.log" 2>&1 &
  PIDS+=($!)
  LOGS_TEXT=".data/proxy.log, .data/host1.log … host$HOSTS.log (hosts on ports $((PORT + 1))–$((PORT + HOSTS)))"
fi
wait_for_url "http://127.0.0.1:$PORT/health/ready" 120 "$REPO/${LOGS_TEXT%%,*}"

cat <<INFO

  BizSuite is running:  http://127.0.0.1:$PORT
  API reference:        http://127.0.0.1:$PORT/scalar
  Logs:                 $LOGS_TEXT

  Demo tenant "demo" (type it in the tenant field):
    admin   / Demo123!   tenant administrator
    manager / Demo123!   manager
    sales   / Demo123!   sales
    finance / Demo123!   finance
  Host administrator (leave the tenant empty):
    admin   / Host123!

  Ctrl-C stops it.
INFO
wait "${PIDS[0]}"

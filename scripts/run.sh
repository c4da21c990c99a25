#!/usr/bin/env bash
# Runs BizSuite locally: MariaDB (unless ConnectionStrings__Default is set), Redis (unless Redis__Configuration is set),
# the API and the Angular app on http://127.0.0.1:${PORT:-5080}, with the demo tenant seeded. Ctrl-C stops the host;
# MariaDB and Redis keep running in .data/ for the next start (stop them with: bash scripts/run.sh --stop-db).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PORT="${PORT:-5080}"
DB_DIR="$REPO/.data/mariadb"
REDIS_DIR="$REPO/.data/redis"
REDIS_PORT="${REDIS_PORT:-6380}"

if [ "${1:-}" = "--stop-db" ]; then stop_mariadb "$DB_DIR"; stop_redis "$REDIS_DIR"; exit 0; fi

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

mkdir -p "$REPO/.data"
[ -s "$REPO/.data/jwt.key" ] || head -c 48 /dev/urandom | base64 -w0 > "$REPO/.data/jwt.key"
export Jwt__SigningKey="${Jwt__SigningKey:-$(cat "$REPO/.data/jwt.key")}"
export Seed__DemoTenant=true
export Spa__Path="$REPO/angular/dist/bizsuite/browser"
export ASPNETCORE_URLS="http://127.0.0.1:$PORT"

log "Starting BizSuite (migrations and demo data on first start)"
cd "$REPO/host/BizSuite.Host/bin/Release/net10.0"
dotnet BizSuite.Host.dll > "$REPO/.data/host.log" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null; wait $HOST_PID 2>/dev/null' EXIT INT TERM
wait_for_url "http://127.0.0.1:$PORT/health/ready" 120 "$REPO/.data/host.log"

cat <<INFO

  BizSuite is running:  http://127.0.0.1:$PORT
  API reference:        http://127.0.0.1:$PORT/scalar
  Log:                  .data/host.log

  Demo tenant "demo" (type it in the tenant field):
    admin   / Demo123!   tenant administrator
    manager / Demo123!   manager
    sales   / Demo123!   sales
    finance / Demo123!   finance
  Host administrator (leave the tenant empty):
    admin   / Host123!

  Ctrl-C stops it.
INFO
wait $HOST_PID

#!/usr/bin/env bash
# Runs every test: .NET unit, architecture and integration tests (against a throw-away MariaDB),
# the generated API types check, Angular unit tests, the production build, browser end-to-end tests against the real host, and the
# compose file check. Every suite runs even when one fails; the last line is "N passed, N failed".
# BIZSUITE_TEST_DB_PORT, BIZSUITE_TEST_REDIS_PORT and BIZSUITE_E2E_PORT move the test MariaDB, Redis and the end-to-end proxy
# (its two hosts listen on the next two ports; several checkouts side by side); an existing Redis is used when Redis__Configuration is set.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
LOGS="$REPO/.data/logs"
DB_DIR="$REPO/.data/test-mariadb"
DB_PORT="${BIZSUITE_TEST_DB_PORT:-3317}"
E2E_PORT="${BIZSUITE_E2E_PORT:-5099}"
REDIS_DIR="$REPO/.data/test-redis"
REDIS_PORT="${BIZSUITE_TEST_REDIS_PORT:-6381}"
PASSED=0
FAILED=0
SUMMARY=()
HOST_PIDS=()

stop_hosts() {
  local pid
  for pid in "${HOST_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${HOST_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  HOST_PIDS=()
}

cleanup() {
  stop_hosts
  stop_mariadb "$DB_DIR"
  stop_redis "$REDIS_DIR"
}
trap cleanup EXIT

strip() { sed 's/\x1b\[[0-9;]*[a-zA-Z]//g' "$1"; }

# record NAME PASSED FAILED EXIT_CODE LOG: a suite that failed without counting a failure counts as one.
record() {
  local name="$1" passed="${2:-0}" failed="${3:-0}" code="$4" log="$5"
  if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
  PASSED=$((PASSED + passed)); FAILED=$((FAILED + failed))
  SUMMARY+=("$(printf '%-24s %4d passed, %4d failed' "$name" "$passed" "$failed")")
  if [ "$failed" -gt 0 ]; then log "$name failed; last lines of ${log#$REPO/}:"; strip "$log" | tail -n 60 >&2; fi
}

# dotnet test prints per assembly: "Passed!  - Failed:     0, Passed:    24, Skipped: ..." (or "Failed!  - ...")
count_dotnet() {
  local p f
  p=$(strip "$1" | grep -E '^(Passed|Failed)! ' | sed -E 's/.*Passed: *([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
  f=$(strip "$1" | grep -E '^(Passed|Failed)! ' | sed -E 's/.*Failed: *([0-9]+),.*/\1/' | awk '{s+=$1} END {print s+0}')
  echo "${p:-0} ${f:-0}"
}

# Vitest: " Tests  12 passed (12)" or " Tests  1 failed | 11 passed (12)"; Playwright: "  12 passed (3.1s)", "  1 failed".
count_summary() {
  local text p f
  text=$(strip "$1" | grep -E "$2" | tail -n 3)
  p=$(echo "$text" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$(echo "$text" | grep -oE '[0-9]+ (failed|flaky)' | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  echo "${p:-0} ${f:-0}"
}

mkdir -p "$LOGS"
ensure_apt_packages
ensure_node
ensure_dotnet_tools

log "Starting a throw-away MariaDB"
stop_mariadb "$DB_DIR"; rm -rf "$DB_DIR"
start_mariadb "$DB_DIR" "$DB_PORT" || { record "mariadb" 0 1 1 "$DB_DIR/run/mariadbd.err"; }
export BIZSUITE_TEST_MYSQL="$(mysql_connection_string "$DB_PORT")"
if [ -z "${Redis__Configuration:-}" ]; then
  log "Starting a throw-away Redis"
  stop_redis "$REDIS_DIR"
  start_redis "$REDIS_DIR" "$REDIS_PORT" || { record "redis" 0 1 1 "$REDIS_DIR/redis.log"; }
  export Redis__Configuration="$(redis_configuration "$REDIS_PORT")"
fi

log ".NET: build"
if dotnet build "$REPO/BizSuite.sln" -c Release -nologo -v q > "$LOGS/dotnet-build.log" 2>&1; then
  log ".NET: unit, architecture and integration tests"
  dotnet test "$REPO/BizSuite.sln" -c Release --no-build -nologo > "$LOGS/dotnet-test.log" 2>&1
  code=$?
  read -r p f < <(count_dotnet "$LOGS/dotnet-test.log")
  record ".NET tests" "$p" "$f" "$code" "$LOGS/dotnet-test.log"
else
  record ".NET build" 0 1 1 "$LOGS/dotnet-build.log"
fi

if [ -f "$REPO/angular/package.json" ]; then
  cd "$REPO/angular"
  ensure_angular_packages > "$LOGS/npm-ci.log" 2>&1 || record "npm ci" 0 1 1 "$LOGS/npm-ci.log"
  log "Angular: generated API types match the committed OpenAPI snapshot"
  npm run api:check > "$LOGS/api-check.log" 2>&1
  code=$?
  record "API types check" $((code == 0 ? 1 : 0)) $((code == 0 ? 0 : 1)) "$code" "$LOGS/api-check.log"

  log "Angular: unit tests"
  CI=true npm test > "$LOGS/angular-test.log" 2>&1
  code=$?
  read -r p f < <(count_summary "$LOGS/angular-test.log" '^ *Tests +[0-9]|Executed [0-9]+ of|^ *[0-9]+ (passed|failed)')
  record "Angular unit tests" "$p" "$f" "$code" "$LOGS/angular-test.log"

  log "Angular: production build"
  npm run build > "$LOGS/angular-build.log" 2>&1
  code=$?
  record "Angular build" $((code == 0 ? 1 : 0)) $((code == 0 ? 0 : 1)) "$code" "$LOGS/angular-build.log"

  if [ "$code" -eq 0 ] && [ -f "$REPO/host/BizSuite.Host/bin/Release/net10.0/BizSuite.Host.dll" ]; then
    # Two host processes on one database and one Redis behind the proxy, as in production; they start side by side
    # (the first to take the migration lock migrates and seeds, the other waits for it).
    log "End to end: hosts on 127.0.0.1:$((E2E_PORT + 1)) and :$((E2E_PORT + 2)) behind the proxy on :$E2E_PORT"
    E2E_STARTED=$(date +%s%N)
    for n in 1 2; do
      (
        cd "$REPO/host/BizSuite.Host/bin/Release/net10.0"
        ConnectionStrings__Default="$(mysql_connection_string "$DB_PORT" bizsuite_e2e)" \
        Jwt__SigningKey="end-to-end-tests-signing-key-0123456789" \
        Seed__DemoTenant=true Spa__Path="$REPO/angular/dist/bizsuite/browser" Identity__LoginsPerMinutePerAddress=600 \
        RobotNotifier__AllowedHosts="qyapi.weixin.qq.com,oapi.dingtalk.com,127.0.0.1" Webhooks__AllowPrivateNetworks=true \
        ASPNETCORE_URLS="http://127.0.0.1:$((E2E_PORT + n))" exec dotnet BizSuite.Host.dll
      ) > "$LOGS/e2e-host$n.log" 2>&1 &
      HOST_PIDS+=($!)
    done
    (
      cd "$REPO/host/BizSuite.Proxy/bin/Release/net10.0"
      Proxy__Hosts="http://127.0.0.1:$((E2E_PORT + 1)),http://127.0.0.1:$((E2E_PORT + 2))" \
      ASPNETCORE_URLS="http://127.0.0.1:$E2E_PORT" exec dotnet BizSuite.Proxy.dll
    ) > "$LOGS/e2e-proxy.log" 2>&1 &
    HOST_PIDS+=($!)
    if wait_for_url "http://127.0.0.1:$((E2E_PORT + 1))/health/ready" 120 "$LOGS/e2e-host1.log" &&
       wait_for_url "http://127.0.0.1:$((E2E_PORT + 2))/health/ready" 120 "$LOGS/e2e-host2.log" &&
       wait_for_url "http://127.0.0.1:$E2E_PORT/health/ready" 30 "$LOGS/e2e-proxy.log"; then
      log "Hosts and proxy ready after $(( ($(date +%s%N) - E2E_STARTED) / 1000000 )) ms"
      E2E_HOST_URLS="http://127.0.0.1:$((E2E_PORT + 1)),http://127.0.0.1:$((E2E_PORT + 2))" \
      E2E_BASE_URL="http://127.0.0.1:$E2E_PORT" CI=true npm run e2e > "$LOGS/e2e.log" 2>&1
      code=$?
      read -r p f < <(count_summary "$LOGS/e2e.log" '^ *[0-9]+ (passed|failed|flaky)')
      record "End to end (Chromium)" "$p" "$f" "$code" "$LOGS/e2e.log"
      log "OpenAPI: Redocly lint of the host's /openapi/v1.json"
      "$REPO/scripts/openapi-lint.sh" "http://127.0.0.1:$E2E_PORT" > "$LOGS/openapi-lint.log" 2>&1
      code=$?
      record "OpenAPI lint" $((code == 0 ? 1 : 0)) $((code == 0 ? 0 : 1)) "$code" "$LOGS/openapi-lint.log"
    else
      record "End to end hosts" 0 1 1 "$LOGS/e2e-proxy.log"
    fi
    stop_hosts
  fi
  cd "$REPO"
fi

log "Docker: compose file"
docker-compose -f "$REPO/docker/compose.yml" config -q > "$LOGS/compose.log" 2>&1
code=$?
record "docker-compose config" $((code == 0 ? 1 : 0)) $((code == 0 ? 0 : 1)) "$code" "$LOGS/compose.log"

echo
printf '%s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]

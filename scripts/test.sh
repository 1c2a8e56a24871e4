#!/usr/bin/env bash
# The one test command for LoanSaaS.
#
# Installs what the tests need (Debian packages only), starts a private
# PostgreSQL (127.0.0.1:55432) and Redis (127.0.0.1:56379) under .test-data/,
# validates the compose file, builds the solution and runs every test project
# in tests/*/. Ends with exactly one line: "N passed, N failed, N skipped".
#
# With --services it stops after starting PostgreSQL and Redis.
#
# Safe to run twice: installs, initdb, role creation and server starts are all
# skipped when already done. PostgreSQL and Redis are left running.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

PG_PORT="${LOANSAAS_TEST_PG_PORT:-55432}"
REDIS_PORT="${LOANSAAS_TEST_REDIS_PORT:-56379}"
TEST_DATA="$REPO/.test-data"
PG_ROOT="$TEST_DATA/pg"
PG_DATA="$PG_ROOT/data"
PG_SOCK="$PG_ROOT/run"
PG_LOG="$PG_ROOT/postgres.log"
REDIS_DIR="$TEST_DATA/redis"
LOG_DIR="$REPO/artifacts/test-logs"
# Per test project wall-clock limit, so a hung browser or server cannot stall CI forever.
PROJECT_TIMEOUT="${LOANSAAS_TEST_TIMEOUT:-1800}"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*"; }

# ---------------------------------------------------------------------------
# 1. Debian packages (apt-get update at most once, only if something is missing)
# ---------------------------------------------------------------------------
have_pkg() { dpkg -s "$1" >/dev/null 2>&1; }
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if ! have_pkg fonts-noto-cjk && ! { command -v fc-list >/dev/null 2>&1 && fc-list | grep -qi 'Noto Sans CJK'; }; then
  missing+=(fonts-noto-cjk)
fi
have_pkg docker-compose || missing+=(docker-compose)

if ((${#missing[@]})); then
  log "installing: ${missing[*]}"
  apt-get update
  # --no-install-recommends: docker-compose would otherwise pull in a whole docker engine.
  apt-get install -y --no-install-recommends "${missing[@]}"
else
  log "packages present (chromium, postgresql, redis-server, fonts-noto-cjk, docker-compose)"
fi

# ---------------------------------------------------------------------------
# 2. PostgreSQL on 127.0.0.1:55432, data under .test-data/pg
# ---------------------------------------------------------------------------
PG_BIN="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)"
[[ -x "$PG_BIN/initdb" ]] || { echo "initdb not found under /usr/lib/postgresql/*/bin" >&2; exit 1; }
as_pg() { runuser -u postgres -- "$@"; }

mkdir -p "$PG_ROOT" "$PG_SOCK"
chown postgres:postgres "$PG_ROOT" "$PG_SOCK"
chmod 700 "$PG_ROOT"
# postgres must be able to traverse every directory above its data dir.
dir="$TEST_DATA"
while [[ "$dir" != "/" ]]; do
  as_pg test -x "$dir" || chmod o+x "$dir"
  dir="$(dirname "$dir")"
done
chmod 755 "$TEST_DATA"

pg_init() {
  [[ -s "$PG_DATA/PG_VERSION" ]] && return 0
  log "initdb $PG_DATA"
  rm -rf "$PG_DATA"
  local locale="C"
  if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale="C.UTF-8"; fi
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 --locale="$locale" >/dev/null
}

if [[ -s "$PG_DATA/PG_VERSION" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
  log "postgresql already running ($PG_DATA)"
elif "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
  # e.g. a second checkout on the same machine: share its server rather than fight for the port.
  log "port $PG_PORT already served by another PostgreSQL; reusing it"
else
  pg_init
  log "starting postgresql on 127.0.0.1:$PG_PORT"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
    -o "-p $PG_PORT -k $PG_SOCK -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { echo "postgresql failed to start; see $PG_LOG" >&2; tail -n 20 "$PG_LOG" >&2 || true; exit 1; }
fi

psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"; }
if [[ "$(psql_admin -tAc "select 1 from pg_roles where rolname = 'loansaas'")" != "1" ]]; then
  log "creating role loansaas"
  psql_admin -c "create role loansaas with login createdb password 'loansaas'"
fi

# ---------------------------------------------------------------------------
# 3. Redis on 127.0.0.1:56379
# ---------------------------------------------------------------------------
mkdir -p "$REDIS_DIR"
if [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null || true)" == "PONG" ]]; then
  log "redis already running on 127.0.0.1:$REDIS_PORT"
else
  log "starting redis on 127.0.0.1:$REDIS_PORT"
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --dir "$REDIS_DIR" \
    --save '' --appendonly no --logfile "$REDIS_DIR/redis.log" --pidfile "$REDIS_DIR/redis.pid"
  for _ in $(seq 1 50); do
    [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null || true)" == "PONG" ]] && break
    sleep 0.1
  done
  [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null || true)" == "PONG" ]] \
    || { echo "redis failed to start; see $REDIS_DIR/redis.log" >&2; exit 1; }
fi

export LOANSAAS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=loansaas;Password=loansaas"
export LOANSAAS_TEST_REDIS="127.0.0.1:$REDIS_PORT"
export LOANSAAS_CHROMIUM=/usr/bin/chromium

# `./scripts/test.sh --services`: only install and start what the tests need (for running one test project by hand).
if [[ "${1:-}" == "--services" ]]; then
  log "PostgreSQL on 127.0.0.1:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT are running"
  exit 0
fi

# ---------------------------------------------------------------------------
# 4. Checks, build, tests
# ---------------------------------------------------------------------------
rm -rf "$LOG_DIR"
mkdir -p "$LOG_DIR"
failures=()

# Runs a command, tees its output to a log, returns the command's exit code.
run_logged() {
  local logfile="$1"; shift
  local rc
  set +e
  "$@" 2>&1 | tee "$logfile"
  rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}

log "validating deploy/docker-compose.yml"
if run_logged "$LOG_DIR/compose-config.log" docker-compose -f deploy/docker-compose.yml config -q; then
  log "compose file ok"
else
  failures+=("docker-compose config")
fi

build_ok=1
log "dotnet restore"
if ! run_logged "$LOG_DIR/restore.log" dotnet restore LoanSaaS.sln; then
  failures+=("restore"); build_ok=0
fi
if ((build_ok)); then
  log "dotnet build (Release)"
  if ! run_logged "$LOG_DIR/build.log" dotnet build LoanSaaS.sln -c Release --no-restore; then
    failures+=("build"); build_ok=0
  fi
fi

shopt -s nullglob
projects=(tests/*/*.csproj)
shopt -u nullglob
if ((${#projects[@]} == 0)); then
  failures+=("no test projects found under tests/*/")
fi

for project in "${projects[@]}"; do
  name="$(basename "$(dirname "$project")")"
  log "testing $name"
  args=(dotnet test "$project" -c Release --logger "console;verbosity=normal")
  # After a clean solution build use it; otherwise let each project build itself, so the
  # projects that still compile report results (and stale binaries are never tested).
  if ((build_ok)); then args+=(--no-build); fi
  if ! run_logged "$LOG_DIR/$name.log" timeout --foreground -k 30 "$PROJECT_TIMEOUT" "${args[@]}"; then
    failures+=("$name")
  fi
done

# ---------------------------------------------------------------------------
# 5. Totals
# ---------------------------------------------------------------------------
# dotnet test prints either a per-assembly line (minimal verbosity)
#   "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ..."
# or, at normal verbosity, a block
#   "Total tests: 3" / "     Passed: 1" / "     Failed: 1" / "    Skipped: 1" / " Total time: ..."
# Per log, the one-line form wins when present; otherwise the blocks are summed.
summarise() {
  sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e 's/\r$//' "$1" | awk '
    /^[[:space:]]*(Passed|Failed)![[:space:]]+-[[:space:]]+Failed:/ {
      line = $0
      if (match(line, /Failed:[[:space:]]*[0-9]+/))  { s = substr(line, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); lf += s }
      if (match(line, /Passed:[[:space:]]*[0-9]+/))  { s = substr(line, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); lp += s }
      if (match(line, /Skipped:[[:space:]]*[0-9]+/)) { s = substr(line, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); ls += s }
      oneline = 1; next
    }
    /^Total tests:[[:space:]]*[0-9]+/ { inblock = 1; next }
    inblock && /^[[:space:]]*Passed:[[:space:]]*[0-9]+[[:space:]]*$/  { s = $0; gsub(/[^0-9]/, "", s); bp += s; next }
    inblock && /^[[:space:]]*Failed:[[:space:]]*[0-9]+[[:space:]]*$/  { s = $0; gsub(/[^0-9]/, "", s); bf += s; next }
    inblock && /^[[:space:]]*Skipped:[[:space:]]*[0-9]+[[:space:]]*$/ { s = $0; gsub(/[^0-9]/, "", s); bs += s; next }
    inblock && /^[[:space:]]*Total time:/ { inblock = 0; next }
    END {
      if (oneline) print lp + 0, lf + 0, ls + 0
      else         print bp + 0, bf + 0, bs + 0
    }'
}

passed=0; failed=0; skipped=0
for project in "${projects[@]}"; do
  name="$(basename "$(dirname "$project")")"
  [[ -f "$LOG_DIR/$name.log" ]] || continue
  read -r p f s < <(summarise "$LOG_DIR/$name.log")
  printf '    %-20s %4d passed, %4d failed, %4d skipped\n' "$name" "$p" "$f" "$s"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

echo "Logs: $LOG_DIR (PostgreSQL log: $PG_LOG, Redis log: $REDIS_DIR/redis.log)"
status=0
if ((${#failures[@]})); then
  echo "Failed steps: ${failures[*]}"
  status=1
fi
if ((failed > 0)); then status=1; fi
if ((passed + failed + skipped == 0)); then
  echo "No tests ran."
  status=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"

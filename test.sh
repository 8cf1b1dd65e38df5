#!/usr/bin/env bash
# Builds and runs every test of the solution, installing what the tests need first:
# PostgreSQL (a throwaway cluster on 127.0.0.1, stopped at the end), Chromium and CJK fonts.
# Ends with one line, counted from the xUnit result files: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
WORK=$(mktemp -d /tmp/arena-test.XXXXXX)
chmod 755 "$WORK"
CONFIG=${CONFIG:-Release}

log() { echo "test.sh: $*" >&2; }

apt_updated=0
need_pkg() { # need_pkg <check-command> <package...>
  local check=$1; shift
  if ! eval "$check" >/dev/null 2>&1; then
    if [ "$apt_updated" = 0 ]; then apt-get update -qq >/dev/null 2>&1 || true; apt_updated=1; fi
    log "installing $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || { log "could not install $*"; exit 1; }
  fi
}

need_pkg 'ls /usr/lib/postgresql/*/bin/initdb' postgresql
need_pkg 'command -v npm' nodejs npm
need_pkg 'command -v chromium' chromium
need_pkg 'fc-list | grep -qi "Noto Sans CJK"' fonts-noto-cjk

free_port() {
  local p
  while :; do
    p=$(( (RANDOM % 20000) + 20000 ))
    (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo $p; return; }
  done
}

# --- a throwaway PostgreSQL ---------------------------------------------------
PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
PGDATA="$WORK/pg"; PGPORT=$(free_port)
mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
as_pg "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 >/dev/null" || { log "initdb failed"; exit 1; }
as_pg "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/log -w -o \"-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on\" start >/dev/null" \
  || { log "PostgreSQL did not start"; cat "$PGDATA/log" >&2; exit 1; }
cleanup() {
  as_pg "$PGBIN/pg_ctl -D $PGDATA -m immediate stop >/dev/null 2>&1"
  rm -rf "$WORK"
}
trap cleanup EXIT
export ARENA_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
log "PostgreSQL on 127.0.0.1:$PGPORT"

# --- build -----------------------------------------------------------------------
dotnet build Arena.sln -c "$CONFIG" -nologo -v quiet -clp:ErrorsOnly || { log "build failed"; echo "0 passed, 1 failed"; exit 1; }

# --- the self-contained linux-x64 release folder that ReleaseFolderTests starts -----------
ARENA_PUBLISH_ZIP=0 ./publish.sh linux-x64 >&2 || { log "publish failed"; echo "0 passed, 1 failed"; exit 1; }

# --- run every test project (each is an xUnit v3 executable) -----------------------
status=0
for proj in tests/*.Tests/*.csproj; do
  name=$(basename "$proj" .csproj)
  exe="$(dirname "$proj")/bin/$CONFIG/net10.0/$name"
  log "running $name"
  "$exe" -noColor -noLogo -result-xml "$WORK/$name.xml" "$@" || status=1
  [ -f "$WORK/$name.xml" ] || { log "$name produced no results"; status=1; }
done

read -r passed failed skipped < <(cat "$WORK"/*.xml 2>/dev/null | grep -o '<assembly [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]);
      if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2];
      if (kv[1] == "skipped") s += kv[2]; if (kv[1] == "errors") f += kv[2]; } }
  END { print p + 0, f + 0, s + 0 }')
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] && [ "$status" -eq 0 ]

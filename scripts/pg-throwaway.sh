#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the load benchmark: created with initdb in a folder, listening
# only on a Unix socket in that folder (no TCP port), stopped and removed with the folder.
#
#   scripts/pg-throwaway.sh start DIR [--password-file FILE]
#       creates DIR, starts the cluster and prints its URL (postgresql://newsevents@/news?host=DIR) on standard
#       output. Without --password-file every local login is trusted; with it the user newsevents has the
#       password on the file's first line and logins need it (scram-sha-256).
#   scripts/pg-throwaway.sh stop DIR
#       stops the cluster (fast shutdown) and removes DIR.
#   scripts/pg-throwaway.sh kill DIR
#       stops it at once (immediate shutdown, as a crash would), keeping DIR: `restart DIR` starts it again.
#
# Run as root (CI), initdb and the server run as the system user postgres, which owns DIR; otherwise as you.
# Needs Debian's postgresql package (scripts/install-deps.sh --with-browser installs it).
set -euo pipefail

# Close every descriptor above 2 that we inherited: the server must not keep one open (Foundation's Process, in the
# tests, learns that this script ended from a socket the script inherits).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done

command=${1:?usage: pg-throwaway.sh start|stop|kill|restart DIR [--password-file FILE]}
dir=${2:?usage: pg-throwaway.sh start|stop|kill|restart DIR [--password-file FILE]}

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$candidate/initdb" ]; then bindir=$candidate; break; fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then bindir=$(dirname "$(command -v initdb)"); fi
[ -n "$bindir" ] || { echo "pg-throwaway.sh: no initdb: install PostgreSQL (Debian: apt-get install postgresql)" >&2; exit 1; }

as=()
if [ "$(id -u)" -eq 0 ]; then as=(runuser -u postgres --); fi

# The server gets no descriptor of ours (a caller reading our output to its end would wait for the server to exit):
# its output goes to DIR/server.log, pg_ctl's to DIR/pg_ctl.log, shown when the start fails.
pg_ctl_start() {
  if ! "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses= -c fsync=off -c full_page_writes=off -c max_connections=20" start \
    </dev/null >"$dir/pg_ctl.log" 2>&1; then
    cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
    exit 1
  fi
}

case "$command" in
  start)
    mkdir -p "$dir"
    chmod 700 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    auth=(--auth=trust)
    if [ "${3:-}" = "--password-file" ]; then
      password_file=${4:?--password-file needs a file}
      head -n 1 "$password_file" > "$dir/pwfile"
      [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pwfile"
      auth=(--auth=scram-sha-256 "--pwfile=$dir/pwfile")
    fi
    "${as[@]}" "$bindir/initdb" -D "$dir/data" -U newsevents -E UTF8 --no-locale --no-sync "${auth[@]}" >/dev/null
    rm -f "$dir/pwfile"
    pg_ctl_start
    PGPASSWORD=$( [ "${3:-}" = "--password-file" ] && head -n 1 "$4" || true ) \
      "$bindir/createdb" -h "$dir" -U newsevents news
    echo "postgresql://newsevents@/news?host=$dir"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  kill)
    "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  restart)
    pg_ctl_start
    ;;
  *)
    echo "pg-throwaway.sh: unknown command '$command' (start, stop, kill, restart)" >&2
    exit 64
    ;;
esac

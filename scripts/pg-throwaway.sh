#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the load benchmark: created with initdb in a folder, listening
# on a Unix socket in that folder (and on no TCP port unless --tls), stopped and removed with the folder.
#
#   scripts/pg-throwaway.sh start DIR [--password-file FILE] [--tls PORT]
#       creates DIR, starts the cluster and prints its URL (postgresql://newsevents@/news?host=DIR&port=5432) on
#       standard output. Without --password-file every login is trusted; with it the user newsevents has the
#       password on the file's first line and logins need it (scram-sha-256). With --tls, the server also listens
#       on 127.0.0.1:PORT and offers TLS there with a self-signed certificate for "localhost" made by openssl in
#       DIR (plain connections are accepted too); the socket then has PORT in its name.
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

usage="usage: pg-throwaway.sh start|stop|kill|restart DIR [--password-file FILE] [--tls PORT]"
command=${1:?$usage}
dir=${2:?$usage}
shift 2
password_file=""
tls_port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --password-file) password_file=${2:?--password-file needs a file}; shift 2 ;;
    --tls) tls_port=${2:?--tls needs a port}; shift 2 ;;
    *) echo "pg-throwaway.sh: unknown option '$1'; $usage" >&2; exit 64 ;;
  esac
done

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
# The server's options are kept in DIR/options, so that `restart` starts it as `start` did.
pg_ctl_start() {
  if ! "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$(cat "$dir/options")" start \
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
    password=""
    if [ -n "$password_file" ]; then
      password=$(head -n 1 "$password_file")
      printf '%s\n' "$password" > "$dir/pwfile"
      [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pwfile"
      auth=(--auth=scram-sha-256 "--pwfile=$dir/pwfile")
    fi
    "${as[@]}" "$bindir/initdb" -D "$dir/data" -U newsevents -E UTF8 --no-locale --no-sync "${auth[@]}" >/dev/null
    rm -f "$dir/pwfile"
    port=5432
    options="-k $dir -c fsync=off -c full_page_writes=off -c max_connections=20"
    if [ -n "$tls_port" ]; then
      port=$tls_port
      openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
        -keyout "$dir/server.key" -out "$dir/server.crt" >/dev/null 2>&1
      chmod 600 "$dir/server.key"
      [ "$(id -u)" -eq 0 ] && chown postgres "$dir/server.key" "$dir/server.crt"
      options="$options -p $port -c listen_addresses=127.0.0.1 -c ssl=on"
      options="$options -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key"
    else
      options="$options -c listen_addresses="
    fi
    echo "$options" > "$dir/options"
    pg_ctl_start
    PGPASSWORD=$password "$bindir/createdb" -h "$dir" -p "$port" -U newsevents news
    echo "postgresql://newsevents@/news?host=$dir&port=$port"
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

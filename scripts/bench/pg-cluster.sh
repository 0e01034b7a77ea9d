# Sourced by the PostgreSQL benchmarks (db-load.sh, db-run.sh) after scripts/release-bin.sh: starts a throwaway
# cluster (scripts/pg-throwaway.sh) with the newsevents schema, sets `cluster` and `url`, removes the cluster and
# `$work` on exit, and defines `sql` (psql on the cluster, unaligned, tuples only) and `median`.
# Not under $work: the server runs as the user postgres (when we are root), who cannot enter it.
cluster="$(mktemp -u /tmp/ne-pg-bench-XXXXXX)"
trap 'scripts/pg-throwaway.sh stop "$cluster" 2>/dev/null || true; rm -rf "$work"' EXIT
url="$(scripts/pg-throwaway.sh start "$cluster")"
"$NEWSEVENTS_BIN" db init --postgres "$url" 2>/dev/null
sql() { psql -X -q -A -t -h "$cluster" -U newsevents -d news "$@"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

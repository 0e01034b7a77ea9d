#!/usr/bin/env bash
# What the PostgreSQL sink costs the batch job: `newsevents run` over a corpus of N documents (default 1,000, made
# by scripts/make-warc.py corpus from the benchmark pages, as HTML files) writing JSON Lines only, and writing
# JSON Lines and each article's rows to a throwaway cluster (scripts/pg-throwaway.sh, Unix socket), each run from
# an empty state, alternating, ROUNDS times (default 3). Reports the median wall time of each, their ratio, and
# checks that the database holds the events of the JSON Lines file.
#   scripts/bench/db-run.sh [N] [ROUNDS] [WORKERS]
# Uses $NEWSEVENTS_BIN when set, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-1000}"
rounds="${2:-3}"
workers="${3:-2}"
. scripts/release-bin.sh
. scripts/bench/pg-cluster.sh
python3 scripts/make-warc.py corpus "$count" "$work/corpus" --seed 5 --files >/dev/null

run() {  # name extra-sink-line -> seconds
  rm -rf "$work/$1"
  mkdir -p "$work/$1"
  printf '[sources]\ndirectories = ["%s"]\n[sink]\npath = "out/events.jsonl"\n%s\n[scheduler]\nworkers = %s\n' \
    "$work/corpus" "$2" "$workers" >"$work/$1/pipeline.conf"
  local start end
  start=$(date +%s.%N)
  "$NEWSEVENTS_BIN" run --config "$work/$1/pipeline.conf" --log-level critical
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

file_times=()
db_times=()
for round in $(seq "$rounds"); do
  file_times+=("$(run file "")")
  sql -c "TRUNCATE entities, events, articles, retractions"
  db_times+=("$(run db "postgres = \"$url\"")")
done
events_file=$(wc -l <"$work/db/out/events.jsonl")
events_db=$(sql -c "SELECT count(*) FROM events")
articles_db=$(sql -c "SELECT count(*) FROM articles")
file=$(median "${file_times[@]}")
db=$(median "${db_times[@]}")
echo "corpus: $count documents, $workers workers, $rounds rounds"
echo "run, JSON Lines only:            $file s (rounds: ${file_times[*]})"
echo "run, JSON Lines and PostgreSQL:  $db s (rounds: ${db_times[*]})"
echo "ratio: $(echo "scale=2; $db / $file" | bc)x; the database holds $events_db events of the file's $events_file, $articles_db articles"
[ "$events_db" -eq "$events_file" ] || { echo "db-run: the database and the file differ" >&2; exit 1; }

#!/usr/bin/env bash
# PostgreSQL load throughput: `newsevents load` of N event records (default 100,000) against `psql \copy` of the
# very same rows (articles, events, entities: the rows the load wrote, exported with COPY TO), into the same
# tables with the same indexes, in a throwaway cluster (scripts/pg-throwaway.sh, Unix socket, fsync off for both).
# Rounds alternate (copy, load, copy, load, ...), each into emptied tables; wall-clock seconds, median of ROUNDS.
# The records are the fixtures' event records, each copied with new event and article ids.
#   scripts/bench/db-load.sh [N] [ROUNDS] [BATCH]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-100000}"
rounds="${2:-3}"
batch="${3:-1000}"
source scripts/release-bin.sh
. scripts/bench/pg-cluster.sh

python3 - "$count" "$work/events.jsonl" <<'PY'
import glob, json, sys
count, path = int(sys.argv[1]), sys.argv[2]
records = []
for name in sorted(glob.glob("fixtures/*.expected.jsonl")):
    if not name.endswith(".article.expected.jsonl"):
        records += [json.loads(line) for line in open(name, encoding="utf-8")]
with open(path, "w", encoding="utf-8") as out:
    for index in range(count):
        record = dict(records[index % len(records)])
        copy = index // len(records)
        record["id"] = "%s-%d" % (record["id"], copy)
        article = dict(record["article"])
        article["id"] = "%s-%d" % (article["id"], copy)
        record["article"] = article
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
PY

empty() { sql -c "TRUNCATE entities, events, articles, retractions"; }
now() { date +%s.%N; }
# The rows a load writes, exported once as the baseline's input.
"$NEWSEVENTS_BIN" load --postgres "$url" --batch "$batch" "$work/events.jsonl" 2>/dev/null
for table in articles events entities; do
  columns=$(sql -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = '$table' AND column_name <> 'loaded_at'")
  echo "$columns" > "$work/$table.columns"
  sql -c "\\copy (SELECT $columns FROM $table) TO '$work/$table.csv' WITH (FORMAT csv)"
done
rows=$(sql -c "SELECT (SELECT count(*) FROM articles) || ' articles, ' || (SELECT count(*) FROM events) || ' events, ' || (SELECT count(*) FROM entities) || ' entities'")

copy_times=()
load_times=()
for round in $(seq "$rounds"); do
  empty
  start=$(now)
  sql -c "\\copy articles ($(cat "$work/articles.columns")) FROM '$work/articles.csv' WITH (FORMAT csv)" \
      -c "\\copy events ($(cat "$work/events.columns")) FROM '$work/events.csv' WITH (FORMAT csv)" \
      -c "\\copy entities ($(cat "$work/entities.columns")) FROM '$work/entities.csv' WITH (FORMAT csv)"
  copy_times+=("$(echo "$(now) - $start" | bc)")
  empty
  start=$(now)
  "$NEWSEVENTS_BIN" load --postgres "$url" --batch "$batch" "$work/events.jsonl" 2>/dev/null
  load_times+=("$(echo "$(now) - $start" | bc)")
done
again_start=$(now)
again=$("$NEWSEVENTS_BIN" load --postgres "$url" --batch "$batch" "$work/events.jsonl" 2>&1)
again_time=$(echo "$(now) - $again_start" | bc)

copy=$(median "${copy_times[@]}")
load=$(median "${load_times[@]}")
echo "rows: $rows (from $count event records, batch $batch)"
echo "psql \\copy of the same rows: $copy s (rounds: ${copy_times[*]})"
echo "newsevents load:              $load s (rounds: ${load_times[*]})"
echo "ratio load / copy: $(echo "scale=2; $load / $copy" | bc)x;  $(echo "$count / $load" | bc) events/s"
echo "loading the same file again (nothing new): $again_time s — ${again#newsevents: }"

#!/usr/bin/env bash
# Spark integration check: examples/spark/newsevents_job.py under PySpark in local[2] gives the same records as
# one plain newsevents process, on the fixtures and on a corpus of N documents (default 10,000, made by
# scripts/make-warc.py corpus), from JSON Lines (RDD.pipe over `extract --input jsonl`) and from a WARC file
# (`extract --input warc`); then the throughput of local[2] beside `newsevents run` with 2 workers on the same
# documents (the corpus WARC).
#   scripts/spark-smoke.sh [N]
# Installs pyspark 4.x from PyPI into .build-spark/ (a virtual environment, about 460 MB) on first use; needs
# Java 17 or later. Uses $NEWSEVENTS_BIN when set, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
. scripts/release-bin.sh
trap 'rm -rf "$work"' EXIT
NEWSEVENTS_BIN="$(cd "$(dirname "$NEWSEVENTS_BIN")" && pwd)/$(basename "$NEWSEVENTS_BIN")"
command -v java >/dev/null || { echo "spark-smoke: java (17 or later) is needed" >&2; exit 2; }
venv=.build-spark
if [ ! -x "$venv/bin/spark-submit" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'pyspark>=4,<5'
fi
export PYSPARK_PYTHON="$PWD/$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1

# The fixtures as JSON Lines, and the corpus (JSON Lines and WARC, the same documents).
python3 - "$work/fixtures.jsonl" <<'PY'
import json, os, sys
with open(sys.argv[1], "w") as out:
    for name in sorted(os.listdir("fixtures")):
        if name.endswith(".html"):
            html = open(os.path.join("fixtures", name), "rb").read().decode("utf-8", errors="replace")
            out.write(json.dumps({"id": name, "url": "https://fixtures.example/" + name[:-5], "html": html}) + "\n")
PY
python3 scripts/make-warc.py corpus "$count" "$work/corpus" --seed 7 >/dev/null

spark() {  # input output [job options] -> seconds
  local start end
  start=$(date +%s.%N)
  "$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.driver.memory=2g \
    examples/spark/newsevents_job.py "$1" "$2" --binary "$NEWSEVENTS_BIN" "${@:3}" >"$work/spark.log" 2>&1 \
    || { tail -40 "$work/spark.log" >&2; echo "spark-smoke: FAILED: spark-submit on $1" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print('%.1f' % ($end - $start))"
}

compare() {  # label plain.jsonl spark-folder
  python3 - "$@" <<'PY'
import collections, glob, json, sys
label, plain, folder = sys.argv[1:4]
def summary(lines):
    ids, kinds = collections.Counter(), collections.Counter()
    for line in lines:
        record = json.loads(line)
        kinds[record["schema"]] += 1
        ids[(record["schema"], record.get("id"), record.get("input_id"))] += 1
    return ids, kinds
plain_ids, plain_kinds = summary(open(plain))
spark_ids, spark_kinds = summary(line for path in sorted(glob.glob(folder + "/part-*")) for line in open(path))
events = plain_kinds.get("newsevents.event/3", 0)
if plain_ids != spark_ids or events == 0:
    print("spark-smoke: FAILED: %s: plain %s, spark %s" % (label, dict(plain_kinds), dict(spark_kinds)), file=sys.stderr)
    sys.exit(1)
print("spark-smoke: %s: identical records (order aside): %s" % (label, ", ".join(
    "%d %s" % (n, kind) for kind, n in sorted(plain_kinds.items()))))
PY
}

# 1. JSON Lines through RDD.pipe.
for corpus in fixtures corpus; do
  input="$work/$corpus.jsonl"
  [ "$corpus" = corpus ] && input="$work/corpus/corpus.jsonl"
  "$NEWSEVENTS_BIN" extract --input jsonl --log-level critical <"$input" >"$work/$corpus.plain.jsonl"
  seconds=$(spark "$input" "$work/$corpus.spark" --partitions 4)
  compare "$corpus JSON Lines ($(wc -l <"$input") documents, spark ${seconds} s)" "$work/$corpus.plain.jsonl" "$work/$corpus.spark"
done

# 2. WARC files: a list of paths, one newsevents per file.
printf '%s\n' "$PWD/Tests/Data/warc/fixtures.warc.gz" "$work/corpus/corpus.warc.gz" >"$work/warcs.txt"
"$NEWSEVENTS_BIN" extract --input warc --log-level critical "$PWD/Tests/Data/warc/fixtures.warc.gz" \
  "$work/corpus/corpus.warc.gz" >"$work/warc.plain.jsonl"
warc_seconds=$(spark "$work/warcs.txt" "$work/warc.spark" --warc --workers 2)
compare "WARC files (spark ${warc_seconds} s)" "$work/warc.plain.jsonl" "$work/warc.spark"

# 3. Throughput on the corpus: local[2] over JSON Lines against `newsevents run` with 2 workers over its WARC.
printf '[sources]\nwarc_files = ["%s"]\n[sink]\npath = "out/events.jsonl"\n[scheduler]\nworkers = 2\n' \
  "$work/corpus/corpus.warc.gz" >"$work/pipeline.conf"
start=$(date +%s.%N)
"$NEWSEVENTS_BIN" run --config "$work/pipeline.conf" --log-level critical
end=$(date +%s.%N)
run_seconds=$(python3 -c "print('%.1f' % ($end - $start))")
rm -rf "$work/corpus.spark"
spark_seconds=$(spark "$work/corpus/corpus.jsonl" "$work/corpus.spark" --partitions 8)
python3 -c "
n = $count
print('spark-smoke: throughput on %d documents: spark local[2] %.0f docs/s (%s s, start-up included), newsevents run with 2 workers %.0f docs/s (%s s); ratio %.2f' % (n, n / $spark_seconds, '$spark_seconds', n / $run_seconds, '$run_seconds', $run_seconds / $spark_seconds))"

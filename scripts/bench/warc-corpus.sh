#!/usr/bin/env bash
# A 1 GB-class WARC through the batch job: `newsevents run` over a corpus of N documents (default 10,000, made by
# scripts/make-warc.py corpus from the benchmark pages, gzip per record with request and metadata records as
# CC-NEWS) read from its WARC file and from the same documents as files, and over its first quarter and half as
# WARC files (the same seed gives the same first documents). Reports peak RSS and wall time of each, the peak
# RSS ratios of the whole WARC to its quarter and half (flat memory: about 1), and checks that the WARC and the
# files give the same event ids.
#   scripts/bench/warc-corpus.sh [N] [WORKERS]
# Uses $NEWSEVENTS_BIN when set, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-10000}"
workers="${2:-2}"
. scripts/release-bin.sh
trap 'rm -rf "$work"' EXIT
python3 scripts/make-warc.py corpus "$count" "$work/whole" --seed 11 --files
python3 scripts/make-warc.py corpus "$((count / 4))" "$work/quarter" --seed 11 >/dev/null
python3 scripts/make-warc.py corpus "$((count / 2))" "$work/half" --seed 11 >/dev/null

measure() {  # name sources-line -> "peak_kb seconds"
  mkdir -p "$work/$1"
  printf '[sources]\n%s\n[sink]\npath = "out/events.jsonl"\n[scheduler]\nworkers = %s\n' "$2" "$workers" \
    >"$work/$1/pipeline.conf"
  /usr/bin/time -f "%M %e" -o "$work/$1.time" "$NEWSEVENTS_BIN" run --config "$work/$1/pipeline.conf" \
    --summary-json "$work/$1.summary.json" --log-level critical
  cat "$work/$1.time"
}
read -r quarter_kb quarter_s <<<"$(measure run-quarter "warc_files = [\"$work/quarter/corpus.warc.gz\"]")"
read -r half_kb half_s <<<"$(measure run-half "warc_files = [\"$work/half/corpus.warc.gz\"]")"
read -r warc_kb warc_s <<<"$(measure run-warc "warc_files = [\"$work/whole/corpus.warc.gz\"]")"
read -r files_kb files_s <<<"$(measure run-files "directories = [\"$work/whole/pages\"]")"
python3 - "$work" "$count" <<PY
import json, sys
work, count = sys.argv[1], int(sys.argv[2])
def ids(run):
    return {json.loads(line)["id"] for line in open("%s/%s/out/events.jsonl" % (work, run))}
warc, files = ids("run-warc"), ids("run-files")
summary = json.load(open("%s/run-warc.summary.json" % work))
html = sum(1 for _ in open("%s/whole/corpus.jsonl" % work))
print("WARC %d documents: %d articles, %d events; skipped %s" % (count, summary["articles"], summary["events"],
      summary["skipped"]))
print("WARC of %d documents:      peak RSS %.0f MB, %.1f s" % (count // 4, $quarter_kb / 1024, $quarter_s))
print("WARC of %d documents:      peak RSS %.0f MB, %.1f s" % (count // 2, $half_kb / 1024, $half_s))
print("WARC of %d documents:     peak RSS %.0f MB, %.1f s (%.0f docs/s)" % (count, $warc_kb / 1024, $warc_s, count / $warc_s))
print("the same as files:          peak RSS %.0f MB, %.1f s (%.0f docs/s)" % ($files_kb / 1024, $files_s, count / $files_s))
print("peak RSS ratios, WARC of %d to %d and to %d documents: %.2f, %.2f"
      % (count, count // 4, count // 2, $warc_kb / $quarter_kb, $warc_kb / $half_kb))
if warc != files or not warc:
    print("FAILED: the WARC gives %d event ids, the files %d, %d in common" % (len(warc), len(files), len(warc & files)))
    sys.exit(1)
print("event ids: the WARC and the files give the same %d" % len(warc))
PY

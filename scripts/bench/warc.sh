#!/usr/bin/env bash
# WARC reader speed: CPU time of reading a gzip-per-record WARC of N documents (default 1,000, made by
# scripts/make-warc.py corpus from the benchmark pages) — inflating, splitting records, parsing HTTP heads —
# against a libxml2 parse-only pass over the same pages in the same run (fastest of 5 alternating trials).
# The target: the reader costs at most a quarter of the parse floor.
#   scripts/bench/warc.sh [N] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-1000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/make-warc.py corpus "$count" "$work" --seed 3 >/dev/null
swift build -c release --product newsevents-bench >/dev/null
"$(swift build -c release --show-bin-path)/newsevents-bench" warc "$work/corpus.warc.gz" "${2:-2}"

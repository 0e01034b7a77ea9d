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
scripts/release-build.sh --product newsevents-bench >/dev/null
"$(scripts/release-build.sh --show-bin-path)/newsevents-bench" warc "$work/corpus.warc.gz" "${2:-2}"
# The same file through warcio (the reference Python reader; scripts/warc-reference.sh installs it into
# .build-warc/), decoding every HTML response's body as newsevents does, for comparison.
if [ -x .build-warc/bin/python ] && .build-warc/bin/python -c 'import warcio' 2>/dev/null; then
  .build-warc/bin/python - "$work/corpus.warc.gz" <<'PY'
import sys, time
from warcio.archiveiterator import ArchiveIterator
best, size = float("inf"), 0
for _ in range(3):
    start, size = time.process_time(), 0
    with open(sys.argv[1], "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                size += len(record.content_stream().read())
    best = min(best, time.process_time() - start)
print("warcio 1.8.1 (Python, same file, fastest of 3): %.0f MB/s of HTML" % (size / 1e6 / best))
PY
fi

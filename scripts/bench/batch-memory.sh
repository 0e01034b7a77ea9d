#!/usr/bin/env bash
# Batch benchmark: peak memory and throughput of `newsevents run` over N copies of the fixtures (default
# 20,000), against a baseline run over BASELINE copies (default 100) in the same invocation, then a SIGTERM
# halfway through a fresh run: time to exit and whether every output line is whole JSON. Issue 23's bound,
# peak RSS at 100,000 documents within 10 % of that at 10,000: `scripts/bench/batch-memory.sh 100000 10000`.
#
#   scripts/bench/batch-memory.sh [COPIES [BASELINE]]
#
# Uses $NEWSEVENTS_BIN when set, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
copies="${1:-20000}"
baseline="${2:-100}"

if [ -z "${NEWSEVENTS_BIN:-}" ]; then
  scripts/release-build.sh --product newsevents >/dev/null
  NEWSEVENTS_BIN="$(scripts/release-build.sh --show-bin-path)/newsevents"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Each copy is a distinct article: its own canonical URL first in <head>, so its records have their own ids.
python3 - "$work" "$copies" "$baseline" <<'PY'
import os, sys
work, copies, baseline = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
fixtures = sorted(f for f in os.listdir("fixtures") if f.endswith(".html"))
pages = [open(os.path.join("fixtures", f), "rb").read() for f in fixtures]
for folder in ("small", "large"):
    os.makedirs(os.path.join(work, folder, "pages"))
for index in range(copies):
    page = pages[index % len(pages)]
    marker = b'<link rel="canonical" href="https://bench.example/%d">' % index
    head = page.lower().find(b"<head>")
    page = page[:head + 6] + marker + page[head + 6:] if head >= 0 else marker + page
    name = "%06d.html" % index
    if index < baseline:
        open(os.path.join(work, "small", "pages", name), "wb").write(page)
    open(os.path.join(work, "large", "pages", name), "wb").write(page)
PY
for folder in small large; do
  printf '[sources]\ndirectories = ["pages"]\n[sink]\npath = "out/events.jsonl"\n' > "$work/$folder/pipeline.conf"
done

measure() {  # folder -> "peak_kb seconds records"
  local folder="$1"
  /usr/bin/time -f "%M %e" -o "$work/$folder.time" "$NEWSEVENTS_BIN" run --config "$work/$folder/pipeline.conf" 2>/dev/null
  read -r kb seconds < "$work/$folder.time"
  echo "$kb $seconds $(wc -l < "$work/$folder/out/events.jsonl")"
}

read -r small_kb small_s small_records <<< "$(measure small)"
read -r large_kb large_s large_records <<< "$(measure large)"
echo "baseline: $baseline pages, peak RSS $((small_kb / 1024)) MB, ${small_s} s, $small_records records"
echo "batch:    $copies pages, peak RSS $((large_kb / 1024)) MB, ${large_s} s, $large_records records"
python3 -c "print('peak RSS ratio (batch / baseline): %.2f; pages per second: %.0f' % ($large_kb / $small_kb, $copies / max($large_s, 0.01)))"

# SIGTERM halfway: a fresh output and state.
rm -rf "$work/large/out" "$work/large/state"
half=$(python3 -c "print(max(0.5, $large_s / 2))")
"$NEWSEVENTS_BIN" run --config "$work/large/pipeline.conf" 2>/dev/null &
pid=$!
sleep "$half"
start=$(date +%s.%N)
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
end=$(date +%s.%N)
python3 - "$work/large/out/events.jsonl" "$status" "$start" "$end" <<'PY'
import json, sys
path, status, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
data = open(path, "rb").read()
lines = data.split(b"\n")
torn = lines[-1] != b""
bad = sum(1 for line in lines[:-1] if not isinstance(json.loads(line), dict))
print("SIGTERM after half the run: exit status %d after %.2f s; %d lines, %d invalid, torn last line: %s"
      % (status, end - start, len(lines) - 1, bad, "yes" if torn else "no"))
PY

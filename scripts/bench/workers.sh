#!/usr/bin/env bash
# Scaling with workers (issue 23): `newsevents run` over one corpus of N documents (default 10,000, from
# scripts/make-warc.py corpus, gzip-per-record WARC as CC-NEWS ships it) with 1 and with 2 workers, alternately,
# ROUNDS times (default 2), each run from a fresh state. Prints wall time, documents/s, CPU time and peak RSS of
# every run, the median throughput ratio of 2 workers to 1, and checks that every run wrote the same event ids.
#   scripts/bench/workers.sh [N] [ROUNDS]
# Uses $NEWSEVENTS_BIN when set, else builds the release binary. Run it on a quiet machine: the ratio is what a
# second core buys.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-10000}"
rounds="${2:-2}"
. scripts/release-bin.sh
trap 'rm -rf "$work"' EXIT
python3 scripts/make-warc.py corpus "$count" "$work/corpus" --seed 11 >/dev/null
for round in $(seq 1 "$rounds"); do
  for workers in 1 2; do
    run="$work/run-$round-$workers"
    mkdir -p "$run"
    printf '[sources]\nwarc_files = ["%s"]\n[sink]\npath = "out/events.jsonl"\n[scheduler]\nworkers = %s\n' \
      "$work/corpus/corpus.warc.gz" "$workers" >"$run/pipeline.conf"
    /usr/bin/time -f "%e %U %S %M" -o "$run/time" "$NEWSEVENTS_BIN" run --config "$run/pipeline.conf" \
      --log-level critical
    echo "$round $workers $(cat "$run/time")" >>"$work/runs"
  done
done
python3 - "$work" "$count" <<'PY'
import json, statistics, sys
work, count = sys.argv[1], int(sys.argv[2])
runs = [line.split() for line in open(work + "/runs")]
ids, rates = {}, {1: [], 2: []}
for round_, workers, wall, user, system, peak in runs:
    wall, workers = float(wall), int(workers)
    rates[workers].append(count / wall)
    ids[(round_, workers)] = {json.loads(line)["id"] for line in open("%s/run-%s-%d/out/events.jsonl" % (work, round_, workers))}
    print("round %s, %d worker%s: %6.1f s, %5.0f documents/s, CPU %6.1f s, peak RSS %4.0f MB, %d events"
          % (round_, workers, "s" if workers > 1 else "", wall, count / wall, float(user) + float(system),
             int(peak) / 1024, len(ids[(round_, workers)])))
ratios = [two / one for one, two in zip(rates[1], rates[2])]
print("throughput of 2 workers / 1 worker: median %.2f (rounds: %s)" % (statistics.median(ratios),
      ", ".join("%.2f" % ratio for ratio in ratios)))
first = next(iter(ids.values()))
if not first or any(found != first for found in ids.values()):
    sys.exit("FAILED: the runs wrote different event ids")
print("every run wrote the same %d event ids" % len(first))
PY

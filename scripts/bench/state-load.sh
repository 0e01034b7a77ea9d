#!/usr/bin/env bash
# What a cron run pays on start for a state of years of articles (issue 23): a state snapshot of ARTICLES
# articles (default 1,000,000; lines of the shape a run writes: bytes hash, URL, output, size, origin,
# version, three event ids) is made once, then `newsevents state inspect` (which opens and checks the state
# as `run` does, then prints its counts) is run on it RUNS times (default 3): median wall time, CPU time and
# largest peak RSS. With OTHER_BIN (another build, e.g. an older commit's), the same runs for it, alternately.
#   scripts/bench/state-load.sh [ARTICLES] [RUNS] [OTHER_BIN]
# Uses $NEWSEVENTS_BIN when set, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
articles="${1:-1000000}"
runs="${2:-3}"
other="${3:-}"
. scripts/release-bin.sh
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$articles" <<'PY'
import hashlib, os, sys
work, count = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(work, "state"))
digest = hashlib.sha256()
header = "# newsevents state 2: sha256, article id, output, output size, origin, version, event ids\n"
with open(os.path.join(work, "state", "seen.tsv"), "w") as out:
    out.write(header)
    for number in range(count):
        key = lambda kind: hashlib.sha256(b"%s %d" % (kind, number)).hexdigest()
        events = ",".join(key(b"event %d" % n)[:32] for n in range(3))
        line = "%s\thttps://news.example/story/%d\tout/events.jsonl\t%d\tpages/%07d.html\t%s\t%s" % (
            key(b"bytes"), number, (number + 1) * 900, number, key(b"version"), events)
        digest.update(line.encode() + b"\n")
        out.write(line + "\n")
    out.write("# end %d %s\n" % (count, digest.hexdigest()))
with open(os.path.join(work, "pipeline.conf"), "w") as conf:
    conf.write('[sources]\ndirectories = ["pages"]\n[sink]\npath = "out/events.jsonl"\n[state]\ndir = "state"\n')
PY
echo "state: $articles articles, $(($(stat -c %s "$work/state/seen.tsv") / 1048576)) MB snapshot"
python3 - "$runs" "$work" "$NEWSEVENTS_BIN" ${other:+"$other"} <<'PY'
import os, statistics, subprocess, sys, time
runs, work, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
results = {binary: [] for binary in binaries}
for _ in range(runs):
    for binary in binaries:
        out = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", binary, "state", "inspect", "--config",
                              os.path.join(work, "pipeline.conf")], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("%s failed: %s" % (binary, out.stderr))
        wall, user, system, kb = out.stderr.strip().splitlines()[-1].split()
        results[binary].append((float(wall), float(user) + float(system), int(kb)))
for binary, rows in results.items():
    print("%s: wall %.2f s, CPU %.2f s (medians of %d), peak RSS %.1f MB" % (
        binary, statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), len(rows),
        max(r[2] for r in rows) / 1024))
PY

#!/usr/bin/env bash
# Start-up cost of `newsevents extract` (issue 23): what one invocation pays before and around its work, as a
# shell loop, a Spark partition or a cron run pays it. Runs, alternately and RUNS times each (default 20):
# `newsevents --help` (the process floor: loader, Swift runtime, argument parsing), `extract` on a 40-byte page
# with no article, and `extract` on a 700-byte article of three paragraphs (countries, an official, dates,
# events); prints the median wall time, the median CPU time and the largest peak RSS of each, and each wall time
# as a ratio to the floor's. With OTHER_BIN (another build, e.g. an older commit's), the same cases for it in
# the same rounds.
#   scripts/bench/startup.sh [RUNS] [OTHER_BIN]
# Uses $NEWSEVENTS_BIN when set, else builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-20}"
other="${2:-}"
. scripts/release-bin.sh
trap 'rm -rf "$work"' EXIT
printf '<html><body><p>Hello.</p></body></html>' >"$work/tiny.html"
cat >"$work/small.html" <<'HTML'
<html><head><title>Ministers meet in Lisbon</title><meta name="date" content="2024-03-05"></head><body><article>
<h1>Ministers meet in Lisbon</h1>
<p>Portugal and Morocco signed a trade agreement in Lisbon on Tuesday, the foreign ministry said in a statement.
The deal covers fishing rights and energy.</p>
<p>Foreign Minister Joao Gomes Cravinho said the two countries would meet again next month to discuss migration.
Morocco's king had invited the Portuguese prime minister to Rabat last year.</p>
<p>The European Union welcomed the agreement, a spokesperson for the European Commission said on Wednesday.</p>
</article></body></html>
HTML
python3 - "$runs" "$work" "$NEWSEVENTS_BIN" ${other:+"$other"} <<'PY'
import os, statistics, subprocess, sys, time
runs, work, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
cases = [("--help", ["--help"]), ("extract, no article", ["extract", work + "/tiny.html"]),
         ("extract, 700-byte article", ["extract", work + "/small.html"])]
results = {(binary, name): [] for binary in binaries for name, _ in cases}
for _ in range(runs):
    for binary in binaries:
        for name, arguments in cases:
            start = time.perf_counter()
            child = subprocess.Popen([binary] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - start
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit("startup: %s %s exited with %d" % (binary, " ".join(arguments), os.waitstatus_to_exitcode(status)))
            results[(binary, name)].append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
for binary in binaries:
    print("%s (%d runs each, alternating)" % (binary, runs))
    floor = statistics.median(wall for wall, _, _ in results[(binary, "--help")])
    for name, _ in cases:
        rows = results[(binary, name)]
        wall = statistics.median(row[0] for row in rows)
        print("  %-26s wall %6.1f ms  CPU %6.1f ms  peak RSS %5.1f MB  wall / --help %.1f" % (
            name, wall * 1000, statistics.median(row[1] for row in rows) * 1000, max(row[2] for row in rows),
            wall / floor))
PY

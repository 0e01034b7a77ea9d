#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build newsevents (release), and run the batch job on the shipped
# pipeline.conf, which processes fixtures/ into out/events.jsonl and draws out/report.html.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/release-build.sh --product newsevents
bin="$(scripts/release-build.sh --show-bin-path)/newsevents"
"$bin" run --config pipeline.conf --log-level info
echo "wrote $(wc -l < out/events.jsonl) records to out/events.jsonl; the report is out/report.html" >&2

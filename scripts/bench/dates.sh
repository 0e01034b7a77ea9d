#!/usr/bin/env bash
# Date tagging speed: CPU time per 5 KB of text, against tokenization alone in the same run, over the 30
# article texts of ../shared/benchmarks/entities/texts (or a folder of .txt files given as $1).
#   scripts/bench/dates.sh [TEXT_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="${1:-../shared/benchmarks/entities/texts}"
scripts/release-build.sh --product newsevents-bench >/dev/null
"$(scripts/release-build.sh --show-bin-path)/newsevents-bench" dates "$folder" "${2:-50}"

#!/usr/bin/env bash
# The language layer's speed per KB of article text: tokenizing alone (the baseline), tagging with lemmas,
# and the whole analysis, in the same run (CPU time, fastest of 5 trials). Texts: the 30 articles of
# ../shared/benchmarks/entities/texts (or a folder of .txt files given as $1).
#   scripts/bench/language-speed.sh [TEXT_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="${1:-../shared/benchmarks/entities/texts}"
scripts/release-build.sh --product newsevents-bench >/dev/null
"$(scripts/release-build.sh --show-bin-path)/newsevents-bench" language "$folder" "${2:-10}"

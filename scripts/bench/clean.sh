#!/usr/bin/env bash
# Clean-stage speed and memory: CPU time per page of `ArticleCleaner` against a libxml2 parse-only pass over
# the same bytes in the same run (fastest of 5 alternating trials), and the peak RSS, over the 102 dev pages of
# the article-extraction benchmark looped ROUNDS times per trial (default 4, so 20 passes in all).
#   scripts/bench/clean.sh [HTML_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="${1:-../shared/benchmarks/article-extraction/html}"
scripts/release-build.sh --product newsevents-bench >/dev/null
"$(scripts/release-build.sh --show-bin-path)/newsevents-bench" clean "$folder" "${2:-4}"

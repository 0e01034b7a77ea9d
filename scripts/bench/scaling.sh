#!/usr/bin/env bash
# The extract stage's cost against text length: one base article (the 30 texts of
# ../shared/benchmarks/entities/texts joined, or a folder of .txt files given as $1) and articles 4, 16 and
# 64 times as long, CPU time per KB, each as a ratio to the base article's in the same run (1.00 = linear).
#   scripts/bench/scaling.sh [TEXT_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="${1:-../shared/benchmarks/entities/texts}"
scripts/release-build.sh --product newsevents-bench >/dev/null
"$(scripts/release-build.sh --show-bin-path)/newsevents-bench" scaling "$folder" "${2:-8}"

#!/usr/bin/env bash
# Gazetteer matching speed: a 10,000-name gazetteer matched over 10 KB articles, CPU time per KB, against
# tokenization alone in the same run; and the whole extract stage per KB. Texts: the 30 articles of
# ../shared/benchmarks/entities/texts (or a folder of .txt files given as $1).
#   scripts/bench/entities.sh [TEXT_DIR] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="${1:-../shared/benchmarks/entities/texts}"
scripts/release-build.sh --product newsevents-bench >/dev/null
"$(scripts/release-build.sh --show-bin-path)/newsevents-bench" entities "$folder" "${2:-20}"

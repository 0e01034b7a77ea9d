#!/usr/bin/env bash
# The whole pipeline against the libxml2 parse floor (issue 23): `newsevents-bench pipeline` over the pages of
# a folder held in memory — (a) the floor (libxml2 parse + text walk through the project's LibXML wrapper),
# (b) clean, (c) clean + extract, (d) the whole pipeline to a JSON Lines sink on /dev/null — interleaved over
# ROUNDS rounds (default 7), each stage's CPU time per page the median of the rounds, with its ratio to the
# floor; then the same floor as a C program (scripts/bench/parse-floor.c) over the same pages, so that the
# in-process floor can be compared with the one the issue measured.
#   scripts/bench/pipeline.sh [HTML_DIR] [ROUNDS]
# HTML_DIR holds *.html or *.html.gz pages (default: the article-extraction benchmark's 102 pages); a corpus of
# N documents comes from `python3 scripts/make-warc.py corpus N DIR --files` (DIR/pages).
set -euo pipefail
cd "$(dirname "$0")/../.."
folder="${1:-../shared/benchmarks/article-extraction/html}"
rounds="${2:-7}"
scripts/release-build.sh --product newsevents-bench >/dev/null
"$(scripts/release-build.sh --show-bin-path)/newsevents-bench" pipeline "$folder" "$rounds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/pages"
for page in "$folder"/*.html "$folder"/*.html.gz; do
  [ -e "$page" ] || continue
  case "$page" in
    *.gz) gzip -dc "$page" >"$work/pages/$(basename "$page" .gz)" ;;
    *) cp "$page" "$work/pages/" ;;
  esac
done
# shellcheck disable=SC2046
cc -O2 scripts/bench/parse-floor.c $(xml2-config --cflags --libs) -o "$work/parse-floor"
"$work/parse-floor" "$work/pages" "$rounds"

#!/usr/bin/env bash
# Every kind of record the built binary writes (events, articles, cleaned pages, errors, statuses, retractions,
# warnings), from every fixture, validated against schema/ (JSON Schema
# draft 2020-12), together with the golden files; run by scripts/test.sh after the tests.
#   scripts/check-records.sh            (uses $NEWSEVENTS_BIN, else the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${NEWSEVENTS_BIN:-$(swift build --show-bin-path)/newsevents}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for page in fixtures/*.html; do
  "$bin" extract --log-level error "$page" >>"$work/records.jsonl"
  "$bin" extract --log-level error --emit articles "$page" >>"$work/records.jsonl"
  "$bin" clean --log-level error --format json "$page" >>"$work/records.jsonl"
done
# The pages of a WARC file (their addresses and capture dates come from the archive).
"$bin" extract --log-level critical --input warc Tests/Data/warc/fixtures.warc.gz >>"$work/records.jsonl"
"$bin" clean --log-level critical --input warc --format json Tests/Data/warc/fixtures.warc.gz >>"$work/records.jsonl"
# Error records: a bad line in a JSON Lines stream.
printf '%s\n' '{"id":"bad","text":7}' '{"id":"ok","published":"2022-09-12","text":"Albania blamed Iran."}' \
  | "$bin" extract --log-level critical --input jsonl >>"$work/records.jsonl" 2>/dev/null || true
# Status records: a repeated line, an empty one, and one that tells no event.
printf '%s\n' '{"id":"a","text":"Albania blamed Iran."}' '{"id":"b","text":"Albania blamed Iran."}' '{"id":"c","text":""}' \
  '{"id":"d","text":"The weather was fine."}' | "$bin" extract --log-level critical --input jsonl >>"$work/records.jsonl"
# Warnings: a page with control characters and a tag of 1,200 attributes is read, and its records say so.
python3 -c 'import sys; sys.stdout.write("<html><body><div " + " ".join("a%d=\"1\"" % i for i in range(1200)) + ">x</div><p>Albania blamed\x01 Iran for the attack on its networks, officials said on Friday.</p></body></html>")' >"$work/warned.html"
"$bin" extract --log-level critical --emit articles "$work/warned.html" >>"$work/records.jsonl"
"$bin" clean --log-level critical --format json "$work/warned.html" >>"$work/records.jsonl"
grep -q '"code":"attributes-dropped"' "$work/records.jsonl" || { echo "check-records: no warning was recorded" >&2; exit 1; }
grep -q '"newsevents.error/1"' "$work/records.jsonl" || { echo "check-records: no error record was produced" >&2; exit 1; }
grep -q '"newsevents.status/1"' "$work/records.jsonl" || { echo "check-records: no status record was produced" >&2; exit 1; }
# Retraction records: a batch run, then the page's text changes and a second run withdraws the lost event.
mkdir -p "$work/run/pages"
page() { printf '<html><head><title>Border row</title><link rel="canonical" href="https://example.org/border-row"><meta property="article:published_time" content="2022-09-12">'
  printf '</head><body><article><h1>Border row</h1><p>On Friday, Albania blamed Iran for the attack on its networks, '
  printf 'officials said. The foreign ministry summoned the ambassador and demanded an explanation within a week, '
  printf 'according to a statement published on its website.</p><p>%s Diplomats from both countries are expected to ' "$1"
  printf 'meet next month to discuss the dispute, which has strained relations for several years.</p></article></body></html>\n'; }
printf '[sources]\ndirectories = ["pages"]\n[sink]\npath = "out.jsonl"\n[state]\ndir = "state"\n' >"$work/run/pipeline.conf"
page "Iran rejected the accusation and called it baseless." >"$work/run/pages/story.html"
"$bin" run --log-level error --config "$work/run/pipeline.conf"
page "Iran later apologised to Albania for the attack." >"$work/run/pages/story.html"
"$bin" run --log-level error --config "$work/run/pipeline.conf"
grep -q '"newsevents.retraction/1"' "$work/run/out.jsonl" || { echo "check-records: no retraction record was produced" >&2; exit 1; }
cat "$work/run/out.jsonl" >>"$work/records.jsonl"
python3 scripts/validate-records.py "$work/records.jsonl" fixtures/*.jsonl

#!/usr/bin/env bash
# Every kind of record the built binary writes, from every fixture, validated against schema/ (JSON Schema
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
# Error records: a bad line in a JSON Lines stream.
printf '%s\n' '{"id":"bad","text":7}' '{"id":"ok","published":"2022-09-12","text":"Albania blamed Iran."}' \
  | "$bin" extract --log-level critical --input jsonl >>"$work/records.jsonl" 2>/dev/null || true
grep -q '"newsevents.error/1"' "$work/records.jsonl" || { echo "check-records: no error record was produced" >&2; exit 1; }
python3 scripts/validate-records.py "$work/records.jsonl" fixtures/*.jsonl

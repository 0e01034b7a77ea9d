#!/usr/bin/env bash
# Quick start, step 2: the test command (CI runs exactly this). Installs what is missing, checks formatting,
# builds with warnings as errors, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --with-browser
swift format lint --strict --recursive Sources Tests Package.swift
python3 scripts/gen-data.py --check
python3 scripts/gen-language.py --check
python3 scripts/make-warc.py fixtures --check
python3 scripts/check-imports.py --self-test
python3 scripts/check-imports.py
swift build --build-tests -Xswiftc -warnings-as-errors
swift test -Xswiftc -warnings-as-errors
scripts/check-records.sh
# The WARC reader against warcio, the reference reader and writer (installed from PyPI into .build-warc/).
NEWSEVENTS_BIN="$(swift build --show-bin-path)/newsevents" scripts/warc-reference.sh
# The Spark job (examples/spark/) in local[2], PySpark from PyPI in .build-spark/, on the fixtures and a 1,000-document
# corpus with the debug binary; `scripts/spark-smoke.sh` alone runs the 10,000-document check of the README.
NEWSEVENTS_BIN="$(swift build --show-bin-path)/newsevents" scripts/spark-smoke.sh 1000
# The HTML report in headless Chromium, where it is installed (install-deps.sh --with-browser installs it).
if command -v chromium >/dev/null 2>&1; then scripts/check-report.sh; else echo "test.sh: no chromium; the report check is skipped" >&2; fi

#!/usr/bin/env bash
# Runs the test suite under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each in its own build
# folder. Leaks that belong to dependencies are suppressed in scripts/sanitizers/lsan.supp.
#   scripts/sanitize.sh [address|thread]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-both}"
if [ "$which" = address ] || [ "$which" = both ]; then
  NEWSEVENTS_TORTURE_SECONDS=120 LSAN_OPTIONS="suppressions=$PWD/scripts/sanitizers/lsan.supp:print_suppressions=0" ASAN_OPTIONS="detect_leaks=1" \
    swift test --sanitize=address --scratch-path .build-asan
fi
if [ "$which" = thread ] || [ "$which" = both ]; then
  NEWSEVENTS_TORTURE_SECONDS=120 TSAN_OPTIONS="halt_on_error=1" swift test --sanitize=thread --scratch-path .build-tsan
fi

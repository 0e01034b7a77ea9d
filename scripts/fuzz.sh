#!/usr/bin/env bash
# Fuzzes the clean + extract path (Sources/NewsFuzz) with libFuzzer and AddressSanitizer, starting from the
# fixtures.
#   scripts/fuzz.sh [SECONDS]     (default 600)
# Crashes are written to fuzz/crashes/; copy each into fuzz/regressions/, which the test suite replays
# (Tests/HostileInputTests/FuzzRegressionTests.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
scratch=.build-fuzz
# Compile the modules with coverage instrumentation and ASan, then link them with libFuzzer's own main.
swift build -c release --target NewsFuzz --scratch-path "$scratch" -Xswiftc -sanitize=fuzzer -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
# The scratch folder builds only NewsFuzz and what it depends on, so its object files are exactly what to link
# (Swift modules, TOMLKit's C++ and swift-crypto's BoringSSL among them).
objects=()
while IFS= read -r -d '' object; do objects+=("$object"); done < <(find "$bin" -path '*.build/*' -name '*.o' -print0)
swiftc -sanitize=fuzzer,address "${objects[@]}" -lxml2 -lz -lisal -lstdc++ -o "$scratch/newsevents-fuzz"
corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
cp fixtures/*.html "$corpus"/
[ -d fuzz/regressions ] && cp fuzz/regressions/* "$corpus"/ 2>/dev/null || true
mkdir -p fuzz/crashes
"$scratch/newsevents-fuzz" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix=fuzz/crashes/

#!/usr/bin/env bash
# Builds a newsevents binary to ship (to Spark or Hadoop executors, a container image, /usr/local/bin): the
# release build (scripts/release-build.sh: the Swift runtime and Foundation linked statically), copied to OUT
# (default out/bin/newsevents). The gazetteers and dictionaries are compiled in, so it needs no resource folder
# and no Swift toolchain; it still loads the system's libxml2 (with the ICU and lzma it needs), zlib and ISA-L
# (Debian: libxml2, zlib1g, libisal2).
# Then it checks the copy: no Swift library among what it loads, and it extracts the seed article's events from
# a folder outside the repository.
#   scripts/ship-binary.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/bin/newsevents}"
log="$(mktemp)"
scripts/release-build.sh --product newsevents >"$log" 2>&1 \
  || { tail -40 "$log" >&2; rm -f "$log"; exit 1; }
rm -f "$log"
mkdir -p "$(dirname "$out")"
cp "$(scripts/release-build.sh --show-bin-path)/newsevents" "$out"
# Symbols are not needed to run it: about half the size.
strip "$out"
if ldd "$out" | grep -q swift; then
  echo "ship-binary: $out still loads Swift libraries:" >&2
  ldd "$out" | grep swift >&2
  exit 1
fi
elsewhere="$(mktemp -d)"
trap 'rm -rf "$elsewhere"' EXIT
cp "$out" "$elsewhere/newsevents"
events=$(cd "$elsewhere" && env -i ./newsevents extract --log-level error <"$OLDPWD/fixtures/seed-techmonitor-albania-iran.html" | wc -l)
[ "$events" -gt 0 ] || { echo "ship-binary: the copy gave no event for the seed article" >&2; exit 1; }
echo "ship-binary: $out ($(du -h "$out" | cut -f1)); loads $(ldd "$out" | awk '{print $1}' | grep -v vdso | tr '\n' ' ')"
echo "ship-binary: a copy run from $elsewhere with an empty environment gave $events events for the seed article"

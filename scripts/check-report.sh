#!/usr/bin/env bash
# The HTML report in a real browser: renders the report of every fixture's golden events (newsevents report),
# loads it in headless Chromium (Debian's chromium), and fails unless the page logs nothing to the console, its
# timeline and network SVGs hold bars and nodes, and every in-page link ("#...") names an element of the page.
# Writes a screenshot for people to look at (docs/report-fixtures.png with --screenshot-to-docs, else in the
# temporary folder). Run by scripts/test.sh when chromium is installed.
#   scripts/check-report.sh [--screenshot-to-docs]     (uses $NEWSEVENTS_BIN, else the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${NEWSEVENTS_BIN:-$(swift build --show-bin-path)/newsevents}"
browser="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$browser" ] || { echo "check-report: chromium is not installed" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat fixtures/*.expected.jsonl | grep '"newsevents.event/' >"$work/events.jsonl"
"$bin" report "$work/events.jsonl" -o "$work/report.html"
# Headless, no sandbox (CI runs as root), no network: the page must stand on its own.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-background-networking
  --user-data-dir="$work/profile" --window-size=1100,2600)
"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$work/report.html" >"$work/dom.html" \
  2>"$work/console.txt"
shot="$work/report.png"
[ "${1:-}" = "--screenshot-to-docs" ] && shot="docs/report-fixtures.png"
"$browser" "${flags[@]}" --screenshot="$shot" "file://$work/report.html" >/dev/null 2>&1
python3 - "$work/dom.html" "$work/console.txt" "$shot" <<'PY'
import re, sys
from html.parser import HTMLParser
dom, console, shot = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2], encoding="utf-8", errors="replace").read(), sys.argv[3]
class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.svg, self.counts = set(), [], None, {}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a: self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"): self.links.append(a["href"][1:])
        if tag == "svg": self.svg = a.get("id")
        if self.svg and tag in ("rect", "circle", "path"):
            self.counts[(self.svg, tag)] = self.counts.get((self.svg, tag), 0) + 1
    def handle_endtag(self, tag):
        if tag == "svg": self.svg = None
page = Page()
page.feed(dom)
# The page has no script: any console message (an error, an uncaught exception, a blocked resource) is wrong.
errors = [line for line in console.splitlines() if ":CONSOLE" in line]
problems = []
if errors: problems.append(f"console errors: {errors[:3]}")
if page.counts.get(("timeline", "rect"), 0) == 0: problems.append("the timeline has no bar")
if page.counts.get(("network", "circle"), 0) == 0: problems.append("the network has no node")
if page.counts.get(("network", "path"), 0) < 2: problems.append("the network has no edge")
dangling = [link for link in page.links if link not in page.ids]
if dangling: problems.append(f"links to nothing: {dangling[:5]}")
if not page.links: problems.append("no evidence link")
import os
if not os.path.exists(shot) or os.path.getsize(shot) < 10000: problems.append("no screenshot")
if problems:
    print("check-report: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"check-report: {page.counts[('timeline', 'rect')]} bars, {page.counts[('network', 'circle')]} nodes, "
      f"{page.counts[('network', 'path')] - 1} edges, {len(page.links)} evidence links, all resolved; no console error; screenshot {shot}")
PY

#!/usr/bin/env bash
# The WARC reader against warcio (PyPI), the reference reader and writer, both ways:
#  1. warcio reads the WARC files of Tests/Data/warc/ (built by scripts/make-warc.py): every HTML page it finds
#     (a 2xx response or a resource record) must come out of `newsevents clean --input warc` at the same offset,
#     with the same address and the SHA-256 of the same decoded body, and nothing else may.
#  2. warcio writes a WARC of the fixture pages (gzip per record, its own headers and chunking choices): the
#     events of `newsevents extract --input warc` on it must equal those of each page given as a file with
#     its address (`newsevents extract --url URI FILE`).
# warcio is installed into .build-warc/ (a virtual environment) on first use.
#   scripts/warc-reference.sh
# Uses $NEWSEVENTS_BIN when set, else builds the debug binary.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${NEWSEVENTS_BIN:-}" ]; then
  swift build --product newsevents >/dev/null
  NEWSEVENTS_BIN="$(swift build --show-bin-path)/newsevents"
fi
venv=.build-warc
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import warcio' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'warcio==1.8.1'
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
NEWSEVENTS_BIN="$NEWSEVENTS_BIN" "$venv/bin/python" - "$work" <<'PY'
import hashlib, io, json, os, subprocess, sys
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

binary, work = os.environ["NEWSEVENTS_BIN"], sys.argv[1]
failures = []

def html(mime):
    mime = (mime or "").split(";")[0].strip().lower()
    return mime in ("text/html", "application/xhtml+xml")

# 1. warcio reads our files.
for name in ("fixtures.warc.gz", "fixtures.warc"):
    path = os.path.join("Tests/Data/warc", name)
    expected = {}
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            kind = record.rec_type
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if kind == "response":
                status = int(record.http_headers.get_statuscode())
                mime = record.http_headers.get_header("Content-Type")
                if not 200 <= status < 300 or (mime and not html(mime)):
                    continue
            elif kind == "resource":
                if not html(record.rec_headers.get_header("Content-Type")):
                    continue
            else:
                continue
            body = record.content_stream().read()
            expected[records.get_record_offset()] = (uri, hashlib.sha256(body).hexdigest())
    run = subprocess.run([binary, "clean", "--input", "warc", "--format", "json", path], capture_output=True)
    found = {}
    for line in run.stdout.decode().splitlines():
        record = json.loads(line)
        offset = int(record["origin"].rsplit("@", 1)[1])
        found[offset] = (record["url"], record["content_sha256"])
    # A page that does not clean (not text) gives an error on standard error instead of a record.
    errors = {int(line.split("@", 1)[1].split(":", 1)[0]) for line in run.stderr.decode().splitlines()
              if line.startswith("newsevents: error: ")}
    seen = set()
    for offset, page in sorted(expected.items()):
        # A page whose bytes came earlier in the run is a duplicate: no second record.
        duplicate = page[1] in seen
        seen.add(page[1])
        if offset in errors or duplicate:
            continue
        if found.get(offset) != page:
            failures.append("%s@%d: warcio reads %s, newsevents %s" % (name, offset, page, found.get(offset)))
    extra = set(found) - set(expected)
    if extra:
        failures.append("%s: newsevents gives pages warcio does not at %s" % (name, sorted(extra)))
    print("warc-reference: %s: %d pages read alike by warcio and newsevents" % (name, len(expected)))

# 2. newsevents reads warcio's file.
fixtures = sorted(name for name in os.listdir("fixtures") if name.endswith(".html"))
path = os.path.join(work, "warcio.warc.gz")
with open(path, "wb") as out:
    writer = WARCWriter(out, gzip=True)
    for name in fixtures:
        body = open(os.path.join("fixtures", name), "rb").read()
        uri = "https://warcio.example/" + name[:-5]
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
def ids(arguments):
    run = subprocess.run([binary, "extract"] + arguments, capture_output=True)
    return {json.loads(line)["id"] for line in run.stdout.decode().splitlines()}
from_warc = ids(["--input", "warc", path])
from_files = set()
for name in fixtures:
    from_files |= ids(["--url", "https://warcio.example/" + name[:-5], os.path.join("fixtures", name)])
if from_warc != from_files or not from_warc:
    failures.append("warcio's WARC gives %d events, the files %d (%d in common)"
                    % (len(from_warc), len(from_files), len(from_warc & from_files)))
print("warc-reference: warcio's WARC of %d fixture pages: %d events, the same as the files" % (len(fixtures), len(from_warc)))
if failures:
    print("\n".join("warc-reference: FAILED: " + failure for failure in failures), file=sys.stderr)
    sys.exit(1)
PY

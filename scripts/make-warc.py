#!/usr/bin/env python3
"""Builds the WARC files the project tests and benchmarks with; nothing is downloaded.

  scripts/make-warc.py fixtures [--check]
      Writes Tests/Data/warc/: the fixture pages as CC-NEWS ships them (fixtures.warc.gz: WARC/1.0, one gzip
      member per record, a warcinfo record, then request, response and metadata records per page, plus a
      redirect, a 404 and an image), the same uncompressed as WARC/1.1 (fixtures.warc), and two damaged files
      (damaged.warc.gz, damaged.warc) whose faults are listed in Tests/Data/warc/README.md. The output is
      byte-for-byte reproducible; --check compares it with the committed files instead of writing.

  scripts/make-warc.py corpus N OUT_DIR [--seed S] [--files]
      A corpus of N distinct documents made by varying the pages of the article-extraction benchmark and the
      fixtures (page chosen by a seeded generator, each with its own canonical address): OUT_DIR/corpus.warc.gz
      (request, response and metadata records per document, as CC-NEWS), OUT_DIR/corpus.jsonl
      ({"id", "url", "html"} per line, the html decoded as UTF-8 with replacement) and, with --files,
      OUT_DIR/pages/NNNNNNN.html with the same bytes as the WARC responses.

Only the standard library: the records are written here; warcio (scripts/warc-reference.sh) reads them back
as the reference reader.
"""
import argparse
import datetime
import gzip
import hashlib
import io
import json
import os
import random
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
FIXTURES = os.path.join(ROOT, "fixtures")
OUT = os.path.join(ROOT, "Tests", "Data", "warc")
BENCH_PAGES = os.path.join(ROOT, "..", "shared", "benchmarks", "article-extraction", "html")
CAPTURED = "2026-01-01T00:00:00Z"


def record_id(*parts):
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return "<urn:uuid:%s-%s-%s-%s-%s>" % (digest[:8], digest[8:12], digest[12:16], digest[16:20], digest[20:32])


def warc_record(version, fields, block):
    head = "WARC/%s\r\n" % version
    for name, value in fields:
        head += "%s: %s\r\n" % (name, value)
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode() + block + b"\r\n\r\n"


def member(data):
    """One gzip member, reproducible (no name, mtime 0)."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=6, mtime=0, filename="") as out:
        out.write(data)
    return buffer.getvalue()


def http_response(status, reason, headers, body):
    head = "HTTP/1.1 %d %s\r\n" % (status, reason)
    for name, value in headers:
        head += "%s: %s\r\n" % (name, value)
    return head.encode() + b"\r\n" + body


def chunked(body, size=997):
    out = b""
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


class Writer:
    def __init__(self, version, compressed):
        self.version, self.compressed, self.data = version, compressed, bytearray()

    def add(self, kind, uri, block, content_type, date=CAPTURED, extra=()):
        fields = [("WARC-Type", kind)]
        if uri is not None:
            fields.append(("WARC-Target-URI", uri))
        fields += [("WARC-Date", date), ("WARC-Record-ID", record_id(kind, uri or "", str(len(self.data))))]
        fields += list(extra)
        fields.append(("Content-Type", content_type))
        raw = warc_record(self.version, fields, block)
        offset = len(self.data)
        self.data += member(raw) if self.compressed else raw
        return offset

    def page(self, uri, body, headers=None, status=200, reason="OK", date=CAPTURED):
        request = ("GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: newsevents-test\r\n\r\n" % (
            uri.split("/", 3)[-1] if uri.count("/") >= 3 else "/", uri.split("/")[2])).encode()
        self.add("request", uri, request, "application/http; msgtype=request", date)
        if headers is None:
            headers = [("Content-Type", "text/html"), ("Content-Length", str(len(body)))]
        offset = self.add("response", uri, http_response(status, reason, headers, body),
                          "application/http; msgtype=response", date)
        self.add("metadata", uri, b"fetchTimeMs: 112\r\n", "application/warc-fields", date)
        return offset

    def warcinfo(self):
        info = b"software: scripts/make-warc.py\r\nformat: WARC File Format %s\r\n" % self.version.encode()
        self.add("warcinfo", None, info, "application/warc-fields", extra=[("WARC-Filename", "test.warc")])


def fixture_pages():
    names = sorted(name for name in os.listdir(FIXTURES) if name.endswith(".html"))
    return [(name, open(os.path.join(FIXTURES, name), "rb").read()) for name in names]


def fixture_uri(name):
    return "https://fixtures.example/%s" % name[:-len(".html")]


def build_fixtures(version, compressed):
    """Every fixture page once, served in the ways crawlers store pages, and records that hold no article."""
    out = Writer(version, compressed)
    out.warcinfo()
    for name, body in fixture_pages():
        uri = fixture_uri(name)
        if name.startswith("seed-"):
            # Chunked and gzip-compressed on the wire, as some crawlers keep the transfer.
            headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                       ("Transfer-Encoding", "chunked")]
            out.page(uri, body=chunked(member(body)), headers=headers)
        elif name.startswith("legacy-table"):
            out.page(uri, body, headers=[("Content-Type", "text/html; charset=windows-1252")])
        else:
            out.page(uri, body)
    out.page("https://fixtures.example/moved", b"", headers=[("Location", "https://fixtures.example/")],
             status=301, reason="Moved Permanently")
    out.page("https://fixtures.example/missing", b"<html><body>Not found</body></html>", status=404,
             reason="Not Found")
    out.page("https://fixtures.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(64)),
             headers=[("Content-Type", "image/png")])
    # A page kept as a resource record (wget --warc-file, archives of local files).
    name, body = fixture_pages()[0]
    out.add("resource", "file:///archive/%s" % name, body, "text/html")
    return bytes(out.data)


def build_damaged(compressed):
    """Good pages around one fault of each kind; README.md lists them in order."""
    pages = dict(fixture_pages())
    good = ["app-shell-jsonld-body.html", "live-blog-un-climate-talks.html", "newsroom-divs-japan-korea-talks.html",
            "wordpress-nato-summit-comments.html", "spanish-regional-election-no-lang.html"]
    out = Writer("1.0", compressed)

    def response(name):
        body = pages[name]
        block = http_response(200, "OK", [("Content-Type", "text/html")], body)
        return warc_record("1.0", [("WARC-Type", "response"), ("WARC-Target-URI", fixture_uri(name)),
                                   ("WARC-Date", CAPTURED), ("Content-Type", "application/http; msgtype=response")],
                           block)

    def put(raw):
        out.data += member(raw) if compressed else raw

    put(response(good[0]))
    if compressed:
        # 1. A gzip member whose deflate data is damaged in the middle.
        broken = bytearray(member(response(good[1])))
        middle = len(broken) // 2
        for index in range(middle, middle + 16):
            broken[index] ^= 0x5A
        out.data += broken
    else:
        # 1. Text that is not a record.
        out.data += b"this line is not a WARC record\r\n\r\n"
    # 2. A record without Content-Length.
    put(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://fixtures.example/no-length\r\n\r\n"
        b"HTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n")
    put(response(good[2]))
    # 3. Bytes that are neither gzip nor a record between two records.
    out.data += b"\x00garbage between records\x00" * 3
    put(response(good[3]))
    # 4. The last record, cut in the middle: the file ends inside it.
    last = member(response(good[4])) if compressed else response(good[4])
    out.data += last[:len(last) // 2]
    return bytes(out.data)


def fixtures(check):
    files = {
        "fixtures.warc.gz": build_fixtures("1.0", True),
        "fixtures.warc": build_fixtures("1.1", False),
        "damaged.warc.gz": build_damaged(True),
        "damaged.warc": build_damaged(False),
    }
    stale = []
    for name, data in files.items():
        path = os.path.join(OUT, name)
        if check:
            if not os.path.exists(path) or open(path, "rb").read() != data:
                stale.append(name)
        else:
            os.makedirs(OUT, exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(data)
    if stale:
        sys.exit("make-warc.py: %s differ from what the script builds; run scripts/make-warc.py fixtures"
                 % ", ".join(stale))
    print("make-warc.py: %d WARC files %s" % (len(files), "up to date" if check else "written to " + OUT))


def corpus(count, folder, seed, with_files):
    sources = []
    if os.path.isdir(BENCH_PAGES):
        for name in sorted(os.listdir(BENCH_PAGES)):
            if name.endswith(".html.gz"):
                sources.append(gzip.open(os.path.join(BENCH_PAGES, name)).read())
            elif name.endswith(".html"):
                sources.append(open(os.path.join(BENCH_PAGES, name), "rb").read())
    sources += [body for _, body in fixture_pages()]
    generator = random.Random(seed)
    os.makedirs(folder, exist_ok=True)
    if with_files:
        os.makedirs(os.path.join(folder, "pages"), exist_ok=True)
    captured = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    total = 0
    with open(os.path.join(folder, "corpus.warc.gz"), "wb") as warc, \
            open(os.path.join(folder, "corpus.jsonl"), "w", encoding="utf-8") as lines:
        info = Writer("1.0", True)
        info.warcinfo()
        warc.write(info.data)
        for index in range(count):
            page = sources[generator.randrange(len(sources))]
            uri = "https://corpus.example/%d/%07d" % (seed, index)
            # Each document is distinct: its own canonical address first in <head>, the page's own (a canonical
            # link, og:url) renamed so that they do not name the same article for every copy.
            page = re.sub(rb"""rel\s*=\s*(["']?)canonical""", rb"rel=\1x-original-canonical", page, flags=re.I)
            page = re.sub(rb"""(property|name)\s*=\s*(["']?)og:url""", rb"\1=\2x-original-og-url", page, flags=re.I)
            marker = b'<link rel="canonical" href="' + uri.encode() + b'">'
            head = re.search(rb"<head(\s[^>]*)?>", page, flags=re.I) or re.search(rb"<html(\s[^>]*)?>", page, flags=re.I)
            page = page[:head.end()] + marker + page[head.end():] if head else marker + page
            out = Writer("1.0", True)
            out.page(uri, page, date=captured)
            warc.write(out.data)
            total += len(page)
            lines.write(json.dumps({"id": "%07d" % index, "url": uri,
                                    "html": page.decode("utf-8", errors="replace")}) + "\n")
            if with_files:
                with open(os.path.join(folder, "pages", "%07d.html" % index), "wb") as handle:
                    handle.write(page)
    size = os.path.getsize(os.path.join(folder, "corpus.warc.gz"))
    print("make-warc.py: %d documents, %.1f MB of HTML, corpus.warc.gz %.1f MB, in %s"
          % (count, total / 1e6, size / 1e6, folder))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    fixture_command = commands.add_parser("fixtures")
    fixture_command.add_argument("--check", action="store_true")
    corpus_command = commands.add_parser("corpus")
    corpus_command.add_argument("count", type=int)
    corpus_command.add_argument("folder")
    corpus_command.add_argument("--seed", type=int, default=1)
    corpus_command.add_argument("--files", action="store_true")
    arguments = parser.parse_args()
    if arguments.command == "fixtures":
        fixtures(arguments.check)
    else:
        corpus(arguments.count, arguments.folder, arguments.seed, arguments.files)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A local HTTP server for the fetch tests and benchmarks: well-behaved pages and feeds, and every hostile
behaviour the fetcher must survive. Listens on 127.0.0.1 (port 0: any free port) and prints the port on its
first line. GET /_stats returns what it saw: requests per path, the largest number of requests in flight at
once per Host header, and every path requested.

    python3 scripts/testing/http-server.py [--articles N] [--latency SECONDS] [--crawl-delay SECONDS]

Paths: /feed.xml (RSS of N articles, with relative and duplicate links), /atom.xml, /article/K (ETag and
Last-Modified, 304 on a match), /robots.txt (disallows /private/), /private/K, /slow-headers, /slow-body,
/endless, /bomb (a gzip body that inflates to 10 GB), /redirect-loop, /redirect-private (to 169.254.169.254),
/retry-after (429 with Retry-After: 1, then 200), /storm (always 429), /wrong-type, /reset, /big.
/stamped/K: article K with the time of each response in a comment, a meta tag and a script (the bytes change on
every request, the text never); no validators. /edited/K: article K, and from the second request on a new
version whose second paragraph tells another event; no validators. /sitemap-index.xml: a sitemap index naming
/sitemap.xml (articles 0 to N/2-1, lastmod 2022-09-12, except article 0 whose lastmod is the time of the
response) and /sitemap-2.xml.gz (the rest, gzip-compressed, served as application/gzip). /redirect-to-ip/K:
a redirect to /article/K at 127.0.0.1 (whatever host name was asked).
"""
import argparse
import gzip
import json
import signal
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATS = {"requests": {}, "in_flight": {}, "max_in_flight": {}, "paths": []}
RETRIED = set()
ARGS = None


def article(index):
    countries = ["Albania", "Iran", "France", "Japan", "Brazil", "Kenya", "Canada", "India"]
    actor, target = countries[index % 8], countries[(index + 3) % 8]
    return (f"<html><head><title>Story {index}</title>"
            f"<meta property=\"article:published_time\" content=\"2022-09-12\"></head><body><article>"
            f"<h1>Story {index}</h1><p>On Friday, {actor} blamed {target} for incident {index} at the border, "
            f"officials said. The foreign ministry summoned the ambassador and demanded an explanation within a "
            f"week, according to a statement published on its website.</p><p>{target} rejected the accusation "
            f"and said the claims about case {index} were baseless. Diplomats from both countries are expected to "
            f"meet next month to discuss the dispute, which has strained relations for several years.</p>"
            f"</article></body></html>").encode()


def edited(index):
    """The second version of article `index`: the first paragraph kept, the second replaced."""
    countries = ["Albania", "Iran", "France", "Japan", "Brazil", "Kenya", "Canada", "India"]
    actor, target = countries[index % 8], countries[(index + 3) % 8]
    first = article(index).split(b"</p>")[0] + b"</p>"
    return first + (f"<p>{target} later apologised to {actor} for the incident, and the two governments said "
                    f"relations were back to normal.</p></article></body></html>").encode()


def stamped(index):
    """Article `index` with the response time in a comment, a meta tag and a script: new bytes, same text."""
    now = repr(time.time())
    page = article(index).replace(
        b"</head>", f"<meta name=\"generated\" content=\"{now}\"><script>var rendered = {now};</script></head>".encode())
    return page.replace(b"</body>", f"<!-- rendered at {now} --></body>".encode())


def sitemap(indices, stamp_first):
    """A sitemaps.org urlset of the articles `indices`; the first one's lastmod is now when `stamp_first`."""
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    rows = "".join(
        f"<url><loc>/article/{index}</loc><lastmod>{now if stamp_first and index == 0 else '2022-09-12'}</lastmod></url>"
        for index in indices)
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" + rows + "</urlset>").encode()


def bomb():
    # 10 GB of zeros, gzip-compressed once, streamed from a small repeated deflate block.
    chunk = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    head = chunk.compress(block)
    return chunk, head, block


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def track(self, delta):
        # A request counts as in flight from its arrival until its last bytes are handed to the socket: once
        # they are, the client may finish it and send its next request before this thread runs again (on a busy
        # machine), which must not count as an overlap.
        if delta < 0:
            if not getattr(self, "tracked", False):
                return
            self.tracked = False
        else:
            self.tracked = True
        host = self.headers.get("Host", "")
        with LOCK:
            now = STATS["in_flight"].get(host, 0) + delta
            STATS["in_flight"][host] = now
            STATS["max_in_flight"][host] = max(STATS["max_in_flight"].get(host, 0), now)

    def send(self, status, body=b"", headers=None):
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        # Before the headers go out: a response with no body (a 304) is whole once they have.
        self.track(-1)
        self.end_headers()
        self.wfile.write(body)

    def send_partial(self, start):
        """Promises a 100,000-byte HTML body and writes only its start; the caller decides what happens next."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(start)
        self.wfile.flush()

    def do_GET(self):
        path = self.path.split("?")[0]
        with LOCK:
            STATS["requests"][path] = STATS["requests"].get(path, 0) + 1
            STATS["paths"].append(self.headers.get("Host", "") + path)
        if path == "/_stats":
            with LOCK:
                body = json.dumps(STATS).encode()
            return self.send(200, body, {"Content-Type": "application/json"})
        self.track(1)
        try:
            if ARGS.latency:
                time.sleep(ARGS.latency)
            self.route(path)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self.track(-1)

    def route(self, path):
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            rules = "User-agent: *\nDisallow: /private/\n"
            if ARGS.crawl_delay:
                rules += f"Crawl-delay: {ARGS.crawl_delay}\n"
            return self.send(200, rules.encode(), {"Content-Type": "text/plain"})
        if path in ("/feed.xml", "/atom.xml"):
            items = []
            for index in range(ARGS.articles):
                link = f"/article/{index}" if index % 2 else f"http://{self.headers.get('Host')}/article/{index}"
                items.append(link)
            items.append("/article/0#comments")  # a duplicate, once canonical
            if path == "/feed.xml":
                body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>" + "".join(
                    f"<item><title>Story</title><link>{link}</link></item>" for link in items) + "</channel></rss>"
                return self.send(200, body.encode(), {"Content-Type": "application/rss+xml"})
            body = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>" + "".join(
                f"<entry><title>Story</title><link href=\"{link}\"/></entry>" for link in items) + "</feed>"
            return self.send(200, body.encode(), {"Content-Type": "application/atom+xml"})
        if path.startswith("/article/") or path.startswith("/private/"):
            index = int(path.rsplit("/", 1)[1] or 0)
            etag = f"\"v{index}\""
            modified = "Mon, 12 Sep 2022 10:00:00 GMT"
            if self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == modified:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                # As in send(): a 304 is whole once its headers are out, so it leaves the count before them.
                self.track(-1)
                self.end_headers()
                return
            return self.send(200, article(index), dict(html, **{"ETag": etag, "Last-Modified": modified}))
        if path == "/sitemap-index.xml":
            body = ("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    "<sitemap><loc>/sitemap.xml</loc></sitemap><sitemap><loc>/sitemap-2.xml.gz</loc></sitemap>"
                    "<sitemap><loc>/sitemap.xml</loc></sitemap></sitemapindex>")
            return self.send(200, body.encode(), {"Content-Type": "application/xml"})
        if path == "/sitemap.xml":
            return self.send(200, sitemap(range(ARGS.articles // 2), True), {"Content-Type": "application/xml"})
        if path == "/sitemap-2.xml.gz":
            body = gzip.compress(sitemap(range(ARGS.articles // 2, ARGS.articles), False))
            return self.send(200, body, {"Content-Type": "application/gzip"})
        if path.startswith("/redirect-to-ip/"):
            port = self.server.server_address[1]
            target = f"http://127.0.0.1:{port}/article/{path.rsplit('/', 1)[1]}"
            return self.send(302, b"", {"Location": target})
        if path.startswith("/stamped/"):
            return self.send(200, stamped(int(path.rsplit("/", 1)[1] or 0)), html)
        if path.startswith("/edited/"):
            with LOCK:
                seen = STATS["requests"].get(path, 0)
            index = int(path.rsplit("/", 1)[1] or 0)
            return self.send(200, article(index) if seen <= 1 else edited(index), html)
        if path == "/slow-headers":
            time.sleep(30)
            return self.send(200, article(1), html)
        if path == "/slow-body":
            self.send_partial(b"<html><body>")
            time.sleep(30)
            return
        if path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            for _ in range(1 << 20):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            return
        if path == "/bomb":
            compressor, head, block = bomb()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            data = head
            for _ in range(10 * 1024):  # 10 GB inflated
                data += compressor.compress(block)
                if data:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                    data = b""
            return
        if path == "/redirect-loop":
            return self.send(302, b"", {"Location": "/redirect-loop-2"})
        if path == "/redirect-loop-2":
            return self.send(302, b"", {"Location": "/redirect-loop"})
        if path == "/redirect-private":
            return self.send(302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"})
        if path == "/retry-after":
            with LOCK:
                first = path not in RETRIED
                RETRIED.add(path)
            if first:
                return self.send(429, b"slow down", {"Retry-After": "1", "Content-Type": "text/plain"})
            return self.send(200, article(7), html)
        if path == "/storm":
            return self.send(429, b"slow down", {"Retry-After": "1", "Content-Type": "text/plain"})
        if path == "/wrong-type":
            return self.send(200, b"%PDF-1.4", {"Content-Type": "application/pdf"})
        if path == "/reset":
            self.send_partial(b"<html><body><p>partial")
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            return
        if path == "/big":
            return self.send(200, b"<html>" + b"x" * (12 * 1024 * 1024) + b"</html>", html)
        return self.send(404, b"not found", {"Content-Type": "text/plain"})


def main():
    global ARGS
    # A parent may have started us with signals blocked (test threads do): take SIGTERM and SIGINT back.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0)
    parser.add_argument("--crawl-delay", type=float, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    ARGS = parser.parse_args()
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256
    server = ThreadingHTTPServer((ARGS.host, 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Hostile inputs through the release binary, each under /usr/bin/time -v: prints the outcome, peak RSS and
# wall time of every case, and fails when a case exceeds 512 MB or 20 s, prints a line that is not a JSON
# object, or crashes. The same cases, with their expected outcomes, are unit tests (Tests/HostileInputTests).
#   scripts/torture.sh        (uses $NEWSEVENTS_BIN when set)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/release-bin.sh
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import gzip, os, random, sys
work = sys.argv[1]
article = "The foreign ministers of France and Germany met in Berlin on Tuesday to discuss the sanctions package. " * 3
def page(body, head="", before="", after=""):
    return f"<html><head>{head}<title>T</title></head><body>{before}<article><p>{body}</p></article>{after}</body></html>"
rnd = random.Random(0)
cases = {
    "empty": b"",
    "whitespace": b"  \n\t \r\n",
    "unicode-whitespace": "\u3000\u00a0\u2003".encode(),
    "random-1mib": bytes(rnd.getrandbits(8) for _ in range(1 << 20)),
    "json": b'{"title": "x", "body": "y"}',
    "gzip": gzip.compress(page(article).encode()),
    "utf8-bom": b"\xef\xbb\xbf" + page("caf\u00e9 " + article).encode(),
    "utf16le-bom": b"\xff\xfe" + page("caf\u00e9 " + article).encode("utf-16-le"),
    "windows-1252": page("\u201ccaf\u00e9\u201d " + article).encode("cp1252"),
    "shift-jis": page("\u6771\u4eac\u3067\u4f1a\u8ac7\u3002" + article, head='<meta charset="shift_jis">').encode("shift_jis"),
    "gb2312-gbk": page("\u6731\u9555\u57fa\u3002" + article, head='<meta charset="gb2312">').encode("gbk"),
    "lying-meta": page("\u201ccaf\u00e9\u201d " + article, head='<meta charset="utf-8">').encode("cp1252"),
    "invalid-utf8": page("D\u00e9claration \u00ab caf\u00e9 \u00bb @ " + article).encode().replace(b"@", b"\xc0\xaf \x80 \xe2\x82 \xed\xa0\x80 \xff"),
    "nul-bytes": page("Before\x00after " + article).encode(),
    "emoji-rtl": page("\U0001F468\u200d\U0001F469\u200d\U0001F467 e\u0301 \u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c " + article).encode(),
    "cr-only": page(article).replace("<p>", "\r<p>").encode(),
    "nested-300-before": page(article, before="<div>" * 300, after="</div>" * 300).encode(),
    "nested-100k-after": page(article, after="<div>" * 100000 + "deep" + "</div>" * 100000).encode(),
    "unclosed-p-1m": ("<html><body>" + "<p>x" * 1000000).encode(),
    "page-50mb": b"<html><body><p>" + b"a" * (50 << 20) + b"</p></body></html>",
    "text-node-20mb": b"<html><body><p>" + b"word " * (4 << 20) + b"</p></body></html>",
    "attribute-10mb": page(article, before='<div class="' + "x" * 10000000 + '">', after="</div>").encode(),
    "one-line-10mb": page(article, before='<div class="nav">' + "<span>filler</span>" * 450000 + "</div>").encode(),
    "unterminated-comment": (page(article) + "<!-- <p>FAKE ARTICLE TEXT</p>").encode(),
    "unterminated-script": (page(article) + "<script><p>FAKE ARTICLE TEXT</p>").encode(),
    "script-with-tags": page(article, after="<script>var s='</p><p>FAKE ARTICLE TEXT</p>';</script>").encode(),
    "tag-soup": ("<html><body><article><p>" + article + "<b><i>x</b></i><p>y<div>z</article>").encode(),
    "xxe-and-bomb": ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">'
                     '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                     + page("&xxe; &c; " + article)).encode(),
    "local-references": page(article, head='<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/"><base href="file:///etc/">',
                             after='<iframe src="http://127.0.0.1:9/"></iframe><script src="http://127.0.0.1:9/x.js"></script>').encode(),
    "utf32le-bom": b"\xff\xfe\x00\x00" + page(article).encode("utf-32-le"),
    "utf32be-bom": b"\x00\x00\xfe\xff" + page(article).encode("utf-32-be"),
    "one-paragraph": ("<html><head><title>T</title></head><body><p>" + article.split(". ")[0] + ".</p></body></html>").encode(),
    "controls-scattered": page("".join(c + ("\x01\x0b\x1b\x7f\u0085"[i % 5] if i % 7 == 3 else "") for i, c in enumerate(article))).encode(),
    "repeat-10000": ("<html><body><article>" + ("<p>" + article + "</p>") * 10000 + "</article></body></html>").encode(),
    "combining-runs-1mb": page(" ".join(w + ("\u0301\u0302\u0303" * 1000 if i % 5 == 2 else "") for i, w in enumerate((article * 12).split()))).encode(),
    "unclosed-p-after-article": page(article, after="<p>x" * 1000000).encode(),
    "attributes-120000": page(article, before="<div " + " ".join(f'a{i}="1"' for i in range(120000)) + ">x</div>").encode(),
    "attributes-5000": ("<html><body><div " + " ".join(f'a{i}="1"' for i in range(5000)) + ">x</div></body></html>").encode(),
}
for name, data in cases.items():
    with open(os.path.join(work, name + ".html"), "wb") as handle:
        handle.write(data)
PY
status=0
printf '%-22s %5s %9s %8s  %s\n' case exit "RSS (MB)" "seconds" outcome
for file in "$work"/*.html; do
  name="$(basename "$file" .html)"
  set +e
  /usr/bin/time -v -o "$work/time.txt" "$NEWSEVENTS_BIN" extract --emit articles "$file" > "$work/out.jsonl" 2> "$work/err.txt"
  code=$?
  set -e
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$work/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  valid=$(python3 -c "
import json,sys
ok=all(isinstance(json.loads(l),dict) for l in open('$work/out.jsonl','rb').read().split(b'\n') if l)
print('ok' if ok else 'INVALID')")
  leak=$(grep -c "FAKE\|root:x" "$work/out.jsonl" || true)
  if [ -s "$work/out.jsonl" ]; then
    outcome=$(python3 -c "
import json
r=json.loads(open('$work/out.jsonl').readline())
w=[x['code'] for x in r.get('warnings', [])]
print('article, %d chars of text, %d events%s%s' % (len(r['text']), len(r['events']), (', empty: ' + r['empty_reason']) if r.get('empty_reason') else '', (', cut: ' + ' '.join(w)) if w else ''))")
  else
    outcome="error: $(head -1 "$work/err.txt" | sed 's/^newsevents: error: [^:]*: //' | cut -c1-80)"
  fi
  printf '%-22s %5s %9s %8s  %s\n' "$name" "$code" "$rss" "$wall" "$outcome"
  if [ "$code" -gt 1 ] || [ "$rss" -gt 512 ] || python3 -c "import sys; sys.exit(0 if float('$wall') > 20 else 1)" || [ "$valid" != ok ] || [ "$leak" != 0 ]; then
    echo "  FAILED: exit $code, ${rss} MB, ${wall} s, output $valid, leaked lines $leak"
    status=1
  fi
done
exit $status

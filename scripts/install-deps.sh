#!/usr/bin/env bash
# Installs the system libraries newsevents builds against, when they are missing (Debian/Ubuntu):
# libxml2-dev (the HTML and XML parser), zlib1g-dev (gzip inputs), libisal-dev (fast inflate of WARC files) and pkg-config (SwiftPM finds both with it);
# python3-jsonschema for the schema check of the records; wordnet-base, which scripts/gen-language.py reads
# when it learns (or checks) the language layer's tables; iso-codes, which scripts/gen-data.py reads likewise;
# with --with-browser, chromium for the report check and postgresql for the database tests.
set -euo pipefail

missing=()
[ -f /usr/include/libxml2/libxml/HTMLparser.h ] || missing+=(libxml2-dev)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
# ISA-L's inflate reads gzip-compressed WARC files.
[ -f /usr/include/isa-l/igzip_lib.h ] || missing+=(libisal-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The record check of scripts/test.sh validates output against schema/ with Python's jsonschema.
python3 -c 'import jsonschema, referencing' >/dev/null 2>&1 || missing+=(python3-jsonschema)
[ -f /usr/share/wordnet/index.noun ] || missing+=(wordnet-base)
# scripts/gen-data.py --check derives the country table again from iso-codes' ISO 3166-1 list.
[ -f /usr/share/iso-codes/json/iso_3166-1.json ] || missing+=(iso-codes)

# The test script (scripts/test.sh --with-browser, as CI runs it) also checks the HTML report in headless
# Chromium; the quick start does not need it.
# Java 17 for the Spark check (scripts/spark-smoke.sh runs PySpark); neither is needed to run newsevents.
if [ "${1:-}" = "--with-browser" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
  # PostgreSQL for the database sink's tests: each suite makes a throwaway cluster with initdb
  # (scripts/pg-throwaway.sh) and talks to it with psql; no server is started by the package's own service.
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && command -v psql >/dev/null 2>&1 || missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "swift is not on PATH: install Swift 6 (https://swift.org/install)" >&2; exit 1; }

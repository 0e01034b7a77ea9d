#!/usr/bin/env bash
# Fetch-stage benchmarks against local servers (scripts/testing/http-server.py), release build:
#  1. throughput: 1,000 article URLs over 4 hosts (127.0.0.1-4) that each add 100 ms per response, with 8
#     requests in flight overall and 2 per host; the ratio to the ideal time (1,000 x 0.1 s / 8 = 12.5 s);
#  2. a hostile server (stalled headers and bodies, an endless body, a 10 GB gzip bomb, redirect loops and a
#     redirect to 169.254.169.254, robots-disallowed paths, 429 storms): wall time and peak RSS of the run.
#   scripts/bench/fetch.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/release-bin.sh
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

start_server() {  # host, extra arguments...; prints the port
  local host="$1"; shift
  python3 scripts/testing/http-server.py --host "$host" "$@" >"$work/port-$host" 2>/dev/null &
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/port-$host" ] && break; sleep 0.05; done
  head -1 "$work/port-$host"
}

# 1. Throughput.
: >"$work/urls.txt"
for host in 127.0.0.1 127.0.0.2 127.0.0.3 127.0.0.4; do
  port=$(start_server "$host" --articles 250 --latency 0.1)
  for index in $(seq 0 249); do echo "http://$host:$port/article/$index" >>"$work/urls.txt"; done
done
mkdir -p "$work/throughput"
cat >"$work/throughput/pipeline.conf" <<CONF
[sources]
url_files = ["$work/urls.txt"]
[fetch]
allow_private_addresses = true
concurrency = 8
per_host_concurrency = 2
min_delay = 0
respect_robots = false
[sink]
path = "out/events.jsonl"
CONF
start=$(date +%s.%N)
"$NEWSEVENTS_BIN" run --config "$work/throughput/pipeline.conf" --log-level error
end=$(date +%s.%N)
python3 - "$start" "$end" "$(wc -l <"$work/throughput/out/events.jsonl")" <<'PY'
import sys
elapsed = float(sys.argv[2]) - float(sys.argv[1])
ideal = 1000 * 0.1 / 8
print(f"throughput: 1000 URLs, 4 hosts x 100 ms, 8 in flight (2 per host): {elapsed:.2f} s, ideal {ideal:.1f} s, "
      f"ratio {elapsed / ideal:.2f}; {sys.argv[3]} records")
PY

# 2. Hostile server.
port=$(start_server 127.0.0.5 --articles 5)
base="http://127.0.0.5:$port"
mkdir -p "$work/hostile"
{
  echo '[sources]'
  printf 'urls = ['
  for path in slow-headers slow-body endless bomb redirect-loop redirect-private private/1 private/2 retry-after \
              storm storm wrong-type reset big article/1 article/2; do printf '"%s/%s", ' "$base" "$path"; done
  echo ']'
  echo '[fetch]'
  echo 'allow_private_addresses = true'
  echo 'min_delay = 0'
  echo 'connect_timeout = 5'
  echo 'read_timeout = 5'
  echo 'total_timeout = 15'
  echo 'retries = 2'
  echo '[sink]'
  echo 'path = "out/events.jsonl"'
} >"$work/hostile/pipeline.conf"
/usr/bin/time -f "%e %M" -o "$work/time" "$NEWSEVENTS_BIN" run --config "$work/hostile/pipeline.conf" \
  --log-level error --summary-json "$work/hostile/summary.json" 2>/dev/null || true
read -r seconds kilobytes <"$work/time"
echo "hostile server: $seconds s, peak RSS $((kilobytes / 1024)) MB; summary: $(cat "$work/hostile/summary.json")"

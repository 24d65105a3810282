#!/usr/bin/env bash
# Polling throughput of GET /api/verdicts (200s and If-None-Match 304s) next to nginx serving the same bytes
# as a static file, and filing-to-push latency over SSE. Needs wrk, nginx and python3 (Debian packages;
# installed when run as root). Starts the whole system with ./capex-watch up on spare ports.
# Usage: bench/verdicts-benchmark.sh [duration, default 10s]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10s}"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "needs wrk and nginx (apt-get install wrk nginx)" >&2; exit 1; }
  apt-get install -y -qq wrk nginx >/dev/null
fi
work=$(mktemp -d)
export CAPEXWATCH_DATA_DIR="$work/data" CAPEXWATCH_VERDICT_PORT=18080 CAPEXWATCH_INGEST_PORT=18081 CAPEXWATCH_TRACKER_PORT=18082
# Full JIT (C2) and a bigger heap for a throughput run; the default run options favour start-up.
export CAPEXWATCH_SERVICE_JVM_OPTS="${CAPEXWATCH_SERVICE_JVM_OPTS:--Xmx256m -XX:+UseParallelGC}"
setsid ./capex-watch up > "$work/up.log" 2>&1 &
up=$!
nginx_pid=""
cleanup() { kill -TERM "$up" 2>/dev/null || true; [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true; wait "$up" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 240); do grep -q "capex-watch is up" "$work/up.log" && break; sleep 1; done
grep -q "capex-watch is up" "$work/up.log" || { cat "$work/up.log"; exit 1; }
api=http://127.0.0.1:18080/api/verdicts

mkdir -p "$work/www"
for _ in $(seq 1 60); do curl -s "$api" | grep -q GOOGL && break; sleep 1; done
curl -s "$api" > "$work/www/verdicts.json"
# Warm-up, so the JIT has compiled the request path before measuring.
wrk -t2 -c64 -d10s "$api" >/dev/null
etag=$(curl -sI "$api" | sed -n 's/^[Ee][Tt]ag: //p' | tr -d '\r')
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; default_type application/json;
  server { listen 127.0.0.1:18090; root $work/www; location / { etag on; } } }
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' & nginx_pid=$!
sleep 1

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); body $(wc -c < "$work/www/verdicts.json") bytes; wrk $duration per run, 2 threads"
echo
echo "| connections | target | requests/s | p50 | p99 |"
echo "|---:|---|---:|---:|---:|"
run() { # connections label url [header]
  local out
  if [ -n "${4:-}" ]; then out=$(wrk -t2 -c"$1" -d"$duration" --latency -H "$4" "$3"); else out=$(wrk -t2 -c"$1" -d"$duration" --latency "$3"); fi
  echo "| $1 | $2 | $(echo "$out" | awk '/Requests\/sec/ {print $2}') | $(echo "$out" | awk '$1=="50%" {print $2}') | $(echo "$out" | awk '$1=="99%" {print $2}') |"
}
for c in 16 64 256; do
  run "$c" "verdict-api 200" "$api"
  run "$c" "verdict-api 304 (If-None-Match)" "$api" "If-None-Match: $etag"
  run "$c" "nginx static 200" "http://127.0.0.1:18090/verdicts.json"
done
echo
python3 bench/push_latency.py http://127.0.0.1:18081 http://127.0.0.1:18080 samples/companyfacts/CIK0001652044.json 30

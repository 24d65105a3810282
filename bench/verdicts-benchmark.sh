#!/usr/bin/env bash
# Polling throughput of GET /api/verdicts and /api/verdicts/{ticker} (200s, If-None-Match 304s, gzip) next
# to nginx serving the same bytes as static files, and filing-to-push latency over SSE on every verdict-api
# replica. Starts the whole system with ./capex-watch up on spare ports (its default JVM options unless
# CAPEXWATCH_SERVICE_JVM_OPTS is set) with two verdict-api replicas (same databases, Redis and Kafka; the
# second on a free port), imports the samples, checks the API's answers (status, ETag, 304, gzip decoding to
# the same bytes, the same ETag on both replicas), then measures polling on the first replica and, last,
# the time from each import's HTTP 200 to its verdict event on each replica's stream. Any check failing, wrk
# seeing an error or an unexpected status, or a replica not pushing an import's event, fails the script.
#
# Usage: bench/verdicts-benchmark.sh [--short] [duration, default 8s]
#   --short (or BENCH_SHORT=1): CI mode, a few seconds: 64 connections only, 2 s runs, 2 + 5 push rounds
#   (warm-up, timed; the full mode 30 + 30). BENCH_PUSH_WARMUP sets the warm-up imports (startup-benchmark.sh
#   --train uses 30, so that the AOT cache records the import and consume paths' profiles once they are hot).
#   BENCH_CONNECTIONS="16 64 256" connection counts; BENCH_PROFILE=1 records a JFR execution-sample
#   profile of verdict-api during the 64-connection 200 run (BENCH_PROFILE_TARGET names another row, e.g.
#   "verdict-api all 200 gzip") and prints its top frames.
#   BENCH_GC=1 adds to each row what happened meanwhile: verdict-api's GC pauses (count and total time, from
#   jstat), how long its event-loop threads were runnable but waiting for a CPU (the kernel's schedstat), its
#   CPU use (of one core) and the machine's idle share (all cores), to tell pauses from contention.
#   BENCH_PIN=1 runs wrk on CPU 0 and the server under test (the measured verdict-api replica, nginx's
#   workers) on CPU 1, so the load generator no longer takes the server's core (the other processes, idle
#   while polling, stay unpinned). Needs taskset and 2 or more cores.
#   BENCH_VERDICT_REPLICAS (default 2) verdict-api replicas; 1 when CAPEXWATCH_SERVICE_JVM_OPTS records an
#   AOT cache (-XX:AOTCacheOutput, startup-benchmark.sh --train): replicas share a directory and its app.aot.
# Needs curl and python3; wrk and nginx are Debian packages (installed when run as root). Without wrk the
# short mode falls back to a Python keep-alive client (checks every answer, throughput not comparable);
# without nginx it leaves the nginx rows out. The full mode needs both.
set -euo pipefail
cd "$(dirname "$0")/.."
short="${BENCH_SHORT:-0}"
[ "${1:-}" = "--short" ] && { short=1; shift; }
if [ "$short" = 1 ]; then duration="${1:-2s}"; warm=1s; connections="${BENCH_CONNECTIONS:-64}"; rounds=5; warm_rounds=2
else duration="${1:-8s}"; warm="$duration"; connections="${BENCH_CONNECTIONS:-16 64 256}"; rounds=30; warm_rounds=30; fi
warm_rounds="${BENCH_PUSH_WARMUP:-$warm_rounds}"
for tool in curl python3; do command -v "$tool" >/dev/null || { echo "verdicts-benchmark: needs $tool" >&2; exit 1; }; done
if { ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; } && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null 2>&1 || true
fi
have_wrk=1; command -v wrk >/dev/null || have_wrk=0
have_nginx=1; command -v nginx >/dev/null || have_nginx=0
if [ "$short" != 1 ] && [ $((have_wrk * have_nginx)) = 0 ]; then
  echo "verdicts-benchmark: the full mode needs wrk and nginx (apt-get install wrk nginx); --short works without" >&2; exit 1
fi

work=$(mktemp -d)
vport="${BENCH_VERDICT_PORT:-18080}" iport="${BENCH_INGEST_PORT:-18081}" tport="${BENCH_TRACKER_PORT:-18082}" nport="${BENCH_NGINX_PORT:-18090}"
replicas="${BENCH_VERDICT_REPLICAS:-2}"
case "${CAPEXWATCH_SERVICE_JVM_OPTS:-}" in *AOTCacheOutput*) replicas=1 ;; esac
export CAPEXWATCH_DATA_DIR="$work/data" CAPEXWATCH_VERDICT_PORT=$vport CAPEXWATCH_INGEST_PORT=$iport CAPEXWATCH_TRACKER_PORT=$tport
export CAPEXWATCH_VERDICT_REPLICAS=$replicas
setsid ./capex-watch up > "$work/up.log" 2>&1 &
up=$!
nginx_pid=""
cleanup() {
  kill -TERM "$up" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  wait "$up" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "verdicts-benchmark: FAILED: $*" >&2; exit 1; }
for _ in $(seq 1 300); do grep -q "capex-watch is up" "$work/up.log" && break; kill -0 "$up" 2>/dev/null || break; sleep 1; done
grep -q "capex-watch is up" "$work/up.log" || { tail -40 "$work/up.log"; fail "capex-watch up did not come up"; }
base=http://127.0.0.1:$vport
api=$base/api/verdicts
one=$api/GOOGL

# The API's answers, checked before anything is measured.
for _ in $(seq 1 60); do [ "$(curl -s "$api" | grep -o '"ticker":"[A-Z]*"' | sort -u | wc -l)" -ge 2 ] && break; sleep 1; done
mkdir -p "$work/www"; chmod 711 "$work"; chmod 755 "$work/www"  # nginx workers run as www-data
curl -sf "$api" -o "$work/www/verdicts.json" || fail "GET /api/verdicts"
curl -sf "$one" -o "$work/www/GOOGL.json" || fail "GET /api/verdicts/GOOGL"
grep -q '"ticker":"GOOGL"' "$work/www/verdicts.json" && grep -q '"ticker":"AMZN"' "$work/www/verdicts.json" \
  || fail "/api/verdicts lacks GOOGL or AMZN: $(head -c 300 "$work/www/verdicts.json")"
header() { curl -s -o /dev/null -D - "${@:2}" | sed -n "s/^$1: //Ip" | tr -d '\r'; }
etag=$(header ETag "$api"); etag_one=$(header ETag "$one")
[[ "$etag" =~ ^\"[0-9a-f]{32}\"$ ]] || fail "no strong ETag on /api/verdicts: '$etag'"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$api")" = 304 ] || fail "If-None-Match did not give 304"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag_one" "$one")" = 304 ] || fail "If-None-Match on one ticker did not give 304"
[ "$(header Content-Encoding -H 'Accept-Encoding: gzip' "$api")" = gzip ] || fail "no gzip for Accept-Encoding: gzip"
curl -s -H 'Accept-Encoding: gzip' "$api" -o "$work/www/verdicts.json.gz"
gunzip -c "$work/www/verdicts.json.gz" | cmp -s - "$work/www/verdicts.json" || fail "the gzip variant does not decode to the identity bytes"
curl -s -H 'Accept-Encoding: gzip' "$one" -o "$work/www/GOOGL.json.gz"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$api/NOPE")" = 404 ] || fail "unknown ticker is not a 404"
# Every replica serves the same snapshot (the second one reads it from Redis, as the first does).
replica_urls=$base
if [ "$replicas" -gt 1 ]; then
  replica_urls=$(sed -n 's/^capex-watch: verdict-api replicas //p' "$work/up.log" | tr ' ' ',')
  [ "$(echo "$replica_urls" | tr ',' '\n' | grep -c .)" = "$replicas" ] || fail "up did not list $replicas verdict-api replicas: '$replica_urls'"
  for url in ${replica_urls//,/ }; do
    for _ in $(seq 1 30); do [ "$(header ETag "$url/api/verdicts")" = "$etag" ] && break; sleep 1; done
    [ "$(header ETag "$url/api/verdicts")" = "$etag" ] || fail "$url/api/verdicts has ETag '$(header ETag "$url/api/verdicts")', not $etag"
  done
fi

targets=("verdict-api all 200|$api|" "verdict-api all 304 (If-None-Match)|$api|If-None-Match: $etag"
         "verdict-api all 200 gzip|$api|Accept-Encoding: gzip" "verdict-api one 200|$one|"
         "verdict-api one 304 (If-None-Match)|$one|If-None-Match: $etag_one")
if [ "$have_nginx" = 1 ]; then
  source bench/nginx.sh
  start_nginx "$work/www" "$nport" "$work"
  curl -sf "http://127.0.0.1:$nport/verdicts.json" -o /dev/null || fail "nginx does not serve the copied bytes"
  nginx_etag=$(header ETag "http://127.0.0.1:$nport/verdicts.json")
  targets+=("nginx all 200|http://127.0.0.1:$nport/verdicts.json|" "nginx all 304 (If-None-Match)|http://127.0.0.1:$nport/verdicts.json|If-None-Match: $nginx_etag"
            "nginx all 200 gzip|http://127.0.0.1:$nport/verdicts.json|Accept-Encoding: gzip" "nginx one 200|http://127.0.0.1:$nport/GOOGL.json|")
else
  echo "verdicts-benchmark: nginx not installed, nginx rows left out" >&2
fi

verdict_pid() { ss -ltnpH "sport = :$vport" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
load=(wrk)
if [ "${BENCH_PIN:-0}" = 1 ]; then
  command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ] || fail "BENCH_PIN=1 needs taskset and 2 cores"
  load=(taskset -c 0 wrk)
  taskset -a -pc 1 "$(verdict_pid)" >/dev/null
  if [ -n "$nginx_pid" ]; then for p in "$nginx_pid" $(pgrep -P "$nginx_pid"); do taskset -pc 1 "$p" >/dev/null; done; fi
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); JVM options: ${CAPEXWATCH_SERVICE_JVM_OPTS:-./capex-watch up defaults}; $replicas verdict-api replica(s), polling measured on the first$([ "${BENCH_PIN:-0}" = 1 ] && echo "; wrk pinned to CPU 0, the server under test to CPU 1")"
echo "bodies: all $(wc -c < "$work/www/verdicts.json") bytes ($(wc -c < "$work/www/verdicts.json.gz") gzipped), one $(wc -c < "$work/www/GOOGL.json") bytes; $duration per run"
echo
# "pauses pause-seconds loop-wait-ns cpu-ticks idle-ticks all-ticks" now: verdict-api's collections (young,
# full and concurrent-cycle pauses) and their time, its event loops' run-queue wait, its CPU ticks, and the
# machine's idle and total ticks.
counters() {
  "${JAVA_HOME:+$JAVA_HOME/bin/}jstat" -gc "$1" | awk 'NR==1 {for (i = 1; i <= NF; i++) col[$i] = i}
    NR==2 {printf "%d %s ", $col["YGC"] + $col["FGC"] + $col["CGC"], $col["GCT"]}'
  local task wait=0
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in vert.x-eventloo*) wait=$((wait + $(cut -d' ' -f2 "$task/schedstat"))) ;; esac
  done
  printf "%d " "$wait"
  awk '{printf "%d ", $14 + $15}' "/proc/$1/stat"
  awk '$1=="cpu" {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat
}
gc_columns() { # before after seconds
  echo "$1 $2 $3 $(getconf CLK_TCK)" | awk '{printf " %d | %.0f ms | %.0f ms | %.0f%% | %.0f%% |", $7 - $1, ($8 - $2) * 1000,
    ($9 - $3) / 1e6, 100 * ($10 - $4) / $14 / $13, 100 * ($11 - $5) / ($12 - $6)}'
}
run() { # connections label url header
  local out errors gc="" before=""
  if [ "$have_wrk" = 1 ]; then
    if [ "${BENCH_GC:-0}" = 1 ] && [[ "$2" == verdict-api* ]]; then before=$(counters "$(verdict_pid)"); fi
    if [ -n "$4" ]; then out=$("${load[@]}" -t2 -c"$1" -d"$duration" --latency -H "$4" "$3"); else out=$("${load[@]}" -t2 -c"$1" -d"$duration" --latency "$3"); fi
    if [ -n "$before" ]; then gc=$(gc_columns "$before" "$(counters "$(verdict_pid)")" "${duration%s}"); fi
    errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' || true)
    [ -z "$errors" ] || fail "$2 at $1 connections: $errors"
    echo "| $1 | $2 | $(echo "$out" | awk '/Requests\/sec/ {print $2}') | $(echo "$out" | awk '$1=="50%" {print $2}') | $(echo "$out" | awk '$1=="99%" {print $2}') |$gc"
  else
    python3 bench/http_load.py "$3" "$4" "$duration" 4 | sed "s/^/| 4 | $2 (python client) /" || fail "$2"
  fi
}
profile() {
  jcmd "$(verdict_pid)" JFR.start name=bench settings=profile duration="$duration" filename="$work/verdict-api.jfr" >/dev/null
}
# Warm-up, so the JIT has compiled the request paths before measuring.
if [ "$have_wrk" = 1 ]; then
  for t in "${targets[@]}"; do IFS='|' read -r label url hdr <<<"$t"
    if [ -n "$hdr" ]; then "${load[@]}" -t2 -c64 -d"$warm" -H "$hdr" "$url" >/dev/null; else "${load[@]}" -t2 -c64 -d"$warm" "$url" >/dev/null; fi
  done
fi
[ "$have_wrk" = 1 ] || echo "verdicts-benchmark: wrk not installed: every answer checked with a Python client, figures not comparable" >&2
if [ "${BENCH_GC:-0}" = 1 ]; then
  echo "| connections | target | requests/s | p50 | p99 | GC pauses | GC time | event loops waiting for a CPU | verdict-api CPU (of one core) | machine idle |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
else
  echo "| connections | target | requests/s | p50 | p99 |"
  echo "|---:|---|---:|---:|---:|"
fi
for c in $connections; do
  for t in "${targets[@]}"; do IFS='|' read -r label url hdr <<<"$t"
    if [ "${BENCH_PROFILE:-0}" = 1 ] && [ "$c" = 64 ] && [ "$label" = "${BENCH_PROFILE_TARGET:-verdict-api all 200}" ]; then profile; fi
    run "$c" "$label" "$url" "$hdr"
  done
done
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  for _ in $(seq 1 50); do [ -s "$work/verdict-api.jfr" ] && break; sleep 0.2; done
  mkdir -p bench/results && cp "$work/verdict-api.jfr" bench/results/verdict-api.jfr
  echo; python3 bench/jfr_top.py bench/results/verdict-api.jfr
fi
echo
# Warm-up imports first, as each polling row has its warm-up run: the target is steady state; their
# latencies are printed on a row of their own.
PUSH_WARMUP=$warm_rounds python3 bench/push_latency.py "http://127.0.0.1:$iport" "$replica_urls" samples/companyfacts/CIK0001652044.json "$rounds" "$work/data/admin-api-key" \
  "$work/data/logs" \
  || fail "filing-to-push"

#!/usr/bin/env bash
# A research team's watchlist: N generated companies (bench/companyfacts_generator.py) imported through the
# real services (./capex-watch up on spare ports), timed until every company has a verdict; heap after a full
# GC in each service before and after (per-company memory); GET /api/verdicts full vs ?view=summary, gzip
# included; polling throughput at N companies; the EDGAR fair-access poll cycle at the configured rate.
# Usage: bench/scale-benchmark.sh [--short] [companies, default 500] [wrk duration, default 5s]
#   --short (or BENCH_SHORT=1): CI mode, 20 companies, 2 s wrk runs (a Python client without wrk).
# Needs curl, python3, jcmd/jstat (the JDK); wrk optional in --short.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/select-jdk.sh
short="${BENCH_SHORT:-0}"
[ "${1:-}" = "--short" ] && { short=1; shift; }
if [ "$short" = 1 ]; then companies="${1:-20}"; duration="${2:-2s}"; else companies="${1:-500}"; duration="${2:-5s}"; fi
for tool in curl python3; do command -v "$tool" >/dev/null || { echo "scale-benchmark: needs $tool" >&2; exit 1; }; done
have_wrk=1; command -v wrk >/dev/null || have_wrk=0
[ "$short" = 1 ] || [ "$have_wrk" = 1 ] || { echo "scale-benchmark: the full mode needs wrk (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
vport="${BENCH_VERDICT_PORT:-18080}" iport="${BENCH_INGEST_PORT:-18081}" tport="${BENCH_TRACKER_PORT:-18082}"
export CAPEXWATCH_DATA_DIR="$work/data" CAPEXWATCH_VERDICT_PORT=$vport CAPEXWATCH_INGEST_PORT=$iport CAPEXWATCH_TRACKER_PORT=$tport
eport="${BENCH_EDGAR_PORT:-18095}" edgar_rate=10
python3 bench/companyfacts_generator.py "$companies" "$work/generated"
# EDGAR is the loopback stub (bench/edgar_stub.py), answering 404 until armed after the imports; the poller runs
# at the service's ceiling of 10 requests/s so the cycles take half the configured rate's time.
python3 bench/edgar_stub.py "$eport" "$work/generated" & stub=$!
export CAPEXWATCH_EDGAR_USER_AGENT="capex-watch scale benchmark bench@example.com" CAPEXWATCH_EDGAR_BASE_URL="http://127.0.0.1:$eport" \
  CAPEXWATCH_EDGAR_REQUESTS_PER_SECOND=$edgar_rate CAPEXWATCH_EDGAR_POLL_INTERVAL=2s
setsid ./capex-watch up > "$work/up.log" 2>&1 &
up=$!
cleanup() { kill -TERM "$up" 2>/dev/null || true; kill "$stub" 2>/dev/null || true; wait "$up" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "scale-benchmark: FAILED: $*" >&2; exit 1; }
for _ in $(seq 1 300); do grep -q "capex-watch is up" "$work/up.log" && break; kill -0 "$up" 2>/dev/null || break; sleep 1; done
grep -q "capex-watch is up" "$work/up.log" || { tail -40 "$work/up.log"; fail "capex-watch up did not come up"; }
api=http://127.0.0.1:$vport/api/verdicts

pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
# Heap in use after a full GC, KiB (survivors + eden + old from jstat, right after GC.run).
heap_after_gc() { "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null; "$JAVA_HOME/bin/jstat" -gc "$1" | awk 'NR==2 {printf "%.0f", $3+$4+$6+$8}'; }
declare -A before
for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do before[${s%%:*}]=$(heap_after_gc "$(pid_on "${s##*:}")"); done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); JVM options: ${CAPEXWATCH_SERVICE_JVM_OPTS:-./capex-watch up defaults}"
echo
echo "| | |"
echo "|---|---|"
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do
    "$JAVA_HOME/bin/jcmd" "$(pid_on "${s##*:}")" JFR.start name=scale settings=profile filename="$work/${s%%:*}.jfr" >/dev/null
  done
fi
python3 bench/scale_import.py "http://127.0.0.1:$iport" "http://127.0.0.1:$vport" "$work/generated" "$work/data/admin-api-key" \
  "${BENCH_IMPORT_WORKERS:-4}" 600 || fail "imports"
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  mkdir -p bench/results
  for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do
    "$JAVA_HOME/bin/jcmd" "$(pid_on "${s##*:}")" JFR.stop name=scale >/dev/null
    cp "$work/${s%%:*}.jfr" "bench/results/scale-${s%%:*}.jfr"
    echo; echo "JFR during the imports, ${s%%:*}:"; python3 bench/jfr_top.py "bench/results/scale-${s%%:*}.jfr" 12 || true
  done
  echo
fi
declare -A after
for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do after[${s%%:*}]=$(heap_after_gc "$(pid_on "${s##*:}")"); done
size() { curl -s -o /dev/null -w '%{size_download}' "$@"; }
echo "| GET /api/verdicts | $(size "$api") bytes, $(size -H 'Accept-Encoding: gzip' "$api") gzipped |"
echo "| GET /api/verdicts?view=summary | $(size "$api?view=summary") bytes, $(size -H 'Accept-Encoding: gzip' "$api?view=summary") gzipped |"
echo "| GET /api/verdicts/ZAAA | $(size "$api/ZAAA") bytes, $(size -H 'Accept-Encoding: gzip' "$api/ZAAA") gzipped |"
rate=$(sed -n 's/^capexwatch.edgar.requests-per-second=//p' earnings-ingest/src/main/resources/application.properties)
interval=$(sed -n 's/^capexwatch.edgar.poll-interval=//p' earnings-ingest/src/main/resources/application.properties)
echo "| EDGAR poll cycle at the configured rate | $companies companies / $rate requests/s = $(( companies / rate )) s when none changed (one conditional submissions request each), against a poll interval of $interval |"

# EDGAR polling: arm the stub, wait for two full cycles over every generated company, then look at cycle 2.
touch "$work/generated/ARMED"
deadline=$(( $(date +%s) + 2 * companies + 120 ))  # cycle 1 also fetches and re-imports each companyfacts
until python3 bench/edgar_cycles.py "http://127.0.0.1:$eport/stats" "$work/generated/watchlist.tsv" check; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the poller did not complete two cycles over $companies companies in time"
  sleep 2
done
python3 bench/edgar_cycles.py "http://127.0.0.1:$eport/stats" "$work/generated/watchlist.tsv" report "$edgar_rate" || fail "EDGAR cycle"
for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do
  name=${s%%:*}; polled=$(heap_after_gc "$(pid_on "${s##*:}")")
  echo "| $name heap after full GC | $((before[$name] / 1024)) MiB before the imports, $((after[$name] / 1024)) MiB after: $(( (after[$name] - before[$name]) / companies )) KiB per company; $((polled / 1024)) MiB after two poll cycles |"
done

etag=$(curl -s -o /dev/null -D - "$api?view=summary" | sed -n 's/^ETag: //Ip' | tr -d '\r')
echo
echo "Polling at $companies companies, $duration per run:"
echo
echo "| connections | target | requests/s | p50 | p99 |"
echo "|---:|---|---:|---:|---:|"
run() { # label url header
  if [ "$have_wrk" = 1 ]; then
    local out; out=$(wrk -t2 -c64 -d"$duration" --latency ${3:+-H "$3"} "$2")
    ! echo "$out" | grep -qE 'Non-2xx|Socket errors' || fail "$1: $(echo "$out" | grep -E 'Non-2xx|Socket errors')"
    echo "| 64 | $1 | $(echo "$out" | awk '/Requests\/sec/ {print $2}') | $(echo "$out" | awk '$1=="50%" {print $2}') | $(echo "$out" | awk '$1=="99%" {print $2}') |"
  else
    python3 bench/http_load.py "$2" "${3:-}" "$duration" 4 | sed "s/^/| 4 | $1 (python client) /" || fail "$1"
  fi
}
run "summary 200 gzip" "$api?view=summary" "Accept-Encoding: gzip" >/dev/null # warm-up
run "summary 200 gzip" "$api?view=summary" "Accept-Encoding: gzip"
run "summary 304 (If-None-Match)" "$api?view=summary" "If-None-Match: $etag"
run "one 200" "$api/ZAAA"
run "full list 200 gzip" "$api" "Accept-Encoding: gzip"

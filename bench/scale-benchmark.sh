#!/usr/bin/env bash
# A research team's watchlist: N generated companies (bench/companyfacts_generator.py) imported through the
# real services (./capex-watch up on spare ports), timed until every company has a verdict; heap after a full
# GC in each service before and after (per-company memory); GET /api/verdicts full vs ?view=summary, gzip
# included; the EDGAR fair-access poll cycle at the configured rate; polling throughput in the same run at
# the seven sample companies (before the N are added) and at 7 + N, with the EDGAR poller idle in both (the
# benchmark holds its lease, as a second replica would) and at 7 + N also while it cycles, and the ratios.
# Usage: bench/scale-benchmark.sh [--short] [companies, default 500] [wrk duration, default 5s]
#   --short (or BENCH_SHORT=1): CI mode, 20 companies, 1 s polling runs (a Python client without wrk).
# BENCH_PROFILE=1: JFR of every service during the imports and of verdict-api during each polling phase.
# Needs curl, python3, jcmd/jstat (the JDK); wrk optional in --short. With nginx installed, the 7- and
# (7 + N)-company phases with the poller idle also poll nginx serving the identical bytes (identity and gzip,
# copied from verdict-api just before), so the full list's drop at 7 + N can be told apart from the bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/select-jdk.sh
short="${BENCH_SHORT:-0}"
[ "${1:-}" = "--short" ] && { short=1; shift; }
if [ "$short" = 1 ]; then companies="${1:-20}"; duration="${2:-1s}"; else companies="${1:-500}"; duration="${2:-5s}"; fi
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
nginx_pid=""
cleanup() { kill -TERM "$up" 2>/dev/null || true; kill "$stub" 2>/dev/null || true; { [ -z "$nginx_pid" ] || kill "$nginx_pid" 2>/dev/null || true; }
  wait "$up" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "scale-benchmark: FAILED: $*" >&2; exit 1; }
for _ in $(seq 1 300); do grep -q "capex-watch is up" "$work/up.log" && break; kill -0 "$up" 2>/dev/null || break; sleep 1; done
grep -q "capex-watch is up" "$work/up.log" || { tail -40 "$work/up.log"; fail "capex-watch up did not come up"; }
api=http://127.0.0.1:$vport/api/verdicts
verdict_log="$work/data/logs/verdict-api.log"

pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
# Heap in use after a full GC, KiB (survivors + eden + old from jstat, right after GC.run).
heap_after_gc() { "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null; "$JAVA_HOME/bin/jstat" -gc "$1" | awk 'NR==2 {printf "%.0f", $3+$4+$6+$8}'; }
vpid=$(pid_on "$vport") ipid=$(pid_on "$iport") tpid=$(pid_on "$tport")

# The EDGAR poller is paused by holding its lease in earnings-ingest's database, as a second replica would.
pg=$(sed -n 's/.*infrastructure ready: PostgreSQL \([^ ,]*\),.*/\1/p' "$work/up.log" | head -1)
[ -n "$pg" ] || fail "no PostgreSQL endpoint in the up log"
lease() { "$JAVA_HOME/bin/java" -cp "local-infra/target/lib/*" bench/PollerLease.java "jdbc:postgresql://$pg/ingest" \
  "${CAPEXWATCH_PG_USER:-postgres}" "${CAPEXWATCH_PG_PASSWORD:-postgres}" "$1"; }

# Polling: the same wrk targets in every phase; requests/s and p99 kept per phase for the ratios at the end.
declare -A rps p99
run() { # phase label url header
  local row
  if [ "$have_wrk" = 1 ]; then
    local out; out=$(wrk -t2 -c64 -d"$duration" --latency ${4:+-H "$4"} "$3")
    ! echo "$out" | grep -qE 'Non-2xx|Socket errors' || fail "$2: $(echo "$out" | grep -E 'Non-2xx|Socket errors')"
    row="| $(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}') | $(echo "$out" | awk '$1=="50%" {print $2}') | $(echo "$out" | awk '$1=="99%" {print $2}') |"
  else
    row=$(python3 bench/http_load.py "$3" "${4:-}" "$duration" 4) || fail "$2"
  fi
  rps[$1/$2]=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $2); print $2}')
  p99[$1/$2]=$(echo "$row" | awk -F'|' '{gsub(/ /, "", $4); print $4}')
  echo "| $1 | $2 | ${rps[$1/$2]} | $(echo "$row" | awk -F'|' '{gsub(/ /, "", $3); print $3}') | ${p99[$1/$2]} |"
}
targets=("summary 200 gzip" "summary 304 (If-None-Match)" "one 200 (GOOGL)" "full list 200 gzip")
# nginx (if installed) serving what verdict-api serves, copied at the start of a phase: the same bytes, gzip_static.
nginx_targets=()
if command -v nginx >/dev/null; then
  nport="${BENCH_NGINX_PORT:-18096}"
  mkdir -p "$work/www"; chmod 711 "$work"; chmod 755 "$work/www"  # nginx workers run as www-data
  source bench/nginx.sh
  start_nginx "$work/www" "$nport" "$work"
  nginx_targets=("nginx: summary 200 gzip" "nginx: full list 200 gzip")
else
  echo "scale-benchmark: nginx not installed, the nginx rows are left out" >&2
fi
copy_to_nginx() { # the bytes verdict-api serves now, identity and gzip, as nginx's static files
  curl -sf "$api?view=summary" -o "$work/www/summary.json" && curl -sf -H 'Accept-Encoding: gzip' "$api?view=summary" -o "$work/www/summary.json.gz" \
    && curl -sf "$api" -o "$work/www/all.json" && curl -sf -H 'Accept-Encoding: gzip' "$api" -o "$work/www/all.json.gz" || fail "copying the lists for nginx"
  for list in summary all; do
    gunzip -c "$work/www/$list.json.gz" | cmp -s - "$work/www/$list.json" || fail "$list.json's gzip variant does not decode to its identity bytes"
    curl -s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$nport/$list.json" | cmp -s - "$work/www/$list.json.gz" \
      || fail "nginx does not serve $list.json's copied gzip bytes"
  done
}
nginx_runs() { # phase
  run "$1" "${nginx_targets[0]}" "http://127.0.0.1:$nport/summary.json" "Accept-Encoding: gzip"
  run "$1" "${nginx_targets[1]}" "http://127.0.0.1:$nport/all.json" "Accept-Encoding: gzip"
}
# CPU ticks of verdict-api, earnings-ingest, capex-tracker, the EDGAR stub, then the machine's busy and idle ticks.
cpu_ticks() { echo "$(for p in "$vpid" "$ipid" "$tpid" "$stub"; do awk '{printf "%d ", $14 + $15}' "/proc/$p/stat"; done)$(awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat)"; }
# verdict-api's snapshot builds so far (one per version it read from Redis), from its metrics.
snapshot_builds() { curl -s "http://127.0.0.1:$vport/q/metrics" | awk '/^capexwatch_verdicts_snapshot_builds_total/ {printf "%d", $2}'; }
young_gcs() { "$JAVA_HOME/bin/jstat" -gc "$vpid" | awk 'NR==1 {for (i = 1; i <= NF; i++) c[$i] = i} NR==2 {printf "%d %.3f", $c["YGC"], $c["YGCT"]}'; }
declare -A meanwhile
phase() { # key: the wrk targets in turn, and what else ran meanwhile (kept for after the table)
  local key=$1 etag cpu0 cpu1 gc0 gc1 t0 t1 status0 status1 builds0 builds1
  etag=$(curl -s -o /dev/null -D - "$api?view=summary" | sed -n 's/^ETag: //Ip' | tr -d '\r')
  local with_nginx=0
  if [ "${#nginx_targets[@]}" -gt 0 ] && [ "$key" != cycling ]; then with_nginx=1; copy_to_nginx; fi
  if [ "$short" != 1 ]; then # warm-up: every target once, so the JIT has compiled each path in every phase alike
    run "$key" "${targets[0]}" "$api?view=summary" "Accept-Encoding: gzip" >/dev/null
    run "$key" "${targets[1]}" "$api?view=summary" "If-None-Match: $etag" >/dev/null
    run "$key" "${targets[2]}" "$api/GOOGL" >/dev/null
    run "$key" "${targets[3]}" "$api" "Accept-Encoding: gzip" >/dev/null
    if [ "$with_nginx" = 1 ]; then nginx_runs "$key" >/dev/null; fi
  fi
  [ "${BENCH_PROFILE:-0}" = 1 ] && "$JAVA_HOME/bin/jcmd" "$vpid" JFR.start name="$key" settings=profile filename="$work/polling-$key.jfr" >/dev/null
  status0=$(grep -c "filing status of" "$verdict_log" 2>/dev/null || true); builds0=$(snapshot_builds); gc0=$(young_gcs); cpu0=$(cpu_ticks); t0=$(date +%s.%N)
  run "$key" "${targets[0]}" "$api?view=summary" "Accept-Encoding: gzip"
  run "$key" "${targets[1]}" "$api?view=summary" "If-None-Match: $etag"
  run "$key" "${targets[2]}" "$api/GOOGL"
  run "$key" "${targets[3]}" "$api" "Accept-Encoding: gzip"
  if [ "$with_nginx" = 1 ]; then nginx_runs "$key"; fi
  t1=$(date +%s.%N); cpu1=$(cpu_ticks); gc1=$(young_gcs); status1=$(grep -c "filing status of" "$verdict_log" 2>/dev/null || true); builds1=$(snapshot_builds)
  # fields: CPU ticks before ($1-$6) and after ($7-$12), young GCs and their seconds before ($13 $14) and after ($15 $16)
  meanwhile[$key]=$(echo "$cpu0 $cpu1 $gc0 $gc1 $t0 $t1 $(getconf CLK_TCK)" | awk '{
    w = $18 - $17; hz = $19 * w; rest = ($11 - $5) - ($7 - $1) - ($8 - $2) - ($9 - $3) - ($10 - $4)
    printf "verdict-api %.2f, earnings-ingest %.2f, capex-tracker %.2f, EDGAR stub %.2f, the rest (wrk, Kafka, Redis, PostgreSQL) %.2f, idle %.2f; verdict-api: %d young GCs, %.0f ms in them",
      ($7 - $1) / hz, ($8 - $2) / hz, ($9 - $3) / hz, ($10 - $4) / hz, rest / hz, ($12 - $6) / hz, $15 - $13, ($16 - $14) * 1000 }')
  meanwhile[$key]+="; $((${status1:-0} - ${status0:-0})) EDGAR status changes stored, $((${builds1:-0} - ${builds0:-0})) snapshots built"
  [ "$(curl -s -o /dev/null -D - "$api?view=summary" | sed -n 's/^ETag: //Ip' | tr -d '\r')" = "$etag" ] \
    || meanwhile[$key]+="; THE SUMMARY CHANGED during these runs (the 304 row is partly 200s)"
  if [ "${BENCH_PROFILE:-0}" = 1 ]; then
    mkdir -p bench/results
    "$JAVA_HOME/bin/jcmd" "$vpid" JFR.stop name="$key" >/dev/null
    cp "$work/polling-$key.jfr" "bench/results/scale-verdict-api-polling-$key.jfr"
  fi
}
size() { curl -s -o /dev/null -w '%{size_download}' "$@"; }
sizes() { # what the polling targets weigh at this point
  echo "| GET /api/verdicts, $1 | $(size "$api") bytes, $(size -H 'Accept-Encoding: gzip' "$api") gzipped |"
  echo "| GET /api/verdicts?view=summary, $1 | $(size "$api?view=summary") bytes, $(size -H 'Accept-Encoding: gzip' "$api?view=summary") gzipped |"
}
watched=$((companies + 7))
declare -A label=([small]="7 companies, poller idle" [idle]="$watched companies, poller idle" [cycling]="$watched companies, poller cycling")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); JVM options: ${CAPEXWATCH_SERVICE_JVM_OPTS:-./capex-watch up defaults}"
echo
echo "| | |"
echo "|---|---|"
# The seven sample companies ./capex-watch up imported: polling once GOOGL's and AMZN's verdicts are in (the other
# samples have no verdict), with the poller idle.
python3 - "$api" <<'PY' || fail "no verdicts for GOOGL and AMZN from the samples"
import json, sys, time, urllib.request
for _ in range(600):
    lines = json.loads(urllib.request.urlopen(sys.argv[1] + "?view=summary", timeout=10).read())
    if {"GOOGL", "AMZN"} <= {line["ticker"] for line in lines if line["state"]}:
        sys.exit(0)
    time.sleep(0.2)
sys.exit(1)
PY
echo "| ${label[small]} | $(lease hold) |"
sizes "7 companies"
phase small > "$work/polling-small.md"
declare -A before
for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do before[${s%%:*}]=$(heap_after_gc "$(pid_on "${s##*:}")"); done
lease release
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do
    "$JAVA_HOME/bin/jcmd" "$(pid_on "${s##*:}")" JFR.start name=scale settings=profile filename="$work/${s%%:*}.jfr" >/dev/null
  done
fi
builds_before=$(snapshot_builds) statuses_before=$(grep -c "filing status of" "$verdict_log" 2>/dev/null || true)
python3 bench/scale_import.py "http://127.0.0.1:$iport" "http://127.0.0.1:$vport" "$work/generated" "$work/data/admin-api-key" \
  "${BENCH_IMPORT_WORKERS:-4}" 600 || fail "imports"
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  mkdir -p bench/results
  for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do
    "$JAVA_HOME/bin/jcmd" "$(pid_on "${s##*:}")" JFR.stop name=scale >/dev/null
    cp "$work/${s%%:*}.jfr" "bench/results/scale-${s%%:*}.jfr"
  done
fi
echo "| verdict-api during the imports | $(( $(snapshot_builds) - builds_before )) snapshots built while $companies companies were judged and $(( $(grep -c "filing status of" "$verdict_log" 2>/dev/null || true) - statuses_before )) EDGAR status changes |"
declare -A after
for s in "verdict-api:$vport" "capex-tracker:$tport" "earnings-ingest:$iport"; do after[${s%%:*}]=$(heap_after_gc "$(pid_on "${s##*:}")"); done
sizes "$watched companies"
echo "| GET /api/verdicts/ZAAA | $(size "$api/ZAAA") bytes, $(size -H 'Accept-Encoding: gzip' "$api/ZAAA") gzipped |"
echo "| GET /api/verdicts/GOOGL | $(size "$api/GOOGL") bytes, $(size -H 'Accept-Encoding: gzip' "$api/GOOGL") gzipped |"
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

# At 7 + N companies: first while the poller goes on cycling (every status unchanged), then with it idle.
phase cycling > "$work/polling-cycling.md"
echo "| ${label[idle]} | $(lease hold) |"
phase idle > "$work/polling-idle.md"

echo
echo "Polling, $duration per run ($([ "$have_wrk" = 1 ] && echo "wrk, 2 threads, 64 connections" || echo "Python client, 4 connections")):"
echo
echo "| phase | target | requests/s | p50 | p99 |"
echo "|---|---|---:|---:|---:|"
for key in small cycling idle; do sed "s/^| $key |/| ${label[$key]} |/" "$work/polling-$key.md"; done
echo
for key in small cycling idle; do echo "- ${label[$key]}, meanwhile (cores): ${meanwhile[$key]}"; done
echo
echo "Polling at $watched companies against 7, in this run (requests/s; p99):"
echo
echo "| target | 7, poller idle | $watched, poller idle | ratio | $watched, poller cycling | ratio |"
echo "|---|---:|---:|---:|---:|---:|"
for t in "${targets[@]}"; do
  echo "| $t | ${rps[small/$t]}; ${p99[small/$t]} | ${rps[idle/$t]}; ${p99[idle/$t]} | $(awk -v a="${rps[idle/$t]}" -v b="${rps[small/$t]}" 'BEGIN {printf "%.2f", a / b}') | ${rps[cycling/$t]}; ${p99[cycling/$t]} | $(awk -v a="${rps[cycling/$t]}" -v b="${rps[small/$t]}" 'BEGIN {printf "%.2f", a / b}') |"
done
if [ "${#nginx_targets[@]}" -gt 0 ]; then
  echo
  echo "verdict-api against nginx serving the identical bytes, same phase (requests/s; p99):"
  echo
  echo "| target | 7: verdict-api | 7: nginx | ratio | $watched: verdict-api | $watched: nginx | ratio | nginx, $watched against 7 |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  for t in "summary 200 gzip" "full list 200 gzip"; do
    echo "| $t | ${rps[small/$t]}; ${p99[small/$t]} | ${rps[small/nginx: $t]}; ${p99[small/nginx: $t]} | $(awk -v a="${rps[small/$t]}" -v b="${rps[small/nginx: $t]}" 'BEGIN {printf "%.2f", a / b}') | ${rps[idle/$t]}; ${p99[idle/$t]} | ${rps[idle/nginx: $t]}; ${p99[idle/nginx: $t]} | $(awk -v a="${rps[idle/$t]}" -v b="${rps[idle/nginx: $t]}" 'BEGIN {printf "%.2f", a / b}') | $(awk -v a="${rps[idle/nginx: $t]}" -v b="${rps[small/nginx: $t]}" 'BEGIN {printf "%.2f", a / b}') |"
  done
fi
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  for name in verdict-api capex-tracker earnings-ingest; do
    echo; echo "JFR during the imports, $name:"; python3 bench/jfr_top.py "bench/results/scale-$name.jfr" 12 || true
  done
  for key in small cycling idle; do
    echo; echo "JFR of verdict-api while polling, ${label[$key]}:"; python3 bench/jfr_top.py "bench/results/scale-verdict-api-polling-$key.jfr" 12 || true
  done
fi

#!/usr/bin/env bash
# Companyfacts parsing speed: plain Jackson vs capex-watch's streaming parse and normalisation; then XBRL
# instance and inline XBRL parsing speed (Apple's 10-Q in both forms, Amazon's 10-K instance).
# Usage: bench/parse-benchmark.sh [--short] [companyfacts.json] [directory with the XBRL files]
#        (defaults: ../shared/edgar/CIK0001652044.json and ../shared/edgar)
#   --short (or BENCH_SHORT=1): CI mode: the shipped sample (samples/companyfacts) where ../shared/edgar is
#   absent; the same rounds (they take well under a second on the 7 KB sample).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/select-jdk.sh
short="${BENCH_SHORT:-0}"
[ "${1:-}" = "--short" ] && { short=1; shift; }
default=../shared/edgar/CIK0001652044.json
[ "$short" = 1 ] && [ ! -r "$default" ] && default=samples/companyfacts/CIK0001652044.json
file="${1:-$default}"
xbrl_dir="${2:-../shared/edgar}"
[ -r "$file" ] || { echo "no companyfacts document at $file" >&2; exit 1; }
./mvnw -B -q -pl contracts,earnings-ingest -am test-compile -DskipTests
./mvnw -B -q -pl earnings-ingest dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx512m -cp "earnings-ingest/target/classes:earnings-ingest/target/test-classes:$(cat earnings-ingest/target/bench.classpath)" \
  io.capexwatch.ingest.bench.ParseBenchmark "$file"
echo
if [ -r "$xbrl_dir/aapl-20250329.htm" ] && [ -r "$xbrl_dir/aapl-20250329_htm.xml" ] && [ -r "$xbrl_dir/amzn-20221231_htm.xml" ]; then
  "$JAVA_HOME/bin/java" -Xmx512m -cp "earnings-ingest/target/classes:earnings-ingest/target/test-classes:$(cat earnings-ingest/target/bench.classpath)" \
    io.capexwatch.ingest.bench.XbrlParseBenchmark "$xbrl_dir"
else
  echo "XBRL benchmark skipped: aapl-20250329.htm, aapl-20250329_htm.xml or amzn-20221231_htm.xml missing in $xbrl_dir" >&2
fi

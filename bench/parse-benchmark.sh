#!/usr/bin/env bash
# Companyfacts parsing speed: plain Jackson vs capex-watch's streaming parse and normalisation.
# Usage: bench/parse-benchmark.sh [companyfacts.json]   (default: ../shared/edgar/CIK0001652044.json)
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/select-jdk.sh
file="${1:-../shared/edgar/CIK0001652044.json}"
[ -r "$file" ] || { echo "no companyfacts document at $file" >&2; exit 1; }
./mvnw -B -q -pl contracts,earnings-ingest -am test-compile -DskipTests
./mvnw -B -q -pl earnings-ingest dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx512m -cp "earnings-ingest/target/classes:earnings-ingest/target/test-classes:$(cat earnings-ingest/target/bench.classpath)" \
  io.capexwatch.ingest.bench.ParseBenchmark "$file"

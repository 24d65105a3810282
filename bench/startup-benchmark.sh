#!/usr/bin/env bash
# JVM fast start: each service's time from process start to its first ready response (/q/health/ready 200)
# and its resident memory then, with and without the JDK 25 AOT cache. Builds with -Paot (the cache is
# recorded at build time), starts embedded PostgreSQL, Redis and Kafka, and prints a Markdown table.
# Usage: bench/startup-benchmark.sh [runs per variant, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/select-jdk.sh
runs="${1:-5}"
./mvnw -B -q -Paot package -DskipTests
mkdir -p bench/results
"$JAVA_HOME/bin/java" -Xmx256m -cp "local-infra/target/local-infra-0.1.0-SNAPSHOT.jar:local-infra/target/lib/*" \
  io.capexwatch.localinfra.launch.StartupBenchmark "$PWD" "$runs" | tee bench/results/startup.txt

#!/usr/bin/env bash
# JVM fast start: each service's time from process start to its first ready response (/q/health/ready 200)
# and its resident memory then, with and without the JDK 25 AOT cache. Builds with -Paot (the cache is
# recorded at build time), starts embedded PostgreSQL, Redis and Kafka, and prints a Markdown table.
# Usage: bench/startup-benchmark.sh [--short | --train] [--breakdown] [runs per variant, default 5]
#   --train: the cache is trained on real requests instead of at build time: the services are packaged as
#   Quarkus' aot-jar (every class on the JDK's class loaders, so all can be cached) and run the verdicts
#   benchmark's short workload (start-up, 35 imports with the admin key (BENCH_TRAIN_IMPORTS + 5), polling
#   200/304/gzip, SSE, shutdown)
#   with -XX:AOTCacheOutput=app.aot, which each JVM writes when it exits; then the starts are measured
#   (--train 0: no starts, the trained caches stay in */target/quarkus-app for Dockerfile.jvm).
#   --short (or BENCH_SHORT=1): CI mode: no build (uses the packaged services of the build that ran before,
#   e.g. ./mvnw verify), one start per service and variant, the AOT variant only where app.aot exists;
#   it always prints the breakdown too, so CI checks that it still reads the services' logs.
#   --breakdown: every start also times Quarkus' start-up steps (-Dquarkus.debug.print-startup-times=true,
#   SmallRye Reactive Messaging's channel set-up at DEBUG) and a second table says where the time to ready
#   went: JVM + bootstrap, ArC, Flyway, Hibernate, Kafka channels, Redis, HTTP/REST, OpenAPI, the
#   application's StartupEvent observers, the rest (medians per column).
# Comparing options on the trained caches without retraining (docs/benchmarks.md, 2026-12-07):
#   BENCH_JVM_OPTS replaces every start's JVM options (default -Xmx256m), BENCH_CACHED_OPTS adds options to
#   the cached starts only, BENCH_CACHED_ONLY=1 leaves the starts without the cache out, e.g.
#   BENCH_CACHED_ONLY=1 BENCH_CACHED_OPTS=-XX:+UseSerialGC java -cp "local-infra/target/local-infra-0.1.0-SNAPSHOT.jar:local-infra/target/lib/*" \
#     io.capexwatch.localinfra.launch.StartupBenchmark "$PWD" 3 trained breakdown
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/select-jdk.sh
short="${BENCH_SHORT:-0}" train=0 breakdown=""
while [ $# -gt 0 ]; do
  case "$1" in
    --short) short=1; shift ;;
    --train) train=1; shift ;;
    --breakdown) breakdown=breakdown; shift ;;
    *) break ;;
  esac
done
if [ "$short" = 1 ]; then
  for jar in earnings-ingest capex-tracker verdict-api; do
    [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || { echo "startup-benchmark --short: $jar is not packaged: run ./mvnw package first" >&2; exit 1; }
  done
  [ -d local-infra/target/lib ] || { echo "startup-benchmark --short: local-infra is not packaged" >&2; exit 1; }
  runs=1 mode=short
elif [ "$train" = 1 ]; then
  runs="${1:-5}" mode=trained
  # aot-jar: every class is loaded by the JDK's own class loaders, the only ones the AOT cache supports
  # (Quarkus' AOT guide); with the default fast-jar, Quarkus' runner class loader loads the application and
  # its libraries.
  # BENCH_JAR_TYPE=fast-jar measures the cache trained on the default layout, for comparison.
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.type="${BENCH_JAR_TYPE:-aot-jar}"
  rm -f ./*/target/quarkus-app/app.aot ./*/target/quarkus-app/app.aot.config
  # 30 imports before the timed ones: the cache keeps the method profiles of the training run, and those of
  # the import and consume paths after 2 imports are still the interpreter's.
  CAPEXWATCH_SERVICE_JVM_OPTS="-Xmx256m -XX:AOTCacheOutput=app.aot" BENCH_PUSH_WARMUP="${BENCH_TRAIN_IMPORTS:-30}" \
    bash bench/verdicts-benchmark.sh --short
  # Each JVM assembles its cache as it exits, in a child JVM that can outlast the benchmark (and its parent,
  # when ./capex-watch up's shutdown stops it first; the file exists, empty, before it is written): wait
  # while any process still runs in a service's directory.
  apps=" $(realpath ./*/target/quarkus-app | tr '\n' ' ')"
  for _ in $(seq 1 240); do
    busy=0
    for cwd in /proc/[0-9]*/cwd; do
      case "$apps" in *" $(readlink "$cwd" 2>/dev/null || true) "*) busy=1; break ;; esac
    done
    [ "$busy" = 0 ] && break
    sleep 1
  done
  for jar in earnings-ingest capex-tracker verdict-api; do
    [ -s "$jar/target/quarkus-app/app.aot" ] || { echo "startup-benchmark --train: $jar wrote no app.aot" >&2; exit 1; }
  done
  if [ "$runs" = 0 ]; then
    # --train 0: the caches only, e.g. for the images (src/main/docker/Dockerfile.jvm copies target/quarkus-app).
    ls -l ./*/target/quarkus-app/app.aot
    exit 0
  fi
else
  runs="${1:-5}" mode=full
  ./mvnw -B -q -Paot package -DskipTests
fi
mkdir -p bench/results
"$JAVA_HOME/bin/java" -Xmx256m -cp "local-infra/target/local-infra-0.1.0-SNAPSHOT.jar:local-infra/target/lib/*" \
  io.capexwatch.localinfra.launch.StartupBenchmark "$PWD" "$runs" "$mode" $breakdown \
  | tee "bench/results/startup-$mode${breakdown:+-breakdown}.txt"

#!/usr/bin/env bash
# The earnings day with faults (e2e-tests EarningsDayEndToEndIT), in a longer version: a slower poll, more
# poll rounds between the day's steps and several fault cycles (each: PostgreSQL, Redis and the Kafka broker
# stopped and started again, then one replica of each service SIGKILLed and started again). Builds what it
# needs, runs the test and writes the run's figures (filings, faults, lost, duplicated, time from the last
# fault to convergence, every check passed or failed) to docs/earnings-day.md.
# Usage: bench/earnings-day.sh [--short] [fault-cycles, default 3] [poll-seconds, default 5] [rounds-between-steps, default 3]
#   --short (or BENCH_SHORT=1): CI mode, seconds: ./mvnw verify has just run the CI-sized day (one fault cycle,
#   the test's defaults); this checks that it wrote its figures with no failed check, and that the test still
#   reads every knob this script passes, so the longer run keeps working. It does not run the day again.
set -euo pipefail
cd "$(dirname "$0")/.."
short="${BENCH_SHORT:-0}"
[ "${1:-}" = "--short" ] && { short=1; shift; }
if [ "$short" = 1 ]; then
  test_source=e2e-tests/src/test/java/io/capexwatch/e2e/EarningsDayEndToEndIT.java
  for knob in fault-cycles poll-seconds rounds-between-steps convergence-seconds; do
    grep -q "\"capexwatch.earnings-day.$knob\"" "$test_source" || { echo "earnings-day --short: $test_source no longer reads capexwatch.earnings-day.$knob" >&2; exit 1; }
  done
  result=e2e-tests/target/earnings-day.md
  [ -f "$result" ] || { echo "earnings-day --short: no $result: run ./mvnw verify (it runs EarningsDayEndToEndIT) first" >&2; exit 1; }
  grep -q "^Checks (0 failed)" "$result" || { grep -A30 "^Checks" "$result" >&2; echo "earnings-day --short: checks failed in $result" >&2; exit 1; }
  echo "earnings-day --short: $result has every check passed; the knobs are read by the test"
  exit 0
fi
cycles="${1:-3}"
poll="${2:-5}"
rounds="${3:-3}"
cmd=(./mvnw -B -q -pl e2e-tests -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
     -Dit.test=EarningsDayEndToEndIT -Dfailsafe.failIfNoSpecifiedTests=false
     -Dcapexwatch.earnings-day.fault-cycles="$cycles" -Dcapexwatch.earnings-day.poll-seconds="$poll"
     -Dcapexwatch.earnings-day.rounds-between-steps="$rounds" -Dcapexwatch.earnings-day.convergence-seconds=300)
log=$(mktemp)
start=$(date +%s)
status=0
"${cmd[@]}" > "$log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))
result=e2e-tests/target/earnings-day.md
[ -f "$result" ] || { tail -50 "$log"; exit 1; }
{
  echo "# Earnings day with faults: latest bench run"
  echo
  echo "Reproduce: \`bench/earnings-day.sh $cycles $poll $rounds\` (fault cycles, poll seconds, rounds between steps)."
  echo "Run on $(nproc) cores, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown);"
  echo "build and run took ${elapsed} s; the test $( [ "$status" = 0 ] && echo passed || echo FAILED )."
  echo
  cat "$result"
} > docs/earnings-day-bench.md
echo "results in docs/earnings-day-bench.md (test $( [ "$status" = 0 ] && echo passed || echo failed ))"
exit "$status"

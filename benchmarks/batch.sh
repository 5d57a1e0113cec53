#!/usr/bin/env bash
# The batch benchmark (docs/benchmarks.md#batch): N sealed sample records (default 10,000),
# validated only and validated + PDF/A, first by a loop on one thread, then by the Beam pipeline
# on the direct runner with WORKERS threads (default: the processors), in one run on one machine,
# each step in its own JVM with its peak resident memory. Build first:
#   ./mvnw -B -q install -DskipTests
# then: benchmarks/batch.sh [N] [WORKERS] [HEAP]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
WORKERS=${2:-$(nproc)}
HEAP=${3:-1g}
JAR=benchmarks/target/benchmarks.jar
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
run() { java -Xmx"$HEAP" -cp "$JAR" org.emrkit.bench.BatchBench "$@" 2>/dev/null | grep records/s; }
echo "generating $N records in $WORK"
java -cp "$JAR" org.emrkit.bench.BatchBench generate "$WORK" "$N" 2>/dev/null
for formats in none pdf; do
  run loop "$WORK" "$formats"
  run pipeline "$WORK" "$WORK/out-$formats" "$formats" "$WORKERS"
done

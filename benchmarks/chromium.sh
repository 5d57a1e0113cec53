#!/usr/bin/env bash
# EMRKit's PDF against warm headless Chromium (DevTools Page.printToPDF on EMRKit's HTML view of
# the same record), side by side in one JVM: docs/benchmarks.md#pdf-against-the-floor-openhtmltopdf-and-chromium-2026-11-27-issue-23.
# Needs Chromium: on Debian/Ubuntu `sudo apt-get install chromium` (any Chromium or Chrome works:
# CHROMIUM=/path/to/chrome). Build first:
#   ./mvnw -B -q install -DskipTests
# then: benchmarks/chromium.sh [ROUNDS] [PER-ROUND]
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [ -z "$CHROMIUM" ]; then
  echo "no Chromium found: sudo apt-get install chromium, or set CHROMIUM" >&2
  exit 2
fi
java -cp benchmarks/target/benchmarks.jar org.emrkit.bench.ChromiumPrint "$CHROMIUM" "${1:-5}" "${2:-20}"

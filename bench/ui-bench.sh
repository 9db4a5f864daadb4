#!/usr/bin/env bash
# Desktop app figures: time from launch to the first frame, and how long the FX thread is kept
# from drawing while an ETL runs (pulse probe). Needs xvfb and libgtk-3-0.
# Usage: bench/ui-bench.sh [SONGS [EVENTS_PER_DAY]]   (defaults 20000 10000: 300,000 events)
# PROBE_OPTS: JVM options of the ETL probe, e.g. PROBE_OPTS=-Dencore.bench.stacks=true prints where
# the FX thread and the renderer are during each stall (diagnosis only: each stack sample stops
# the JVM for about 10 ms and so lengthens the gap it reports).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B package -DskipTests
./mvnw -q -B test-compile
CP="target/classes:target/test-classes:$(ls target/lib/*.jar | tr '\n' ':')"
cfg=$(mktemp -d)
echo "== first frame (3 launches, sample warehouse already built after the first) =="
for i in 1 2 3; do
  timeout 60 xvfb-run -a -s "-screen 0 1600x1000x24" \
    java -Dencore.configDir="$cfg" -Dencore.reportStartup=true -jar target/encore.jar 2>/dev/null &
  pid=$!
  sleep 8
  pkill -f "encore.reportStartup=true" || true
  wait $pid 2>/dev/null || true
done | grep "first frame"
rm -rf "$cfg"
echo "== FX thread during an ETL =="
# shellcheck disable=SC2086
xvfb-run -a -s "-screen 0 1600x1000x24" java ${PROBE_OPTS:-} -cp "$CP" encore.ui.UiBench "${1:-20000}" "${2:-10000}" 2>/dev/null \
    | grep -E "outcome|ETL in the app|gap over|stalled|^    |renderer at|later:"

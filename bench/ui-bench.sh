#!/usr/bin/env bash
# Desktop app figures: time from launch to the first frame, and how long the FX thread is kept
# from drawing while an ETL runs (pulse probe). Needs xvfb and libgtk-3-0.
# Usage: [RUNS=N] bench/ui-bench.sh [SONGS [EVENTS_PER_DAY]]   (defaults 20000 10000: 300,000 events)
# RUNS: how many probe runs (default 1; a fresh JVM and window each); with more than one, a last
# line counts the runs with a gap over 50 ms during the load and in the second after it.
# The probe visits every view before the load, as a user who looked around first
# (-Dencore.bench.visitAll=false: only the Data view). For each gap over 50 ms it prints the CPU
# the FX thread, the renderer and the process used in it and, on Linux, the scheduler's view: how
# long the FX thread, the renderer and the X server ran and waited for a core, and the time the
# host took from the machine's cores. PROBE_OPTS: JVM options of the probe, e.g.
# -Dencore.bench.reportMs=30 describes every gap over 30 ms; -Dencore.bench.stacks=true prints where
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
echo "== FX thread during an ETL (${RUNS:-1} run(s)) =="
out=$(mktemp)
for i in $(seq 1 "${RUNS:-1}"); do
  # shellcheck disable=SC2086
  xvfb-run -a -s "-screen 0 1600x1000x24" java ${PROBE_OPTS:-} -cp "$CP" encore.ui.UiBench "${1:-20000}" "${2:-10000}" 2>/dev/null \
      | grep -E "outcome|ETL in the app|^gap|answer to|the frame that|stalled|^    |renderer at|later:" | tee -a "$out"
done
if [ "${RUNS:-1}" -gt 1 ]; then
  during=$(grep -c "gaps over 50 ms: [1-9]" "$out" || true)
  after=$(grep -E "second after the outcome was seen: ([5-9][1-9]|[6-9][0-9]|[0-9]{3,}) ms" -c "$out" || true)
  longest=$(grep -o "longest gap between frames [0-9]*" "$out" | awk '{print $5}' | sort -n | sed -n '1p;$p' | paste -sd- -)
  echo "runs: ${RUNS}; with a gap over 50 ms during the load: ${during}; in the second after: ${after}; longest gap per run: ${longest} ms"
fi
rm -f "$out"

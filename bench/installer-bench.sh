#!/usr/bin/env bash
# The installed app's start: launches the app image (target/installer/Encore, built by
# `./mvnw -B -Pinstaller package`) N times under Xvfb with a fresh home folder and no Java on the
# PATH, and prints, for each launch, the time from starting the launcher to the first frame
# (wall clock, launcher included) and the JVM's own figure. The first launch also builds the
# sample warehouse (after the first frame). Also prints the image's and installers' sizes.
# Usage: bench/installer-bench.sh [N]   (default 5). Needs xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
img=$(cd target/installer/Encore 2>/dev/null && pwd) || { echo "build the image first: ./mvnw -B -Pinstaller package" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir "$home/empty-path"
# launch WHAT PROGRAM ARGS...: one launch under Xvfb, with a PATH holding only what PROGRAM needs
launch() {
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    what=$1 home=$2 path=$3
    shift 3
    start=$(date +%s%3N)
    env -i PATH="$path" HOME="$home" DISPLAY="$DISPLAY" XAUTHORITY="$XAUTHORITY" \
      JAVA_TOOL_OPTIONS=-Dencore.reportStartup=true "$@" >"$home/out.txt" 2>"$home/err.txt" &
    pid=$!
    for _ in $(seq 1 240); do grep -q "first frame" "$home/out.txt" && break; sleep 0.25; done
    sleep 4
    kill $pid; wait $pid 2>/dev/null || true
    line=$(grep "first frame" "$home/out.txt" || true)
    if [ -z "$line" ]; then echo "$what: no first frame within 60 s: $(tail -c 400 "$home/err.txt")"; exit 0; fi
    at=$(sed -E "s/.*\(at ([0-9]+)\).*/\1/" <<<"$line")
    jvm=$(sed -E "s/first frame ([0-9]+) ms.*/\1/" <<<"$line")
    echo "$what: first frame $((at - start)) ms after the launcher started ($jvm ms after JVM start)"
  ' launch "$@"
}
echo "== launch to first frame (${1:-5} launches of each) =="
for i in $(seq 1 "${1:-5}"); do
  launch "app image, launch $i" "$home" "$home/empty-path" "$img/bin/Encore"
done
if [ -f target/encore.jar ]; then
  # the same app from the jar with the build's JDK, for comparison (its own home folder)
  mkdir -p "$home/jar"
  for i in $(seq 1 "${1:-5}"); do
    launch "java -jar target/encore.jar, launch $i" "$home/jar" "$(dirname "$(command -v java)")" java -jar "$PWD/target/encore.jar"
  done
fi
echo "== sizes =="
du -sm "$img" | awk '{print "app image: " $1 " MB (" $2 ")"}'
du -sm "$img/lib/runtime" | awk '{print "  runtime: " $1 " MB (with DuckDB'"'"'s native library)"}'
for f in target/installer/*.deb target/installer/*.rpm; do
  [ -f "$f" ] && echo "$(basename "$f"): $(( $(stat -c %s "$f") / 1048576 )) MB"
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg))"

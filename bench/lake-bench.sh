#!/usr/bin/env bash
# Lake export benchmark. Builds a warehouse of SONGS songs and PLAYS songplays once (in SQL, see
# LakeBenchWarehouse.java; default 1,000,000 songs and 10,000,000 plays), then measures in the same
# run, each under GNU time (wall seconds, peak RSS):
#   (a) the plain floor: DuckDB's own COPY … PARTITION_BY of the same tables (PlainLakeCopy.java)
#   (b) encore export --layout compact (the default)
#   (c) encore export --layout classic (one folder per year and artist), unless CLASSIC=0
# and prints files, bytes and the ratio (b)/(a).
#
# Run from the repository root after `./mvnw -q -B package -DskipTests`:
#   bench/lake-bench.sh [SONGS [PLAYS]]
# Environment: WORK (default bench/work, git-ignored), JAVA_OPTS (JVM options of the exports,
# default -Xmx512m), MEMORY_LIMIT (DuckDB memory limit of all three, default 1GB), CLASSIC=0 to skip (c),
# APP (folder holding encore.jar and lib/, default target: a copy lets you rebuild meanwhile), KEEP=1 to keep the lakes.
set -euo pipefail

SONGS=${1:-${SONGS:-1000000}}
PLAYS=${2:-${PLAYS:-10000000}}
WORK=${WORK:-bench/work}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
MEMORY_LIMIT=${MEMORY_LIMIT:-1GB}
CLASSIC=${CLASSIC:-1}
APP=${APP:-target}
JAR=$APP/encore.jar
LIB="$APP/lib/*"
TIME=/usr/bin/time

if [[ ! -f $JAR || ! -d $APP/lib ]]; then
    echo "lake-bench: $JAR not found; run ./mvnw -q -B package -DskipTests first" >&2
    exit 1
fi
if [[ ! -x $TIME ]]; then
    echo "lake-bench: $TIME (GNU time) is needed for peak RSS" >&2
    exit 1
fi

mkdir -p "$WORK"
DB="$WORK/lake-s$SONGS-p$PLAYS.duckdb"
if [[ -f $DB ]]; then
    echo "Warehouse: $DB (already built)"
else
    echo "Warehouse: building $DB ($SONGS songs, $PLAYS songplays) ..."
    java -cp "$JAR:$LIB" bench/LakeBenchWarehouse.java "$DB.partial" "$SONGS" "$PLAYS"
    mv "$DB.partial" "$DB"
fi
echo "Machine:   $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM; $(uptime | sed 's/.*load/load/')"

OUT="$WORK/lake-run"
rm -rf "$OUT"
mkdir -p "$OUT"
cat "$DB" > /dev/null   # warm the page cache

# measure NAME COMMAND...: runs the command under GNU time, keeps "wall_s rss_kb" in $OUT/NAME.time
measure() {
    local name=$1
    shift
    if ! "$TIME" -o "$OUT/$name.time" -f '%e %M' "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"; then
        echo "lake-bench: $name failed; see $OUT/$name.err" >&2
        tail -5 "$OUT/$name.err" >&2
        exit 1
    fi
}
# files DIR: "FILES BYTES" of the Parquet files below DIR
files() {
    find "$1" -type f -name '*.parquet' -printf '%s\n' | awk '{n++; s += $1} END {printf "%d %d\n", n, s}'
}
report() {
    local name=$1 dir=$2
    read -r S KB < "$OUT/$name.time"
    read -r N B < <(files "$dir")
    printf "%-34s %9.2f %10.0f %10d %14d\n" "$3" "$S" "$((KB / 1024))" "$N" "$B"
}

# The plain floor is compiled first: run as a source file, the JVM would compile it at launch
# (about 0.7-1 s of CPU), and that time would count as DuckDB's.
FLOOR_CLASSES="$OUT/floor-classes"
javac -cp "$LIB" -d "$FLOOR_CLASSES" bench/PlainLakeCopy.java
echo "Running:   (a) plain DuckDB COPY … PARTITION_BY ..."
# shellcheck disable=SC2086
measure plain java $JAVA_OPTS -cp "$LIB:$FLOOR_CLASSES" PlainLakeCopy "$DB" "$OUT/plain" "$MEMORY_LIMIT"
echo "Running:   (b) encore export --layout compact ..."
# shellcheck disable=SC2086
measure compact java $JAVA_OPTS -jar "$JAR" export --db "$DB" --to "$OUT/compact" --quiet --memory-limit "$MEMORY_LIMIT"
if [[ $CLASSIC == 1 ]]; then
    echo "Running:   (c) encore export --layout classic ..."
    # shellcheck disable=SC2086
    measure classic java $JAVA_OPTS -jar "$JAR" export --db "$DB" --to "$OUT/classic" --layout classic --quiet \
        --memory-limit "$MEMORY_LIMIT"
fi

echo
printf "%-34s %9s %10s %10s %14s\n" "" "wall s" "peak MiB" "files" "bytes"
report plain "$OUT/plain" "(a) plain COPY … PARTITION_BY"
report compact "$OUT/compact" "(b) encore export (compact)"
if [[ $CLASSIC == 1 ]]; then
    report classic "$OUT/classic" "(c) encore export (classic)"
fi
read -r PS _ < "$OUT/plain.time"
read -r CS _ < "$OUT/compact.time"
awk -v p="$PS" -v c="$CS" 'BEGIN {printf "\nexport (compact) / plain COPY: %.2f   (target <= 1.30)\n", (p > 0 ? c / p : 0)}'
echo
cat "$OUT/compact.out"
if [[ $CLASSIC == 1 ]]; then
    cat "$OUT/classic.out"
fi
echo "load after: $(uptime | sed 's/.*load/load/')"
if [[ ${KEEP:-0} != 1 ]]; then
    rm -rf "$OUT/plain" "$OUT/compact" "$OUT/classic"
fi

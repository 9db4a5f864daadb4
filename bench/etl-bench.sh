#!/usr/bin/env bash
# ETL benchmark: generates a synthetic dataset (once per parameter set), warms the page cache,
# then measures in the same run
#   (a) the naive floor: plain DuckDB read_json of all song and log files into a fresh database
#   (b) the I/O floor:   cat of every input file to /dev/null
#   (c) the full `encore etl` (staging, star schema, checks) into a fresh database, with
#       --no-marts: the dashboard marts are a cache for the charts, not part of the load
#   (d) `encore marts` on that database: the dashboard marts a default `encore etl` also builds
# and prints wall time, rows/s and peak RSS of each, with the ratios ETL/(a) and ETL/(b), and
# (c)+(d) as a default `encore etl` would take.
#
# Run from the repository root after `./mvnw -q -B package -DskipTests`:
#   bench/etl-bench.sh [SONGS [EVENTS [USERS]]]
# or with the environment: SONGS, EVENTS (total, over DAYS=30 days), USERS (default 2000),
# WORK (default bench/work, git-ignored), SEED (default 1), ETL_JAVA_OPTS (JVM options of the
# ETL, default -Xmx768m and the console launcher's -XX:TieredStopAtLevel=1), FLOOR_JAVA_OPTS (JVM
# options of the naive floor, default the same JIT option: the two then differ only in their
# work), MEMORY_LIMIT (DuckDB memory limit for both the ETL and the naive
# floor, default 1GB), ROUNDS (default 3: the commands run this many times, interleaved, and
# the medians are printed), KEEP_DB=1 to keep the databases.
set -euo pipefail

SONGS=${1:-${SONGS:-20000}}
EVENTS=${2:-${EVENTS:-300000}}
USERS=${3:-${USERS:-2000}}
DAYS=30
SEED=${SEED:-1}
WORK=${WORK:-bench/work}
ETL_JAVA_OPTS=${ETL_JAVA_OPTS:--Xmx768m -XX:TieredStopAtLevel=1}
FLOOR_JAVA_OPTS=${FLOOR_JAVA_OPTS:--XX:TieredStopAtLevel=1}
MEMORY_LIMIT=${MEMORY_LIMIT:-1GB}
ROUNDS=${ROUNDS:-3}
JAR=target/encore.jar
TIME=/usr/bin/time

if [[ ! -f $JAR || ! -d target/lib ]]; then
    echo "etl-bench: $JAR not found; run ./mvnw -q -B package -DskipTests first" >&2
    exit 1
fi
if [[ ! -x $TIME ]]; then
    echo "etl-bench: $TIME (GNU time) is needed for peak RSS" >&2
    exit 1
fi
if (( EVENTS % DAYS != 0 )); then
    echo "etl-bench: EVENTS must be a multiple of $DAYS" >&2
    exit 1
fi
PER_DAY=$(( EVENTS / DAYS ))

mkdir -p "$WORK"
DATA="$WORK/data-s$SONGS-e$EVENTS-u$USERS-seed$SEED"
STAMP="$DATA/.generated"
PARAMS="songs=$SONGS days=$DAYS users=$USERS events-per-day=$PER_DAY seed=$SEED"
if [[ -f $STAMP && $(cat "$STAMP") == "$PARAMS" ]]; then
    echo "Data:    $DATA (already generated: $PARAMS)"
else
    rm -rf "$DATA"
    echo "Data:    generating $DATA ($PARAMS) ..."
    java -jar "$JAR" generate --out "$DATA" --songs "$SONGS" --days "$DAYS" --users "$USERS" \
        --events-per-day "$PER_DAY" --seed "$SEED" --quiet
    echo "$PARAMS" > "$STAMP"
fi

FILES=$(find "$DATA/song_data" "$DATA/log_data" -type f -name '*.json' | wc -l)
BYTES=$(find "$DATA/song_data" "$DATA/log_data" -type f -name '*.json' -printf '%s\n' | awk '{s += $1} END {printf "%.0f\n", s}')
# lines per file (a last line without its newline counts), summed over awk invocations
LINES=$(find "$DATA/log_data" -type f -name '*.json' -print0 | xargs -0 awk 'END {print NR}' | awk '{s += $1} END {print s + 0}')
ROWS=$(( SONGS + LINES ))
echo "Input:   $FILES files, $(( BYTES / 1048576 )) MiB, $ROWS rows ($SONGS song files + $LINES log lines)"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM"

OUT="$WORK/run"
rm -rf "$OUT"
mkdir -p "$OUT"

# The naive floor is compiled here, before any round: run as a source file, the JVM would
# compile it on every launch (about 0.7-1 s of CPU), and that time would count as DuckDB's.
FLOOR_CLASSES="$OUT/floor-classes"
javac -d "$FLOOR_CLASSES" bench/NaiveFloor.java

# Warm the page cache (twice: the second pass shows it is warm).
cat_all() { find "$DATA/song_data" "$DATA/log_data" -type f -name '*.json' -print0 | xargs -0 cat > /dev/null; }
cat_all
cat_all

# measure NAME COMMAND...: runs the command under GNU time, keeps "wall_s rss_kb" in $OUT/NAME.time
measure() {
    local name=$1
    shift
    if ! "$TIME" -o "$OUT/$name.time" -f '%e %M' "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"; then
        echo "etl-bench: $name failed; see $OUT/$name.err" >&2
        tail -5 "$OUT/$name.err" >&2
        exit 1
    fi
}

# One round: the three commands back to back. The figures below are medians over the rounds (each
# round's ratio is taken within the round, so a slow patch of a shared machine hits both sides).
for (( r = 1; r <= ROUNDS; r++ )); do
    echo "Round $r of $ROUNDS: cat floor, naive floor, encore etl (naive floor: $FLOOR_JAVA_OPTS; etl: $ETL_JAVA_OPTS; memory limit $MEMORY_LIMIT) ..."
    rm -f "$OUT"/*.duckdb "$OUT"/*.duckdb.wal
    measure "cat.$r" bash -c 'find "$1/song_data" "$1/log_data" -type f -name "*.json" -print0 | xargs -0 cat > /dev/null' _ "$DATA"
    # shellcheck disable=SC2086
    measure "naive.$r" java $FLOOR_JAVA_OPTS -cp "target/lib/*:$FLOOR_CLASSES" NaiveFloor "$DATA" "$OUT/naive.duckdb" "$MEMORY_LIMIT"
    # shellcheck disable=SC2086
    measure "etl.$r" java $ETL_JAVA_OPTS -jar "$JAR" etl --data "$DATA" --db "$OUT/etl.duckdb" --quiet \
        --memory-limit "$MEMORY_LIMIT" --no-marts
    read -r c _ < "$OUT/cat.$r.time"
    read -r n _ < "$OUT/naive.$r.time"
    read -r e _ < "$OUT/etl.$r.time"
    awk -v c="$c" -v n="$n" -v e="$e" 'BEGIN { printf "  cat %.2f s, naive %.2f s, etl %.2f s: ETL/naive %.2f, ETL/cat %.2f\n", c, n, e, e / n, e / c }'
done

echo "Running: encore marts (on the last round's warehouse) ..."
# shellcheck disable=SC2086
measure marts java $ETL_JAVA_OPTS -jar "$JAR" marts --db "$OUT/etl.duckdb" --quiet --memory-limit "$MEMORY_LIMIT"

# median FIELD NAME: the median of field FIELD (1 wall s, 2 peak KB) of NAME's rounds
median() {
    for (( r = 1; r <= ROUNDS; r++ )); do awk -v f="$1" '{print $f}' "$OUT/$2.$r.time"; done | sort -g |
        awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}
# median of the per-round ratios NAME / OTHER
median_ratio() {
    for (( r = 1; r <= ROUNDS; r++ )); do
        paste "$OUT/$1.$r.time" "$OUT/$2.$r.time" | awk '{print $1 / $3}'
    done | sort -g | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}
CAT_S=$(median 1 cat); CAT_KB=$(median 2 cat)
NAIVE_S=$(median 1 naive); NAIVE_KB=$(median 2 naive)
ETL_S=$(median 1 etl); ETL_KB=$(median 2 etl)
MAX_ETL_KB=$(for (( r = 1; r <= ROUNDS; r++ )); do awk '{print $2}' "$OUT/etl.$r.time"; done | sort -g | tail -1)
R_NAIVE=$(median_ratio etl naive)
R_CAT=$(median_ratio etl cat)
read -r MARTS_S MARTS_KB < "$OUT/marts.time"

echo
echo "Naive floor: $(cat "$OUT/naive.$ROUNDS.out")"
grep -E '^(Staged|Rejected|Plays|Checks|Time):' "$OUT/etl.$ROUNDS.out" | sed 's/^/ETL /'
echo
echo "Medians over $ROUNDS rounds:"
awk -v rows="$ROWS" \
    -v cs="$CAT_S" -v ck="$CAT_KB" -v ns="$NAIVE_S" -v nk="$NAIVE_KB" -v es="$ETL_S" -v ek="$ETL_KB" \
    -v ms="$MARTS_S" -v mk="$MARTS_KB" -v rn="$R_NAIVE" -v rc="$R_CAT" -v xk="$MAX_ETL_KB" '
function grouped(n,    s) {
    s = sprintf("%d", n)
    while (s ~ /[0-9][0-9][0-9][0-9]/) {
        sub(/[0-9][0-9][0-9]($|,)/, ",&", s)
    }
    return s
}
function line(name, s, kb) {
    printf "%-26s %9.2f %12s %10.0f\n", name, s, (s > 0 ? grouped(rows / s) : "-"), kb / 1024
}
BEGIN {
    printf "%-26s %9s %12s %10s\n", "", "wall s", "rows/s", "peak MiB"
    line("(b) I/O floor (cat)", cs, ck)
    line("(a) naive floor (DuckDB)", ns, nk)
    line("(c) encore etl --no-marts", es, ek)
    line("(d) encore marts", ms, mk)
    printf "\nETL / naive floor: %.2f   (median of the rounds; target <= 1.00)\n", rn
    printf "ETL / I/O floor:   %.2f   (median of the rounds; target <= 4.00)\n", rc
    printf "ETL peak RSS:      %.0f MiB (largest of the rounds; target <= 2048)\n", xk / 1024
    printf "With the marts (c)+(d): %.2f s, %.2f x the naive floor\n", es + ms, (ns > 0 ? (es + ms) / ns : 0)
}'

if [[ ${KEEP_DB:-0} != 1 ]]; then
    rm -f "$OUT"/*.duckdb "$OUT"/*.duckdb.wal
fi

#!/usr/bin/env bash
# Times every dashboard chart query on a warehouse of ~10 million songplays.
#
# Builds the dataset and the warehouse once under bench/work/ (git-ignored; ~6 GB, several
# minutes), then reuses them. Then prints the median ms of each chart (after one warm-up) with no
# filter and with a filter. Run it on a quiet machine; it prints the load average before and after.
#
#   bench/dashboard-bench.sh            # build what is missing, then time
#   RUNS=9 THREADS=2 bench/dashboard-bench.sh
#   DB=some.duckdb bench/dashboard-bench.sh   # time an existing warehouse
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=bench/work
DATA=${DATA:-$WORK/data}
DB=${DB:-$WORK/warehouse.duckdb}
RUNS=${RUNS:-5}
THREADS=${THREADS:-0}
SONGS=${SONGS:-20000}
DAYS=${DAYS:-30}
USERS=${USERS:-5000}
EVENTS_PER_DAY=${EVENTS_PER_DAY:-420000}
SEED=${SEED:-1}
# the load of ~12.6M events runs out of memory at the default 1GB limit
ETL_MEMORY=${ETL_MEMORY:-8GB}

mkdir -p "$WORK"
if [ ! -f target/encore.jar ]; then
    ./mvnw -q -B package -DskipTests
fi

if [ ! -f "$DB" ]; then
    echo "free disk space (needs ~6 GB):"
    df -h "$WORK" | tail -1
    if [ ! -d "$DATA/log_data" ]; then
        echo "generating $DAYS days x $EVENTS_PER_DAY events into $DATA ..."
        java -jar target/encore.jar generate --out "$DATA" --songs "$SONGS" --days "$DAYS" --users "$USERS" \
            --events-per-day "$EVENTS_PER_DAY" --seed "$SEED"
    fi
    echo "loading $DATA into $DB ..."
    # load into a side file, so that a failed load is not mistaken for a warehouse next time
    rm -f "$DB.partial" "$DB.partial.wal"
    java -jar target/encore.jar etl --data "$DATA" --db "$DB.partial" --quiet --memory-limit "$ETL_MEMORY"
    mv "$DB.partial" "$DB"
fi

./mvnw -q -B test-compile
echo "uptime: $(uptime)"
java -cp "target/classes:target/test-classes:target/lib/*" encore.analytics.DashboardBench "$DB" "$RUNS" "$THREADS"

-- time into the lake, partitioned like songplays (its year and month are the UTC calendar ones).
COPY (
    SELECT make_timestamptz(epoch_us(start_time)) AS start_time, hour, day, week, month, year, weekday
    FROM "time"
) TO [path] (FORMAT parquet, PARTITION_BY (year, month), COMPRESSION {compression}, RETURN_STATS true);

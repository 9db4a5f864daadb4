-- songplays into the lake, one folder per month of start_time: songplays/year=2018/month=11/.
-- start_time is written as a UTC instant (Parquet TIMESTAMP, isAdjustedToUTC, microseconds) so
-- Spark reads it as a timestamp and Athena as a timestamp without casts; ids keep the schema's types.
-- year and month live in the folder names only (Hive style), as Spark writes them.
-- make_timestamptz(epoch_us(…)) reads the UTC wall time as an instant without a time-zone lookup
-- per row (timezone('UTC', …) costs about 15 times as much).
COPY (
    SELECT songplay_id, make_timestamptz(epoch_us(start_time)) AS start_time, user_id, level, song_id, artist_id,
           session_id, item_in_session, location, user_agent, song, artist,
           year(start_time) AS year, month(start_time) AS month
    FROM songplays
) TO [path] (FORMAT parquet, PARTITION_BY (year, month), COMPRESSION {compression}, RETURN_STATS true);

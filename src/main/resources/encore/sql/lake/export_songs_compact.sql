-- songs, compact layout: one folder per year, rows sorted by artist_id inside each file, in row
-- groups small enough that a reader filtering on artist_id skips most of them by their min/max
-- statistics. A song of unknown year (NULL in the warehouse) goes to year=__HIVE_DEFAULT_PARTITION__,
-- which Spark, Hive, Athena and DuckDB all read back as NULL. Needs preserve_insertion_order.
COPY (
    SELECT song_id, title, artist_id, year, duration
    FROM songs
    ORDER BY year NULLS LAST, artist_id, song_id
) TO [path] (FORMAT parquet, PARTITION_BY (year), COMPRESSION {compression}, ROW_GROUP_SIZE 16384, RETURN_STATS true);

-- A lake opened read-only: songs as a view over its Parquet files, with the warehouse's column
-- names, order and types (UTC instants back to TIMESTAMP in UTC, partition values typed).
CREATE VIEW songs AS
SELECT song_id, title, artist_id, year, duration
FROM read_parquet([files], hive_partitioning = true, hive_types_autocast = false, hive_types = {'year': INTEGER});

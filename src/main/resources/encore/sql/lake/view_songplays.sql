-- A lake opened read-only: songplays as a view over its Parquet files, with the warehouse's column
-- names, order and types (UTC instants back to TIMESTAMP in UTC, partition values typed).
CREATE VIEW songplays AS
SELECT songplay_id, make_timestamp(epoch_us(start_time)) AS start_time, user_id, level, song_id, artist_id,
       session_id, item_in_session, location, user_agent, song, artist
FROM read_parquet([files], hive_partitioning = true, hive_types = {'year': INTEGER, 'month': INTEGER});

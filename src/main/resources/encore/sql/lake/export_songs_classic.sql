-- songs, classic layout: partitioned by year and artist_id, exactly as the original Spark data lake
-- of this dataset (songs/year=2004/artist_id=AR…/). One chunk of artists per statement (see
-- song_chunks.sql). Unknown year: year=__HIVE_DEFAULT_PARTITION__ (read back as NULL).
COPY (
    SELECT s.song_id, s.title, s.duration, s.year, s.artist_id
    FROM songs s
    JOIN lake_song_chunks c USING (artist_id)
    WHERE c.chunk = [chunk]
) TO [path] (FORMAT parquet, PARTITION_BY (year, artist_id), COMPRESSION {compression}, APPEND true, RETURN_STATS true);

-- songs, classic layout: partitioned by year and artist_id, exactly as the original Spark data lake
-- of this dataset (songs/year=2004/artist_id=AR…/). One chunk of artists per statement (see
-- song_chunks.sql). Unknown year: year=__HIVE_DEFAULT_PARTITION__ (read back as NULL).
COPY (
    SELECT song_id, title, duration, year, artist_id
    FROM lake_songs
    WHERE chunk = [chunk]
) TO [path] (FORMAT parquet, PARTITION_BY (year, artist_id), COMPRESSION {compression}, APPEND true, RETURN_STATS true);

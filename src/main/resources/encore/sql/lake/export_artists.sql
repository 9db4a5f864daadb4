-- artists into the lake: one file, unpartitioned.
COPY (
    SELECT artist_id, name, location, latitude, longitude
    FROM artists
    ORDER BY artist_id
) TO [path] (FORMAT parquet, COMPRESSION {compression}, RETURN_STATS true);

-- songs, classic layout, is written in chunks of whole artists holding about [size] (year, artist_id)
-- partitions each, so no chunk has more partitions than files the writer keeps open: every
-- partition is written by one chunk, in one file, and memory stays bounded at any catalog size.
-- The songs are copied once, sorted by chunk, so each chunk's statement reads only its row groups.
CREATE OR REPLACE TEMP TABLE lake_songs AS
SELECT s.song_id, s.title, s.duration, s.year, s.artist_id, c.chunk
FROM songs s
JOIN (
    SELECT artist_id, (sum(parts) OVER (ORDER BY artist_id ROWS UNBOUNDED PRECEDING) - parts) // [size] AS chunk
    FROM (
        SELECT artist_id, count(DISTINCT year) + CASE WHEN count(year) < count(*) THEN 1 ELSE 0 END AS parts
        FROM songs
        GROUP BY artist_id
    )
) c USING (artist_id)
ORDER BY c.chunk;

-- songs: one row per song_id. Within a load, duplicates of an id keep the record of the first
-- file in path order; across loads, the latest load of an id replaces the earlier one (its row is
-- deleted first: the table has no key constraint, see schema.sql).
DELETE FROM songs
WHERE song_id IN (SELECT song_id FROM staging_songs);

INSERT INTO songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, nullif(year, 0), duration
FROM staging_songs
QUALIFY row_number() OVER (PARTITION BY song_id ORDER BY source_file, source_line) = 1;

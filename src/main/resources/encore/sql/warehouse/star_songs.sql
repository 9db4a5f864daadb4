-- songs: one row per song_id. Within a load, duplicates of an id keep the record of the first
-- file in path order; across loads, the latest load of an id replaces the earlier one.
INSERT OR REPLACE INTO songs (song_id, title, artist_id, year, duration)
SELECT song_id, title, artist_id, nullif(year, 0), duration
FROM staging_songs
QUALIFY row_number() OVER (PARTITION BY song_id ORDER BY source_file, source_line) = 1;

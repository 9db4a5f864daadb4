-- artists: one row per artist_id. When song files disagree about an artist, the most complete
-- record wins: one with a location, then one with coordinates, then the first file in path order.
-- Across loads, the latest load of an id replaces the earlier one (its row is deleted first: the
-- table has no key constraint, see schema.sql).
DELETE FROM artists
WHERE artist_id IN (SELECT artist_id FROM staging_songs);

INSERT INTO artists (artist_id, name, location, latitude, longitude)
SELECT artist_id, artist_name, nullif(trim(artist_location), ''), artist_latitude, artist_longitude
FROM staging_songs
QUALIFY row_number() OVER (
    PARTITION BY artist_id
    ORDER BY (nullif(trim(artist_location), '') IS NULL),
             (artist_latitude IS NULL OR artist_longitude IS NULL),
             source_file, source_line) = 1;

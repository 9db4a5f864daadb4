-- Partitions of the classic songs layout: one per (year, artist_id) in the catalog.
SELECT count(*) FROM (SELECT DISTINCT year, artist_id FROM songs);

-- top_artists.sql over the artists mart: names by number (numbered in name order, so ties by
-- number are ties by name), named after the top ones are found.
SELECT n.artist AS label, t.plays
FROM (
    SELECT m.artist_key, sum(m.plays) AS plays
    FROM {filtered_artists} AS m
    GROUP BY m.artist_key
    ORDER BY plays DESC, m.artist_key
    LIMIT ?
) t
JOIN dashboard_artist_names n ON n.artist_key = t.artist_key
ORDER BY t.plays DESC, t.artist_key

-- top_songs.sql over the songs mart: titles by number (numbered in title order, so ties by
-- number are ties by title), named after the top ones are found.
SELECT n.song AS label, t.plays
FROM (
    SELECT m.song_key, sum(m.plays) AS plays
    FROM {filtered_songs} AS m
    GROUP BY m.song_key
    ORDER BY plays DESC, m.song_key
    LIMIT ?
) t
JOIN dashboard_song_names n ON n.song_key = t.song_key
ORDER BY t.plays DESC, t.song_key

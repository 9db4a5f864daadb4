-- top_songs.sql over the songs mart.
SELECT m.song AS label, sum(m.plays) AS plays
FROM {filtered_songs} AS m
GROUP BY m.song
ORDER BY plays DESC, label
LIMIT ?

-- top_artists.sql over the artists mart.
SELECT m.artist AS label, sum(m.plays) AS plays
FROM {filtered_artists} AS m
GROUP BY m.artist
ORDER BY plays DESC, label
LIMIT ?

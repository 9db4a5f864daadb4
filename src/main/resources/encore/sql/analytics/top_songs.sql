-- The most played songs, by the title the event gave (matched to the catalog or not); ties broken by label. Last parameter: how many.
SELECT sp.song AS label, count(*) AS plays
FROM {filtered_plays} AS sp
WHERE sp.song IS NOT NULL
GROUP BY sp.song
ORDER BY plays DESC, label
LIMIT ?

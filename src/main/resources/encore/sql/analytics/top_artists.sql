-- The most played artists, by the name the event gave (matched to the catalog or not); ties broken by label. Last parameter: how many.
SELECT sp.artist AS label, count(*) AS plays
FROM {filtered_plays} AS sp
WHERE sp.artist IS NOT NULL
GROUP BY sp.artist
ORDER BY plays DESC, label
LIMIT ?

-- The most played listener locations; ties broken by label. Last parameter: how many.
SELECT sp.location AS label, count(*) AS plays
FROM {filtered_plays} AS sp
WHERE sp.location IS NOT NULL
GROUP BY sp.location
ORDER BY plays DESC, label
LIMIT ?

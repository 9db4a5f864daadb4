-- Plays per UTC day (days without plays are absent; the caller fills the gaps).
SELECT CAST(sp.start_time AS DATE) AS day, count(*) AS plays
FROM {filtered_plays} AS sp
GROUP BY 1
ORDER BY 1

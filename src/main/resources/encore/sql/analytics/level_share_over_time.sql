-- Free and paid plays per UTC day (by the level of each play).
SELECT CAST(sp.start_time AS DATE) AS day,
       count(*) FILTER (WHERE sp.level = 'free') AS free_plays,
       count(*) FILTER (WHERE sp.level = 'paid') AS paid_plays
FROM {filtered_plays} AS sp
GROUP BY 1
ORDER BY 1

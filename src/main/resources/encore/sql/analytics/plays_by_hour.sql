-- Plays per UTC hour of day (0-23).
SELECT hour(sp.start_time) AS hour, count(*) AS plays
FROM {filtered_plays} AS sp
GROUP BY 1
ORDER BY 1

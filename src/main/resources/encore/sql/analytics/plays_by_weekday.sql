-- Plays per ISO weekday (1 = Monday ... 7 = Sunday), in UTC.
SELECT isodow(sp.start_time) AS weekday, count(*) AS plays
FROM {filtered_plays} AS sp
GROUP BY 1
ORDER BY 1

-- plays_per_day.sql over the hours mart.
SELECT m.day, sum(m.plays) AS plays
FROM {filtered_hours} AS m
GROUP BY 1
ORDER BY 1

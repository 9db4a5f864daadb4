-- plays_by_hour.sql over the hours mart.
SELECT m.hour, sum(m.plays) AS plays
FROM {filtered_hours} AS m
GROUP BY 1
ORDER BY 1

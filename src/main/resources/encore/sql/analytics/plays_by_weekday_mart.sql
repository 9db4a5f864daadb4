-- plays_by_weekday.sql over the hours mart.
SELECT isodow(m.day) AS weekday, sum(m.plays) AS plays
FROM {filtered_hours} AS m
GROUP BY 1
ORDER BY 1

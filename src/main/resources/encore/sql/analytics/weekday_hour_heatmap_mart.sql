-- weekday_hour_heatmap.sql over the hours mart.
SELECT isodow(m.day) AS weekday, m.hour, sum(m.plays) AS plays
FROM {filtered_hours} AS m
GROUP BY 1, 2
ORDER BY 1, 2

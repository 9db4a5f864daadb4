-- Plays per ISO weekday (1 = Monday) and UTC hour.
SELECT isodow(sp.start_time) AS weekday, hour(sp.start_time) AS hour, count(*) AS plays
FROM {filtered_plays} AS sp
GROUP BY 1, 2
ORDER BY 1, 2

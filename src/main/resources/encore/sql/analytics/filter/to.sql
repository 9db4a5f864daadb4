-- The dashboard filter's last day (inclusive, UTC), as in filtered_plays.sql; one parameter.
sp.start_time < CAST(? AS DATE) + INTERVAL 1 DAY

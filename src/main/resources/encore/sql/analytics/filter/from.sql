-- The dashboard filter's first day (inclusive, UTC), as in filtered_plays.sql; one parameter.
sp.start_time >= CAST(? AS DATE)

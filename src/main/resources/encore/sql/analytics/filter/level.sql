-- The dashboard filter's level ("free" or "paid"), as in filtered_plays.sql; one parameter.
sp.level = ?

-- The dashboard filter's gender ("F" or "M"), as in filtered_plays.sql; one parameter.
sp.user_id IN (SELECT u.user_id FROM users u WHERE u.gender = ?)

-- 'unknown' stands for a NULL gender, as in the gender chart.
sp.user_id IN (SELECT u.user_id FROM users u WHERE coalesce(u.gender, 'unknown') = ?)

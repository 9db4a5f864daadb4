-- The dashboard filter, shared by every chart and drill-down: the songplays a DashboardFilter
-- selects. Each chart names it once as {filtered_plays}; it is inlined there as a subquery.
-- Parameters, in order: from, from, to, to, level, level, gender, gender (each pair the same
-- value; NULL = no restriction). Dates are UTC days; `to` is inclusive.
SELECT sp.*
FROM songplays sp
WHERE (CAST(? AS DATE) IS NULL OR sp.start_time >= CAST(? AS DATE))
  AND (CAST(? AS DATE) IS NULL OR sp.start_time < CAST(? AS DATE) + INTERVAL 1 DAY)
  AND (CAST(? AS VARCHAR) IS NULL OR sp.level = ?)
  AND (CAST(? AS VARCHAR) IS NULL OR sp.user_id IN (SELECT u.user_id FROM users u WHERE u.gender = ?))

-- 1 when the dashboard marts were built from the songplays and users there are now.
SELECT count(*)
FROM dashboard_marts_state s
WHERE s.songplays = (SELECT count(*) FROM songplays) AND s.users = (SELECT count(*) FROM users)

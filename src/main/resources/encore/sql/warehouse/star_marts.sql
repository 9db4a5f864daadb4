-- Dashboard marts: songplays pre-aggregated for the charts that would otherwise group millions
-- of plays by text (sessions, song titles, artist names). Each row keeps exactly what the
-- dashboard filter needs (UTC day, level, and the user's gender as in users), so a filtered
-- chart over a mart gives the same numbers as over songplays. Rebuilt after every load, in the
-- load's transaction, from the finished songplays and users; dashboard_marts_state records the
-- row counts they were built from, and the dashboard uses a mart only while those still match
-- (otherwise it reads songplays).
CREATE OR REPLACE TABLE dashboard_sessions AS
SELECT sp.user_id, sp.session_id, CAST(sp.start_time AS DATE) AS day, sp.level, u.gender,
       count(*) AS plays
FROM songplays sp
LEFT JOIN users u ON u.user_id = sp.user_id
GROUP BY ALL;

CREATE OR REPLACE TABLE dashboard_songs AS
SELECT sp.song, CAST(sp.start_time AS DATE) AS day, sp.level, u.gender, count(*) AS plays
FROM songplays sp
LEFT JOIN users u ON u.user_id = sp.user_id
WHERE sp.song IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TABLE dashboard_artists AS
SELECT sp.artist, CAST(sp.start_time AS DATE) AS day, sp.level, u.gender, count(*) AS plays
FROM songplays sp
LEFT JOIN users u ON u.user_id = sp.user_id
WHERE sp.artist IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TABLE dashboard_marts_state AS
SELECT (SELECT count(*) FROM songplays) AS songplays, (SELECT count(*) FROM users) AS users;

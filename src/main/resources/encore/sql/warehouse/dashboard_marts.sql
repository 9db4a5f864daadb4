-- Dashboard marts: songplays pre-aggregated for the charts, which would otherwise read every
-- play: by UTC hour (the time charts and gender), by session, by song title, by artist name.
-- Each row keeps exactly what the dashboard filter needs (UTC day, level, and the user's gender
-- as in users), so a filtered chart over a mart gives the same numbers as over songplays.
-- Rebuilt after a load (unless the load is told not to), in a transaction of its own once the
-- load has committed, from the finished songplays and users: they are a cache, not part of the
-- load. dashboard_marts_state records the row counts they were built from, and the dashboard
-- uses a mart only while those still match (otherwise it reads songplays), so stale or missing
-- marts never give wrong charts. Titles and names are numbered in text order (the *_names
-- tables), so the marts group small integers, and ties broken by number are ties broken by text.
CREATE OR REPLACE TABLE dashboard_hours AS
SELECT CAST(sp.start_time AS DATE) AS day, hour(sp.start_time) AS hour, sp.level, u.gender, count(*) AS plays
FROM songplays sp
LEFT JOIN users u ON u.user_id = sp.user_id
GROUP BY ALL;

-- A session is "split" when its plays fall on several days or levels (several rows here); the
-- rest, nearly all, are one row each, so the charts count and measure them without grouping.
CREATE OR REPLACE TABLE dashboard_sessions AS
SELECT s.*, count(*) OVER (PARTITION BY s.user_id, s.session_id) > 1 AS split
FROM (
    SELECT sp.user_id, sp.session_id, CAST(sp.start_time AS DATE) AS day, sp.level, u.gender,
           count(*) AS plays
    FROM songplays sp
    LEFT JOIN users u ON u.user_id = sp.user_id
    GROUP BY ALL
) s;

CREATE OR REPLACE TEMP TABLE mart_song_counts AS
SELECT sp.song, CAST(sp.start_time AS DATE) AS day, sp.level, u.gender, count(*) AS plays
FROM songplays sp
LEFT JOIN users u ON u.user_id = sp.user_id
WHERE sp.song IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TABLE dashboard_song_names AS
SELECT row_number() OVER (ORDER BY song) AS song_key, song
FROM (SELECT DISTINCT song FROM mart_song_counts);

CREATE OR REPLACE TABLE dashboard_songs AS
SELECT n.song_key, c.day, c.level, c.gender, c.plays
FROM mart_song_counts c
JOIN dashboard_song_names n ON n.song = c.song;

DROP TABLE mart_song_counts;

CREATE OR REPLACE TEMP TABLE mart_artist_counts AS
SELECT sp.artist, CAST(sp.start_time AS DATE) AS day, sp.level, u.gender, count(*) AS plays
FROM songplays sp
LEFT JOIN users u ON u.user_id = sp.user_id
WHERE sp.artist IS NOT NULL
GROUP BY ALL;

CREATE OR REPLACE TABLE dashboard_artist_names AS
SELECT row_number() OVER (ORDER BY artist) AS artist_key, artist
FROM (SELECT DISTINCT artist FROM mart_artist_counts);

CREATE OR REPLACE TABLE dashboard_artists AS
SELECT n.artist_key, c.day, c.level, c.gender, c.plays
FROM mart_artist_counts c
JOIN dashboard_artist_names n ON n.artist = c.artist;

DROP TABLE mart_artist_counts;

CREATE OR REPLACE TABLE dashboard_marts_state AS
SELECT (SELECT count(*) FROM songplays) AS songplays, (SELECT count(*) FROM users) AS users;

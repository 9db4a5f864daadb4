-- songplays: one row per NextSong event not loaded before (natural key: user, session, item,
-- start_time); when several staged events share a natural key, the first by (file, line) counts.
-- A play is matched to a song when title = song, artist name = artist and duration = length,
-- against this load's song files and the songs already in the warehouse; an ambiguous match takes
-- the smallest song_id. Unmatched plays keep NULL song and artist ids; every play keeps the song
-- title and artist name the event gave, for charts of what was played.
-- New ids continue after the largest existing one, in (start_time, user, session, item) order,
-- so the same input always gives the same ids.
--
-- Two steps, for speed: the keys are deduplicated and numbered on narrow rows (staged rowid and
-- natural key), and only then are the wide columns read once, by rowid. Sorting or windowing the
-- wide rows themselves costs several times more.
CREATE OR REPLACE TEMP TABLE new_play_ids AS
WITH plays AS (
    SELECT rowid AS staged_row, userId, sessionId, itemInSession, epoch_ms(ts) AS start_time, source_file, source_line
    FROM staging_events
    WHERE page = 'NextSong' AND userId <> ''
), repeated AS (
    SELECT userId, sessionId, itemInSession, start_time
    FROM plays
    GROUP BY userId, sessionId, itemInSession, start_time
    HAVING count(*) > 1
), later_copies AS (
    SELECT p.staged_row
    FROM plays p
    SEMI JOIN repeated r
        ON r.userId = p.userId AND r.sessionId = p.sessionId AND r.itemInSession = p.itemInSession AND r.start_time = p.start_time
    QUALIFY row_number() OVER (
        PARTITION BY p.userId, p.sessionId, p.itemInSession, p.start_time ORDER BY p.source_file, p.source_line) > 1
), new_plays AS (
    SELECT p.*
    FROM plays p
    ANTI JOIN later_copies l ON l.staged_row = p.staged_row
    ANTI JOIN songplays sp
        ON sp.user_id = p.userId AND sp.session_id = p.sessionId
       AND sp.item_in_session = p.itemInSession AND sp.start_time = p.start_time
)
SELECT staged_row,
       (SELECT coalesce(max(songplay_id), 0) FROM songplays)
           + row_number() OVER (ORDER BY start_time, userId, sessionId, itemInSession) AS songplay_id
FROM new_plays;

INSERT INTO songplays (songplay_id, start_time, user_id, level, song_id, artist_id, session_id,
                       item_in_session, location, user_agent, song, artist)
WITH catalog AS (
    SELECT s.title, a.name AS artist_name, s.duration, s.song_id, s.artist_id
    FROM songs s JOIN artists a ON a.artist_id = s.artist_id
    UNION
    SELECT title, artist_name, duration, song_id, artist_id
    FROM staging_songs
    WHERE song_id IS NOT NULL AND artist_id IS NOT NULL
), match_key AS (
    SELECT title, artist_name, duration, min(song_id) AS song_id, arg_min(artist_id, song_id) AS artist_id
    FROM catalog
    GROUP BY title, artist_name, duration
)
SELECT n.songplay_id, epoch_ms(e.ts), e.userId, e.level, m.song_id, m.artist_id, e.sessionId, e.itemInSession,
       e.location, e.userAgent, e.song, e.artist
FROM new_play_ids n
JOIN staging_events e ON e.rowid = n.staged_row
LEFT JOIN match_key m ON m.title = e.song AND m.artist_name = e.artist AND m.duration = e.length;

DROP TABLE new_play_ids;

-- songplays: one row per NextSong event not loaded before (natural key: user, session, item,
-- start_time). A play is matched to a song when title = song, artist name = artist and
-- duration = length, against this load's song files and the songs already in the warehouse;
-- an ambiguous match takes the smallest song_id. Unmatched plays keep NULL song and artist ids;
-- every play keeps the song title and artist name the event gave, for charts of what was played.
-- New ids continue after the largest existing one, in (start_time, user, session, item) order,
-- so the same input always gives the same ids.
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
), plays AS (
    SELECT epoch_ms(ts) AS start_time, userId AS user_id, level, song, artist, length,
           sessionId AS session_id, itemInSession AS item_in_session, location, userAgent AS user_agent
    FROM staging_events
    WHERE page = 'NextSong' AND userId <> ''
    QUALIFY row_number() OVER (
        PARTITION BY userId, sessionId, itemInSession, ts ORDER BY source_file, source_line) = 1
), new_plays AS (
    SELECT p.*
    FROM plays p
    ANTI JOIN songplays sp
        ON sp.user_id = p.user_id AND sp.session_id = p.session_id
       AND sp.item_in_session = p.item_in_session AND sp.start_time = p.start_time
)
SELECT (SELECT coalesce(max(songplay_id), 0) FROM songplays)
           + row_number() OVER (ORDER BY p.start_time, p.user_id, p.session_id, p.item_in_session),
       p.start_time, p.user_id, p.level, m.song_id, m.artist_id, p.session_id, p.item_in_session,
       p.location, p.user_agent, p.song, p.artist
FROM new_plays p
LEFT JOIN match_key m ON m.title = p.song AND m.artist_name = p.artist AND m.duration = p.length;

-- The songplays behind one chart element: the filter (filtered_plays_set.sql, its parameters
-- first), then {condition}: one or more conditions from drill/ joined by AND, in time order.
SELECT sp.songplay_id, sp.start_time, sp.user_id, sp.level, sp.song_id, sp.artist_id, sp.session_id,
       sp.item_in_session, sp.location, sp.user_agent, sp.song, sp.artist
FROM {filtered_plays} AS sp
WHERE {condition}
ORDER BY sp.start_time, sp.songplay_id

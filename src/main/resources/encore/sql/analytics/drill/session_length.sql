-- Plays of sessions (user + session id) holding between ? and ? plays (inclusive), counted over
-- the filtered plays as session_length_histogram.sql counts them.
EXISTS (
    SELECT 1
    FROM {filtered_plays} AS s
    WHERE s.user_id IS NOT DISTINCT FROM sp.user_id AND s.session_id IS NOT DISTINCT FROM sp.session_id
    HAVING count(*) BETWEEN CAST(? AS BIGINT) AND CAST(? AS BIGINT)
)
